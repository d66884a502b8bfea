namespace Platform.Domain.Proposals;

/// <summary>Limits on what officials write about a proposal (what residents write follows the concern rules).</summary>
public static class ProposalRules
{
    public const int DecisionMaxLength = 5000;
}
