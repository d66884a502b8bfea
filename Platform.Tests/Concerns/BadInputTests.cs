
namespace Platform.Tests.Concerns;

/// <summary>Every refused write answers problem details naming the field, and stores nothing.</summary>
[Collection(IntegrationCollection.Name)]
public class BadInputTests(AppFixture app)
{
    public static TheoryData<string, string, int, string> RefusedBodies => new()
    {
        // body, city, status, field named in errors (or in detail for unparseable JSON)
        { """{"title":""", "york", 400, "$" },
        { """{"title":"x","rights":"housing"}""", "york", 400, "$.rights" },
        { """{"description":"no title","rights":["housing"]}""", "york", 400, "title" },
        { """{"title":"","rights":["housing"]}""", "york", 400, "title" },
        { $$"""{"title":"{{new string('t', 201)}}","rights":["housing"]}""", "york", 400, "title" },
        { $$"""{"title":"ok","description":"{{new string('d', 5001)}}","rights":["housing"]}""", "york", 400, "description" },
        { """{"title":"ok","rights":["housing","teleportation"]}""", "york", 400, "rights[1]" },
        { """{"title":"ok","rights":[]}""", "york", 400, "rights" },
        { """{"title":"ok","rights":["housing"],"sdgTargets":["99.9"]}""", "york", 400, "sdgTargets[0]" },
        { """{"title":"ok","rights":["housing"]}""", "atlantis", 404, "city" },
        { "null", "york", 400, "$" },
        { "", "york", 400, "$" },
        { """["housing"]""", "york", 400, "$" },
        { """{"title":["ok"],"rights":["housing"]}""", "york", 400, "$.title" },
        { """{"title":"ok","rights":["housing"],"anonymous":"yes"}""", "york", 400, "$.anonymous" },
        { """{"title":"ok","rights":["housing"],"sdgTargets":"11.2"}""", "york", 400, "$.sdgTargets" },
        { """{"title":"ok","rights":[null]}""", "york", 400, "rights[0]" },
        { """{"title":"ok","rights":["housing","health","education","work","social-security","food-water","privacy","culture","mobility","environment","participation"]}""", "york", 400, "rights" },
        { """{"title":"ok","rights":["housing"],"sdgTargets":["11.1","11.2","11.3","11.4","11.5","11.6","11.7","16.7","16.10","6.1","1.3"]}""", "york", 400, "sdgTargets" },
        { $$"""{"title":"ok","rights":["housing"],"district":"{{new string('d', 101)}}"}""", "york", 400, "district" },
    };

    [Theory, MemberData(nameof(RefusedBodies))]
    public async Task A_refused_concern_is_a_problem_naming_the_field_and_stores_nothing(string body, string city, int status, string field)
    {
        var resident = await app.ResidentAsync();
        var before = await app.EventCountAsync();

        var result = await app.Host.Scenario(x =>
        {
            x.Post.Text(body).ToUrl($"/api/cities/{city}/concerns");
            x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
            x.As(resident);
            x.StatusCodeShouldBe(status);
        });

        Assert.StartsWith("application/problem+json", result.Context.Response.ContentType);
        var problem = Json.Parse(await result.ReadAsTextAsync());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        var named = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _)
                    || problem.GetProperty("detail").GetString()!.Contains(field, StringComparison.Ordinal)
                    || problem.TryGetProperty("code", out var code) && code.GetString()!.StartsWith(field, StringComparison.Ordinal);
        Assert.True(named, $"the problem should name '{field}': {problem}");
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task An_unknown_concern_is_a_404_for_reads_and_supports_and_stores_nothing()
    {
        var resident = await app.ResidentAsync();
        var before = await app.EventCountAsync();
        var unknown = Guid.CreateVersion7();

        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/concerns/{unknown}"); x.StatusCodeShouldBe(404); });
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/cities/york/concerns/{unknown}/supports");
            x.As(resident);
            x.StatusCodeShouldBe(404);
        });

        Assert.Equal("concern-not-found", Json.Parse(await result.ReadAsTextAsync()).GetProperty("code").GetString());
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task A_malformed_concern_id_is_a_404_problem_naming_the_id()
    {
        var result = await app.Host.Scenario(x => { x.Get.Url("/api/cities/york/concerns/not-a-guid"); x.StatusCodeShouldBe(404); });
        Assert.StartsWith("application/problem+json", result.Context.Response.ContentType);
        var problem = Json.Parse(await result.ReadAsTextAsync());
        Assert.Equal("invalid-id", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _));
    }
}
