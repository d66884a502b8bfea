using Platform.Domain.Concerns;

namespace Platform.Tests.Domain;

/// <summary>Given / when / then on the concern rules, with no database.</summary>
public class ConcernDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid ConcernId = Guid.CreateVersion7();
    private static readonly Guid Author = Guid.NewGuid();

    private static RaiseConcern Valid => new(ConcernId, Author, "  Step-free bus stops  ", "Route 6 has none.", ["mobility", "disability-inclusion", "mobility"], ["11.2"], " Tang Hall ");

    private static readonly ConcernRaised Raised = new(ConcernId, "t", "", ["housing"], [], null, Author, false, Now);
    private static readonly Guid Official = Guid.NewGuid();
    private static readonly Guid Moderator = Guid.NewGuid();

    [Fact]
    public void Raising_a_valid_concern_records_it_trimmed_and_without_duplicate_tags()
    {
        var raised = Scenario.Given<Concern>().When(s => ConcernDecider.Decide(Valid, s, Now)).Single<ConcernRaised>();

        Assert.Equal(new ConcernRaised(ConcernId, "Step-free bus stops", "Route 6 has none.", raised.Rights, raised.SdgTargets, "Tang Hall", Author, false, Now), raised);
        Assert.Equal(["mobility", "disability-inclusion"], raised.Rights);
        Assert.Equal(["11.2"], raised.SdgTargets);
    }

    [Fact]
    public void An_anonymous_concern_is_recorded_under_the_author_the_handler_names()
    {
        var pseudonym = Guid.NewGuid();
        var raised = Scenario.Given<Concern>().When(s => ConcernDecider.Decide(Valid with { Anonymous = true, AuthorId = pseudonym }, s, Now)).Single<ConcernRaised>();
        Assert.Equal(pseudonym, raised.AuthorId);
        Assert.True(raised.Anonymous);
    }

    [Fact]
    public void A_concern_is_raised_only_once() =>
        Scenario.Given<Concern>(Raised).When(s => ConcernDecider.Decide(Valid, s, Now)).Refused("concern-exists");

    public static TheoryData<RaiseConcern, string> InvalidConcerns => new()
    {
        { Valid with { Title = null }, "title" },
        { Valid with { Title = "   " }, "title" },
        { Valid with { Title = new string('x', ConcernRules.TitleMaxLength + 1) }, "title" },
        { Valid with { Description = new string('x', ConcernRules.DescriptionMaxLength + 1) }, "description" },
        { Valid with { Rights = [] }, "rights" },
        { Valid with { Rights = null }, "rights" },
        { Valid with { Rights = Enumerable.Repeat("housing", ConcernRules.MaxTags + 1).ToArray() }, "rights" },
        { Valid with { Rights = ["housing", "flying"] }, "rights[1]" },
        { Valid with { SdgTargets = ["11.99"] }, "sdgTargets[0]" },
        { Valid with { SdgTargets = ["11.2.1"] }, "sdgTargets[0]" },
        { Valid with { SdgTargets = Enumerable.Repeat("11.2", ConcernRules.MaxTags + 1).ToArray() }, "sdgTargets" },
        { Valid with { District = new string('d', ConcernRules.DistrictMaxLength + 1) }, "district" },
    };

    [Theory, MemberData(nameof(InvalidConcerns))]
    public void An_invalid_concern_is_refused_naming_the_field(RaiseConcern command, string field)
    {
        var then = Scenario.Given<Concern>().When(s => ConcernDecider.Decide(command, s, Now));

        Assert.Equal(ErrorKind.Invalid, then.Refused("invalid-" + field, field).Kind);
        Assert.Single(then.Decision.Errors);
    }

    [Fact]
    public void Several_faults_are_reported_together()
    {
        var then = Scenario.Given<Concern>().When(s => ConcernDecider.Decide(new RaiseConcern(ConcernId, Author, "", null, ["nope"], null, null), s, Now));
        Assert.Equal(["title", "rights[0]"], then.Decision.Errors.Select(e => e.Field));
    }

    [Fact]
    public void An_official_acknowledges_an_open_concern_with_the_answer_due_after_the_city_deadline() =>
        Assert.Equal(new ConcernAcknowledged(ConcernId, Official, "Transport", Now.AddDays(45), Now),
            Scenario.Given<Concern>(Raised)
                .When(s => ConcernDecider.Decide(new AcknowledgeConcern(ConcernId, Official, " Transport ") { ResponseDays = 45 }, s, Now))
                .Single<ConcernAcknowledged>());

    [Fact]
    public void The_council_answers_declines_and_resolves_with_trimmed_text()
    {
        var acknowledged = new ConcernAcknowledged(ConcernId, Official, "Transport", Now.AddDays(30), Now);
        Scenario.Given<Concern>(Raised, acknowledged).When(s => ConcernDecider.Decide(new AnswerConcern(ConcernId, Official, " Done soon. "), s, Now))
            .Events(new ConcernAnswered(ConcernId, Official, "Done soon.", Now));
        Scenario.Given<Concern>(Raised, acknowledged).When(s => ConcernDecider.Decide(new DeclineConcern(ConcernId, Official, "No budget"), s, Now))
            .Events(new ConcernDeclined(ConcernId, Official, "No budget", Now));
        Scenario.Given<Concern>(Raised, new ConcernAnswered(ConcernId, Official, "a", Now))
            .When(s => ConcernDecider.Decide(new ResolveConcern(ConcernId, Official, "  "), s, Now))
            .Events(new ConcernResolved(ConcernId, Official, null, Now));
    }

    public static TheoryData<string, object[], string> WrongStates => new()
    {
        { "acknowledge", [new ConcernAcknowledged(ConcernId, Official, "d", Now, Now)], "concern-acknowledged" },
        { "answer", [new ConcernAnswered(ConcernId, Official, "a", Now)], "concern-answered" },
        { "decline", [new ConcernAnswered(ConcernId, Official, "a", Now)], "concern-answered" },
        { "resolve", [new ConcernDeclined(ConcernId, Official, "r", Now)], "concern-declined" },
        { "hide", [new ConcernHidden(ConcernId, Moderator, "r", Now)], "concern-hidden" },
        { "restore", [], "concern-open" },
        { "withdraw", [new ConcernResolved(ConcernId, Official, null, Now)], "concern-resolved" },
    };

    private static Decision Act(string action, Concern? state, string? text = "Text") => action switch
    {
        "acknowledge" => ConcernDecider.Decide(new AcknowledgeConcern(ConcernId, Official, text), state, Now),
        "answer" => ConcernDecider.Decide(new AnswerConcern(ConcernId, Official, text), state, Now),
        "decline" => ConcernDecider.Decide(new DeclineConcern(ConcernId, Official, text), state, Now),
        "resolve" => ConcernDecider.Decide(new ResolveConcern(ConcernId, Official, text), state, Now),
        "hide" => ConcernDecider.Decide(new HideConcern(ConcernId, Moderator, text), state, Now),
        "restore" => ConcernDecider.Decide(new RestoreConcern(ConcernId, Moderator, text), state, Now),
        "redact" => ConcernDecider.Decide(new RedactConcern(ConcernId, Moderator, text), state, Now),
        _ => ConcernDecider.Decide(new WithdrawConcern(ConcernId, Author), state, Now),
    };

    [Theory, MemberData(nameof(WrongStates))]
    public void An_action_from_a_status_it_does_not_start_from_is_a_conflict_naming_the_status(string action, object[] after, string code)
    {
        var error = Scenario.Given<Concern>([Raised, .. after]).When(s => Act(action, s)).Refused(code);
        Assert.Equal(ErrorKind.Conflict, error.Kind);
    }

    [Theory]
    [InlineData("acknowledge"), InlineData("answer"), InlineData("decline"), InlineData("resolve"), InlineData("hide"), InlineData("restore"),
     InlineData("redact"), InlineData("withdraw")]
    public void An_unknown_concern_is_not_found(string action) =>
        Scenario.Given<Concern>().When(s => Act(action, s)).Refused("concern-not-found");

    [Theory]
    [InlineData("acknowledge", "department"), InlineData("answer", "answer"), InlineData("decline", "reason"), InlineData("hide", "reason"),
     InlineData("redact", "reason")]
    public void The_council_and_moderators_must_say_what_and_why(string action, string field)
    {
        Scenario.Given<Concern>(Raised).When(s => Act(action, s, " ")).Refused("invalid-" + field, field);
        Scenario.Given<Concern>(Raised).When(s => Act(action, s, new string('x', ConcernRules.ResponseMaxLength + 1))).Refused("invalid-" + field, field);
    }

    [Fact]
    public void A_resolution_note_is_optional_but_bounded() =>
        Scenario.Given<Concern>(Raised).When(s => Act("resolve", s, new string('x', ConcernRules.ResponseMaxLength + 1))).Refused("invalid-note", "note");

    [Fact]
    public void A_hidden_concern_is_restored_to_where_it_was()
    {
        var answered = new ConcernAnswered(ConcernId, Official, "a", Now);
        Scenario.Given<Concern>(Raised, answered).When(s => Act("hide", s, "Abuse")).Events(new ConcernHidden(ConcernId, Moderator, "Abuse", Now));
        Scenario.Given<Concern>(Raised, answered, new ConcernHidden(ConcernId, Moderator, "Abuse", Now))
            .When(s => Act("restore", s, "Fine after all")).Events(new ConcernRestored(ConcernId, Moderator, "Fine after all", Now));
        Assert.Equal(ConcernStatus.Answered,
            Evolution<Concern>.Fold([Raised, answered, new ConcernHidden(ConcernId, Moderator, "Abuse", Now), new ConcernRestored(ConcernId, Moderator, "ok", Now)])!.Status);
    }

    [Fact]
    public void A_concern_is_redacted_once_in_any_status()
    {
        var hidden = new ConcernHidden(ConcernId, Moderator, "Abuse", Now);
        Scenario.Given<Concern>(Raised, hidden).When(s => Act("redact", s, " A threat ")).Events(new ConcernRedacted(ConcernId, Moderator, "A threat", Now));
        var error = Scenario.Given<Concern>(Raised, new ConcernRedacted(ConcernId, Moderator, "A threat", Now)).When(s => Act("redact", s)).Refused("concern-redacted");
        Assert.Equal(ConcernDecider.AlreadyRedacted, error);
    }

    [Fact]
    public void Only_the_author_withdraws_also_under_their_pseudonym()
    {
        Scenario.Given<Concern>(Raised).When(s => ConcernDecider.Decide(new WithdrawConcern(ConcernId, Author), s, Now)).Events(new ConcernWithdrawn(ConcernId, Now));
        var pseudonym = Guid.NewGuid();
        var anonymous = Raised with { AuthorId = pseudonym, Anonymous = true };
        Scenario.Given<Concern>(anonymous).When(s => ConcernDecider.Decide(new WithdrawConcern(ConcernId, Author) { Pseudonym = pseudonym }, s, Now))
            .Single<ConcernWithdrawn>();
        var error = Scenario.Given<Concern>(anonymous).When(s => ConcernDecider.Decide(new WithdrawConcern(ConcernId, Author), s, Now)).Refused("not-the-author");
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }

    private static readonly Concern OpenConcern = Evolution<Concern>.Fold([Raised])!;

    [Fact]
    public void A_first_support_is_recorded()
    {
        var resident = Guid.NewGuid();
        var decision = ConcernDecider.Decide(new SupportConcern(ConcernId, resident), new(OpenConcern, null), Now);
        Assert.Equal(new ConcernSupported(ConcernId, resident, Now), Assert.Single(decision.Events));
    }

    [Fact]
    public void Supporting_again_changes_nothing()
    {
        var resident = Guid.NewGuid();
        var active = new ResidentSupport(Guid.NewGuid(), ConcernId, resident, Active: true);
        var decision = ConcernDecider.Decide(new SupportConcern(ConcernId, resident), new(OpenConcern, active), Now);
        Assert.Same(Decision.NoChange, decision);
    }

    [Fact]
    public void A_withdrawn_support_can_be_given_again()
    {
        var resident = Guid.NewGuid();
        var withdrawn = new ResidentSupport(Guid.NewGuid(), ConcernId, resident, Active: false);
        var decision = ConcernDecider.Decide(new SupportConcern(ConcernId, resident), new(OpenConcern, withdrawn), Now);
        Assert.IsType<ConcernSupported>(Assert.Single(decision.Events));
    }

    [Fact]
    public void Withdrawing_without_support_changes_nothing_and_with_support_records_it()
    {
        var resident = Guid.NewGuid();
        Assert.Same(Decision.NoChange, ConcernDecider.Decide(new WithdrawConcernSupport(ConcernId, resident), new(OpenConcern, null), Now));
        var active = new ResidentSupport(Guid.NewGuid(), ConcernId, resident, Active: true);
        Assert.IsType<ConcernSupportWithdrawn>(Assert.Single(ConcernDecider.Decide(new WithdrawConcernSupport(ConcernId, resident), new(OpenConcern, active), Now).Events));
    }

    [Fact]
    public void An_unknown_concern_cannot_be_supported()
    {
        var decision = ConcernDecider.Decide(new SupportConcern(ConcernId, Guid.NewGuid()), new(null, null), Now);
        Assert.Equal(ErrorKind.NotFound, Assert.Single(decision.Errors).Kind);
    }

    [Theory]
    [InlineData(ConcernStatus.Hidden)]
    [InlineData(ConcernStatus.Resolved)]
    [InlineData(ConcernStatus.Declined)]
    public void A_closed_or_hidden_concern_cannot_be_supported(ConcernStatus status)
    {
        var decision = ConcernDecider.Decide(new SupportConcern(ConcernId, Guid.NewGuid()), new(OpenConcern with { Status = status }, null), Now);
        Assert.Equal(ErrorKind.RuleViolated, Assert.Single(decision.Errors).Kind);
    }

    [Fact]
    public void Support_streams_are_one_per_item_and_resident()
    {
        var item = Guid.NewGuid();
        var resident = Guid.NewGuid();
        Assert.Equal(PersonalStream.Id(item, resident), PersonalStream.Id(item, resident));
        Assert.NotEqual(PersonalStream.Id(item, resident), PersonalStream.Id(item, Guid.NewGuid()));
        Assert.NotEqual(PersonalStream.Id(item, resident), PersonalStream.Id(resident, item));
        Assert.Equal(8, PersonalStream.Id(item, resident).Version);
    }

    // Contest and escalate. The author is known by account (named concern) or pseudonym; contests are recorded under the pseudonym.

    private static readonly Guid AuthorPseudonym = Guid.NewGuid();
    private static readonly ConcernAcknowledged Acknowledged = new(ConcernId, Official, "Transport", Now.AddDays(30), Now);
    private static readonly ConcernAnswered Answered = new(ConcernId, Official, "Kerbs raised.", Now.AddDays(10));

    private static ContestConcern ByAuthor(string? reason = "Nothing changed at the stop.") =>
        new(ConcernId, Author, reason) { Pseudonym = AuthorPseudonym, ResponseDays = 20 };

    private static ContestConcern BySupporter(Guid pseudonym, string? reason = "Still no ramp.") =>
        new(ConcernId, Guid.NewGuid(), reason) { Pseudonym = pseudonym, Supporter = true, ResponseDays = 20 };

    [Fact]
    public void The_authors_contest_of_an_answer_reopens_the_concern_with_the_deadline_starting_again()
    {
        var at = Answered.AnsweredAt.AddDays(3);
        Scenario.Given<Concern>(Raised, Acknowledged, Answered).When(s => ConcernDecider.Decide(ByAuthor("  Nothing changed at the stop. "), s, at))
            .Events(new ConcernContested(ConcernId, AuthorPseudonym, "Nothing changed at the stop.", at),
                new ConcernReopened(ConcernId, "Nothing changed at the stop.", at.AddDays(20), at));

        var reopened = Evolution<Concern>.Fold([Raised, Acknowledged, Answered, new ConcernContested(ConcernId, AuthorPseudonym, "r", at),
            new ConcernReopened(ConcernId, "r", at.AddDays(20), at)])!;
        Assert.Equal(ConcernStatus.Acknowledged, reopened.Status);
        Assert.Equal(at.AddDays(20), reopened.ResponseDue);
        Assert.Equal(1, reopened.Reopens);
    }

    [Fact]
    public void An_anonymous_author_contests_a_resolution_under_their_pseudonym()
    {
        var raised = Raised with { AuthorId = AuthorPseudonym, Anonymous = true };
        var resolved = new ConcernResolved(ConcernId, Official, null, Now);
        var contested = Scenario.Given<Concern>(raised, resolved).When(s => ConcernDecider.Decide(ByAuthor(), s, Now.AddDays(1))).Decision.Events;
        Assert.Equal(2, contested.Count);
        Assert.Equal(AuthorPseudonym, Assert.IsType<ConcernContested>(contested[0]).ContestedBy);
    }

    [Fact]
    public void Supporters_contests_reopen_the_concern_once_enough_contested()
    {
        var at = Answered.AnsweredAt.AddDays(1);
        var history = new List<object> { Raised, Acknowledged, Answered };
        for (var i = 1; i < ConcernRules.SupporterContestsToReopen; i++)
        {
            var supporter = Guid.NewGuid();
            var contested = Scenario.Given<Concern>([.. history]).When(s => ConcernDecider.Decide(BySupporter(supporter), s, at)).Single<ConcernContested>();
            Assert.Equal(supporter, contested.ContestedBy);
            history.Add(contested);
            Assert.Equal(ConcernStatus.Answered, Evolution<Concern>.Fold(history)!.Status);
        }
        var last = Guid.NewGuid();
        Scenario.Given<Concern>([.. history]).When(s => ConcernDecider.Decide(BySupporter(last, " Still no ramp. "), s, at))
            .Events(new ConcernContested(ConcernId, last, "Still no ramp.", at), new ConcernReopened(ConcernId, "Still no ramp.", at.AddDays(20), at));
    }

    [Fact]
    public void Contesting_twice_by_the_same_person_changes_nothing_even_after_the_reopening()
    {
        var supporter = Guid.NewGuid();
        var at = Answered.AnsweredAt.AddDays(1);
        Scenario.Given<Concern>(Raised, Answered, new ConcernContested(ConcernId, supporter, "r", at))
            .When(s => ConcernDecider.Decide(BySupporter(supporter), s, at)).Nothing();
        Scenario.Given<Concern>(Raised, Answered, new ConcernContested(ConcernId, AuthorPseudonym, "r", at), new ConcernReopened(ConcernId, "r", at.AddDays(20), at))
            .When(s => ConcernDecider.Decide(ByAuthor(), s, at)).Nothing();
    }

    [Fact]
    public void A_new_answer_can_be_contested_again_by_the_same_author()
    {
        var at = Answered.AnsweredAt.AddDays(1);
        var again = new ConcernAnswered(ConcernId, Official, "Ramp ordered.", at.AddDays(5));
        Assert.Equal(2, Scenario.Given<Concern>(Raised, Answered, new ConcernContested(ConcernId, AuthorPseudonym, "r", at),
                new ConcernReopened(ConcernId, "r", at.AddDays(20), at), again)
            .When(s => ConcernDecider.Decide(ByAuthor(), s, again.AnsweredAt.AddDays(1))).Decision.Events.Count);
    }

    [Fact]
    public void A_contest_after_the_period_is_refused_by_the_rule()
    {
        var last = Answered.AnsweredAt.AddDays(ConcernRules.ContestDays);
        Assert.Equal(2, Scenario.Given<Concern>(Raised, Answered).When(s => ConcernDecider.Decide(ByAuthor(), s, last)).Decision.Events.Count);
        var error = Scenario.Given<Concern>(Raised, Answered).When(s => ConcernDecider.Decide(ByAuthor(), s, last.AddSeconds(1))).Refused("contest-period-over");
        Assert.Equal(ErrorKind.RuleViolated, error.Kind);
    }

    [Theory]
    [InlineData(ConcernStatus.Open), InlineData(ConcernStatus.Acknowledged), InlineData(ConcernStatus.Declined), InlineData(ConcernStatus.Hidden),
     InlineData(ConcernStatus.Withdrawn)]
    public void Only_an_answer_or_a_resolution_can_be_contested(ConcernStatus status)
    {
        object[] after = status switch
        {
            ConcernStatus.Acknowledged => [Acknowledged],
            ConcernStatus.Declined => [new ConcernDeclined(ConcernId, Official, "no", Now)],
            ConcernStatus.Hidden => [Answered, new ConcernHidden(ConcernId, Moderator, "r", Now)],
            ConcernStatus.Withdrawn => [new ConcernWithdrawn(ConcernId, Now)],
            _ => [],
        };
        var error = Scenario.Given<Concern>([Raised, .. after]).When(s => ConcernDecider.Decide(ByAuthor(), s, Now)).Refused("concern-not-contestable");
        Assert.Equal(ErrorKind.RuleViolated, error.Kind);
    }

    [Fact]
    public void Someone_neither_author_nor_supporter_may_not_contest_or_escalate()
    {
        var stranger = new ContestConcern(ConcernId, Guid.NewGuid(), "r") { Pseudonym = Guid.NewGuid() };
        Assert.Equal(ErrorKind.Forbidden, Scenario.Given<Concern>(Raised, Answered).When(s => ConcernDecider.Decide(stranger, s, Now)).Refused("not-author-or-supporter").Kind);
        var escalation = new EscalateConcern(ConcernId, Guid.NewGuid(), "r") { Pseudonym = Guid.NewGuid() };
        Assert.Equal(ErrorKind.Forbidden, Scenario.Given<Concern>(Raised, Answered).When(s => ConcernDecider.Decide(escalation, s, Now)).Refused("not-author-or-supporter").Kind);
        Scenario.Given<Concern>().When(s => ConcernDecider.Decide(ByAuthor(), s, Now)).Refused("concern-not-found");
    }

    [Theory]
    [InlineData(null), InlineData("   ")]
    public void A_contest_and_an_escalation_need_a_reason(string? reason)
    {
        Scenario.Given<Concern>(Raised, Answered).When(s => ConcernDecider.Decide(ByAuthor(reason), s, Now)).Refused("invalid-reason", "reason");
        Scenario.Given<Concern>(Raised, Answered).When(s => ConcernDecider.Decide(ByAuthor(new string('x', ConcernRules.ContestReasonMaxLength + 1)), s, Now))
            .Refused("invalid-reason", "reason");
        Scenario.Given<Concern>(Raised, Answered).When(s => ConcernDecider.Decide(Escalation(reason), s, Now)).Refused("invalid-reason", "reason");
    }

    private static EscalateConcern Escalation(string? reason = "Twice reopened, still nothing.") => new(ConcernId, Author, reason) { Pseudonym = AuthorPseudonym };

    /// <summary>Raised, then reopened <paramref name="times"/> times by the author's contests of new answers.</summary>
    private static object[] Reopened(int times)
    {
        var events = new List<object> { Raised };
        for (var i = 0; i < times; i++)
        {
            var at = Now.AddDays(i * 10);
            events.Add(new ConcernAnswered(ConcernId, Official, "a", at));
            events.Add(new ConcernContested(ConcernId, AuthorPseudonym, "r", at.AddDays(1)));
            events.Add(new ConcernReopened(ConcernId, "r", at.AddDays(31), at.AddDays(1)));
        }
        return [.. events];
    }

    [Fact]
    public void A_concern_reopened_twice_may_be_escalated_once_reopened_once_it_may_not()
    {
        var at = Now.AddDays(25);
        Scenario.Given<Concern>(Reopened(2)).When(s => ConcernDecider.Decide(Escalation("  Twice reopened, still nothing. "), s, at))
            .Events(new ConcernEscalated(ConcernId, AuthorPseudonym, "Twice reopened, still nothing.", at));
        Assert.Equal(ErrorKind.RuleViolated,
            Scenario.Given<Concern>(Reopened(1)).When(s => ConcernDecider.Decide(Escalation(), s, Now.AddDays(5))).Refused("escalation-not-due").Kind);
    }

    [Fact]
    public void A_concern_past_its_deadline_twice_may_be_escalated_by_a_supporter()
    {
        // Answered late once (deadline of the acknowledgement), reopened, and now past the new deadline: two missed.
        var late = new ConcernAnswered(ConcernId, Official, "late", Acknowledged.ResponseDue.AddDays(1));
        var reopenedAt = late.AnsweredAt.AddDays(1);
        object[] history = [Raised, Acknowledged, late, new ConcernContested(ConcernId, AuthorPseudonym, "r", reopenedAt),
            new ConcernReopened(ConcernId, "r", reopenedAt.AddDays(30), reopenedAt)];
        var supporter = new EscalateConcern(ConcernId, Guid.NewGuid(), "Late again.") { Pseudonym = Guid.NewGuid(), Supporter = true };

        Scenario.Given<Concern>(history).When(s => ConcernDecider.Decide(supporter, s, reopenedAt.AddDays(30))).Refused("escalation-not-due");
        Assert.IsType<ConcernEscalated>(Assert.Single(
            Scenario.Given<Concern>(history).When(s => ConcernDecider.Decide(supporter, s, reopenedAt.AddDays(30).AddSeconds(1))).Decision.Events));
    }

    [Fact]
    public void An_escalation_asked_again_changes_nothing_and_after_the_finding_is_refused()
    {
        var escalated = new ConcernEscalated(ConcernId, AuthorPseudonym, "r", Now.AddDays(25));
        Scenario.Given<Concern>([.. Reopened(2), escalated]).When(s => ConcernDecider.Decide(Escalation(), s, Now.AddDays(26))).Nothing();
        var found = new EscalationFindingRecorded(ConcernId, Guid.NewGuid(), "f", "upheld", Now.AddDays(27));
        Scenario.Given<Concern>([.. Reopened(2), escalated, found]).When(s => ConcernDecider.Decide(Escalation(), s, Now.AddDays(28))).Refused("escalation-decided");
    }

    private static readonly Guid BodyMember = Guid.NewGuid();

    [Fact]
    public void The_independent_body_records_one_finding_on_an_escalated_concern()
    {
        var escalated = new ConcernEscalated(ConcernId, AuthorPseudonym, "r", Now.AddDays(25));
        var at = Now.AddDays(40);
        Scenario.Given<Concern>([.. Reopened(2), escalated])
            .When(s => ConcernDecider.Decide(new RecordEscalationFinding(ConcernId, BodyMember, " The council did not act. ", "partly-upheld"), s, at))
            .Events(new EscalationFindingRecorded(ConcernId, BodyMember, "The council did not act.", "partly-upheld", at));
        Scenario.Given<Concern>([.. Reopened(2), escalated, new EscalationFindingRecorded(ConcernId, BodyMember, "f", "upheld", at)])
            .When(s => ConcernDecider.Decide(new RecordEscalationFinding(ConcernId, BodyMember, "again", "upheld"), s, at)).Refused("finding-recorded");
        Scenario.Given<Concern>(Reopened(2))
            .When(s => ConcernDecider.Decide(new RecordEscalationFinding(ConcernId, BodyMember, "f", "upheld"), s, at)).Refused("concern-not-escalated");
    }

    [Theory]
    [InlineData(null, "upheld", "finding"), InlineData(" ", "upheld", "finding"), InlineData("f", null, "outcome"), InlineData("f", "guilty", "outcome"),
     InlineData("f", "Upheld", "outcome")]
    public void A_finding_names_its_text_and_a_known_outcome(string? finding, string? outcome, string field) =>
        Scenario.Given<Concern>([.. Reopened(2), new ConcernEscalated(ConcernId, AuthorPseudonym, "r", Now)])
            .When(s => ConcernDecider.Decide(new RecordEscalationFinding(ConcernId, BodyMember, finding, outcome), s, Now)).RefusedNaming(field);
}
