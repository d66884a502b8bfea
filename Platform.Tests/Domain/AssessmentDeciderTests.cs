using Platform.Domain.Assessments;
using Platform.Domain.Reference;

namespace Platform.Tests.Domain;

/// <summary>Given a cycle's events, when an official, a reviewer or the network acts, then events or a refusal; no database.</summary>
public class AssessmentDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly FrameworkCatalogue Framework = FrameworkCatalogue.Default;
    private static readonly AssessmentCaller Official = new(Guid.NewGuid(), new HashSet<string> { "york" });
    private static readonly AssessmentCaller Reviewer = new(Guid.NewGuid(), new HashSet<string> { "utrecht" });
    private static readonly AssessmentCaller Administrator = new(Guid.NewGuid(), new HashSet<string>());
    private static readonly Guid Id = AssessmentStream.Id("york", "2026");
    private static readonly Guid Rec = Guid.CreateVersion7();

    // The cycle's history, step by step.
    private static object[] Draft => [new AssessmentStarted(Id, "york", "2026", Framework.Version, Official.Id, Now)];

    private static object[] Assessed(Func<FrameworkItem, AssessmentLevel> level) =>
        [.. Draft, .. Framework.Items.Select(i => new AssessmentElementAssessed(Id, i.Code, level(i), [], null, Official.Id, Now))];

    private static object[] Submitted(Func<FrameworkItem, AssessmentLevel> level) =>
        [.. Assessed(level), new AssessmentSubmitted(Id, "york", "2026", Framework.Items.ToDictionary(i => i.Code, level), Official.Id, Now)];

    private static object[] Reviewing(Func<FrameworkItem, AssessmentLevel> level) =>
        [.. Submitted(level), new PeerReviewerAssigned(Id, "utrecht", Administrator.Id, Now)];

    private static object[] Reviewed(Func<FrameworkItem, AssessmentLevel> level) =>
        [.. Reviewing(level),
            new PeerReviewRecommendationDrafted(Id, Rec, "B4", "Meet more often.", [], Reviewer.Id, Now),
            new PeerReviewSubmitted(Id, "utrecht", 0, [Rec], Reviewer.Id, Now)];

    private static RecommendationAnswered Answered(RecommendationResponse response, string? note = null) => new(Id, Rec, response, note, Official.Id, Now);

    private static AssessmentLevel AllInPlace(FrameworkItem _) => AssessmentLevel.InPlace;

    private static Given<Assessment> Given(params object[] events) => Scenario.Given<Assessment>(events);

    [Fact]
    public void Starting_names_the_stream_after_city_and_cycle_and_records_the_framework_version() =>
        Given().When(s => AssessmentDecider.Decide(new StartAssessment(AssessmentStream.Of("york", " 2026 "), "york", " 2026 ", Official), s, Now))
            .Events(new AssessmentStarted(Id, "york", "2026", "fra-2021", Official.Id, Now));

    [Fact]
    public void Starting_is_refused_while_another_cycle_is_open_or_the_cycle_exists()
    {
        Given().When(s => AssessmentDecider.Decide(new StartAssessment(Id, "york", "2027", Official) { OpenCycle = "2026" }, s, Now))
            .Refused("open-cycle-exists");
        Given(Draft).When(s => AssessmentDecider.Decide(new StartAssessment(Id, "york", "2026", Official), s, Now))
            .Refused("cycle-exists");
        Given().When(s => AssessmentDecider.Decide(new StartAssessment(AssessmentStream.Of("york", "20 26"), "york", "20 26", Official), s, Now))
            .Refused("invalid-cycle", "cycle");
    }

    [Fact]
    public void Assessing_records_level_and_distinct_trimmed_evidence()
    {
        var assessed = Given(Draft)
            .When(s => AssessmentDecider.Decide(
                new AssessElement(Id, Official, "B3", "in-place", [" https://york.gov.uk/rights ", "https://york.gov.uk/rights"], " Since 2017 "), s, Now))
            .Single<AssessmentElementAssessed>();
        Assert.Equal(("B3", AssessmentLevel.InPlace, "Since 2017", Official.Id), (assessed.Item, assessed.Level, assessed.Note, assessed.OfficialId));
        Assert.Equal(["https://york.gov.uk/rights"], assessed.Evidence);
    }

    [Theory]
    [InlineData("X1", "inPlace", "https://a.org", "item")]
    [InlineData("A1", "done", "https://a.org", "level")]
    [InlineData("A1", "1", "https://a.org", "level")]
    [InlineData("A1", "planned", "mailto:x@a.org", "evidence[0]")]
    [InlineData("A1", "planned", "https://", "evidence[0]")]
    [InlineData("A1", "planned", "www.a.org", "evidence[0]")]
    public void Assessing_refuses_unknown_items_bad_levels_and_evidence_that_is_not_a_web_link(string item, string level, string link, string field) =>
        Given(Draft).When(s => AssessmentDecider.Decide(new AssessElement(Id, Official, item, level, [link], null), s, Now))
            .Refused("invalid-" + field, field);

    [Fact]
    public void A_draft_is_not_found_for_anyone_but_the_citys_officials()
    {
        Given(Draft).When(s => AssessmentDecider.Decide(new AssessElement(Id, Reviewer, "A1", "planned", [], null), s, Now))
            .Refused("assessment-not-found");
        Given(Draft).When(s => AssessmentDecider.Decide(new AssignPeerReviewer(Id, Administrator, "utrecht") { ReviewerCityExists = true }, s, Now))
            .Refused("assessment-not-found");
    }

    [Fact]
    public void Submitting_lists_every_item_not_assessed_and_then_snapshots_all_levels()
    {
        var refused = Given([.. Draft, new AssessmentElementAssessed(Id, "A1", AssessmentLevel.Planned, [], null, Official.Id, Now)])
            .When(s => AssessmentDecider.Decide(new SubmitAssessment(Id, Official), s, Now));
        refused.Refused("assessment-incomplete", "items");
        Assert.Equal(Framework.Items.Count - 1, refused.Decision.Errors.Count);
        Assert.All(refused.Decision.Errors, e => Assert.Equal(("assessment-incomplete", "items"), (e.Code, e.Field)));

        var submitted = Given(Assessed(AllInPlace)).When(s => AssessmentDecider.Decide(new SubmitAssessment(Id, Official), s, Now))
            .Single<AssessmentSubmitted>();
        Assert.Equal(Framework.Items.Count, submitted.Levels.Count);

        Given(Submitted(AllInPlace)).When(s => AssessmentDecider.Decide(new AssessElement(Id, Official, "A1", "planned", [], null), s, Now))
            .Refused("assessment-submitted");
    }

    [Fact]
    public void A_city_cannot_review_itself_and_the_reviewer_must_be_a_network_city()
    {
        var submitted = Given(Submitted(AllInPlace));
        submitted.When(s => AssessmentDecider.Decide(new AssignPeerReviewer(Id, Administrator, "york") { ReviewerCityExists = true }, s, Now))
            .Refused("reviewer-is-reviewed-city", "reviewerCity");
        submitted.When(s => AssessmentDecider.Decide(new AssignPeerReviewer(Id, Administrator, "atlantis"), s, Now))
            .Refused("unknown-city", "reviewerCity");
        submitted.When(s => AssessmentDecider.Decide(new AssignPeerReviewer(Id, Administrator, " utrecht ") { ReviewerCityExists = true }, s, Now))
            .Events(new PeerReviewerAssigned(Id, "utrecht", Administrator.Id, Now));
        Given(Reviewing(AllInPlace)).When(s => AssessmentDecider.Decide(new AssignPeerReviewer(Id, Administrator, "leiden") { ReviewerCityExists = true }, s, Now))
            .Refused("reviewer-already-assigned");
    }

    [Fact]
    public void Only_officials_of_the_reviewing_city_who_are_not_of_the_reviewed_city_write_the_review()
    {
        var reviewing = Given(Reviewing(AllInPlace));
        var both = new AssessmentCaller(Guid.NewGuid(), new HashSet<string> { "york", "utrecht" });
        foreach (var caller in new[] { Official, Administrator, both })
            Assert.Equal(ErrorKind.Forbidden,
                reviewing.When(s => AssessmentDecider.Decide(new RecordFinding(Id, caller, "B1", "Fine."), s, Now)).Refused("not-the-reviewer").Kind);
        reviewing.When(s => AssessmentDecider.Decide(new RecordFinding(Id, Reviewer, "B1", " Fine. "), s, Now))
            .Events(new PeerReviewFindingRecorded(Id, "B1", "Fine.", Reviewer.Id, Now));
    }

    [Fact]
    public void A_recommendation_names_a_framework_item_and_known_rights()
    {
        var reviewing = Given(Reviewing(AllInPlace));
        reviewing.When(s => AssessmentDecider.Decide(new DraftRecommendation(Id, Rec, Reviewer, "Do.", "B1", ["housing", "flying"]), s, Now))
            .Refused("invalid-rights[1]", "rights[1]");
        var drafted = reviewing.When(s => AssessmentDecider.Decide(new DraftRecommendation(Id, Rec, Reviewer, " Do. ", "B1", ["housing", "housing"]), s, Now))
            .Single<PeerReviewRecommendationDrafted>();
        Assert.Equal((Rec, "Do."), (drafted.RecommendationId, drafted.Text));
        Assert.Equal(["housing"], drafted.Rights);
    }

    [Fact]
    public void An_empty_review_cannot_be_submitted() =>
        Given(Reviewing(AllInPlace)).When(s => AssessmentDecider.Decide(new SubmitPeerReview(Id, Reviewer), s, Now))
            .Refused("review-empty");

    [Fact]
    public void The_reviewed_city_answers_once_a_noted_answer_needs_a_note_and_follow_up_needs_an_answer()
    {
        var reviewed = Given(Reviewed(AllInPlace));
        reviewed.When(s => AssessmentDecider.Decide(new AnswerRecommendation(Id, Rec, Official, "noted", null), s, Now)).Refused("invalid-note", "note");
        reviewed.When(s => AssessmentDecider.Decide(new AnswerRecommendation(Id, Rec, Reviewer, "supported", null), s, Now)).Refused("not-an-official");
        reviewed.When(s => AssessmentDecider.Decide(new ReportFollowUp(Id, Rec, Official, "Done.", new DateOnly(2026, 11, 1), "implemented"), s, Now))
            .Refused("recommendation-not-answered");
        reviewed.When(s => AssessmentDecider.Decide(new AnswerRecommendation(Id, Rec, Official, "supported", null), s, Now))
            .Events(Answered(RecommendationResponse.Supported));

        var answered = Given([.. Reviewed(AllInPlace), Answered(RecommendationResponse.Supported)]);
        answered.When(s => AssessmentDecider.Decide(new AnswerRecommendation(Id, Rec, Official, "noted", "Why"), s, Now)).Refused("recommendation-already-answered");
        answered.When(s => AssessmentDecider.Decide(new ReportFollowUp(Id, Rec, Official, "Done.", new DateOnly(2026, 11, 28), "implemented"), s, Now))
            .Refused("invalid-date", "date");
        answered.When(s => AssessmentDecider.Decide(new ReportFollowUp(Id, Rec, Official, "Done.", new DateOnly(2026, 11, 25), "inProgress"), s, Now))
            .Single<RecommendationFollowUpReported>();
    }

    [Fact]
    public void Only_a_supported_recommendation_becomes_a_commitment_and_linking_again_changes_nothing()
    {
        var commitment = Guid.CreateVersion7();
        Given([.. Reviewed(AllInPlace), Answered(RecommendationResponse.Noted, "Not ours.")])
            .When(s => AssessmentDecider.Decide(new LinkCommitment(Id, Rec, Official, commitment), s, Now))
            .Refused("recommendation-not-supported");
        Given([.. Reviewed(AllInPlace), Answered(RecommendationResponse.Supported)])
            .When(s => AssessmentDecider.Decide(new LinkCommitment(Id, Rec, Official, commitment), s, Now))
            .Events(new RecommendationLinkedToCommitment(Id, Rec, commitment, Official.Id, Now));
        Given([.. Reviewed(AllInPlace), Answered(RecommendationResponse.Supported), new RecommendationLinkedToCommitment(Id, Rec, commitment, Official.Id, Now)])
            .When(s => AssessmentDecider.Decide(new LinkCommitment(Id, Rec, Official, commitment), s, Now))
            .Nothing();
    }

    [Fact]
    public void Recognition_needs_foundations_four_structures_and_a_reviewed_cycle()
    {
        static AssessmentLevel ThreeStructures(FrameworkItem i) =>
            i.Section == FrameworkSection.Structures && string.CompareOrdinal(i.Code, "B3") > 0 ? AssessmentLevel.Planned : AssessmentLevel.InPlace;
        var unmet = Given(Submitted(ThreeStructures)).When(s => AssessmentDecider.Decide(new AwardRecognition(Id, Administrator, "recognised"), s, Now));
        unmet.Refused(RecognitionRules.StructuresInPlace, "rules");
        Assert.Equal([RecognitionRules.StructuresInPlace, RecognitionRules.MonitoringCycleCompleted], unmet.Decision.Errors.Select(e => e.Code));

        Given(Reviewed(AllInPlace)).When(s => AssessmentDecider.Decide(new AwardRecognition(Id, Administrator, "recognised"), s, Now))
            .Events(new RecognitionAwarded(Id, "york", "2026", RecognitionLevel.Recognised, "utrecht", Administrator.Id, Now));
    }

    [Fact]
    public void Advanced_needs_every_tool_in_place_and_supported_recommendations_followed_up()
    {
        static AssessmentLevel ToolsPlanned(FrameworkItem i) => i.Code == "C10" ? AssessmentLevel.Planned : AssessmentLevel.InPlaceAndEvaluated;
        var unmet = Given([.. Reviewed(ToolsPlanned), Answered(RecommendationResponse.Supported)])
            .When(s => AssessmentDecider.Decide(new AwardRecognition(Id, Administrator, "advanced"), s, Now));
        Assert.Contains("C10", unmet.Refused(RecognitionRules.ToolsInPlace).Message);
        Assert.Equal([RecognitionRules.ToolsInPlace, RecognitionRules.SupportedRecommendationsFollowedUp], unmet.Decision.Errors.Select(e => e.Code));

        Given([.. Reviewed(AllInPlace), Answered(RecommendationResponse.Supported),
                new RecommendationFollowUpReported(Id, Rec, "Done.", new DateOnly(2026, 11, 1), FollowUpStatus.Implemented, Official.Id, Now)])
            .When(s => AssessmentDecider.Decide(new AwardRecognition(Id, Administrator, "advanced"), s, Now))
            .Single<RecognitionAwarded>();
    }

    [Fact]
    public void The_framework_catalogue_holds_the_fra_items_by_section()
    {
        Assert.Equal((5, 7, 10), (Framework.In(FrameworkSection.Foundations).Count(), Framework.In(FrameworkSection.Structures).Count(),
            Framework.In(FrameworkSection.Tools).Count()));
        Assert.Equal("partly", Framework.ByCode["C10"].ConfirmedInSource);
    }
}
