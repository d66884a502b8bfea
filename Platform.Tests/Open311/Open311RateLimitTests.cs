using Microsoft.AspNetCore.Hosting;

namespace Platform.Tests.Open311;

/// <summary>
/// <c>POST requests</c> is limited per key like other writes: a host allowing three requests per key and minute refuses the
/// fourth of one key with 429, <c>Retry-After</c> and the specification's error naming api_key, stores nothing for it, and
/// still takes another key's requests.
/// </summary>
[Collection(Name)]
public sealed class Open311RateLimitTests(Open311RateLimitTests.ThreePerMinute app)
{
    public const string Name = "open311-rate-limit";

    [Fact]
    public async Task The_fourth_request_of_a_key_within_a_minute_is_429_and_stores_nothing_while_another_key_goes_on()
    {
        var scene = await Open311Scene.CreateAsync(app);
        var other = await Open311Scene.IssueAsync(app, scene.City, scene.Official, "Another app");
        for (var i = 0; i < 3; i++) await scene.SubmitAsync(description: $"Report {i} of a busy app");

        var before = await scene.EventCountAsync();
        using var http = app.Host.Server.CreateClient();
        using var response = await http.PostAsync($"{scene.Client.Root}/requests.xml",
            new FormUrlEncodedContent(GeoReportClient.Fields(scene.Key, "housing", "One too many")));
        var answer = await GeoAnswer.ReadAsync(response);
        GeoAnswer.AssertError(answer, 429, "api_key", "xml");
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");
        Assert.Equal(before, await scene.EventCountAsync());

        Assert.Equal(200, (await scene.Client.PostAsync("json", GeoReportClient.Fields(other.Key, "housing", "From another app"))).Status);
    }

    /// <summary>The usual test host, allowing three Open311 requests per key and minute.</summary>
    public sealed class ThreePerMinute : AppFixture
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Platform:RateLimits:Open311RequestsPerKeyPerMinute", "3");
    }
}

/// <summary>
/// Alone, like every collection with a host of its own: two test hosts in solo mode on one database share the views' shards and
/// the durable messages between them, and this one's accounts would move the fingerprints of the integration collection.
/// </summary>
[CollectionDefinition(Open311RateLimitTests.Name, DisableParallelization = true)]
public sealed class Open311RateLimitCollection : ICollectionFixture<Open311RateLimitTests.ThreePerMinute>;
