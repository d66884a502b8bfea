using Platform.Api.Accounts;

namespace Platform.Tests.Support;

/// <summary>Short ways to call the organisation endpoints from tests.</summary>
public static class OrganisationApi
{
    public static object Body(string name = "York Disability Forum", string kind = "civil-society", params string[] groups) => new
    {
        name,
        kind,
        description = "Disabled residents of the city, speaking for themselves.",
        website = "https://example.org/forum",
        groups = groups.Length == 0 ? new[] { "disability", "older-people" } : groups,
    };

    /// <summary>Registers an organisation as <paramref name="founder"/> (a new resident when null); answers its id and the founder.</summary>
    public static async Task<(Guid Id, Actor Founder)> RegisterOrganisationAsync(this AppFixture app, string city, Actor? founder = null, object? body = null)
    {
        founder ??= await app.ResidentAsync(city);
        var created = await app.PostAsync($"/api/cities/{city}/organisations", body ?? Body(), founder, 201);
        return (created.GetProperty("id").GetGuid(), founder);
    }

    /// <summary>An organisation registered by a new resident and verified by a new official of the city.</summary>
    public static async Task<(Guid Id, Actor Member)> VerifiedOrganisationAsync(this AppFixture app, string city, object? body = null)
    {
        var (id, founder) = await app.RegisterOrganisationAsync(city, body: body);
        await app.PostAsync($"/api/cities/{city}/organisations/{id}/verification", null, await app.AccountAsync(city, CityRole.Official), 200);
        return (id, founder);
    }

    public static object ShadowBody(int year, string title = "Housing is not getting better") => new
    {
        year,
        title,
        indicators = "Overcrowding rose two years running.",
        commitments = "The housing commitment is late.",
        assessment = "The self-assessment says participation is in place; our members were never asked.",
    };

    /// <summary>Publishes a shadow report of <paramref name="year"/> as a member of the organisation; answers its id.</summary>
    public static async Task<Guid> PublishShadowReportAsync(this AppFixture app, string city, Guid organisation, Actor member, int year, object? body = null) =>
        (await app.PostAsync($"/api/cities/{city}/organisations/{organisation}/shadow-reports", body ?? ShadowBody(year), member, 201)).GetProperty("id").GetGuid();

    /// <summary>Whether the account holds <paramref name="role"/> in <paramref name="city"/>, read from its stored document.</summary>
    public static async Task<bool> HoldsAsync(this AppFixture app, Actor actor, string city, CityRole role)
    {
        await using var session = app.Store.QuerySession();
        return (await session.LoadAsync<Account>(actor.Id))?.Holds(city, role) == true;
    }
}
