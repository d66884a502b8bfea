using Platform.Api.EqualParticipation;
using Platform.Domain.Concerns;
using Platform.Domain.EqualParticipation;

namespace Platform.Tests.Domain;

/// <summary>The rules of equal participation, with no database: profiles, population shares, group tags, assistance, small groups.</summary>
public class EqualParticipationDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Person = Guid.NewGuid();

    private static SaveProfile Profile(bool? consent = true, string? ageBand = "65-plus", string? gender = "woman", string? district = " Tang Hall ") =>
        new(Person, consent, ageBand, gender, true, null, district);

    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    public void Without_consent_no_profile_is_made(bool? consent)
    {
        var (profile, errors) = ProfileDecider.Decide(Profile(consent), Now);
        Assert.Null(profile);
        Assert.Equal("consent", Assert.Single(errors).Field);
    }

    [Fact]
    public void With_consent_the_answers_are_kept_trimmed_and_the_unsaid_ones_stay_unsaid()
    {
        var (profile, errors) = ProfileDecider.Decide(Profile(gender: " ", district: " Tang Hall "), Now);
        Assert.Empty(errors);
        Assert.Equal(Person, profile!.Id);
        Assert.Equal("65-plus", profile.AgeBand);
        Assert.Null(profile.Gender);
        Assert.True(profile.Disability);
        Assert.Null(profile.MigrantBackground);
        Assert.Equal("Tang Hall", profile.District);
        Assert.Equal(Now, profile.ConsentedAt);
    }

    [Fact]
    public void An_answer_outside_its_list_or_too_long_is_refused_naming_its_field()
    {
        var (profile, errors) = ProfileDecider.Decide(Profile(ageBand: "ancient", gender: "robot", district: new string('x', 101)), Now);
        Assert.Null(profile);
        Assert.Equal(["ageBand", "gender", "district"], errors.Select(e => e.Field));
    }

    private static SetPopulationShares Shares(params PopulationShareInput?[] shares) =>
        new("york", Guid.NewGuid(), shares, new PopulationSourceInput("Census 2021", 2021, "https://example.org/census"));

    [Fact]
    public void Population_shares_are_kept_with_their_source()
    {
        var (shares, errors) = PopulationDecider.Decide(Shares(new("gender", "woman", 51.26), new("district", "Tang Hall", 7.8)), Now);
        Assert.Empty(errors);
        Assert.Equal([new PopulationShare("gender", "woman", 51.26), new PopulationShare("district", "Tang Hall", 7.8)], shares!.Shares);
        Assert.Equal(new PopulationSource("Census 2021", 2021, "https://example.org/census"), shares.Source);
    }

    [Fact]
    public void Each_wrong_share_and_source_field_is_named()
    {
        var command = Shares(new("gender", "woman", 150), new("shoe size", "42", 3), new("ageBand", "teenager", 10), null, new("disability", "yes", null))
            with { Source = new PopulationSourceInput(" ", 1800, "javascript:alert(1)") };
        var (shares, errors) = PopulationDecider.Decide(command, Now);
        Assert.Null(shares);
        Assert.Equal(["shares[0].percent", "shares[1].dimension", "shares[2].group", "shares[3]", "shares[4].percent", "source.name", "source.year", "source.url"],
            errors.Select(e => e.Field));
    }

    [Fact]
    public void A_dimension_may_not_add_up_to_more_than_the_whole_population()
    {
        var (_, errors) = PopulationDecider.Decide(Shares(new("gender", "woman", 60), new("gender", "man", 50)), Now);
        Assert.Equal("shares", Assert.Single(errors).Field);
    }

    private static readonly Guid ConcernId = Guid.CreateVersion7();
    private static readonly ConcernRaised Raised = new(ConcernId, "t", "", ["housing"], [], null, Person, false, Now);

    [Fact]
    public void Groups_named_when_raising_are_tagged_right_after_the_concern()
    {
        var command = new RaiseConcern(ConcernId, Person, "No ramp", null, ["housing"], null, null) { Groups = [Groups.Disability, Groups.Disability, Groups.OlderPeople] };
        var decision = ConcernDecider.Decide(command, null, Now);
        Assert.IsType<ConcernRaised>(decision.Events[0]);
        var tagged = Assert.IsType<ConcernGroupsTagged>(decision.Events[1]);
        Assert.Equal([Groups.Disability, Groups.OlderPeople], tagged.Groups);
        Assert.Equal(Person, tagged.TaggedBy);
    }

    [Fact]
    public void A_concern_raised_without_groups_has_no_tagging() =>
        Assert.IsType<ConcernRaised>(Assert.Single(ConcernDecider.Decide(new RaiseConcern(ConcernId, Person, "No ramp", null, ["housing"], null, null), null, Now).Events));

    [Fact]
    public void An_unknown_group_is_named_by_its_place_and_more_than_five_are_refused()
    {
        Scenario.Given<Concern>().When(s => ConcernDecider.Decide(new RaiseConcern(ConcernId, Person, "No ramp", null, ["housing"], null, null)
            { Groups = [Groups.Women, "aliens"] }, s, Now)).RefusedNaming("groups[1]");
        Scenario.Given<Concern>(Raised).When(s => ConcernGroupTagging.Decide(new TagConcernGroups(ConcernId, Person, Groups.All.Take(6).ToList()), s, Now))
            .RefusedNaming("groups");
    }

    [Fact]
    public void An_official_tags_the_whole_set_and_the_same_set_again_changes_nothing()
    {
        var official = Guid.NewGuid();
        var tagged = new ConcernGroupsTagged(ConcernId, [Groups.Migrants, Groups.Children], official, Now);
        var decided = Scenario.Given<Concern>(Raised)
            .When(s => ConcernGroupTagging.Decide(new TagConcernGroups(ConcernId, official, [Groups.Migrants, Groups.Children]), s, Now)).Single<ConcernGroupsTagged>();
        Assert.Equal(tagged.Groups, decided.Groups);
        Assert.Equal(tagged with { Groups = decided.Groups }, decided);
        Scenario.Given<Concern>(Raised, tagged).When(s => ConcernGroupTagging.Decide(new TagConcernGroups(ConcernId, official, [Groups.Children, Groups.Migrants]), s, Now))
            .Nothing();
        Scenario.Given<Concern>().When(s => ConcernGroupTagging.Decide(new TagConcernGroups(ConcernId, official, []), s, Now)).Refused("concern-not-found");
    }

    private static AssistParticipation Assist(string? note = "Consent given orally at the library.") =>
        new(ConcernId, AssistanceRules.Support, Person, Guid.NewGuid(), AssistanceRules.Organisation, note);

    [Fact]
    public void An_assisted_participation_records_the_help_beside_the_participation()
    {
        var supported = new ConcernSupported(ConcernId, Person, Now);
        var decision = AssistanceDecider.Decide(Assist(), Decision.Accept(supported), Now);
        Assert.Equal(supported, decision.Events[0]);
        var assisted = Assert.IsType<ParticipationAssisted>(decision.Events[1]);
        Assert.Equal((ConcernId, AssistanceRules.Support, Person, "Consent given orally at the library.", AssistanceRules.Organisation),
            (assisted.ItemId, assisted.ItemKind, assisted.OnBehalfOf, assisted.ConsentNote, assisted.AssistedAs));
    }

    [Fact]
    public void Without_a_consent_note_nothing_is_recorded_and_a_repeat_records_no_help_either()
    {
        var refused = AssistanceDecider.Decide(Assist(note: "  "), Decision.Accept(new ConcernSupported(ConcernId, Person, Now)), Now);
        Assert.Equal("consentNote", Assert.Single(refused.Errors).Field);
        Assert.Empty(refused.Events);
        var repeat = AssistanceDecider.Decide(Assist(), Decision.NoChange, Now);
        Assert.Empty(repeat.Events);
        Assert.Empty(repeat.Errors);
    }

    [Fact]
    public void The_resident_is_named_exactly_once()
    {
        Assert.Equal("resident", Assert.Single(AssistanceDecider.CheckResident(new AssistedResidentInput(null, null, null))).Field);
        Assert.Equal("resident", Assert.Single(AssistanceDecider.CheckResident(new AssistedResidentInput("a@b.org", null, "A. B."))).Field);
        Assert.Contains(AssistanceDecider.CheckResident(new AssistedResidentInput(null, null, new string('n', 61))), e => e.Field == "resident.name");
        Assert.Empty(AssistanceDecider.CheckResident(new AssistedResidentInput(null, Guid.NewGuid(), null)));
    }

    private static IReadOnlyList<(string, string?, string?, long)> Rows(long women, long men, long notSaid) =>
    [
        ("supporting", null, null, women + men + notSaid),
        ("supporting", "gender", "woman", women), ("supporting", "gender", "man", men), ("supporting", "gender", null, notSaid),
    ];

    [Fact]
    public void A_group_of_nine_is_fewer_than_ten_and_a_group_of_ten_is_its_number()
    {
        var figures = ParticipationBreakdownReader.Breakdown("york", Now, null, Rows(women: 9, men: 10, notSaid: 12));
        var gender = figures.Activities.Single(a => a.Activity == "supporting").Dimensions.Single(d => d.Dimension == "gender");
        Assert.Equal(new PeopleCount(null, 10), gender.Groups.Single(g => g.Group == "woman").People);
        Assert.Equal(new PeopleCount(10, null), gender.Groups.Single(g => g.Group == "man").People);
        Assert.Equal(new PeopleCount(12, null), gender.NotSaid);
        // A share beside a hidden group would give its number away: none is given.
        Assert.All(gender.Groups, g => Assert.Null(g.SharePercent));
    }

    [Fact]
    public void Shares_of_those_who_said_are_given_when_every_group_is_shown_beside_the_population_share()
    {
        var population = new PopulationShares { Id = "york", Shares = [new("gender", "woman", 51.3)], Source = new("Census", 2021, null) };
        var rows = new List<(string, string?, string?, long)>(Rows(women: 30, men: 10, notSaid: 10)) { ("supporting", "gender", "another", 10) };
        rows[0] = ("supporting", null, null, 60);
        var gender = ParticipationBreakdownReader.Breakdown("york", Now, population, rows)
            .Activities.Single(a => a.Activity == "supporting").Dimensions.Single(d => d.Dimension == "gender");
        var women = gender.Groups.Single(g => g.Group == "woman");
        Assert.Equal(60.0, women.SharePercent);
        Assert.Equal(51.3, women.PopulationPercent);
        Assert.Null(gender.Groups.Single(g => g.Group == "man").PopulationPercent);
    }

    [Fact]
    public void Districts_are_those_of_the_population_shares_and_every_other_answer_together()
    {
        var population = new PopulationShares { Id = "york", Shares = [new("district", "Tang Hall", 7.8)], Source = new("Census", 2021, null) };
        IReadOnlyList<(string, string?, string?, long)> rows =
        [
            ("raising", null, null, 40), ("raising", "district", "tang hall", 3), ("raising", "district", "Clifton", 25),
            ("raising", "district", "My street 12", 1), ("raising", "district", "Heworth", 2), ("raising", "district", null, 9),
        ];
        var district = ParticipationBreakdownReader.Breakdown("york", Now, population, rows)
            .Activities.Single(a => a.Activity == "raising").Dimensions.Single(d => d.Dimension == "district");
        // Clifton is not one of the city's districts (a free-text answer): however many name it, it counts under "other".
        Assert.Equal(["Tang Hall", "other"], district.Groups.Select(g => g.Group));
        Assert.Equal(new PeopleCount(28, null), district.Groups.Single(g => g.Group == "other").People);
        Assert.DoesNotContain(district.Groups, g => g.Group == "Clifton");
        Assert.DoesNotContain(district.Groups, g => g.Group == "My street 12");
    }
}
