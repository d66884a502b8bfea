using Platform.Domain;
using Platform.Domain.Consultations;

namespace Platform.Tests.Domain;

/// <summary>Given / when / then on the consultation rules, with no database.</summary>
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

    private static OpenConsultation ValidOpen => new(null, Now.AddDays(7), ValidQuestions);

    private static readonly Consultation Draft = Consultation.Create(new ConsultationDrafted(Id, "t", "", Official, Now));

    private static Consultation Opened(DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null)
    {
        var decision = ConsultationDecider.Decide(new OpenConsultation(opensAt, closesAt ?? Now.AddDays(7), ValidQuestions), Draft, Official, Now);
        return Draft.Apply((ConsultationOpened)decision.Events.Single());
    }

    private static SubmitConsultationResponse Answer(params AnswerInput?[] answers) => new(Id, Resident, answers);

    private static readonly AnswerInput[] ValidAnswers =
    [
        new("bus", ["6"], null, null),
        new("needs", ["ramps", "audio"], null, null),
        new("safe", null, 4, null),
        new("more", null, null, "  Night buses.  "),
    ];

    [Fact]
    public void Drafting_records_the_trimmed_title()
    {
        var drafted = Assert.IsType<ConsultationDrafted>(Assert.Single(ConsultationDecider.Decide(new DraftConsultation("  Buses ", null), Id, Official, Now).Events));
        Assert.Equal("Buses", drafted.Title);
        Assert.Equal("", drafted.Description);
        Assert.Equal(Official, drafted.OfficialId);
    }

    [Theory]
    [InlineData(null, "title")]
    [InlineData("  ", "title")]
    public void A_draft_needs_a_title(string? title, string field) =>
        Assert.Equal(field, Assert.Single(ConsultationDecider.Decide(new DraftConsultation(title, null), Id, Official, Now).Errors).Field);

    [Fact]
    public void Opening_a_draft_records_window_and_questions_now_when_no_start_is_given()
    {
        var opened = Assert.IsType<ConsultationOpened>(Assert.Single(ConsultationDecider.Decide(ValidOpen, Draft, Official, Now).Events));
        Assert.Equal(Now, opened.OpensAt);
        Assert.Equal(Now.AddDays(7), opened.ClosesAt);
        Assert.Equal(["bus", "needs", "safe", "more"], opened.Questions.Select(q => q.Id));
        Assert.Equal("HR-SEC-03", opened.Questions[2].IndicatorCode);
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
        var decision = ConsultationDecider.Decide(command, Draft, Official, Now);
        Assert.Empty(decision.Events);
        Assert.Contains(decision.Errors, e => e.Kind == ErrorKind.Invalid && e.Field == field);
    }

    [Fact]
    public void Only_a_draft_can_be_opened_and_an_unknown_one_not_at_all()
    {
        Assert.Equal(ErrorKind.Conflict, Assert.Single(ConsultationDecider.Decide(ValidOpen, Opened(), Official, Now).Errors).Kind);
        Assert.Equal(ErrorKind.NotFound, Assert.Single(ConsultationDecider.Decide(ValidOpen, null, Official, Now).Errors).Kind);
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
    public void Closing_happens_once_at_the_end_of_the_window()
    {
        var open = Opened(closesAt: Now.AddHours(1));
        Assert.Equal("consultation-window-not-over", Assert.Single(ConsultationDecider.Decide(new CloseConsultation(Id), open, Now).Errors).Code);

        var closed = Assert.IsType<ConsultationClosed>(Assert.Single(ConsultationDecider.Decide(new CloseConsultation(Id), open, Now.AddHours(1)).Events));
        Assert.Equal(Now.AddHours(1), closed.ClosedAt);

        Assert.Same(Decision.NoChange, ConsultationDecider.Decide(new CloseConsultation(Id), open.Apply(closed), Now.AddHours(2)));
    }

    [Fact]
    public void An_outcome_is_published_once_after_closing()
    {
        var commitment = Guid.NewGuid();
        var command = new PublishConsultationOutcome(" We will add ramps. ", [commitment, commitment]);
        Assert.Equal("consultation-not-closed", Assert.Single(ConsultationDecider.Decide(command, Opened(), Official, Now).Errors).Code);

        var closed = Opened().Apply(new ConsultationClosed(Id, Now));
        var published = Assert.IsType<ConsultationOutcomePublished>(Assert.Single(ConsultationDecider.Decide(command, closed, Official, Now).Events));
        Assert.Equal("We will add ramps.", published.Summary);
        Assert.Equal([commitment], published.CommitmentIds);

        Assert.Equal("outcome-already-published", Assert.Single(ConsultationDecider.Decide(command, closed.Apply(published), Official, Now).Errors).Code);
        Assert.Equal("summary", Assert.Single(ConsultationDecider.Decide(command with { Summary = "" }, closed, Official, Now).Errors).Field);
        Assert.Equal("commitmentIds[0]", Assert.Single(ConsultationDecider.Decide(command with { CommitmentIds = [Guid.Empty] }, closed, Official, Now).Errors).Field);
    }
}
