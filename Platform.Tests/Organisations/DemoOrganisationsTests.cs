using Platform.Api.Demo;
using Platform.Domain.Organisations;

namespace Platform.Tests.Organisations;

/// <summary>The demo organisations pass every rule they go through (a refused step would throw) and show what the feature does.</summary>
public class DemoOrganisationsTests
{
    [Fact]
    public void Every_demo_city_has_a_verified_organisation_one_of_them_an_independent_body_and_York_one_waiting()
    {
        var member = Guid.NewGuid();
        var now = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        var states = DemoNetwork.Cities.ToDictionary(c => c.Id, c => DemoOrganisations.Streams(c.Id, Guid.NewGuid(), member, "Resident", now)
            .Select(s => Evolution<Organisation>.Fold(s.Events)!).ToList());

        Assert.All(states.Values, organisations => Assert.Contains(organisations, o => o.ActsFor(member)));
        var kinds = DemoNetwork.Cities.SelectMany(c => DemoOrganisations.Streams(c.Id, Guid.NewGuid(), member, "Resident", now))
            .Select(s => s.Events.OfType<OrganisationRegistered>().Single().Kind).ToList();
        Assert.Contains(kinds, k => k is OrganisationRules.Ombudsperson or OrganisationRules.NationalHumanRightsInstitution);
        Assert.Contains(states["york"], o => o.Status == OrganisationStatus.Pending);
    }
}
