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
}
