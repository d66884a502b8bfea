using Platform.Api.Accounts;

namespace Platform.Tests.Search;

/// <summary>
/// <c>GET /api/cities/{city}/search</c> against real PostgreSQL full-text search: ranking, stemming per language,
/// escaped snippets, the lists' filters and paging, what is never found, and refusals of bad input.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class SearchApiTests(AppFixture app)
{
    private static object Concern(string title, string description = "", string right = "housing") =>
        new { title, description, rights = new[] { right }, sdgTargets = Array.Empty<string>() };

    private async Task<JsonElement> SearchAsync(string city, string query, Actor? caller = null) =>
        Json.Parse(await app.GetTextAsync($"/api/cities/{city}/search?{query}", caller));

    private async Task<IReadOnlyList<Guid>> FoundAsync(string city, string query, Actor? caller = null) => (await SearchAsync(city, query, caller)).Ids();

    /// <summary>A word no other test uses, so a test's items are the only ones it can find.</summary>
    private static string Word() => "w" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task A_title_match_ranks_above_a_body_match_and_each_hit_says_what_and_where_it_is()
    {
        var city = await app.NewCityAsync();
        var word = Word();
        var inBody = await app.RaiseAsync(city, Concern("Broken lift at the station", $"The lift near {word} has been broken for weeks."));
        var inTitle = await app.RaiseAsync(city, Concern($"Flooded underpass at {word}", "Nobody can cross when it rains."));
        await app.RaiseAsync(city, Concern("Unrelated noise", "Nothing to see here."));

        var page = await SearchAsync(city, $"q={word}");
        Assert.Equal([inTitle, inBody], page.Ids()); // inserted in the other order: the rank decides
        Assert.Equal(2, page.GetProperty("total").GetInt64());
        var first = page.GetProperty("items")[0];
        var second = page.GetProperty("items")[1];
        Assert.True(first.GetProperty("rank").GetDouble() > second.GetProperty("rank").GetDouble());
        Assert.Equal("concern", first.GetProperty("kind").GetString());
        Assert.Equal($"Flooded underpass at {word}", first.GetProperty("title").GetString());
        Assert.Equal($"/cities/{city}/concerns/{inTitle}", first.GetProperty("link").GetString());
        Assert.Equal("open", first.GetProperty("status").GetString());
        Assert.Contains($"<mark>{word}</mark>", second.GetProperty("snippet").GetString());
        // The link is a page that exists.
        await app.GetTextAsync(first.GetProperty("link").GetString()!);
    }

    [Fact]
    public async Task Words_are_stemmed_in_the_searchers_language_and_found_as_written_in_any()
    {
        var city = await app.NewCityAsync();
        var french = await app.RaiseAsync(city, Concern("Les chevaux du parc municipal", "Ils n'ont plus d'eau."));
        var dutch = await app.RaiseAsync(city, Concern("Te weinig speeltuinen in de wijk", "De kinderen spelen op straat."));

        Assert.Equal([french], await FoundAsync(city, "q=cheval&lang=fr")); // singular finds plural
        Assert.Empty(await FoundAsync(city, "q=cheval&lang=en"));
        Assert.Equal([dutch], await FoundAsync(city, "q=speeltuin&lang=nl"));
        Assert.Empty(await FoundAsync(city, "q=speeltuin&lang=en"));
        // The words as written are found in every language, Ukrainian (simple) included.
        Assert.Equal([french], await FoundAsync(city, "q=chevaux&lang=uk"));
        Assert.Equal([dutch], await FoundAsync(city, "q=SPEELTUINEN&lang=en"));
        // Without lang, the request's Accept-Language decides.
        var fr = await app.Host.Scenario(x => { x.Get.Url($"/api/cities/{city}/search?q=cheval"); x.WithRequestHeader("Accept-Language", "fr"); });
        Assert.Equal([french], Json.Parse(await fr.ReadAsTextAsync()).Ids());
    }

    [Fact]
    public async Task Snippets_escape_the_users_html_and_mark_only_the_matches()
    {
        var city = await app.NewCityAsync();
        var word = Word();
        await app.RaiseAsync(city, Concern("Markup in a concern", $"{word} <img src=x onerror=alert(1) & 1 < 2 \"quoted\" <b>bold</b> <mark>fake</mark> {word}"));

        var snippet = (await SearchAsync(city, $"q={word}")).GetProperty("items")[0].GetProperty("snippet").GetString()!;
        // The text that is not markup is there, escaped; markup the user wrote is not (PostgreSQL's headline leaves tags out).
        Assert.Contains("&lt;img src=x onerror=alert(1) &amp; 1 &lt; 2 &quot;quoted&quot;", snippet);
        Assert.DoesNotContain("<img", snippet);
        Assert.DoesNotContain("<b>", snippet);
        // The only tags are the highlight marks, around the word searched.
        var tags = Regex.Matches(snippet, "<[^>]*>").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["</mark>", "<mark>"], tags);
        Assert.Equal(2, Regex.Matches(snippet, $"<mark>{word}</mark>").Count);
        Assert.Equal(2, Regex.Matches(snippet, "<mark>").Count);
    }

    [Fact]
    public async Task Kind_right_and_status_filter_and_pages_are_sized_and_counted()
    {
        var city = await app.NewCityAsync();
        var word = Word();
        var official = await app.OfficialAsync(city);
        var housing = await app.RaiseAsync(city, Concern($"{word} housing", right: "housing"));
        var water = await app.RaiseAsync(city, Concern($"{word} water", right: "food-water"));
        await app.ActAsync(water, "acknowledgement", official, new { department = "Water" }, city: city);
        var proposal = await app.SubmitAsync(city, new { title = $"{word} proposal", rights = new[] { "housing" } });
        var commitment = (await app.PublishAsync(official, new
        {
            title = $"{word} commitment", description = "Kerbs.", rights = new[] { "mobility" }, sdgTargets = new[] { "11.2" },
            indicatorCodes = Array.Empty<string>(), department = "Transport", dueDate = CommitmentApi.InDays(90), origins = Array.Empty<object>(),
        }, city)).GetProperty("id").GetGuid();
        var consultation = await app.OpenConsultationAsync(official, city);

        Assert.Equal(4, (await SearchAsync(city, $"q={word}")).GetProperty("total").GetInt64());
        Assert.Equal([proposal], await FoundAsync(city, $"q={word}&kind=proposal"));
        Assert.Equal([commitment], await FoundAsync(city, $"q={word}&kind=commitment&status=active"));
        Assert.Equal([water], await FoundAsync(city, $"q={word}&status=acknowledged"));
        Assert.Equal([proposal, housing], (await FoundAsync(city, $"q={word}&right=housing")).OrderBy(id => id == housing).ToList());
        Assert.Equal([housing], await FoundAsync(city, $"q={word}&kind=concern&right=housing&status=open"));
        Assert.Equal([consultation], await FoundAsync(city, "q=travel&kind=consultation")); // its description: "Tell us how you travel."

        var first = await SearchAsync(city, $"q={word}&pageSize=3");
        Assert.Equal(3, first.Ids().Count);
        Assert.Equal(4, first.GetProperty("total").GetInt64());
        Assert.Equal(3, first.GetProperty("pageSize").GetInt32());
        var second = await SearchAsync(city, $"q={word}&pageSize=3&page=2");
        Assert.Single(second.Ids());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Empty(first.Ids().Intersect(second.Ids()));
        var beyond = await SearchAsync(city, $"q={word}&pageSize=3&page=9");
        Assert.Empty(beyond.Ids());
        Assert.Equal(4, beyond.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Hidden_redacted_withdrawn_and_draft_items_are_never_found_and_a_restored_one_is_again()
    {
        var city = await app.NewCityAsync();
        var word = Word();
        var moderator = await app.AccountAsync(city, CityRole.Moderator);
        var official = await app.OfficialAsync(city);
        var author = await app.ResidentAsync(city);
        var hidden = await app.RaiseAsync(city, Concern($"{word} hidden"));
        var redacted = await app.RaiseAsync(city, Concern("Redacted one", $"{word} call me on my private number"));
        var withdrawn = await app.RaiseAsync(city, Concern($"{word} withdrawn"), author);
        var proposal = await app.SubmitAsync(city, new { title = $"{word} withdrawn proposal", rights = new[] { "housing" } }, author);
        var kept = await app.RaiseAsync(city, Concern($"{word} kept"));
        await app.DraftConsultationAsync(official, city); // "Getting around Tang Hall", still a draft
        Assert.Equal(5, (await SearchAsync(city, $"q={word}")).GetProperty("total").GetInt64());

        await app.ActAsync(hidden, "hiding", moderator, new { reason = "Spam." }, city: city);
        await app.ActAsync(redacted, "redaction", moderator, new { reason = "A private phone number." }, city: city);
        await app.ActAsync(withdrawn, "withdrawal", author, city: city);
        await app.ActOnProposalAsync(proposal, "withdrawal", author, null, 200, city);

        Assert.Equal([kept], await FoundAsync(city, $"q={word}"));
        Assert.Equal([kept], await FoundAsync(city, $"q={word}", official)); // officials and moderators do not find them either
        Assert.Equal([kept], await FoundAsync(city, $"q={word}", moderator));
        Assert.Empty(await FoundAsync(city, "q=private%20number"));
        Assert.Empty(await FoundAsync(city, "q=redacted"));
        Assert.Empty(await FoundAsync(city, "q=Tang%20Hall&kind=consultation"));

        await app.ActAsync(hidden, "restoration", moderator, new { reason = "Not spam after all." }, city: city);
        Assert.Equal(2, (await FoundAsync(city, $"q={word}")).Count);
    }

    [Fact]
    public async Task What_an_erased_author_wrote_is_not_found_any_more()
    {
        var city = await app.NewCityAsync();
        var word = Word();
        const string password = "correct horse battery";
        var email = $"{word}@example.org";
        await app.Host.Scenario(x => { x.Post.Json(new { email, password, displayName = "Erased Soon", city }).ToUrl("/api/accounts"); x.StatusCodeShouldBe(201); });
        var token = Json.Parse(await (await app.Host.Scenario(x => x.Post.Json(new { email, password }).ToUrl("/api/accounts/token"))).ReadAsTextAsync())
            .GetProperty("accessToken").GetString()!;
        var me = Json.Parse(await (await app.Host.Scenario(x => { x.Get.Url("/api/accounts/me"); x.WithRequestHeader("Authorization", $"Bearer {token}"); })).ReadAsTextAsync());
        var author = new Actor(me.GetProperty("id").GetGuid(), token);
        await app.RaiseAsync(city, Concern($"{word} named"), author);
        await app.RaiseAsync(city, new { title = $"{word} anonymous", rights = new[] { "housing" }, anonymous = true }, author);
        await app.SubmitAsync(city, new { title = $"{word} proposal", rights = new[] { "housing" } }, author);
        var other = await app.RaiseAsync(city, Concern($"{word} someone else's"));
        Assert.Equal(4, (await FoundAsync(city, $"q={word}")).Count);

        await app.Host.Scenario(x => { x.Delete.Json(new { password }).ToUrl("/api/accounts/me"); x.As(author); x.StatusCodeShouldBe(200); });

        Assert.Equal([other], await FoundAsync(city, $"q={word}"));
        Assert.Empty(await FoundAsync(city, "q=erased"));
        Assert.Equal([other], Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns?q={word}")).Ids());
    }

    [Fact]
    public async Task Another_citys_items_are_never_found()
    {
        var (here, there) = (await app.NewCityAsync(), await app.NewCityAsync());
        var word = Word();
        var mine = await app.RaiseAsync(here, Concern($"{word} here"));
        await app.RaiseAsync(there, Concern($"{word} there"));
        await app.SubmitAsync(there, new { title = $"{word} there too", rights = new[] { "housing" } });

        Assert.Equal([mine], await FoundAsync(here, $"q={word}"));
        Assert.Equal(2, (await FoundAsync(there, $"q={word}")).Count);
    }

    [Fact]
    public async Task The_lists_q_finds_through_the_same_full_text_search()
    {
        var city = await app.NewCityAsync();
        var horses = await app.RaiseAsync(city, Concern("Les chevaux du parc", "Pas d'eau."));
        var playgrounds = await app.SubmitAsync(city, new { title = "Plus de speeltuinen", rights = new[] { "housing" } });

        // The API's lists stem in English, and find the words as written in any language.
        Assert.Equal([horses], Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns?q=Chevaux")).Ids());
        Assert.Empty(Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns?q=cheval")).Ids());
        Assert.Equal([playgrounds], Json.Parse(await app.GetTextAsync($"/api/cities/{city}/proposals?q=speeltuinen")).Ids());
        // The list pages stem in the page's language.
        Assert.Contains("Les chevaux du parc", await PageAsync($"/cities/{city}/concerns?q=cheval", "fr"));
        Assert.DoesNotContain("Les chevaux du parc", await PageAsync($"/cities/{city}/concerns?q=cheval", "en"));
        Assert.Contains("Plus de speeltuinen", await PageAsync($"/cities/{city}/proposals?q=speeltuin", "nl"));
    }

    private async Task<string> PageAsync(string url, string language)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url(url); x.WithRequestHeader("Accept-Language", language); });
        return await result.ReadAsTextAsync();
    }

    public static TheoryData<string, int, string> BadQueries => new()
    {
        { "", 400, "q" },
        { "q=", 400, "q" },
        { "q=%20%20", 400, "q" },
        { $"q={new string('a', 201)}", 400, "q" },
        { "q=a%00b", 400, "q" },
        { "q=bus&kind=petition", 400, "kind" },
        { "q=bus&kind=", 400, "kind" },
        { "q=bus&right=teleportation", 400, "right" },
        { "q=bus&status=hidden", 400, "status" },
        { "q=bus&status=withdrawn", 400, "status" },
        { "q=bus&kind=commitment&status=open", 400, "status" },
        { "q=bus&kind=consultation&status=draft", 400, "status" },
        { "q=bus&lang=de", 400, "lang" },
        { "q=bus&page=0", 400, "page" },
        { "q=bus&page=x", 400, "page" },
        { "q=bus&page=2147483647", 400, "page" },
        { "q=bus&pageSize=101", 400, "pageSize" },
        { "q=bus&pageSize=-1", 400, "pageSize" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Bad_input_is_refused_naming_the_field(string query, int status, string field)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/search?{query}"); x.StatusCodeShouldBe(status); });
        await ProblemAssert.NamesAsync(result, status, field);
    }

    [Fact]
    public async Task An_unknown_city_is_not_found_and_odd_words_are_not_errors()
    {
        await app.Host.Scenario(x => { x.Get.Url("/api/cities/atlantis/search?q=bus"); x.StatusCodeShouldBe(404); });
        // Operators, quotes, stop words only, punctuation only: a search, never a 5xx.
        foreach (var q in new[] { "\"bus stop\"", "bus -stop", "bus OR stop", "the", "!!!", "'; drop table x; --", "&|!():*<>", "бус зупинка" })
        {
            var page = await SearchAsync("york", $"q={Uri.EscapeDataString(q)}");
            Assert.True(page.GetProperty("total").GetInt64() >= 0);
        }
    }
}
