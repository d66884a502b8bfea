using System.Globalization;
using Platform.Domain.Concerns;
using Platform.Domain.Consultations;
using Platform.Domain.Proposals;
using Platform.Domain.TownHalls;

namespace Platform.Tests.Domain;

/// <summary>
/// A verified email address as an input of every participation decider: required and missing, the decision is the
/// refusal <c>verified-email-required</c> (403), before anything about the item; required and present, or not required,
/// the decider goes on to the item (here: none, so it is not found).
/// </summary>
public sealed class EmailVerificationDeciderTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-01T10:00:00Z", CultureInfo.InvariantCulture);

    public static TheoryData<string> Commands => ["support a concern", "support a proposal", "vote", "answer a consultation"];

    private static Decision Decide(string command, bool required, bool verified) => command switch
    {
        "support a concern" => ConcernDecider.Decide(new SupportConcern(Guid.NewGuid(), Guid.NewGuid()) { VerifiedEmailRequired = required, VerifiedEmail = verified }, null, Now),
        "support a proposal" => ProposalDecider.Decide(new SupportProposal(Guid.NewGuid(), Guid.NewGuid()) { VerifiedEmailRequired = required, VerifiedEmail = verified }, null, Now),
        "vote" => TownHallDecider.Decide(new CastVote(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 0) { VerifiedEmailRequired = required, VerifiedEmail = verified }, null, Now),
        _ => ConsultationDecider.Decide(new SubmitConsultationResponse(Guid.NewGuid(), Guid.NewGuid(), []) { VerifiedEmailRequired = required, VerifiedEmail = verified }, null, Now),
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Required_and_unverified_is_refused_as_forbidden(string command)
    {
        var refusal = Assert.Single(Decide(command, required: true, verified: false).Errors);
        Assert.Equal(("verified-email-required", ErrorKind.Forbidden), (refusal.Code, refusal.Kind));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Verified_or_not_required_goes_on_to_the_item(string command)
    {
        foreach (var (required, verified) in new[] { (true, true), (false, false) })
            Assert.DoesNotContain(Decide(command, required, verified).Errors, e => e.Code == "verified-email-required");
    }
}
