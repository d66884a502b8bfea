using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Platform.Tests.Notifications;

/// <summary>
/// The inbox through <c>/api/accounts/me/notifications</c>: newest first, paged, filtered to unread, marked read one by
/// one or all at once, with the unread count; another person's notice is not found; the opt-in settings; bad input is a
/// 400 naming the field; and a new notice is pushed live to the person's hub connection with the new count.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class InboxTests(AppFixture app)
{
    /// <summary>A resident with <paramref name="count"/> notices: the author of a concern taken through its lifecycle changes.</summary>
    private async Task<Actor> ResidentWithNoticesAsync(int count)
    {
        var author = await app.ResidentAsync();
        var official = await app.OfficialAsync();
        for (var raised = 0; raised * 3 < count; raised++)
        {
            var concern = await app.RaiseAsync(author: author);
            await app.ActAsync(concern, "acknowledgement", official, new { department = "Transport" });
            if (raised * 3 + 1 < count) await app.ActAsync(concern, "answer", official, new { answer = "Done." });
            if (raised * 3 + 2 < count) await app.ActAsync(concern, "resolution", official, new { note = "Closed." });
        }
        await app.NoticesOnceAsync(author, count);
        return author;
    }

    [Fact]
    public async Task Notices_are_paged_newest_first_marked_read_one_or_all_and_counted()
    {
        var person = await ResidentWithNoticesAsync(5);
        var first = await app.NoticesAsync(person, "?pageSize=2");
        Assert.Equal(5, first.GetProperty("total").GetInt32());
        Assert.Equal(5, first.GetProperty("unread").GetInt32());
        var second = await app.NoticesAsync(person, "?pageSize=2&page=2");
        var third = await app.NoticesAsync(person, "?pageSize=2&page=3");
        var all = new[] { first, second, third }.SelectMany(p => p.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(5, all.Select(n => n.GetProperty("id").GetGuid()).Distinct().Count());
        var times = all.Select(n => n.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);

        var one = all[1].GetProperty("id").GetGuid();
        for (var i = 0; i < 2; i++) // a repeat keeps the first time and the count
        {
            var read = await PostAsync($"/api/accounts/me/notifications/{one}/read", person, 200);
            Assert.Equal(4, read.GetProperty("unread").GetInt32());
            Assert.NotEqual(JsonValueKind.Null, read.GetProperty("notice").GetProperty("readAt").ValueKind);
        }
        var unread = await app.NoticesAsync(person, "?unread=true&pageSize=100");
        Assert.Equal(4, unread.GetProperty("total").GetInt32());
        Assert.DoesNotContain(unread.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetGuid() == one);

        var marked = await PostAsync("/api/accounts/me/notifications/read", person, 200);
        Assert.Equal(4, marked.GetProperty("marked").GetInt32());
        Assert.Equal(0, (await app.NoticesAsync(person)).GetProperty("unread").GetInt32());
        Assert.Equal(5, (await app.NoticesAsync(person)).GetProperty("total").GetInt32());
        Assert.Equal(0, (await PostAsync("/api/accounts/me/notifications/read", person, 200)).GetProperty("marked").GetInt32());
    }

    [Fact]
    public async Task Another_persons_notice_is_not_found_and_stays_unread()
    {
        var owner = await ResidentWithNoticesAsync(1);
        var other = await app.ResidentAsync();
        var id = (await app.NoticesAsync(owner)).GetProperty("items")[0].GetProperty("id").GetGuid();
        foreach (var target in new[] { id, Guid.NewGuid() })
            await PostAsync($"/api/accounts/me/notifications/{target}/read", other, 404);
        Assert.Equal(1, (await app.NoticesAsync(owner)).GetProperty("unread").GetInt32());
        await PostAsync("/api/accounts/me/notifications/read", other, 200); // all of the other's: none of the owner's
        Assert.Equal(1, (await app.NoticesAsync(owner)).GetProperty("unread").GetInt32());
        await app.Host.Scenario(x => { x.Get.Url("/api/accounts/me/notifications"); x.StatusCodeShouldBe(401); });
        await app.Host.Scenario(x => { x.Post.Url($"/api/accounts/me/notifications/{id}/read"); x.StatusCodeShouldBe(401); });
    }

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?page=abc", "page")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?unread=maybe", "unread")]
    public async Task Bad_list_queries_are_400_naming_the_field(string query, string field)
    {
        var person = await app.ResidentAsync();
        var result = await app.Host.Scenario(x => { x.Get.Url("/api/accounts/me/notifications" + query); x.As(person); x.StatusCodeShouldBe(400); });
        await ProblemAssert.NamesAsync(result, 400, field);
    }

    [Fact]
    public async Task Opt_in_settings_are_read_and_set_and_bad_ones_refused_storing_nothing()
    {
        var person = await app.ResidentAsync();
        var settings = await SettingsAsync(person);
        Assert.Empty(settings.GetProperty("optedIn").EnumerateArray());
        Assert.Equal(JsonValueKind.Object, settings.GetProperty("email").ValueKind);

        await PutSettingsAsync(person, new { optedIn = new[] { "townHallScheduled", "consultationOpened", "townHallScheduled" } }, 200);
        Assert.Equal(["consultationOpened", "townHallScheduled"], (await SettingsAsync(person)).GetProperty("optedIn").EnumerateArray().Select(k => k.GetString()));

        await ProblemAssert.NamesAsync(await PutSettingsAsync(person, new { optedIn = new[] { "consultationOpened", "concernAnswered" } }, 400), 400, "optedIn[1]");
        await ProblemAssert.NamesAsync(await PutSettingsAsync(person, new { optedIn = new[] { "nonsense" } }, 400), 400, "optedIn[0]");
        await ProblemAssert.NamesAsync(await PutSettingsAsync(person, new { optedIn = new string('x', 100_000) }, 400), 400, "optedIn");
        Assert.Equal(2, (await SettingsAsync(person)).GetProperty("optedIn").GetArrayLength());

        await PutSettingsAsync(person, new { optedIn = Array.Empty<string>() }, 200);
        Assert.Empty((await SettingsAsync(person)).GetProperty("optedIn").EnumerateArray());
    }

    [Fact]
    public async Task A_new_notice_is_pushed_live_to_the_persons_connection_with_the_unread_count()
    {
        var author = await app.ResidentAsync();
        var stranger = await app.ResidentAsync();
        var concern = await app.RaiseAsync(author: author);
        await using var mine = await NoticeListener.ConnectAsync(app, author);
        await using var theirs = await NoticeListener.ConnectAsync(app, stranger);

        await app.ActAsync(concern, "acknowledgement", await app.OfficialAsync(), new { department = "Transport" });
        var push = await mine.NextAsync(LiveClient.Patience) ?? throw new Xunit.Sdk.XunitException("No notice was pushed.");
        Assert.Equal("concernAcknowledged", push.GetProperty("notice").GetProperty("kind").GetString());
        Assert.Equal(concern, push.GetProperty("notice").GetProperty("itemId").GetGuid());
        Assert.Equal(1, push.GetProperty("unread").GetInt32());
        Assert.Null(await theirs.NextAsync(TimeSpan.FromSeconds(2)));
    }

    private async Task<JsonElement> PostAsync(string url, Actor person, int status)
    {
        var result = await app.Host.Scenario(x => { x.Post.Url(url); x.As(person); x.StatusCodeShouldBe(status); });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    private async Task<JsonElement> SettingsAsync(Actor person)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url("/api/accounts/me/notifications/settings"); x.As(person); x.StatusCodeShouldBeOk(); });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    private Task<IScenarioResult> PutSettingsAsync(Actor person, object body, int status) => app.Host.Scenario(x =>
    {
        x.Put.Json(body).ToUrl("/api/accounts/me/notifications/settings");
        x.As(person);
        x.StatusCodeShouldBe(status);
    });
}

/// <summary>A real SignalR client of one signed-in person (their bearer token, or a header of the test's), recording the notices pushed to them.</summary>
public sealed class NoticeListener : IAsyncDisposable
{
    private readonly System.Threading.Channels.Channel<JsonElement> _pushes = System.Threading.Channels.Channel.CreateUnbounded<JsonElement>();
    private readonly HubConnection _connection;

    private NoticeListener(HubConnection connection)
    {
        _connection = connection;
        _connection.On<JsonElement>("Notice", push => _pushes.Writer.TryWrite(push));
    }

    public static Task<NoticeListener> ConnectAsync(AppFixture app, Actor person) =>
        ConnectAsync(app, "Authorization", $"Bearer {person.Token}");

    /// <summary>A connection whose WebSocket request carries <paramref name="header"/> (credentials, or none that count).</summary>
    public static async Task<NoticeListener> ConnectAsync(AppFixture app, string header, string value)
    {
        var server = app.Host.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/live"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (context, token) =>
                {
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers[header] = value;
                    return await client.ConnectAsync(context.Uri, token);
                };
            })
            .Build();
        var listener = new NoticeListener(connection);
        await connection.StartAsync();
        return listener;
    }

    public Task<JsonElement?> NextAsync(TimeSpan wait) => LiveClient.NextAsync(_pushes.Reader, wait);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
