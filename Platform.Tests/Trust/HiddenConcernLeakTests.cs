using Microsoft.AspNetCore.SignalR;

namespace Platform.Tests.Trust;

/// <summary>
/// A hidden concern is gone for the public on every way out, not only on <c>GET</c>: it cannot be followed anew,
/// it leaves the following lists of those who followed it, and it cannot be watched; those already watching it
/// learn that it is hidden and nothing of its content.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class HiddenConcernLeakTests(AppFixture app)
{
    private const string Title = "A named neighbour's address, posted by mistake";

    [Fact]
    public async Task A_hidden_concern_cannot_be_followed_by_a_resident_and_leaves_the_lists_of_those_who_followed_it()
    {
        var city = await app.NewCityAsync();
        var id = await app.RaiseAsync(city, ConcernApi.ValidBody(Title));
        var follower = await app.ResidentAsync(city);
        await FollowAsync(city, id, follower, 200);
        Assert.Contains(Title, await app.GetTextAsync("/api/accounts/me/following", follower));

        var moderator = await app.AccountAsync(city, CityRole.Moderator);
        await app.ActAsync(id, "hiding", moderator, new { reason = "Names a private person." }, city: city);

        Assert.DoesNotContain(Title, await app.GetTextAsync("/api/accounts/me/following", follower));
        Assert.DoesNotContain(id.ToString(), await app.GetTextAsync("/api/accounts/me/following", follower));
        var late = await app.ResidentAsync(city);
        await FollowAsync(city, id, late, 404);
        Assert.DoesNotContain(Title, await app.GetTextAsync("/api/accounts/me/following", late));
        await UnfollowAsync(city, id, follower, 200); // leaving stays possible

        await FollowAsync(city, id, moderator, 200); // those who may see it may follow it
    }

    [Fact]
    public async Task A_hidden_concern_cannot_be_watched_and_its_watchers_learn_only_that_it_is_hidden()
    {
        var city = await app.NewCityAsync();
        var id = await app.RaiseAsync(city, ConcernApi.ValidBody(Title));
        await using var watcher = await LiveClient.ConnectAsync(app);
        await watcher.WatchAsync("concern", city, id);

        var moderator = await app.AccountAsync(city, CityRole.Moderator);
        await app.ActAsync(id, "hiding", moderator, new { reason = "Names a private person." }, city: city);

        var pushes = await watcher.UntilAsync(p => p.GetProperty("data").GetProperty("status").GetString() == "hidden");
        Assert.Equal("", pushes[^1].GetProperty("data").GetProperty("title").GetString());
        Assert.DoesNotContain(Title, pushes[^1].GetRawText());

        await using var late = await LiveClient.ConnectAsync(app);
        await Assert.ThrowsAsync<HubException>(() => late.WatchAsync("concern", city, id));
    }

    private Task FollowAsync(string city, Guid id, Actor caller, int status) =>
        app.Host.Scenario(x => { x.Put.Url($"/api/cities/{city}/concerns/{id}/follow"); x.As(caller); x.StatusCodeShouldBe(status); });

    private Task UnfollowAsync(string city, Guid id, Actor caller, int status) =>
        app.Host.Scenario(x => { x.Delete.Url($"/api/cities/{city}/concerns/{id}/follow"); x.As(caller); x.StatusCodeShouldBe(status); });
}
