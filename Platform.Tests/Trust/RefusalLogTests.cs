using Microsoft.Extensions.Logging;

namespace Platform.Tests.Trust;

/// <summary>
/// A refusal the platform expects (a repeat support, a repeat vote) is answered as always and is no failure: a
/// burst of them writes no error-level log entry, and no entry names the residents who sent them.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class RefusalLogTests(AppFixture app)
{
    [Fact]
    public void A_category_without_a_rule_of_its_own_logs_from_the_configured_default_not_below_it()
    {
        // The filter that keeps unreadable bodies out of the error log must not lower every other category to debug.
        var factory = app.Host.Services.GetRequiredService<ILoggerFactory>();
        foreach (var category in new[] { "Platform.Api.Live.CoalescingLiveViewNotifier", "Some.Library.Without.A.Rule" })
        {
            var logger = factory.CreateLogger(category);
            Assert.False(logger.IsEnabled(LogLevel.Debug), $"{category} logs at debug level");
            Assert.True(logger.IsEnabled(LogLevel.Information), $"{category} does not log at information level");
        }
        Assert.False(factory.CreateLogger("Wolverine.Runtime.WolverineRuntime").IsEnabled(LogLevel.Information)); // its own rule: warnings
    }

    [Fact]
    public async Task A_burst_of_repeat_supports_and_votes_logs_no_error_and_no_residents_id()
    {
        var city = await app.NewCityAsync();
        var concern = await app.RaiseAsync(city);
        var official = await app.AccountAsync(city, CityRole.Official);
        var townHall = await app.OpenTownHallAsync(official, city);
        var poll = await app.OpenPollAsync(townHall, official, city: city);
        var residents = await app.AccountsAsync(24, city);
        var since = DateTimeOffset.UtcNow;

        // Every resident supports twice and votes twice at the same moment.
        var supports = await Task.WhenAll(residents.SelectMany(r => new[] { r, r }).Select(r => SupportStatusAsync(city, concern, r)));
        var votes = await Task.WhenAll(residents.SelectMany(r => new[] { r, r }).Select(r => app.TryVoteAsync(townHall, poll, r, 0, city)));

        Assert.All(supports, status => Assert.Equal(200, status));
        Assert.Equal(residents.Count, votes.Count(status => status == 201));
        Assert.Equal(residents.Count, votes.Count(status => status == 409));
        Assert.Equal(residents.Count, (await app.GetConcernAsync(concern, city)).GetProperty("supports").GetInt64());

        var entries = app.Log.Since(since);
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error);
        foreach (var resident in residents)
            Assert.DoesNotContain(entries, e => e.Text.Contains(resident.Id.ToString()) || e.Text.Contains(resident.Id.ToString("N")));
    }

    [Fact]
    public async Task Unreadable_bodies_are_answered_400_and_log_no_error()
    {
        var official = await app.AccountAsync("york", CityRole.Official);
        var since = DateTimeOffset.UtcNow;
        foreach (var body in new[] { "[]", "\"text\"", "{\"title\": [1]}", "{\"title\": ", "42" })
            await app.Host.Scenario(x =>
            {
                x.Post.Text(body).ToUrl("/api/cities/york/town-halls");
                x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
                x.As(official);
                x.StatusCodeShouldBe(400);
            });
        Assert.DoesNotContain(app.Log.Since(since), e => e.Level >= LogLevel.Error);
    }

    private async Task<int> SupportStatusAsync(string city, Guid concern, Actor resident)
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/cities/{city}/concerns/{concern}/supports");
            x.As(resident);
            x.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }
}
