using Platform.Domain.Assessments;
using Platform.Domain.Monitoring;
using Platform.Domain.UnRecommendations;

namespace Platform.Tests.Domain;

/// <summary>Given a city's register of UN recommendations, when an official records, imports, answers, follows up or links, then events or a refusal.</summary>
public class UnRecommendationDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Official = Guid.NewGuid();
    private static readonly Guid Register = UnRecommendationRules.RegisterOf("york");
    private static readonly Guid Rec = Guid.CreateVersion7();
    private static readonly Guid Commitment = Guid.CreateVersion7();

    private static UnRecommendationInput Input(string? source = "upr", string? text = "End homelessness.", string?[]? rights = null, string?[]? targets = null,
        string? paragraph = "43.1") => new(source, "UPR 4th cycle 2022", paragraph, text, rights ?? ["housing"], targets ?? ["11.1"]);

    private static object[] Recorded =>
    [
        new UnRecommendationRegisterOpened(Register, "york", Now),
        new UnRecommendationRecorded(Register, Rec, "upr", "UPR 4th cycle 2022", "43.1", "End homelessness.", ["housing"], ["11.1"],
            UnRecommendationRules.Key("upr", "UPR 4th cycle 2022", "43.1", "End homelessness."), false, Official, Now),
    ];

    private static object[] Answered(RecommendationResponse response) =>
        [.. Recorded, new UnRecommendationAnswered(Register, Rec, response, response == RecommendationResponse.Noted ? "Regional." : null, Official, Now)];

    private static Given<UnRecommendationRegister> Given(params object[] events) => Scenario.Given<UnRecommendationRegister>(events);

    [Fact]
    public void The_first_recommendation_opens_the_register_and_is_recorded_trimmed_with_its_source_in_lower_case()
    {
        var decision = Given().When(s => UnRecommendationDecider.Decide(new RecordUnRecommendation(Register, "york", Rec, Official,
            new UnRecommendationInput(" UPR ", " UPR 4th cycle 2022 ", " 43.1 ", " End homelessness. ", [" housing ", "housing"], ["11.1"])), s, Now)).Decision;
        Assert.Equal(new UnRecommendationRegisterOpened(Register, "york", Now), decision.Events[0]);
        var recorded = Assert.IsType<UnRecommendationRecorded>(decision.Events[1]);
        Assert.Equal(("upr", "UPR 4th cycle 2022", "43.1", "End homelessness."), (recorded.Source, recorded.Cycle, recorded.Paragraph, recorded.Text));
        Assert.Equal(["housing"], recorded.Rights);
        Assert.False(recorded.Imported);
    }

    [Fact]
    public void A_recommendation_names_a_known_source_at_least_one_known_right_and_known_targets()
    {
        Given().When(s => UnRecommendationDecider.Decide(new RecordUnRecommendation(Register, "york", Rec, Official, Input(source: "unesco")), s, Now))
            .Refused("invalid-source", "source");
        Given().When(s => UnRecommendationDecider.Decide(new RecordUnRecommendation(Register, "york", Rec, Official, Input(rights: [])), s, Now))
            .Refused("invalid-rights", "rights");
        Given().When(s => UnRecommendationDecider.Decide(new RecordUnRecommendation(Register, "york", Rec, Official, Input(rights: ["housing", "flying"])), s, Now))
            .RefusedNaming("rights[1]");
        Given().When(s => UnRecommendationDecider.Decide(new RecordUnRecommendation(Register, "york", Rec, Official, Input(targets: ["99.9"])), s, Now))
            .RefusedNaming("sdgTargets[0]");
        Given().When(s => UnRecommendationDecider.Decide(new RecordUnRecommendation(Register, "york", Rec, Official,
            Input(text: new string('x', UnRecommendationRules.TextMaxLength + 1))), s, Now)).RefusedNaming("text");
    }

    [Fact]
    public void The_same_source_cycle_and_paragraph_is_recorded_once_whatever_the_case_and_spaces()
    {
        Given(Recorded).When(s => UnRecommendationDecider.Decide(new RecordUnRecommendation(Register, "york", Guid.CreateVersion7(), Official,
            new UnRecommendationInput("upr", "upr 4th  cycle 2022", "43.1", "Another wording.", ["housing"], null)), s, Now)).Refused("un-recommendation-exists");
    }

    [Fact]
    public void A_file_is_recorded_whole_and_rows_recorded_already_are_left_as_they_are()
    {
        var (rows, malformed) = UnRecommendationCsv.Read(
            "source,cycle,paragraph,text,rights,sdgTargets\nupr,UPR 4th cycle 2022,43.1,End homelessness.,housing,11.1\ncrpd,CRPD 2017,49,Accessible buses.,disability-inclusion;mobility,\n",
            Guid.CreateVersion7);
        Assert.Empty(malformed);
        var decision = Given(Recorded).When(s => UnRecommendationDecider.Decide(new ImportUnRecommendations(Register, "york", Official, rows, malformed), s, Now)).Decision;
        var recorded = Assert.IsType<UnRecommendationRecorded>(Assert.Single(decision.Events));
        Assert.Equal(("crpd", true), (recorded.Source, recorded.Imported));
        Assert.Equal(["disability-inclusion", "mobility"], recorded.Rights);
        Assert.Equal(1, UnRecommendationDecider.Imported(decision));
    }

    [Fact]
    public void A_file_with_bad_rows_is_refused_whole_with_the_line_and_column_of_every_problem()
    {
        var (rows, malformed) = UnRecommendationCsv.Read(
            "Source,Session,Symbol,Text,Rights\nupr,UPR 2022,1,Fine.,housing\nunesco,UPR 2022,2,Bad source.,housing\nupr,UPR 2022,3,Bad right.,housing;flying\nupr,UPR 2022,1,Repeats line 2.,housing\n",
            Guid.CreateVersion7);
        Assert.Empty(malformed);
        var decision = Given().When(s => UnRecommendationDecider.Decide(new ImportUnRecommendations(Register, "york", Official, rows, malformed), s, Now)).Decision;
        var problems = decision.Errors.Select(MeasurementImport.Problem).ToList();
        Assert.Equal([new ImportProblem(3, "Source", problems[0]!.Problem), new ImportProblem(4, "Rights", problems[1]!.Problem),
            new ImportProblem(5, "Symbol", "Line 2 holds this recommendation already.")], problems);
        Assert.All(decision.Errors, e => Assert.Equal(ErrorKind.RuleViolated, e.Kind));
        Assert.Empty(decision.Events);
    }

    [Theory]
    [InlineData("source,cycle,text\nupr,2022,x\n", 1, "rights")]
    [InlineData("source,cycle,text,rights,colour\nupr,2022,x,housing,red\n", 1, "colour")]
    [InlineData("source,cycle,text,rights\nupr,2022,x\n", 2, "*")]
    [InlineData("source,cycle,text,rights\n", 2, "*")]
    [InlineData("source,cycle,text,rights\nupr,2022,\"never closed,housing\n", 2, "*")]
    public void A_file_that_is_no_table_of_recommendations_is_malformed_at_its_line_and_column(string file, int line, string column)
    {
        var (rows, malformed) = UnRecommendationCsv.Read(file, Guid.CreateVersion7);
        Assert.Empty(rows);
        Assert.Contains(malformed, p => p.Line == line && p.Column == column);
        Given().When(s => UnRecommendationDecider.Decide(new ImportUnRecommendations(Register, "york", Official, rows, malformed), s, Now))
            .Refused(MeasurementImport.RowProblem);
    }

    [Fact]
    public void Noted_needs_a_reason_and_a_recommendation_is_answered_once()
    {
        Given(Recorded).When(s => UnRecommendationDecider.Decide(new AnswerUnRecommendation(Register, Rec, Official, "noted", " "), s, Now))
            .Refused("invalid-note", "note");
        Given(Recorded).When(s => UnRecommendationDecider.Decide(new AnswerUnRecommendation(Register, Rec, Official, "noted", "Regional competence."), s, Now))
            .Events(new UnRecommendationAnswered(Register, Rec, RecommendationResponse.Noted, "Regional competence.", Official, Now));
        Given(Answered(RecommendationResponse.Supported)).When(s => UnRecommendationDecider.Decide(new AnswerUnRecommendation(Register, Rec, Official, "noted", "x"), s, Now))
            .Refused("recommendation-already-answered");
        Given(Recorded).When(s => UnRecommendationDecider.Decide(new AnswerUnRecommendation(Register, Guid.NewGuid(), Official, "supported", null), s, Now))
            .Refused("un-recommendation-not-found");
    }

    [Fact]
    public void Follow_up_comes_after_the_answer_with_a_date_not_in_the_future()
    {
        Given(Recorded).When(s => UnRecommendationDecider.Decide(new ReportUnRecommendationFollowUp(Register, Rec, Official, "Done.", new DateOnly(2026, 11, 1), "implemented"), s, Now))
            .Refused("recommendation-not-answered");
        Given(Answered(RecommendationResponse.Supported)).When(s => UnRecommendationDecider.Decide(
            new ReportUnRecommendationFollowUp(Register, Rec, Official, "Done.", new DateOnly(2027, 1, 1), "implemented"), s, Now)).Refused("invalid-date", "date");
        Given(Answered(RecommendationResponse.Supported)).When(s => UnRecommendationDecider.Decide(
                new ReportUnRecommendationFollowUp(Register, Rec, Official, " Done. ", new DateOnly(2026, 11, 1), "partlyImplemented"), s, Now))
            .Events(new UnRecommendationFollowUpReported(Register, Rec, "Done.", new DateOnly(2026, 11, 1), FollowUpStatus.PartlyImplemented, Official, Now));
    }

    [Fact]
    public void Only_a_supported_recommendation_is_linked_and_only_to_a_commitment_of_the_city_once()
    {
        var link = new LinkUnRecommendationToCommitment(Register, Rec, Official, Commitment) { CommitmentOfCity = true };
        Given(Answered(RecommendationResponse.Noted)).When(s => UnRecommendationDecider.Decide(link, s, Now)).Refused("recommendation-not-supported");
        Given(Answered(RecommendationResponse.Supported)).When(s => UnRecommendationDecider.Decide(link with { CommitmentOfCity = false }, s, Now))
            .Refused("unknown-commitment", "commitmentId");
        Given(Answered(RecommendationResponse.Supported)).When(s => UnRecommendationDecider.Decide(link, s, Now))
            .Events(new UnRecommendationLinkedToCommitment(Register, Rec, Commitment, Official, Now));
        Given([.. Answered(RecommendationResponse.Supported), new UnRecommendationLinkedToCommitment(Register, Rec, Commitment, Official, Now)])
            .When(s => UnRecommendationDecider.Decide(link, s, Now)).Nothing();
    }

    [Fact]
    public void The_demo_registers_pass_every_rule()
    {
        foreach (var city in new[] { "york", "utrecht", "lviv" })
        {
            var events = Platform.Api.Demo.DemoUnRecommendations.Events(city, Official, new Dictionary<string, Guid>
            {
                ["Local action plan for the right to housing"] = Guid.NewGuid(), ["Step-free access at every bus stop of route 6"] = Guid.NewGuid(),
                ["Emergency housing for 50 families"] = Guid.NewGuid(),
            }, Now);
            var register = Evolution<UnRecommendationRegister>.Fold(events)!;
            Assert.True(register.Recommendations.Count >= 2);
            Assert.Contains(register.Recommendations.Values, r => r.Response == RecommendationResponse.Supported && r.CommitmentIds.Count == 1);
        }
    }
}
