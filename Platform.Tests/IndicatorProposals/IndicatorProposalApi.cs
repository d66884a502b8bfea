namespace Platform.Tests.IndicatorProposals;

/// <summary>Short ways to call the proposed-indicator endpoints from tests.</summary>
public static class IndicatorProposalApi
{
    public static string Url(string city) => $"/api/cities/{city}/indicator-proposals";

    public static object Body(string name = "Households waiting more than a year for social housing", string right = "housing", string? variantOf = null,
        string? why = "Nobody follows how long families wait.") => new
    {
        name, right, type = "outcome", unit = "% of households on the list", source = "The council's housing register", why, variantOf,
    };

    public static object Adoption(string code, string period = "2025", double value = 23.5) => new
    {
        code, unitKind = "percentage", direction = "decrease", dataSource = "administrative",
        baseline = new { period, value }, target = 15, targetYear = 2030, department = "Housing Services",
    };

    public static async Task<Guid> ProposeAsync(this AppFixture app, string city, Actor author, object? body = null) =>
        (await app.PostAsync(Url(city), body ?? Body(), author, 201)).GetProperty("id").GetGuid();

    public static async Task<JsonElement> ProposalAsync(this AppFixture app, string city, Guid id)
    {
        var (status, body) = await app.GetAsync($"{Url(city)}/{id}");
        Assert.Equal(200, status);
        return body;
    }
}
