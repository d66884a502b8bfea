namespace Platform.Tests.Support;

public static class HttpSend
{
    /// <summary>
    /// Sends <paramref name="method"/> to <paramref name="url"/> with a JSON body (none when null) as <paramref name="actor"/>
    /// (anonymous when null), asserting <paramref name="status"/>.
    /// </summary>
    public static Task<IScenarioResult> SendAsync(this AppFixture app, HttpMethod method, string url, object? body, Actor? actor, int status) =>
        app.Host.Scenario(x =>
        {
            if (method == HttpMethod.Put) { if (body is null) x.Put.Url(url); else x.Put.Json(body).ToUrl(url); }
            else if (method == HttpMethod.Delete) x.Delete.Url(url);
            else if (method == HttpMethod.Get) x.Get.Url(url);
            else if (body is null) x.Post.Url(url);
            else x.Post.Json(body).ToUrl(url);
            if (actor is not null) x.As(actor);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>As <see cref="SendAsync"/>, answering the body as JSON (default when empty).</summary>
    public static async Task<JsonElement> SendForJsonAsync(this AppFixture app, HttpMethod method, string url, object? body, Actor? actor, int status)
    {
        var text = await (await app.SendAsync(method, url, body, actor, status)).ReadAsTextAsync();
        return text.Length == 0 ? default : Json.Parse(text);
    }
}
