using Platform.Domain.EqualParticipation;

namespace Platform.Tests.Participation;

/// <summary>
/// The consultation page's assisted answer form (docs/participation.md), with JavaScript off: an official of the city
/// answers for a resident met offline, with the resident's consent noted, through the handler the API uses; the
/// consultation's stream records the assisting account. Without consent the field is named and nothing is stored; a
/// resident, an anonymous visitor and a forged consultation are refused; so is a form sent after the consultation closed.
/// A malformed offline resident number is refused at its field on each assisted form (this one, the concern page's
/// support, the assisted concern page), never read as left out.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AssistedAnswerPagesTests(BrowserFixture browser)
{
    private const string Consent = "Consent given orally at the Tang Hall library";

    private async Task<Guid> OpenAsync(HttpClient official, DateTimeOffset closesAt)
    {
        var drafted = await official.PostAsJsonAsync("/api/cities/york/consultations", new { title = $"Getting around {Guid.NewGuid():N}", description = "Tell us." });
        var id = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await official.PostAsJsonAsync($"/api/cities/york/consultations/{id}/open", ConsultationApi.OpenBody(closesAt))).EnsureSuccessStatusCode();
        return id;
    }

    private async Task<List<ParticipationAssisted>> AssistedAsync(Guid consultation)
    {
        await using var session = browser.Store.QuerySession("york");
        return (await session.Events.FetchStreamAsync(consultation)).Select(e => e.Data).OfType<ParticipationAssisted>().ToList();
    }

    private static async Task<long> ParticipationAsync(HttpClient official, Guid consultation) =>
        (await official.GetFromJsonAsync<JsonElement>($"/api/cities/york/consultations/{consultation}/results")).GetProperty("participation").GetInt64();

    [Fact]
    public async Task An_official_answers_for_an_offline_resident_from_the_page_and_the_stream_records_the_assisting_account()
    {
        var (officialId, email) = await browser.AccountAsync("york", CityRole.Official);
        using var api = await browser.ApiClientAsync(email);
        var id = await OpenAsync(api, DateTimeOffset.UtcNow.AddDays(14));

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync($"/cities/york/consultations/{id}");
            await page.Locator("#assist-name").FillAsync("M. K.");
            await page.Locator("#assist-q-bus-1").CheckAsync(); // "10"
            await page.Locator("#assist-q-safe-3").CheckAsync(); // 4
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the answers" }).ClickAsync();
            await Expect(page.Locator("[id='assist-consent-error']")).ToBeVisibleAsync();
            await Expect(page.Locator("#assist-name")).ToHaveValueAsync("M. K.");
            await Expect(page.Locator("#assist-q-bus-1")).ToBeCheckedAsync();
            Assert.Empty(await AssistedAsync(id));
            Assert.Equal(0, await ParticipationAsync(api, id));

            await page.Locator("#assist-consent").FillAsync(Consent);
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the answers" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Recorded on the resident's behalf. Their offline resident number");
            Assert.DoesNotContain("M. K.", await page.ContentAsync(), StringComparison.Ordinal);
        }, javaScript: false);

        var assisted = Assert.Single(await AssistedAsync(id));
        Assert.Equal(officialId, assisted.AssistedBy);
        Assert.Equal(AssistanceRules.Official, assisted.AssistedAs);
        Assert.Equal(Consent, assisted.ConsentNote);
        Assert.Equal(1, await ParticipationAsync(api, id)); // the resident is counted as answering (their answers are withheld below ten)
    }

    /// <summary>How many offline resident records bear <paramref name="name"/>, and how many assistances the city's streams hold.</summary>
    private async Task<(int Records, int Assisted)> StoredAsync(string name)
    {
        await using var session = browser.Store.QuerySession("york");
        return (await session.Query<OfflineResident>().CountAsync(r => r.Name == name),
            await session.Events.QueryRawEventDataOnly<ParticipationAssisted>().CountAsync());
    }

    [Fact]
    public async Task A_malformed_offline_resident_number_is_refused_at_its_field_on_each_assisted_form_and_nothing_is_stored()
    {
        var (_, email) = await browser.AccountAsync("york", CityRole.Official);
        using var api = await browser.ApiClientAsync(email);
        var consultation = await OpenAsync(api, DateTimeOffset.UtcNow.AddDays(14));
        var raised = await api.PostAsJsonAsync("/api/cities/york/concerns", new { title = $"No ramp at the pool {Guid.NewGuid():N}", rights = new[] { "disability-inclusion" } });
        var concern = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // A name beside the number: read as absent, the number would let the name record a new offline resident.
        var name = $"N. {Guid.NewGuid():N}"[..20];
        const string Malformed = "A-1234";
        var forms = new (string Address, string Offline, string Name, string Consent, string Submit)[]
        {
            ($"/cities/york/consultations/{consultation}", "assist-offline", "assist-name", "assist-consent", "Record the answers"),
            ($"/cities/york/concerns/{concern}", "assist-offline", "assist-name", "assist-consent", "Record the support"),
            ("/cities/york/assisted", "resident.offlineResidentId", "resident.name", "consentNote", "Record the concern"),
        };
        var before = await StoredAsync(name);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            foreach (var (address, offline, nameField, consent, submit) in forms)
            {
                await page.GotoAsync(address);
                await page.Locator($"[id='{offline}']").FillAsync(Malformed);
                await page.Locator($"[id='{nameField}']").FillAsync(name);
                await page.Locator($"[id='{consent}']").FillAsync(Consent);
                if (address.EndsWith("/assisted", StringComparison.Ordinal)) await page.Locator("#title").FillAsync("No bench at the Foxwood Lane stop");
                else if (address.Contains("/consultations/", StringComparison.Ordinal)) await page.Locator("#assist-q-bus").CheckAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = submit }).ClickAsync();
                await Expect(page.Locator($"[id='{offline}-error']")).ToContainTextAsync("not an offline resident's number");
                await Expect(page.Locator($"[id='{offline}']")).ToHaveValueAsync(Malformed);
                Assert.Equal(before, await StoredAsync(name));
            }
        }, javaScript: false);
    }

    [Fact]
    public async Task A_form_sent_after_the_consultation_closed_is_refused_on_the_page_and_nothing_is_stored()
    {
        var (_, email) = await browser.AccountAsync("york", CityRole.Official);
        using var api = await browser.ApiClientAsync(email);
        var closesAt = DateTimeOffset.UtcNow.AddSeconds(10); // time to sign in and load the form on a busy machine
        var id = await OpenAsync(api, closesAt);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync($"/cities/york/consultations/{id}");
            await page.Locator("#assist-name").FillAsync("R. T.");
            await page.Locator("#assist-consent").FillAsync(Consent);
            await page.Locator("#assist-q-bus").CheckAsync();
            var wait = closesAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the answers" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("closed");
            await Expect(page.Locator("#assist-consent")).ToHaveCountAsync(0);
        }, javaScript: false);
        Assert.Empty(await AssistedAsync(id));
    }

    [Fact]
    public async Task A_residents_own_answers_sent_after_the_consultation_closed_are_refused_on_the_page_with_the_reason()
    {
        var (_, officialEmail) = await browser.AccountAsync("york", CityRole.Official);
        using var api = await browser.ApiClientAsync(officialEmail);
        var (_, email) = await browser.AccountAsync("york", CityRole.VerifiedResident);
        var closesAt = DateTimeOffset.UtcNow.AddSeconds(10);
        var id = await OpenAsync(api, closesAt);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync($"/cities/york/consultations/{id}");
            await page.Locator("#q-bus").CheckAsync();
            var wait = closesAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("closed");
            await Expect(page.Locator("#q-bus")).ToHaveCountAsync(0);
        }, javaScript: false);
        Assert.Equal(0, await ParticipationAsync(api, id));
    }

    [Fact]
    public async Task Residents_anonymous_visitors_and_a_forged_consultation_are_refused_and_nothing_is_stored()
    {
        var (_, officialEmail) = await browser.AccountAsync("york", CityRole.Official);
        using var api = await browser.ApiClientAsync(officialEmail);
        var id = await OpenAsync(api, DateTimeOffset.UtcNow.AddDays(14));
        var (_, residentEmail) = await browser.AccountAsync("york", CityRole.VerifiedResident);
        var fields = new Dictionary<string, string> { ["assist-name"] = "A. B.", ["assist-consent"] = Consent, ["assist-q-bus"] = "6" };

        await browser.RunAsync(async page =>
        {
            // Anonymous: sent to sign in.
            await page.GotoAsync("/sign-in");
            var (status, location) = await page.PostFormAsync($"/cities/york/consultations/{id}?handler=Assist", fields);
            Assert.Equal(302, status);
            Assert.StartsWith("/sign-in", location, StringComparison.Ordinal);

            // Signed in, on the consultation's page (the form shown or not), posting the form to a consultation's address.
            async Task<(int, string)> PostAsAsync(string email, int formsShown, Guid consultation)
            {
                await page.SignInAsync(email);
                await page.GotoAsync($"/cities/york/consultations/{id}");
                await Expect(page.Locator("#assist-consent")).ToHaveCountAsync(formsShown);
                return await page.PostFormAsync($"/cities/york/consultations/{consultation}?handler=Assist", fields);
            }

            // A resident: no form on the page, and a post of it is forbidden.
            (status, location) = await PostAsAsync(residentEmail, 0, id);
            Assert.Equal(302, status);
            Assert.StartsWith("/forbidden", location, StringComparison.Ordinal);

            // An official, on a consultation the city does not have: not found.
            (status, _) = await PostAsAsync(officialEmail, 1, Guid.NewGuid());
            Assert.Equal(404, status);
        }, javaScript: false);
        Assert.Empty(await AssistedAsync(id));
        Assert.Equal(0, await ParticipationAsync(api, id));
    }
}
