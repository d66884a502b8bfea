using Platform.Domain.Concerns;
using Platform.Domain.Organisations;

namespace Platform.Tests.Domain;

/// <summary>Given / when / then on the rules of organisations and their shadow reports, with no database.</summary>
public class OrganisationDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly Guid Founder = Guid.NewGuid(), Other = Guid.NewGuid(), Official = Guid.NewGuid();

    private static RegisterOrganisation Valid => new(Id, Founder, "  York Disability Forum ", OrganisationRules.CivilSociety,
        " Disabled residents of York, speaking for themselves. ", "https://example.org/ydf", [Groups.Disability, Groups.OlderPeople, Groups.Disability])
    {
        MemberName = "Ada",
    };

    private static readonly OrganisationRegistered Registered = new(Id, "York Disability Forum", OrganisationRules.CivilSociety, "Disabled residents.", null,
        [Groups.Disability], Now);
    private static readonly OrganisationMemberAdded FounderAdded = new(Id, Founder, "Ada", Now);
    private static readonly OrganisationVerified Verified = new(Id, Official, Now);

    [Fact]
    public void Registering_records_the_organisation_trimmed_with_each_group_once_and_its_registering_account_as_first_member()
    {
        var decision = OrganisationDecider.Decide(Valid, null, Now);
        Assert.Empty(decision.Errors);
        var registered = Assert.IsType<OrganisationRegistered>(decision.Events[0]);
        Assert.Equal((Id, "York Disability Forum", OrganisationRules.CivilSociety, "Disabled residents of York, speaking for themselves.", "https://example.org/ydf", Now),
            (registered.OrganisationId, registered.Name, registered.Kind, registered.Description, registered.Website, registered.RegisteredAt));
        Assert.Equal([Groups.Disability, Groups.OlderPeople], registered.Groups);
        Assert.Equal(new OrganisationMemberAdded(Id, Founder, "Ada", Now), decision.Events[1]);
        Assert.Equal(2, decision.Events.Count);
        Assert.Equal(OrganisationStatus.Pending, Evolution<Organisation>.Fold(decision.Events)!.Status);
    }

    public static TheoryData<RegisterOrganisation, string> InvalidRegistrations => new()
    {
        { Valid with { Name = null }, "name" },
        { Valid with { Name = new string('n', OrganisationRules.NameMaxLength + 1) }, "name" },
        { Valid with { Kind = "political-party" }, "kind" },
        { Valid with { Kind = null }, "kind" },
        { Valid with { Description = " " }, "description" },
        { Valid with { Description = new string('d', OrganisationRules.DescriptionMaxLength + 1) }, "description" },
        { Valid with { Website = "javascript:alert(1)" }, "website" },
        { Valid with { Groups = ["women", "wizards"] }, "groups[1]" },
    };

    [Theory, MemberData(nameof(InvalidRegistrations))]
    public void An_invalid_registration_is_refused_naming_the_field(RegisterOrganisation command, string field) =>
        Assert.Equal(ErrorKind.Invalid, Scenario.Given<Organisation>().When(s => OrganisationDecider.Decide(command, s, Now)).Refused("invalid-" + field, field).Kind);

    [Fact]
    public void An_organisation_is_registered_once() =>
        Scenario.Given<Organisation>(Registered, FounderAdded).When(s => OrganisationDecider.Decide(Valid, s, Now)).Refused("organisation-exists");

    [Fact]
    public void A_waiting_organisation_is_verified_and_verifying_again_changes_nothing()
    {
        Scenario.Given<Organisation>(Registered, FounderAdded).When(s => OrganisationDecider.Decide(new VerifyOrganisation(Id, Official), s, Now))
            .Events(new OrganisationVerified(Id, Official, Now));
        Scenario.Given<Organisation>(Registered, FounderAdded, Verified).When(s => OrganisationDecider.Decide(new VerifyOrganisation(Id, Official), s, Now)).Nothing();
    }

    [Fact]
    public void A_declined_registration_is_not_verified_later() =>
        Scenario.Given<Organisation>(Registered, new OrganisationDeclined(Id, Official, "Not in York.", Now))
            .When(s => OrganisationDecider.Decide(new VerifyOrganisation(Id, Official), s, Now)).Refused("organisation-declined");

    [Fact]
    public void Declining_and_suspending_need_a_reason_and_start_from_their_status()
    {
        Scenario.Given<Organisation>(Registered).When(s => OrganisationDecider.Decide(new DeclineOrganisation(Id, Official, " "), s, Now)).Refused("invalid-reason", "reason");
        Scenario.Given<Organisation>(Registered).When(s => OrganisationDecider.Decide(new DeclineOrganisation(Id, Official, " Not in York. "), s, Now))
            .Events(new OrganisationDeclined(Id, Official, "Not in York.", Now));
        Scenario.Given<Organisation>(Registered, Verified).When(s => OrganisationDecider.Decide(new DeclineOrganisation(Id, Official, "Late."), s, Now))
            .Refused("organisation-verified");
        Scenario.Given<Organisation>(Registered).When(s => OrganisationDecider.Decide(new SuspendOrganisation(Id, Official, "Spam."), s, Now))
            .Refused("organisation-pending");
        Scenario.Given<Organisation>(Registered, Verified).When(s => OrganisationDecider.Decide(new SuspendOrganisation(Id, Official, "Spam."), s, Now))
            .Events(new OrganisationSuspended(Id, Official, "Spam.", Now));
    }

    [Fact]
    public void A_suspended_organisation_is_verified_again_and_its_members_act_for_it_only_while_verified()
    {
        var suspended = Evolution<Organisation>.Fold([Registered, FounderAdded, Verified, new OrganisationSuspended(Id, Official, "Spam.", Now)])!;
        Assert.False(suspended.ActsFor(Founder));
        Scenario.Given<Organisation>(Registered, FounderAdded, Verified, new OrganisationSuspended(Id, Official, "Spam.", Now))
            .When(s => OrganisationDecider.Decide(new VerifyOrganisation(Id, Official), s, Now)).Events(new OrganisationVerified(Id, Official, Now));
        Assert.True(Evolution<Organisation>.Fold([Registered, FounderAdded, Verified])!.ActsFor(Founder));
    }

    [Fact]
    public void Only_members_add_members_and_the_email_must_name_an_account()
    {
        var given = Scenario.Given<Organisation>(Registered, FounderAdded);
        given.When(s => OrganisationDecider.Decide(new AddOrganisationMember(Id, Other, "b@example.org") { MemberId = Guid.NewGuid() }, s, Now)).Refused("not-a-member");
        given.When(s => OrganisationDecider.Decide(new AddOrganisationMember(Id, Founder, "nobody@example.org"), s, Now)).Refused("no-account", "email");
        given.When(s => OrganisationDecider.Decide(new AddOrganisationMember(Id, Founder, ""), s, Now)).Refused("invalid-email", "email");
        given.When(s => OrganisationDecider.Decide(new AddOrganisationMember(Id, Founder, "b@example.org") { MemberId = Other, MemberName = "Bo" }, s, Now))
            .Events(new OrganisationMemberAdded(Id, Other, "Bo", Now));
        given.When(s => OrganisationDecider.Decide(new AddOrganisationMember(Id, Founder, "a@example.org") { MemberId = Founder, MemberName = "Ada" }, s, Now)).Nothing();
    }

    [Fact]
    public void The_last_member_stays_and_an_erased_member_is_no_member()
    {
        Scenario.Given<Organisation>(Registered, FounderAdded).When(s => OrganisationDecider.Decide(new RemoveOrganisationMember(Id, Founder, Founder), s, Now))
            .Refused("last-member");
        Scenario.Given<Organisation>(Registered, FounderAdded, new OrganisationMemberAdded(Id, Other, "Bo", Now))
            .When(s => OrganisationDecider.Decide(new RemoveOrganisationMember(Id, Other, Founder), s, Now)).Events(new OrganisationMemberRemoved(Id, Founder, Now));
        var masked = Evolution<Organisation>.Fold([Registered, new OrganisationMemberAdded(Id, Guid.Empty, OrganisationRules.ErasedMemberName, Now), Verified])!;
        Assert.Empty(masked.Members);
        Assert.False(masked.ActsFor(Guid.Empty));
    }

    private static RaiseConcern Concern(Guid author) => new(Guid.CreateVersion7(), author, "No ramp at the library", "Wheelchair users cannot enter.",
        ["disability-inclusion"], null, "Acomb", Anonymous: true);

    [Fact]
    public void A_member_of_a_verified_organisation_raises_a_named_concern_on_its_behalf_for_one_of_its_groups()
    {
        var concern = Concern(Founder);
        var decision = OrganisationDecider.Decide(new RaiseConcernOnBehalf(concern, Id, Groups.Disability),
            Evolution<Organisation>.Fold([Registered, FounderAdded, Verified]), null, Now);
        Assert.Empty(decision.Errors);
        var raised = Assert.IsType<ConcernRaised>(decision.Events[0]);
        Assert.False(raised.Anonymous);
        Assert.Equal(Founder, raised.AuthorId);
        Assert.Equal(new ConcernRaisedOnBehalf(concern.ConcernId, Id, Groups.Disability, Now), decision.Events[1]);
        Assert.Equal(2, decision.Events.Count);
    }

    [Fact]
    public void Nobody_raises_on_behalf_of_an_unverified_organisation_or_one_they_are_no_member_of_or_for_a_group_it_does_not_speak_for()
    {
        var pending = Evolution<Organisation>.Fold([Registered, FounderAdded]);
        var verified = Evolution<Organisation>.Fold([Registered, FounderAdded, Verified]);
        Assert.Equal("organisation-not-acting", OrganisationDecider.Decide(new RaiseConcernOnBehalf(Concern(Founder), Id, Groups.Disability), pending, null, Now).Errors[0].Code);
        Assert.Equal("organisation-not-acting", OrganisationDecider.Decide(new RaiseConcernOnBehalf(Concern(Other), Id, Groups.Disability), verified, null, Now).Errors[0].Code);
        var wrongGroup = OrganisationDecider.Decide(new RaiseConcernOnBehalf(Concern(Founder) with { Title = "" }, Id, Groups.Women), verified, null, Now);
        Assert.Equal(["title", "group"], wrongGroup.Errors.Select(e => e.Field));
        Assert.Empty(wrongGroup.Events);
    }

    private static readonly ShadowReportContext Context = new(new HashSet<string> { "H1" }, new HashSet<Guid> { Guid.Parse("0193a000-0000-7000-8000-000000000001") }, 2000, 2026);
    private static readonly Guid ReportId = Guid.CreateVersion7();
    private static ShadowReportDraft Draft => new(" Housing is not improving ", "H1 fell two years running.", "", null, ["H1"], [Guid.Parse("0193a000-0000-7000-8000-000000000001")]);
    private static PublishShadowReport Publish(Guid account, int? year = 2025) => new(ReportId, Id, account, year, Draft) { Context = Context };

    [Fact]
    public void A_member_publishes_a_shadow_report_on_a_year_with_links_to_the_citys_indicators_and_commitments()
    {
        var organisation = Evolution<Organisation>.Fold([Registered, FounderAdded, Verified]);
        var published = Assert.IsType<ShadowReportPublished>(Assert.Single(ShadowReportDecider.Decide(Publish(Founder), organisation, null, Now).Events));
        Assert.Equal((ReportId, Id, "York Disability Forum", 2025), (published.ReportId, published.OrganisationId, published.OrganisationName, published.Year));
        Assert.Equal("Housing is not improving", published.Text.Title);
        Assert.Equal(["H1"], published.Text.IndicatorCodes);
    }

    public static TheoryData<PublishShadowReport, string> InvalidShadowReports => new()
    {
        { Publish(Founder, null), "year" },
        { Publish(Founder, 2027), "year" },
        { Publish(Founder, 1999), "year" },
        { Publish(Founder) with { Draft = Draft with { Title = " " } }, "title" },
        { Publish(Founder) with { Draft = Draft with { Indicators = null, Commitments = " ", Assessment = null } }, "indicators" },
        { Publish(Founder) with { Draft = Draft with { Assessment = new string('a', OrganisationRules.ShadowSectionMaxLength + 1) } }, "assessment" },
        { Publish(Founder) with { Draft = Draft with { IndicatorCodes = ["H1", "LEEDS-1"] } }, "indicatorCodes[1]" },
        { Publish(Founder) with { Draft = Draft with { CommitmentIds = [Guid.NewGuid()] } }, "commitmentIds[0]" },
    };

    [Theory, MemberData(nameof(InvalidShadowReports))]
    public void An_invalid_shadow_report_is_refused_naming_the_field(PublishShadowReport command, string field) =>
        Assert.Contains(ShadowReportDecider.Decide(command, Evolution<Organisation>.Fold([Registered, FounderAdded, Verified]), null, Now).Errors, e => e.Field == field);

    [Fact]
    public void Only_members_of_the_verified_publishing_organisation_publish_and_correct()
    {
        var pending = Evolution<Organisation>.Fold([Registered, FounderAdded]);
        var verified = Evolution<Organisation>.Fold([Registered, FounderAdded, Verified]);
        Assert.Equal("organisation-not-acting", ShadowReportDecider.Decide(Publish(Founder), pending, null, Now).Errors[0].Code);
        Assert.Equal("organisation-not-acting", ShadowReportDecider.Decide(Publish(Other), verified, null, Now).Errors[0].Code);

        var report = Evolution<ShadowReport>.Fold([new ShadowReportPublished(ReportId, Id, "York Disability Forum", 2025, new ShadowReportText("t", "s", "", "", [], []), Now)]);
        var correction = new CorrectShadowReport(ReportId, Founder, " Figures of 2025 added. ", Draft) { Context = Context };
        Assert.Equal("organisation-not-acting", ShadowReportDecider.Decide(correction with { AccountId = Other }, verified, report, Now).Errors[0].Code);
        var corrected = Assert.IsType<ShadowReportCorrected>(Assert.Single(ShadowReportDecider.Decide(correction, verified, report, Now).Events));
        Assert.Equal((2, "Figures of 2025 added."), (corrected.Version, corrected.Note));
        Assert.Equal(3, Evolution<ShadowReport>.Fold([new ShadowReportPublished(ReportId, Id, "n", 2025, corrected.Text, Now), corrected,
            corrected with { Version = 3 }])!.Version);
    }

    [Fact]
    public void A_moderator_hides_with_a_reason_and_restores_and_repeats_change_nothing()
    {
        var published = new ShadowReportPublished(ReportId, Id, "n", 2025, new ShadowReportText("t", "s", "", "", [], []), Now);
        var moderator = Guid.NewGuid();
        Scenario.Given<ShadowReport>(published).When(s => ShadowReportDecider.Decide(new HideShadowReport(ReportId, moderator, ""), s, Now)).Refused("invalid-reason", "reason");
        Scenario.Given<ShadowReport>(published).When(s => ShadowReportDecider.Decide(new HideShadowReport(ReportId, moderator, "Names a private person."), s, Now))
            .Events(new ShadowReportHidden(ReportId, moderator, "Names a private person.", Now));
        var hidden = new ShadowReportHidden(ReportId, moderator, "Names a private person.", Now);
        Scenario.Given<ShadowReport>(published, hidden).When(s => ShadowReportDecider.Decide(new HideShadowReport(ReportId, moderator, "Again."), s, Now)).Nothing();
        Scenario.Given<ShadowReport>(published, hidden).When(s => ShadowReportDecider.Decide(new RestoreShadowReport(ReportId, moderator, "Name removed."), s, Now))
            .Events(new ShadowReportRestored(ReportId, moderator, "Name removed.", Now));
        Scenario.Given<ShadowReport>().When(s => ShadowReportDecider.Decide(new RestoreShadowReport(ReportId, moderator, "x"), s, Now)).Refused("shadow-report-not-found");
    }
}
