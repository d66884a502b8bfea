using Platform.Api.Cities;
using Platform.Api.Web;

namespace Platform.Tests.Web;

/// <summary>
/// An id a page's form posts (a commitment, a consultation or a parent chosen from a list) that is not an id, or a day,
/// a year, a number or an amount that cannot be read, is refused at its own field, as the API refuses it in a body, and
/// nothing is stored: never read as left out, which let the write go on without it (a commitment published without its parent, an indicator
/// adopted without its target year or its target) or named the field with another reason. Each form is the one the page authorization
/// matrix prepares (<see cref="PageHandlers"/>), posted by the city's council with one field made unreadable, as an
/// edited form or a broken client would send it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UnreadableIdPagesTests(BrowserFixture browser)
{
    private const string Id = "0193a2b4-not-an-id", IdRefused = "its id cannot be read";

    [Theory]
    [InlineData("/cities/{city}/un-recommendations/{id:guid}", "Link", "commitmentId", "un-link-commitmentId", Id, IdRefused)]
    [InlineData("/cities/{city}/assessments/{cycle}", "Link", "commitmentId", "{prefix}-link-commitmentId", Id, IdRefused)]
    [InlineData("/cities/{city}/un-recommendations/{id:guid}", "FollowUp", "date", "un-followup-date", "31/12/2026", "not a date")]
    [InlineData("/cities/{city}/assessments/{cycle}", "FollowUp", "date", "{prefix}-followup-date", "yesterday", "not a date")]
    [InlineData("/cities/{city}/indicators/proposals/{id:guid}", "Consult", "consultationId", "consultationId", Id, IdRefused)]
    [InlineData("/cities/{city}/commitments/new", "", "parentId", "parentId", Id, IdRefused)]
    [InlineData("/cities/{city}/practices/new", "", "commitmentIds", "commitmentIds", Id, IdRefused)]
    [InlineData("/cities/{city}/practices/{id:guid}/edit", "", "commitmentIds", "commitmentIds", Id, IdRefused)]
    [InlineData("/cities/{city}/commitments/new", "", "dueDate", "dueDate", "31/12/2027", "not a date")]
    [InlineData("/cities/{city}/commitments/new", "", "budget", "budget", "lots", "The budget is an amount from 0")]
    [InlineData("/cities/{city}/indicators/proposals/{id:guid}", "Adopt", "targetYear", "targetYear", "twenty30", "not a whole number")]
    [InlineData("/cities/{city}/indicators/proposals/{id:guid}", "Adopt", "target", "target", "lots", "not a number")]
    [InlineData("/cities/{city}/indicators/proposals/{id:guid}", "Adopt", "baseline-value", "baseline-value", "23,5%", "not a number")]
    [InlineData("/cities/{city}/proposals/{id:guid}", "Accept", "commitment-dueDate", "commitment-dueDate", "31/12/2027", "not a date")]
    [InlineData("/cities/{city}/consultations/{id:guid}", "Open", "opensAt", "opensAt", "next monday", "not a date")]
    [InlineData("/cities/{city}/consultations/{id:guid}", "Open", "closesAt", "closesAt", "31.12.2027", "not a date")]
    [InlineData("/cities/{city}/commitments/{id:guid}", "Progress", "progress-percent", "progress-percent", "forty", "not a whole number")]
    [InlineData("/cities/{city}/commitments/{id:guid}", "Milestone", "milestone-dueDate", "milestone-dueDate", "31/12/2027", "not a date")]
    [InlineData("/cities/{city}/commitments/{id:guid}", "Deadline", "deadline-dueDate", "deadline-dueDate", "31/12/2027", "not a date")]
    [InlineData("/cities/{city}/recognition", "", "decidedOn", "decidedOn", "31/12/2026", "not a date")]
    public async Task An_unreadable_id_date_or_number_in_a_form_is_refused_at_its_field_and_nothing_is_stored(string route, string handler, string field,
        string formField, string unreadable, string refusal)
    {
        var city = $"x{Guid.NewGuid():N}"[..20];
        await using (var session = browser.Store.LightweightSession())
        {
            session.Store(new City { Id = city, Names = new() { ["en"] = "Idsbury" }, TimeZone = "Europe/London", RegisteredAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync();
        }
        var (_, council) = await browser.AccountAsync(city, Enum.GetValues<CityRole>());
        using var api = new BrowserApi(browser);
        using var scene = new PageScene(browser, city, await api.TokenAsync(council));
        var expected = PageHandlers.All.Single(h => h.Route == route && h.Handler == handler);
        var form = await expected.Arrange!(scene);
        var address = route.Replace("{city}", city);
        foreach (var (key, value) in form.Route) address = Regex.Replace(address, $"\\{{{key}(:[^}}]*)?\\}}", value);
        if (form.Fields.TryGetValue("recommendationId", out var recommendation))
            formField = formField.Replace("{prefix}", RecommendationForms.PrefixOf(Guid.Parse(recommendation)));
        var fields = new Dictionary<string, string>(form.Fields) { [field] = unreadable };
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(council);
            await page.GotoAsync(address);
            var before = await StoreFingerprint.ReadAsync(TestDatabase.ConnectionString, BrowserFixture.Schema, city, "york", since);
            var (status, body) = await page.PostFormForPageAsync(address + (handler.Length == 0 ? "" : $"?handler={handler}"), fields);
            Assert.Equal(200, status);
            var error = Regex.Match(body, $"<p id=\"{Regex.Escape(formField)}-error\"[^>]*>([^<]*)</p>");
            Assert.True(error.Success, $"no error at {formField}: {Regex.Matches(body, "id=\"([^\"]+)-error\"").Select(m => m.Groups[1].Value).DefaultIfEmpty("none").Aggregate((a, b) => $"{a}, {b}")}");
            Assert.Contains(refusal, error.Groups[1].Value);
            Assert.Matches($"aria-invalid=\"true\" aria-describedby=\"[^\"]*\\b{Regex.Escape(formField)}-error\"", body);
            Assert.Equal(before, await StoreFingerprint.ReadAsync(TestDatabase.ConnectionString, BrowserFixture.Schema, city, "york", since));
        }, javaScript: false);
    }
}
