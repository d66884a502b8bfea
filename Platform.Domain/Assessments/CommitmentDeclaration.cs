namespace Platform.Domain.Assessments;

/// <summary>The write-side state of a city's declaration of its human rights commitment: it exists once declared.</summary>
public sealed record CommitmentDeclaration(Guid Id, string City, DateOnly DecidedOn, string DecisionUrl, DateTimeOffset DeclaredAt)
{
    public static CommitmentDeclaration From(HumanRightsCommitmentDeclared e) => new(e.DeclarationId, e.City, e.DecidedOn, e.DecisionUrl, e.DeclaredAt);
}
