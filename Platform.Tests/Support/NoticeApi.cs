
namespace Platform.Tests.Support;

/// <summary>Short ways to read a person's notices from tests. Notices are written by the event daemon after commit: reads wait for them.</summary>
public static class NoticeApi
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary><c>GET /api/accounts/me/notifications</c> as <paramref name="person"/>, with an optional query (<c>?page=2</c>).</summary>
    public static async Task<JsonElement> NoticesAsync(this AppFixture app, Actor person, string query = "")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/accounts/me/notifications" + query);
            x.As(person);
            x.StatusCodeShouldBeOk();
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    /// <summary>The person's notices (first page of 100) once they hold at least <paramref name="count"/>; fails after <see cref="Patience"/>.</summary>
    public static async Task<IReadOnlyList<JsonElement>> NoticesOnceAsync(this AppFixture app, Actor person, int count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var items = (await app.NoticesAsync(person, "?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
            if (items.Count >= count) return items;
            if (clock.Elapsed > Patience) Assert.Fail($"{count} notices expected, {items.Count} arrived in {Patience.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Waits until every change committed so far has been turned into notices: the daemon handles events in order, so
    /// once a change made now reached its one recipient, every earlier one reached theirs.
    /// </summary>
    public static async Task NoticesSettledAsync(this AppFixture app)
    {
        var author = await app.ResidentAsync();
        var concern = await app.RaiseAsync(author: author);
        await app.ActAsync(concern, "acknowledgement", await app.OfficialAsync(), new { department = "Transport" });
        await app.NoticesOnceAsync(author, 1);
    }

    public static string Kind(this JsonElement notice) => notice.GetProperty("kind").GetString()!;
    public static Guid ItemId(this JsonElement notice) => notice.GetProperty("itemId").GetGuid();
}
