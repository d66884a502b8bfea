using Platform.Domain;
using Platform.Domain.Assessments;
using Platform.Domain.Reference;

namespace Platform.Tests.Domain;

/// <summary>Given / when / then on the assessment, peer-review and recognition rules, with no database.</summary>
public class AssessmentDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly FrameworkCatalogue Framework = FrameworkCatalogue.Default;
    private static readonly AssessmentCaller Official = new(Guid.NewGuid(), new HashSet<string> { "york" });
    private static readonly AssessmentCaller Reviewer = new(Guid.NewGuid(), new HashSet<string> { "utrecht" });
    private static readonly AssessmentCaller Administrator = new(Guid.NewGuid(), new HashSet<string>());
    private static readonly Guid Id = AssessmentStream.Id("york", "2026");
    private static readonly Guid Rec = Guid.CreateVersion7();

    private static Assessment Draft => Assessment.Create(new AssessmentStarted(Id, "york", "2026", Framework.Version, Official.Id, Now));

    private static Assessment Assessed(Func<FrameworkItem, AssessmentLevel> level) =>
        Framework.Items.Aggregate(Draft, (a, i) => a.Apply(new AssessmentElementAssessed(Id, i.Code, level(i), [], null, Official.Id, Now)));

    private static Assessment Submitted(Func<FrameworkItem, AssessmentLevel> level)
    {
        var assessed = Assessed(level);
        return assessed.Apply(new AssessmentSubmitted(Id, "york", "2026", new(assessed.Levels), Official.Id, Now));
    }

    private static Assessment Reviewing(Func<FrameworkItem, AssessmentLevel> level) =>
        Submitted(level).Apply(new PeerReviewerAssigned(Id, "utrecht", Administrator.Id, Now));

    private static Assessment Reviewed(Func<FrameworkItem, AssessmentLevel> level) =>
        Reviewing(level)
            .Apply(new PeerReviewRecommendationDrafted(Id, Rec, "B4", "Meet more often.", [], Reviewer.Id, Now))
            .Apply(new PeerReviewSubmitted(Id, "utrecht", 0, [Rec], Reviewer.Id, Now));

    private static AssessmentLevel AllInPlace(FrameworkItem _) => AssessmentLevel.InPlace;

    private static DomainError Error(Decision decision) => Assert.Single(decision.Errors);

    [Fact]
    public void Starting_names_the_stream_after_city_and_cycle_and_records_the_framework_version()
    {
        var started = Assert.IsType<AssessmentStarted>(Assert.Single(
            AssessmentDecider.Decide(new StartAssessment(" 2026 "), "york", false, null, Official, Now, Framework).Events));
        Assert.Equal((Id, "2026", "fra-2021"), (started.AssessmentId, started.Cycle, started.FrameworkVersion));
    }

    [Fact]
    public void Starting_is_refused_while_another_cycle_is_open_or_the_cycle_exists()
    {
        Assert.Equal("open-cycle-exists", Error(AssessmentDecider.Decide(new StartAssessment("2027"), "york", false, "2026", Official, Now, Framework)).Code);
        Assert.Equal("cycle-exists", Error(AssessmentDecider.Decide(new StartAssessment("2026"), "york", true, null, Official, Now, Framework)).Code);
        Assert.Equal("cycle", Error(AssessmentDecider.Decide(new StartAssessment("20 26"), "york", false, null, Official, Now, Framework)).Field);
    }

    [Fact]
    public void Assessing_records_level_and_distinct_trimmed_evidence()
    {
        var decision = AssessmentDecider.Decide(new AssessElement("B3", "in-place", [" https://york.gov.uk/rights ", "https://york.gov.uk/rights"], " Since 2017 "),
            Draft, Official, Now, Framework);
        var assessed = Assert.IsType<AssessmentElementAssessed>(Assert.Single(decision.Events));
        Assert.Equal(("B3", AssessmentLevel.InPlace, "Since 2017"), (assessed.Item, assessed.Level, assessed.Note));
        Assert.Equal(["https://york.gov.uk/rights"], assessed.Evidence);
    }

    [Theory]
    [InlineData("X1", "inPlace", "https://a.org", "item")]
    [InlineData("A1", "done", "https://a.org", "level")]
    [InlineData("A1", "1", "https://a.org", "level")]
    [InlineData("A1", "planned", "mailto:x@a.org", "evidence[0]")]
    [InlineData("A1", "planned", "https://", "evidence[0]")]
    [InlineData("A1", "planned", "www.a.org", "evidence[0]")]
    public void Assessing_refuses_unknown_items_bad_levels_and_evidence_that_is_not_a_web_link(string item, string level, string link, string field)
    {
        var decision = AssessmentDecider.Decide(new AssessElement(item, level, [link], null), Draft, Official, Now, Framework);
        Assert.Equal(field, Error(decision).Field);
    }

    [Fact]
    public void A_draft_is_not_found_for_anyone_but_the_citys_officials()
    {
        Assert.Equal("assessment-not-found", Error(AssessmentDecider.Decide(new AssessElement("A1", "planned", [], null), Draft, Reviewer, Now, Framework)).Code);
        Assert.Equal("assessment-not-found", Error(AssessmentDecider.Decide(new AssignPeerReviewer("utrecht"), Draft, true, Administrator, Now)).Code);
    }

    [Fact]
    public void Submitting_lists_every_item_not_assessed_and_then_snapshots_all_levels()
    {
        var partial = Draft.Apply(new AssessmentElementAssessed(Id, "A1", AssessmentLevel.Planned, [], null, Official.Id, Now));
        var refused = AssessmentDecider.Decide(new SubmitAssessment(), partial, Official, Now, Framework);
        Assert.Equal(Framework.Items.Count - 1, refused.Errors.Count);
        Assert.All(refused.Errors, e => Assert.Equal(("assessment-incomplete", "items"), (e.Code, e.Field)));

        var submitted = Assert.IsType<AssessmentSubmitted>(Assert.Single(
            AssessmentDecider.Decide(new SubmitAssessment(), Assessed(AllInPlace), Official, Now, Framework).Events));
        Assert.Equal(Framework.Items.Count, submitted.Levels.Count);
        Assert.Equal("assessment-submitted", Error(AssessmentDecider.Decide(new AssessElement("A1", "planned", [], null), Submitted(AllInPlace), Official, Now, Framework)).Code);
    }

    [Fact]
    public void A_city_cannot_review_itself_and_the_reviewer_must_be_a_network_city()
    {
        Assert.Equal("reviewer-is-reviewed-city", Error(AssessmentDecider.Decide(new AssignPeerReviewer("york"), Submitted(AllInPlace), true, Administrator, Now)).Code);
        Assert.Equal("unknown-city", Error(AssessmentDecider.Decide(new AssignPeerReviewer("atlantis"), Submitted(AllInPlace), false, Administrator, Now)).Code);
        Assert.IsType<PeerReviewerAssigned>(Assert.Single(AssessmentDecider.Decide(new AssignPeerReviewer("utrecht"), Submitted(AllInPlace), true, Administrator, Now).Events));
    }

    [Fact]
    public void Only_officials_of_the_reviewing_city_who_are_not_of_the_reviewed_city_write_the_review()
    {
        var reviewing = Reviewing(AllInPlace);
        var both = new AssessmentCaller(Guid.NewGuid(), new HashSet<string> { "york", "utrecht" });
        foreach (var caller in new[] { Official, Administrator, both })
        {
            var error = Error(AssessmentDecider.Decide(new RecordFinding("B1", "Fine."), reviewing, caller, Now, Framework));
            Assert.Equal((ErrorKind.Forbidden, "not-the-reviewer"), (error.Kind, error.Code));
        }
        Assert.IsType<PeerReviewFindingRecorded>(Assert.Single(AssessmentDecider.Decide(new RecordFinding("B1", "Fine."), reviewing, Reviewer, Now, Framework).Events));
    }

    [Fact]
    public void A_recommendation_names_a_framework_item_and_known_rights()
    {
        var reviewing = Reviewing(AllInPlace);
        Assert.Equal("rights[1]", Error(AssessmentDecider.Decide(new DraftRecommendation("Do.", "B1", ["housing", "flying"]), reviewing, Rec, Reviewer, Now,
            Framework, ReferenceCatalogue.Default)).Field);
        var drafted = Assert.IsType<PeerReviewRecommendationDrafted>(Assert.Single(AssessmentDecider.Decide(
            new DraftRecommendation(" Do. ", "B1", ["housing", "housing"]), reviewing, Rec, Reviewer, Now, Framework, ReferenceCatalogue.Default).Events));
        Assert.Equal("Do.", drafted.Text);
        Assert.Equal(["housing"], drafted.Rights);
    }

    [Fact]
    public void An_empty_review_cannot_be_submitted()
    {
        Assert.Equal("review-empty", Error(AssessmentDecider.Decide(new SubmitPeerReview(), Reviewing(AllInPlace), Reviewer, Now)).Code);
    }

    [Fact]
    public void The_reviewed_city_answers_once_a_noted_answer_needs_a_note_and_follow_up_needs_an_answer()
    {
        var reviewed = Reviewed(AllInPlace);
        Assert.Equal("note", Error(AssessmentDecider.Decide(new AnswerRecommendation("noted", null), reviewed, Rec, Official, Now)).Field);
        Assert.Equal("not-an-official", Error(AssessmentDecider.Decide(new AnswerRecommendation("supported", null), reviewed, Rec, Reviewer, Now)).Code);
        Assert.Equal("recommendation-not-answered",
            Error(AssessmentDecider.Decide(new ReportFollowUp("Done.", new DateOnly(2026, 11, 1), "implemented"), reviewed, Rec, Official, Now)).Code);

        var answered = reviewed.Apply(Assert.IsType<RecommendationAnswered>(Assert.Single(
            AssessmentDecider.Decide(new AnswerRecommendation("supported", null), reviewed, Rec, Official, Now).Events)));
        Assert.Equal("recommendation-already-answered", Error(AssessmentDecider.Decide(new AnswerRecommendation("noted", "Why"), answered, Rec, Official, Now)).Code);
        Assert.Equal("date", Error(AssessmentDecider.Decide(new ReportFollowUp("Done.", new DateOnly(2026, 11, 28), "implemented"), answered, Rec, Official, Now)).Field);
        Assert.IsType<RecommendationFollowUpReported>(Assert.Single(
            AssessmentDecider.Decide(new ReportFollowUp("Done.", new DateOnly(2026, 11, 25), "inProgress"), answered, Rec, Official, Now).Events));
    }

    [Fact]
    public void Only_a_supported_recommendation_becomes_a_commitment_and_linking_again_changes_nothing()
    {
        var reviewed = Reviewed(AllInPlace);
        var commitment = Guid.CreateVersion7();
        var noted = reviewed.Apply(new RecommendationAnswered(Id, Rec, RecommendationResponse.Noted, "Not ours.", Official.Id, Now));
        Assert.Equal("recommendation-not-supported", Error(AssessmentDecider.Decide(new LinkCommitment(commitment), noted, Rec, Official, Now)).Code);

        var linked = reviewed
            .Apply(new RecommendationAnswered(Id, Rec, RecommendationResponse.Supported, null, Official.Id, Now))
            .Apply(new RecommendationLinkedToCommitment(Id, Rec, commitment, Official.Id, Now));
        Assert.Same(Decision.NoChange, AssessmentDecider.Decide(new LinkCommitment(commitment), linked, Rec, Official, Now));
    }

    [Fact]
    public void Recognition_needs_foundations_four_structures_and_a_reviewed_cycle()
    {
        static AssessmentLevel ThreeStructures(FrameworkItem i) =>
            i.Section == FrameworkSection.Structures && string.CompareOrdinal(i.Code, "B3") > 0 ? AssessmentLevel.Planned : AssessmentLevel.InPlace;
        var unmet = AssessmentDecider.Decide(new AwardRecognition("recognised"), Submitted(ThreeStructures), Administrator, Now, Framework).Errors;
        Assert.Equal([RecognitionRules.StructuresInPlace, RecognitionRules.MonitoringCycleCompleted], unmet.Select(e => e.Code));

        var awarded = Assert.IsType<RecognitionAwarded>(Assert.Single(
            AssessmentDecider.Decide(new AwardRecognition("recognised"), Reviewed(AllInPlace), Administrator, Now, Framework).Events));
        Assert.Equal((RecognitionLevel.Recognised, "utrecht", "2026"), (awarded.Level, awarded.ReviewerCity, awarded.Cycle));
    }

    [Fact]
    public void Advanced_needs_every_tool_in_place_and_supported_recommendations_followed_up()
    {
        static AssessmentLevel ToolsPlanned(FrameworkItem i) => i.Code == "C10" ? AssessmentLevel.Planned : AssessmentLevel.InPlaceAndEvaluated;
        var supported = Reviewed(ToolsPlanned).Apply(new RecommendationAnswered(Id, Rec, RecommendationResponse.Supported, null, Official.Id, Now));
        var unmet = AssessmentDecider.Decide(new AwardRecognition("advanced"), supported, Administrator, Now, Framework).Errors;
        Assert.Equal([RecognitionRules.ToolsInPlace, RecognitionRules.SupportedRecommendationsFollowedUp], unmet.Select(e => e.Code));
        Assert.Contains("C10", unmet[0].Message);

        var followed = Reviewed(AllInPlace)
            .Apply(new RecommendationAnswered(Id, Rec, RecommendationResponse.Supported, null, Official.Id, Now))
            .Apply(new RecommendationFollowUpReported(Id, Rec, "Done.", new DateOnly(2026, 11, 1), FollowUpStatus.Implemented, Official.Id, Now));
        Assert.IsType<RecognitionAwarded>(Assert.Single(AssessmentDecider.Decide(new AwardRecognition("advanced"), followed, Administrator, Now, Framework).Events));
    }

    [Fact]
    public void The_framework_catalogue_holds_the_fra_items_by_section()
    {
        Assert.Equal((5, 7, 10), (Framework.In(FrameworkSection.Foundations).Count(), Framework.In(FrameworkSection.Structures).Count(),
            Framework.In(FrameworkSection.Tools).Count()));
        Assert.Equal("partly", Framework.ByCode["C10"].ConfirmedInSource);
    }
}
