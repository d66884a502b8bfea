using Microsoft.AspNetCore.Http;
using Platform.Api.Live;
using Platform.Api.Web;
using Platform.Tests.Notifications;

namespace Platform.Tests.Live;

/// <summary>
/// The hub's WebSockets take a short pipeline (<see cref="LiveHubPipeline"/>), so an idle watcher keeps less memory:
/// residents signed in by their cookie or their token still get their own pushes over it, forged credentials sign
/// no one in, and only WebSocket upgrades of the hub take it (negotiation and the other transports keep the main
/// pipeline, with its rate limits). Anonymous watchers over it: every other test of this folder.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class HubPipelineTests(AppFixture app)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_resident_signed_in_by_cookie_gets_their_own_notice_over_the_hubs_websocket()
    {
        var (author, email) = await app.RegisterAsync("york", Password);
        var signIn = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email, password = Password }).ToUrl("/api/accounts/sign-in");
            x.StatusCodeShouldBeOk();
        });
        var cookie = signIn.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
        Assert.StartsWith("hrc.auth=", cookie);
        var concern = await app.RaiseAsync(author: author);

        // The sign-in cookie after another, as a browser sends them.
        await using var mine = await NoticeListener.ConnectAsync(app, "Cookie", $"{WebSetup.LanguageCookie}=fr; {cookie}");
        await using var languageOnly = await NoticeListener.ConnectAsync(app, "Cookie", $"{WebSetup.LanguageCookie}=fr");
        await app.ActAsync(concern, "acknowledgement", await app.OfficialAsync(), new { department = "Transport" });

        var push = await mine.NextAsync(LiveClient.Patience) ?? throw new Xunit.Sdk.XunitException("No notice was pushed to the cookie's connection.");
        Assert.Equal(concern, push.GetProperty("notice").GetProperty("itemId").GetGuid());
        Assert.Null(await languageOnly.NextAsync(TimeSpan.FromSeconds(2)));
    }

    [Theory]
    [InlineData("Authorization", "Bearer not-a-token")]
    [InlineData("Cookie", "hrc.auth=forged")]
    public async Task Forged_credentials_on_the_hubs_websocket_sign_no_one_in(string header, string value)
    {
        var author = await app.ResidentAsync();
        var concern = await app.RaiseAsync(author: author);
        await using var forged = await NoticeListener.ConnectAsync(app, header, value); // anonymous, as before the short way
        await using var mine = await NoticeListener.ConnectAsync(app, author);

        await app.ActAsync(concern, "acknowledgement", await app.OfficialAsync(), new { department = "Transport" });
        Assert.NotNull(await mine.NextAsync(LiveClient.Patience));
        Assert.Null(await forged.NextAsync(TimeSpan.FromSeconds(2)));
    }

    [Theory]
    [InlineData("GET", "/hubs/live", "websocket", true)]
    [InlineData("GET", "/hubs/live", "WebSocket", true)]
    [InlineData("POST", "/hubs/live/negotiate", null, false)] // negotiation: the main pipeline, its write limit per account
    [InlineData("POST", "/hubs/live", null, false)] // long polling's sends
    [InlineData("GET", "/hubs/live", null, false)] // long polling, server-sent events
    [InlineData("GET", "/hubs/livex", "websocket", false)]
    [InlineData("GET", "/api/cities/york/concerns", "websocket", false)]
    public void Only_websocket_upgrades_of_the_hub_take_the_short_way(string method, string path, string? upgrade, bool shortWay)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        if (upgrade is not null) context.Request.Headers.Upgrade = upgrade;
        Assert.Equal(shortWay, LiveHubPipeline.IsHubWebSocket(context));
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("Bearer abc", null, true)]
    [InlineData(null, "hrc.auth=abc", true)]
    [InlineData(null, "hrc.language=fr; hrc.auth=chunks-2; hrc.authC1=a; hrc.authC2=b", true)]
    [InlineData(null, "hrc.language=fr", false)]
    [InlineData(null, "hrc.language=fr; .AspNetCore.Antiforgery.x=y", false)]
    [InlineData(null, "hrc.authority=x; xhrc.auth=y", false)]
    public void Authentication_runs_on_the_short_way_when_credentials_could_sign_someone_in(string? authorization, string? cookies, bool authenticates)
    {
        var context = new DefaultHttpContext();
        if (authorization is not null) context.Request.Headers.Authorization = authorization;
        if (cookies is not null) context.Request.Headers.Cookie = cookies;
        Assert.Equal(authenticates, LiveHubPipeline.CarriesCredentials(context, LiveHubPipeline.SignInCookie(app.Host.Services)));
    }
}
