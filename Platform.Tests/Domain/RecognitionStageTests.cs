using Platform.Domain.Assessments;

namespace Platform.Tests.Domain;

/// <summary>The candidate stage: derived from a declaration and a first cycle, never awarded; the declaration's rules.</summary>
public class RecognitionStageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_city_is_a_candidate_from_the_later_of_its_declaration_and_its_first_cycle_until_a_level_is_awarded()
    {
        Assert.Equal((RecognitionStage.None, null), RecognitionStages.Of(Now, null, null));
        Assert.Equal((RecognitionStage.None, null), RecognitionStages.Of(null, Now, null));
        Assert.Equal((RecognitionStage.Candidate, Now), RecognitionStages.Of(Now.AddDays(-3), Now, null));
        Assert.Equal((RecognitionStage.Candidate, Now), RecognitionStages.Of(Now, Now.AddDays(-3), null));
        Assert.Equal(RecognitionStage.Recognised, RecognitionStages.Of(Now, Now, RecognitionLevel.Recognised).Stage);
        Assert.Equal(RecognitionStage.Advanced, RecognitionStages.Of(null, Now, RecognitionLevel.Advanced).Stage);
        Assert.Equal(RecognitionLevel.Recognised, RecognitionStages.Next(RecognitionStage.Candidate));
        Assert.Null(RecognitionStages.Next(RecognitionStage.Advanced));
    }

    [Fact]
    public void Candidate_is_no_level_the_network_can_award()
    {
        Assert.False(AssessmentRules.TryParseName<RecognitionLevel>("candidate", out _));
    }

    [Fact]
    public void A_declaration_needs_a_past_decision_date_and_a_link_and_is_made_once_a_retry_changing_nothing()
    {
        var id = AssessmentStream.Declaration("lviv");
        var official = Guid.NewGuid();
        Scenario.Given<CommitmentDeclaration>().When(s => RecognitionStages.Decide(new DeclareHumanRightsCommitment(id, "lviv", official, null, "https://example.org/d"), s, Now))
            .Refused("invalid-decidedOn", "decidedOn");
        Scenario.Given<CommitmentDeclaration>().When(s => RecognitionStages.Decide(new DeclareHumanRightsCommitment(id, "lviv", official,
            new DateOnly(2027, 1, 1), "https://example.org/d"), s, Now)).Refused("invalid-decidedOn", "decidedOn");
        Scenario.Given<CommitmentDeclaration>().When(s => RecognitionStages.Decide(new DeclareHumanRightsCommitment(id, "lviv", official,
            new DateOnly(2026, 10, 1), "javascript:alert(1)"), s, Now)).Refused("invalid-decisionUrl", "decisionUrl");
        var declared = new HumanRightsCommitmentDeclared(id, "lviv", new DateOnly(2026, 10, 1), "https://example.org/d", official, Now);
        Scenario.Given<CommitmentDeclaration>().When(s => RecognitionStages.Decide(new DeclareHumanRightsCommitment(id, "lviv", official,
            new DateOnly(2026, 10, 1), " https://example.org/d "), s, Now)).Events(declared);
        Scenario.Given<CommitmentDeclaration>(declared).When(s => RecognitionStages.Decide(new DeclareHumanRightsCommitment(id, "lviv", official,
            new DateOnly(2026, 10, 1), "https://example.org/d"), s, Now)).Nothing();
        Scenario.Given<CommitmentDeclaration>(declared).When(s => RecognitionStages.Decide(new DeclareHumanRightsCommitment(id, "lviv", official,
            new DateOnly(2026, 9, 1), "https://example.org/d"), s, Now)).Refused("commitment-declared");
    }
}
