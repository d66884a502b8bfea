
namespace Platform.Tests.Trust;

/// <summary>
/// The rules every endpoint shares for input it cannot use: a body that is not a JSON object, JSON of the wrong
/// type, paging beyond any list, query values that do not parse, the empty id. Each is a 4xx problem naming the
/// field at fault (<c>errors</c> and <c>code</c>, as the endpoints' own refusals), and stores nothing.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class BadInputRuleTests(AppFixture app)
{
    /// <summary>The write endpoints that answered a JSON <c>null</c> body with 500 before the rule, and how to reach each.</summary>
    public static TheoryData<string> WriteEndpoints => new()
    {
        "submitProposal", "acceptProposal", "draftConsultation", "openConsultation", "respondToConsultation", "amendConsultationResponse",
        "scheduleTownHall", "openTownHallPoll", "voteInTownHallPoll", "publishCommitment", "reportCommitmentProgress",
    };

    [Theory, MemberData(nameof(WriteEndpoints))]
    public async Task A_null_array_or_string_body_is_a_400_naming_the_whole_body_and_stores_nothing(string operation)
    {
        var caller = await app.AccountAsync("york", CityRole.Resident, CityRole.VerifiedResident, CityRole.Official, CityRole.Moderator);
        var (method, url) = await RouteAsync(operation, caller);
        var before = await app.EventCountAsync();

        foreach (var (body, code) in new[] { ("null", "body-required"), ("[]", "invalid-json"), ("[{\"title\":\"x\"}]", "invalid-json"), ("\"text\"", "invalid-json"), ("42", "invalid-json") })
        {
            var problem = await SendAsync(method, url, caller, body, "application/json", 400);
            AssertNames(problem, "$", code, $"{method} {url} with {body}");
        }

        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task No_body_at_all_is_body_required_on_every_kind_of_write()
    {
        var caller = await app.AccountAsync("york", CityRole.Resident, CityRole.Official);
        var before = await app.EventCountAsync();

        // A body parameter declared non-nullable (proposals) and one declared nullable before the rule (concerns) answer alike.
        foreach (var url in new[] { "/api/cities/york/proposals", "/api/cities/york/concerns" })
            AssertNames(await SendAsync("POST", url, caller, "", "application/json", 400), "$", "body-required", url);

        Assert.Equal(before, await app.EventCountAsync());
    }

    [Theory]
    [InlineData("""{"title":5,"description":"d","rights":["housing"],"sdgTargets":[],"district":"x"}""", "$.title")]
    [InlineData("""{"title":"ok","description":"d","rights":"housing","sdgTargets":[],"district":"x"}""", "$.rights")]
    [InlineData("""{"title":"ok","description":"d","rights":[7],"sdgTargets":[],"district":"x"}""", "$.rights[0]")]
    [InlineData("""{"title":"ok","description":{"a":1}}""", "$.description")]
    [InlineData("""{"title":""", "$")]
    [InlineData("""{"title":"ok",}""", "$")]
    [InlineData("not json", "$")]
    public async Task JSON_of_the_wrong_type_or_malformed_is_a_400_naming_its_path_and_stores_nothing(string body, string path)
    {
        var resident = await app.ResidentAsync();
        var before = await app.EventCountAsync();

        var problem = await SendAsync("POST", "/api/cities/york/proposals", resident, body, "application/json", 400);

        AssertNames(problem, path, "invalid-json", body);
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_declared_JSON_is_a_415_and_stores_nothing(string contentType)
    {
        var resident = await app.ResidentAsync();
        var before = await app.EventCountAsync();

        await SendAsync("POST", "/api/cities/york/proposals", resident, """{"title":"ok"}""", contentType, 415);

        Assert.Equal(before, await app.EventCountAsync());
    }

    public static TheoryData<string, string> PagedLists => new()
    {
        { "/api/cities/york/concerns", "page=2147483647" },
        { "/api/cities/york/concerns/mine", "page=2147483647" },
        { "/api/cities/york/proposals", "page=2147483647" },
        { "/api/cities/york/consultations", "page=2147483647" },
        { "/api/cities/york/town-halls", "page=2147483647" },
        { "/api/cities/york/commitments", "page=2147483647" },
        { "/api/cities/york/concerns", "page=1000001&pageSize=100" },
        { "/api/cities/york/proposals", "page=-2147483648" },
        { "/api/cities/york/commitments", "pageSize=2147483647" },
        { "/api/cities/york/town-halls", "pageSize=-1" },
    };

    [Theory, MemberData(nameof(PagedLists))]
    public async Task Paging_beyond_any_list_is_a_400_naming_the_field(string list, string query)
    {
        var resident = await app.ResidentAsync();
        var field = query.Contains("pageSize=2147483647") || query.Contains("pageSize=-1") ? "pageSize" : "page";

        var problem = await GetAsync($"{list}?{query}", resident, 400);

        AssertNames(problem, field, "invalid-" + field, query);
    }

    [Fact]
    public async Task The_last_page_anyone_may_ask_for_is_answered_empty()
    {
        var result = await app.Host.Scenario(x => { x.Get.Url("/api/cities/york/concerns?page=1000000&pageSize=100"); x.StatusCodeShouldBeOk(); });
        var page = Json.Parse(await result.ReadAsTextAsync());
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(1_000_000, page.GetProperty("page").GetInt32());
    }

    [Theory]
    [InlineData("/api/cities/york/town-halls?page=abc", "page")]
    [InlineData("/api/cities/york/consultations?pageSize=1.5", "pageSize")]
    [InlineData("/api/cities/york/proposals?page=99999999999", "page")]
    [InlineData("/api/cities/york/commitments?parent=not-an-id", "parent")]
    [InlineData("/api/cities/york/concern-board?top=ten", "top")]
    public async Task An_unparseable_query_value_is_a_400_naming_it_rather_than_a_default(string url, string field)
    {
        var problem = await GetAsync(url, null, 400);

        AssertNames(problem, field, "invalid-" + field, url);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("{00000000-0000-0000-0000-000000000000}")]
    [InlineData("00000000000000000000000000000000")]
    public async Task The_empty_id_is_a_404_naming_the_id_and_stores_nothing(string id)
    {
        var caller = await app.AccountAsync("york", CityRole.Resident, CityRole.Official);
        var before = await app.EventCountAsync();

        foreach (var (method, url, body) in new[]
                 {
                     ("POST", $"/api/cities/york/proposals/{Uri.EscapeDataString(id)}/withdrawal", (string?)null),
                     ("POST", $"/api/cities/york/concerns/{Uri.EscapeDataString(id)}/withdrawal", null),
                     ("POST", $"/api/cities/york/commitments/{Uri.EscapeDataString(id)}/deadline", """{"dueDate":"2030-01-01","reason":"r"}"""),
                     ("GET", $"/api/cities/york/town-halls/{Uri.EscapeDataString(id)}", null),
                 })
        {
            var problem = await SendAsync(method, url, caller, body, body is null ? null : "application/json", 404);
            AssertNames(problem, "id", "invalid-id", url);
        }
        await app.Host.Scenario(x => { x.Get.Url($"/cities/york/concerns/{Uri.EscapeDataString(id)}"); x.StatusCodeShouldBe(404); });

        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task The_character_U0000_is_refused_where_it_enters_naming_the_field_and_stores_nothing()
    {
        var resident = await app.ResidentAsync();
        var (city, official) = await app.MonitoringCityAsync();
        await app.AdoptAsync(city, official, "IND-016", "2019", 120, 80, 2030);
        var before = await app.EventCountAsync();

        // PostgreSQL stores U+0000 neither in text nor in jsonb: each of these answered 500.
        AssertNames(await SendAsync("POST", "/api/accounts/token", null, """{"email":"a\u0000@example.org","password":"long enough"}""", "application/json", 400),
            "$.email", "invalid-json", "token");
        AssertNames(await SendAsync("POST", "/api/cities/york/concerns", resident, """{"title":"Kerbs\u0000","rights":["housing"]}""", "application/json", 400),
            "$.title", "invalid-json", "concern");
        AssertNames(await GetAsync("/api/cities/york/concerns?q=a%00b", null, 400), "q", "invalid-q", "search");
        AssertNames(await GetAsync("/api/cities/york/commitments?department=%00", null, 400), "department", "invalid-department", "department");
        await app.Host.Scenario(x => { x.Get.Url("/cities/york/concerns?q=%00"); x.StatusCodeShouldBe(400); });
        var import = await app.ImportAsync(city, official, "IND-016", "Year,District,Denominator,Value\n2020,Cen\0tre,50000,118\n", 400);
        Assert.Equal("malformed-csv", Json.Parse(await import.ReadAsTextAsync()).GetProperty("code").GetString());

        Assert.Equal(before, await app.EventCountAsync());
    }

    /// <summary>
    /// Every page reachable by GET, with every query value any page model binds set to values that do not parse
    /// or lie beyond any list: the page shows the problem, never a 500.
    /// </summary>
    [Fact]
    public async Task Pages_answer_unparseable_and_extreme_query_values_without_a_5xx()
    {
        var names = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel)))
            .SelectMany(t => t.GetProperties()
                    .Select(p => (p.Name, Bind: p.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.BindPropertyAttribute), true)
                        .Cast<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>().FirstOrDefault()))
                    .Where(p => p.Bind is { SupportsGet: true })
                    .Select(p => p.Bind!.Name ?? p.Name)
                .Concat(t.GetMethods().SelectMany(m => m.GetParameters())
                    .Select(p => p.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.FromQueryAttribute), true)
                        .Cast<Microsoft.AspNetCore.Mvc.FromQueryAttribute>().FirstOrDefault()?.Name)
                    .OfType<string>()))
            .Append("page").Append("handler")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var routes = app.Host.Services.GetServices<Microsoft.AspNetCore.Routing.EndpointDataSource>()
            .SelectMany(s => s.Endpoints)
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!)
            .Distinct()
            .ToList();
        Assert.NotEmpty(routes);
        var concern = await app.RaiseAsync();
        string[] values = ["abc", "2147483647", "-2147483648", "99999999999999999999", "", "1.5", new string('9', 5_000), "\u202e", "%"];

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var path = "/" + string.Join('/', route.TrimStart('/').Split('/').Select(segment => segment switch
            {
                "{city}" => "york",
                "{id:guid}" => concern.ToString(),
                "{code}" => "IND-013",
                "{code:int}" => "404",
                _ => segment,
            }));
            var queries = values.Select(v => string.Join('&', names.Select(n => $"{Uri.EscapeDataString(n)}={Uri.EscapeDataString(v)}")))
                .Concat(names.Select(n => $"{Uri.EscapeDataString(n)}=abc")); // one at a time too: one value's refusal cannot hide another's
            foreach (var query in queries)
            {
                var result = await app.Host.Scenario(x => { x.Get.Url($"{path}?{query}"); x.IgnoreStatusCode(); });
                if (result.Context.Response.StatusCode >= 500) failures.Add($"GET {path}?{FuzzShort(query)} answered {result.Context.Response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    private static string FuzzShort(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>A route for the operation, with real items of york behind it (an official's draft, an open consultation, an open town hall with a poll).</summary>
    private async Task<(string Method, string Url)> RouteAsync(string operation, Actor official) => operation switch
    {
        "submitProposal" => ("POST", "/api/cities/york/proposals"),
        "acceptProposal" => ("POST", $"/api/cities/york/proposals/{await app.SubmitAsync()}/acceptance"),
        "draftConsultation" => ("POST", "/api/cities/york/consultations"),
        "openConsultation" => ("POST", $"/api/cities/york/consultations/{await app.DraftConsultationAsync(official)}/open"),
        "respondToConsultation" => ("POST", $"/api/cities/york/consultations/{await app.OpenConsultationAsync(official)}/responses"),
        "amendConsultationResponse" => ("PUT", $"/api/cities/york/consultations/{await app.OpenConsultationAsync(official)}/responses/mine"),
        "scheduleTownHall" => ("POST", "/api/cities/york/town-halls"),
        "openTownHallPoll" => ("POST", $"/api/cities/york/town-halls/{await app.OpenTownHallAsync(official)}/polls"),
        "voteInTownHallPoll" => await VoteRouteAsync(official),
        "publishCommitment" => ("POST", "/api/cities/york/commitments"),
        "reportCommitmentProgress" => ("POST", $"/api/cities/york/commitments/{await app.PublishCommitmentAsync(official)}/progress"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    private async Task<(string, string)> VoteRouteAsync(Actor official)
    {
        var townHall = await app.OpenTownHallAsync(official);
        var poll = await app.OpenPollAsync(townHall, official);
        return ("POST", $"/api/cities/york/town-halls/{townHall}/polls/{poll}/votes");
    }

    private async Task<System.Text.Json.JsonElement> SendAsync(string method, string url, Actor? caller, string? body, string? contentType, int status)
    {
        var result = await app.Host.Scenario(x =>
        {
            var send = method switch { "PUT" => x.Put, "GET" => x.Get, _ => x.Post };
            if (body is null) send.Url(url);
            else send.Text(body).ToUrl(url);
            if (contentType is not null) x.ConfigureHttpContext(c => c.Request.ContentType = contentType);
            if (caller is not null) x.As(caller);
            x.StatusCodeShouldBe(status);
        });
        Assert.StartsWith("application/problem+json", result.Context.Response.ContentType);
        return Json.Parse(await result.ReadAsTextAsync());
    }

    private Task<System.Text.Json.JsonElement> GetAsync(string url, Actor? caller, int status) => SendAsync("GET", url, caller, null, null, status);

    private static void AssertNames(System.Text.Json.JsonElement problem, string field, string code, string what)
    {
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
            $"{what}: the problem should name '{field}' in its errors: {problem}");
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }
}
