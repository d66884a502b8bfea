
namespace Platform.Tests.Trust;

/// <summary>
/// What must not leave the platform, checked on every output rather than on a chosen few: every GET operation of the
/// OpenAPI document (its route values filled with the city and the item at hand), every open-data dataset in CSV and
/// JSON, and the city's pages, read by an anonymous visitor and by another resident of the city. Neither a hidden
/// concern's words nor the author of an anonymous concern (id or name) appear in any of them.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class OutputLeakTests(AppFixture app)
{
    [Fact]
    public async Task No_output_shows_a_hidden_concerns_words_or_an_anonymous_concerns_author()
    {
        var city = await app.NewCityAsync();
        var hiddenWords = $"Hidden words {Guid.NewGuid():N}";
        var hidden = await app.RaiseAsync(city, new { title = hiddenWords, description = hiddenWords, rights = new[] { "housing" } });
        var moderator = await app.AccountAsync(city, CityRole.Moderator);
        await app.ActAsync(hidden, "hiding", moderator, new { reason = "Names a private person." }, city: city);

        var author = await app.ResidentAsync(city);
        var anonymous = await app.RaiseAsync(city, new { title = "Lift out of order", rights = new[] { "housing" }, anonymous = true }, author);
        var official = await app.AccountAsync(city, CityRole.Official);
        await app.ActAsync(anonymous, "acknowledgement", official, new { department = "Housing" }, city: city);
        await SettledAsync(city);

        var reader = await app.ResidentAsync(city);
        var needles = new[] { hiddenWords, author.Id.ToString(), author.Id.ToString("N"), "Test person" };
        var outputs = await OutputsAsync(city, [hidden, anonymous]);
        Assert.True(outputs.Count > 40, $"only {outputs.Count} outputs were read");
        var leaks = new List<string>();
        foreach (var url in outputs)
            foreach (var caller in new Actor?[] { null, reader })
            {
                var result = await app.Host.Scenario(x =>
                {
                    x.Get.Url(url);
                    if (caller is not null) x.As(caller);
                    x.IgnoreStatusCode();
                });
                Assert.True(result.Context.Response.StatusCode < 500, $"{url}: {result.Context.Response.StatusCode}");
                var text = await result.ReadAsTextAsync();
                leaks.AddRange(needles.Where(text.Contains).Select(n => $"{url} ({(caller is null ? "anonymous" : "resident")}) shows '{n}'"));
            }
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    /// <summary>Every GET of the API document with its route values filled in, every dataset in both formats, and the city's pages.</summary>
    private async Task<List<string>> OutputsAsync(string city, Guid[] concerns)
    {
        var document = Json.Parse(await app.GetTextAsync("/openapi/v1.json"));
        var urls = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out _) || path.Name.Contains("/me") || path.Name.Contains("/mine")) continue; // one's own data is one's own
            var ids = path.Name.Contains("/concerns/{id}") ? concerns : [Guid.NewGuid()];
            foreach (var id in ids)
                urls.Add(path.Name.Replace("{city}", city).Replace("{id}", id.ToString()).Replace("{pollId}", Guid.NewGuid().ToString())
                    .Replace("{year}", DateTime.UtcNow.Year.ToString()).Replace("{cycle}", "2026").Replace("{code}", "IND-013")
                    .Replace("{dataset}", "concerns"));
        }
        var datasets = Json.Parse(await app.GetTextAsync("/api/open-data")).GetProperty("datasets").EnumerateArray()
            .Select(d => d.GetProperty("json").GetString()!.Replace("{city}", city)).ToList();
        urls.AddRange(datasets);
        urls.AddRange(datasets.Select(d => d.Replace("?format=json", "?format=csv")));
        urls.AddRange(
        [
            $"/cities/{city}/concerns", $"/cities/{city}/concerns?q=Hidden", $"/cities/{city}/concerns?status=hidden",
            $"/api/cities/{city}/concerns?q=Hidden", $"/api/cities/{city}/concerns?sort=supports",
            $"/api/cities/{city}/search?q=Hidden%20words", $"/api/cities/{city}/search?q=Lift", $"/cities/{city}/search?q=Hidden%20words", $"/cities/{city}/search?q=Lift",
            $"/cities/{city}/scorecard", $"/cities/{city}/screen", $"/cities/{city}/council", $"/cities/{city}/reports/{DateTime.UtcNow.Year}",
            .. concerns.Select(c => $"/cities/{city}/concerns/{c}"),
        ]);
        return urls.Distinct().ToList();
    }

    /// <summary>The async views (scorecard, concern board) have caught up with both concerns.</summary>
    private async Task SettledAsync(string city)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var card = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/scorecard"));
            if (card.GetProperty("concerns").GetProperty("raised").GetInt32() == 2) return;
            await Task.Delay(200);
        }
        throw new TimeoutException("The scorecard did not count both concerns.");
    }
}
