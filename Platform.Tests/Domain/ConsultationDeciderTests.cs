using Platform.Domain.Consultations;
using static Platform.Tests.Domain.Scenario;

namespace Platform.Tests.Domain;

/// <summary>Given events / when a command / then events or errors, on the consultation rules, with no database. (The answers' tests are the participation rewrite's.)</summary>
public class ConsultationDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly Guid Official = Guid.NewGuid();
    private static readonly Guid Resident = Guid.NewGuid();

    private static readonly QuestionInput[] ValidQuestions =
    [
        new("bus", "Which route?", QuestionKind.SingleChoice, ["6", "10"]),
        new("needs", "What helps?", QuestionKind.MultipleChoice, ["ramps", "audio", "seats"]),
        new("safe", "How safe?", QuestionKind.Scale, null, "HR-SEC-03"),
        new("more", "Anything else?", QuestionKind.FreeText, []),
    ];

    private static OpenConsultation ValidOpen => new(Id, Official, null, Now.AddDays(7), ValidQuestions);

    private static readonly ConsultationDrafted Drafted = new(Id, "t", "", Official, Now);

    /// <summary>The questions of <see cref="ValidQuestions"/> as the opening records them.</summary>
    private static readonly ConsultationQuestion[] Questions =
    [
        new("bus", "Which route?", QuestionKind.SingleChoice, ["6", "10"]),
        new("needs", "What helps?", QuestionKind.MultipleChoice, ["ramps", "audio", "seats"]),
        new("safe", "How safe?", QuestionKind.Scale, [], "HR-SEC-03"),
        new("more", "Anything else?", QuestionKind.FreeText, []),
    ];

    private static ConsultationOpened OpenedEvent(DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null) =>
        new(Id, opensAt ?? Now, closesAt ?? Now.AddDays(7), Questions, Official, Now);

    private static readonly Consultation Draft = Evolution<Consultation>.Fold([Drafted])!;

    private static Consultation Opened(DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null) =>
        Evolution<Consultation>.Fold([Drafted, OpenedEvent(opensAt, closesAt)])!;

    private static SubmitConsultationResponse Answer(params AnswerInput?[] answers) => new(Id, Resident, answers);

    private static readonly AnswerInput[] ValidAnswers =
    [
        new("bus", ["6"], null, null),
        new("needs", ["ramps", "audio"], null, null),
        new("safe", null, 4, null),
        new("more", null, null, "  Night buses.  "),
    ];

    [Fact]
    public void Drafting_records_the_trimmed_title() =>
        Given<Consultation>()
            .When(s => ConsultationDecider.Decide(new DraftConsultation(Id, Official, "  Buses ", null), s, Now))
            .Events(new ConsultationDrafted(Id, "Buses", "", Official, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_draft_needs_a_title(string? title) =>
        Given<Consultation>()
            .When(s => ConsultationDecider.Decide(new DraftConsultation(Id, Official, title, null), s, Now))
            .Refused("invalid-title", "title");

    [Fact]
    public void A_draft_keeps_its_title_and_description_within_their_limits()
    {
        Given<Consultation>()
            .When(s => ConsultationDecider.Decide(new DraftConsultation(Id, Official, new string('t', ConsultationRules.TitleMaxLength + 1), null), s, Now))
            .Refused("invalid-title", "title");
        Given<Consultation>()
            .When(s => ConsultationDecider.Decide(new DraftConsultation(Id, Official, "Buses", new string('d', ConsultationRules.DescriptionMaxLength + 1)), s, Now))
            .Refused("invalid-description", "description");
    }

    [Fact]
    public void Drafting_an_id_that_exists_is_a_conflict() =>
        Given<Consultation>(Drafted)
            .When(s => ConsultationDecider.Decide(new DraftConsultation(Id, Official, "Buses", null), s, Now))
            .Refused("consultation-exists");

    [Fact]
    public void Opening_a_draft_records_window_and_questions_now_when_no_start_is_given()
    {
        var opened = Given<Consultation>(Drafted)
            .When(s => ConsultationDecider.Decide(ValidOpen, s, Now))
            .Single<ConsultationOpened>();
        Assert.Equal((Id, Official, Now, Now.AddDays(7), Now), (opened.ConsultationId, opened.OfficialId, opened.OpensAt, opened.ClosesAt, opened.OpenedAt));
        Assert.Equal(Questions, opened.Questions, (a, b) => a.Id == b.Id && a.Text == b.Text && a.Kind == b.Kind && a.Options.SequenceEqual(b.Options) && a.IndicatorCode == b.IndicatorCode);
        Assert.Empty(opened.Questions[2].Options);
    }

    public static TheoryData<OpenConsultation, string> InvalidOpenings => new()
    {
        { ValidOpen with { Questions = [] }, "questions" },
        { ValidOpen with { Questions = null }, "questions" },
        { ValidOpen with { ClosesAt = null }, "closesAt" },
        { ValidOpen with { ClosesAt = Now.AddMinutes(-1) }, "closesAt" },
        { ValidOpen with { OpensAt = Now.AddDays(8) }, "closesAt" },
        { ValidOpen with { OpensAt = Now.AddDays(-1) }, "opensAt" },
        { ValidOpen with { ClosesAt = Now.AddDays(400) }, "closesAt" },
        { ValidOpen with { Questions = [new("q", "Pick", QuestionKind.SingleChoice, ["only"])] }, "questions[0].options" },
        { ValidOpen with { Questions = [new("q", "Pick", QuestionKind.MultipleChoice, ["a", " a "])] }, "questions[0].options" },
        { ValidOpen with { Questions = [new("q", "Pick", QuestionKind.SingleChoice, ["a", ""])] }, "questions[0].options" },
        { ValidOpen with { Questions = [new("q", "Rate", QuestionKind.Scale, ["1", "2"])] }, "questions[0].options" },
        { ValidOpen with { Questions = [new("q", "Say", QuestionKind.FreeText, ["x"])] }, "questions[0].options" },
        { ValidOpen with { Questions = [new("q", "Say", QuestionKind.FreeText, []), new("q", "Again", QuestionKind.FreeText, [])] }, "questions[1].id" },
        { ValidOpen with { Questions = [new("", "Say", QuestionKind.FreeText, [])] }, "questions[0].id" },
        { ValidOpen with { Questions = [new("with space", "Say", QuestionKind.FreeText, [])] }, "questions[0].id" },
        { ValidOpen with { Questions = [new("q", " ", QuestionKind.FreeText, [])] }, "questions[0].text" },
        { ValidOpen with { Questions = [new("q", "Say", null, [])] }, "questions[0].kind" },
        { ValidOpen with { Questions = [new("q", "Say", (QuestionKind)42, [])] }, "questions[0].kind" },
        { ValidOpen with { Questions = [null] }, "questions[0]" },
    };

    [Theory, MemberData(nameof(InvalidOpenings))]
    public void An_invalid_opening_is_refused_naming_the_field(OpenConsultation command, string field)
    {
        var then = Given<Consultation>(Drafted).When(s => ConsultationDecider.Decide(command, s, Now));
        then.RefusedNaming(field);
        Assert.All(then.Decision.Errors, e => Assert.Equal(ErrorKind.Invalid, e.Kind));
    }

    [Fact]
    public void Only_a_draft_can_be_opened_and_an_unknown_one_not_at_all()
    {
        var conflict = Given<Consultation>(Drafted, OpenedEvent()).When(s => ConsultationDecider.Decide(ValidOpen, s, Now)).Refused("consultation-already-opened");
        Assert.Equal(ErrorKind.Conflict, conflict.Kind);
        Given<Consultation>().When(s => ConsultationDecider.Decide(ValidOpen, s, Now)).Refused("consultation-not-found");
    }

    [Fact]
    public void Answers_are_taken_by_the_rule_the_pages_ask()
    {
        var open = Opened(opensAt: Now.AddHours(1), closesAt: Now.AddHours(2));
        Assert.False(ConsultationRules.TakesAnswers(open.Status, open.OpensAt, open.ClosesAt, Now));
        Assert.True(ConsultationRules.TakesAnswers(open.Status, open.OpensAt, open.ClosesAt, Now.AddHours(1)));
        Assert.False(ConsultationRules.TakesAnswers(open.Status, open.OpensAt, open.ClosesAt, Now.AddHours(2)));
        Assert.False(ConsultationRules.TakesAnswers(ConsultationStatus.Closed, open.OpensAt, open.ClosesAt, Now.AddHours(1)));
        Assert.Equal(["1", "2", "3", "4", "5"], ConsultationRules.AnswerOptions(Questions[2]));
        Assert.Equal(["6", "10"], ConsultationRules.AnswerOptions(Questions[0]));
        Assert.Empty(ConsultationRules.AnswerOptions(Questions[3]));
    }

    [Fact]
    public void A_first_response_is_recorded_with_trimmed_text()
    {
        var decision = ConsultationDecider.Decide(Answer(ValidAnswers), new(Opened(), null), Now.AddHours(1));
        var submitted = Assert.IsType<ConsultationResponseSubmitted>(Assert.Single(decision.Events));
        Assert.False(submitted.Amended);
        Assert.Equal(Resident, submitted.ResidentId);
        Assert.Equal(["ramps", "audio"], submitted.Answers[1].Choices);
        Assert.Equal(4, submitted.Answers[2].Scale);
        Assert.Equal("Night buses.", submitted.Answers[3].Text);
    }

    private static ResidentResponse Existing => new(Guid.NewGuid(), Id, Resident, [], 0, Now);

    [Fact]
    public void Answering_twice_is_a_conflict_and_amending_is_recorded_as_an_amendment()
    {
        Assert.Equal("already-responded", Assert.Single(ConsultationDecider.Decide(Answer(ValidAnswers), new(Opened(), Existing), Now).Errors).Code);

        var amended = ConsultationDecider.Decide(Answer(ValidAnswers) with { Amend = true }, new(Opened(), Existing), Now);
        Assert.True(Assert.IsType<ConsultationResponseSubmitted>(Assert.Single(amended.Events)).Amended);
    }

    [Fact]
    public void Amending_without_a_response_is_not_found() =>
        Assert.Equal("response-not-found", Assert.Single(ConsultationDecider.Decide(Answer(ValidAnswers) with { Amend = true }, new(Opened(), null), Now).Errors).Code);

    [Fact]
    public void Answers_are_taken_only_inside_the_window()
    {
        var later = Opened(opensAt: Now.AddHours(1), closesAt: Now.AddHours(2));
        Assert.Equal("consultation-not-yet-open", Assert.Single(ConsultationDecider.Decide(Answer(ValidAnswers), new(later, null), Now).Errors).Code);
        Assert.Single(ConsultationDecider.Decide(Answer(ValidAnswers), new(later, null), Now.AddHours(1)).Events);
        // At the end of the window answers stop, even before the close message has run.
        Assert.Equal("consultation-closed", Assert.Single(ConsultationDecider.Decide(Answer(ValidAnswers), new(later, null), Now.AddHours(2)).Errors).Code);
        Assert.Equal("consultation-closed", Assert.Single(ConsultationDecider.Decide(Answer(ValidAnswers), new(later with { Status = ConsultationStatus.Closed }, null), Now.AddHours(1)).Errors).Code);
        Assert.Equal(ErrorKind.NotFound, Assert.Single(ConsultationDecider.Decide(Answer(ValidAnswers), new(Draft, null), Now).Errors).Kind);
    }

    public static TheoryData<AnswerInput?[], string> InvalidAnswers => new()
    {
        { [], "answers" },
        { [new("nope", ["6"], null, null)], "answers[0].questionId" },
        { [new("bus", ["6"], null, null), new("bus", ["10"], null, null)], "answers[1].questionId" },
        { [new("safe", null, 3, null), new("bus", ["7"], null, null)], "answers[1].choices" },
        { [new("bus", ["6", "10"], null, null)], "answers[0].choices" },
        { [new("bus", [], null, null)], "answers[0].choices" },
        { [new("bus", ["6"], 3, null)], "answers[0].scale" },
        { [new("needs", ["ramps", "wings"], null, null)], "answers[0].choices" },
        { [new("safe", null, 6, null)], "answers[0].scale" },
        { [new("safe", null, 0, null)], "answers[0].scale" },
        { [new("safe", null, null, null)], "answers[0].scale" },
        { [new("safe", ["3"], 3, null)], "answers[0].choices" },
        { [new("more", null, null, new string('x', ConsultationRules.AnswerTextMaxLength + 1))], "answers[0].text" },
        { [new("more", null, null, "  ")], "answers[0].text" },
        { [null], "answers[0]" },
    };

    [Theory, MemberData(nameof(InvalidAnswers))]
    public void An_invalid_answer_is_refused_naming_the_field(AnswerInput?[] answers, string field)
    {
        var decision = ConsultationDecider.Decide(Answer(answers), new(Opened(), null), Now);
        Assert.Empty(decision.Events);
        Assert.Contains(decision.Errors, e => e.Kind == ErrorKind.Invalid && e.Field == field);
    }

    [Fact]
    public void Closing_waits_for_the_end_of_the_window() =>
        Given<Consultation>(Drafted, OpenedEvent(closesAt: Now.AddHours(1)))
            .When(s => ConsultationDecider.Decide(new CloseConsultation(Id), s, Now))
            .Refused("consultation-window-not-over");

    [Fact]
    public void Closing_happens_at_the_end_of_the_window() =>
        Given<Consultation>(Drafted, OpenedEvent(closesAt: Now.AddHours(1)))
            .When(s => ConsultationDecider.Decide(new CloseConsultation(Id), s, Now.AddHours(1)))
            .Events(new ConsultationClosed(Id, Now.AddHours(1)));

    [Fact]
    public void Closing_again_changes_nothing() =>
        Given<Consultation>(Drafted, OpenedEvent(closesAt: Now.AddHours(1)), new ConsultationClosed(Id, Now.AddHours(1)))
            .When(s => ConsultationDecider.Decide(new CloseConsultation(Id), s, Now.AddHours(2)))
            .Nothing();

    [Fact]
    public void Closing_an_unknown_consultation_is_not_found() =>
        Given<Consultation>().When(s => ConsultationDecider.Decide(new CloseConsultation(Id), s, Now)).Refused("consultation-not-found");

    private static readonly Guid Commitment = Guid.NewGuid();
    private static readonly PublishConsultationOutcome Outcome = new(Id, Official, " We will add ramps. ", [Commitment, Commitment]);

    [Fact]
    public void An_outcome_waits_for_the_close() =>
        Given<Consultation>(Drafted, OpenedEvent())
            .When(s => ConsultationDecider.Decide(Outcome, s, Now))
            .Refused("consultation-not-closed");

    [Fact]
    public void An_outcome_is_published_after_closing_with_each_commitment_once()
    {
        var published = Given<Consultation>(Drafted, OpenedEvent(), new ConsultationClosed(Id, Now))
            .When(s => ConsultationDecider.Decide(Outcome, s, Now))
            .Single<ConsultationOutcomePublished>();
        Assert.Equal((Id, Official, "We will add ramps.", Now), (published.ConsultationId, published.OfficialId, published.Summary, published.PublishedAt));
        Assert.Equal([Commitment], published.CommitmentIds);
    }

    [Fact]
    public void An_outcome_is_published_once() =>
        Given<Consultation>(Drafted, OpenedEvent(), new ConsultationClosed(Id, Now), new ConsultationOutcomePublished(Id, Official, "Done", [], Now))
            .When(s => ConsultationDecider.Decide(Outcome, s, Now))
            .Refused("outcome-already-published");

    [Fact]
    public void An_outcome_needs_a_summary_and_real_commitment_ids()
    {
        Given<Consultation>(Drafted, OpenedEvent(), new ConsultationClosed(Id, Now))
            .When(s => ConsultationDecider.Decide(Outcome with { Summary = "" }, s, Now))
            .Refused("invalid-summary", "summary");
        Given<Consultation>(Drafted, OpenedEvent(), new ConsultationClosed(Id, Now))
            .When(s => ConsultationDecider.Decide(Outcome with { CommitmentIds = [Guid.Empty] }, s, Now))
            .Refused("invalid-commitmentIds[0]", "commitmentIds[0]");
    }
}
