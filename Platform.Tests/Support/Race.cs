namespace Platform.Tests.Support;

/// <summary>The same request sent twice at once, as a double click or a retrying client does.</summary>
public static class Race
{
    /// <summary>
    /// Sends <paramref name="method"/> <paramref name="url"/> with <paramref name="body"/> as <paramref name="caller"/> twice at
    /// once and asserts what the write's docs promise: never a 5xx; one answer of <paramref name="success"/>, the other that
    /// status too (the repeat, nothing changed) or 409; exactly <paramref name="effects"/> new event(s) stored.
    /// </summary>
    public static async Task<int[]> TwiceAtOnceAsync(this AppFixture app, HttpMethod method, string url, object? body, Actor caller,
        int success = 200, int effects = 1)
    {
        var before = await app.EventCountAsync();
        var statuses = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            var result = await app.Host.Scenario(x =>
            {
                if (method == HttpMethod.Put) x.Put.Json(body ?? new { }).ToUrl(url);
                else if (body is null) x.Post.Url(url);
                else x.Post.Json(body).ToUrl(url);
                x.As(caller);
                x.IgnoreStatusCode();
            });
            return result.Context.Response.StatusCode;
        }));
        Assert.All(statuses, s => Assert.True(s < 500, $"{url} answered {s}"));
        Assert.Contains(success, statuses);
        Assert.All(statuses, s => Assert.True(s == success || s == 409, $"{url} answered {string.Join(", ", statuses)}"));
        Assert.Equal(before + effects, await app.EventCountAsync());
        return statuses;
    }
}
