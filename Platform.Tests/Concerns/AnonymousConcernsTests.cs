using Microsoft.AspNetCore.SignalR.Client;

namespace Platform.Tests.Concerns;

/// <summary>An anonymous concern: nobody but its author can tell who raised it, not even the council.</summary>
[Collection(IntegrationCollection.Name)]
public class AnonymousConcernsTests(AppFixture app)
{
    private static object AnonymousBody(string title) => new
    {
        title,
        description = "My landlord ignores the damp.",
        rights = new[] { "housing" },
        district = "Clifton",
        anonymous = true,
    };

    private static void AssertNoIdentity(string body, Actor author)
    {
        Assert.DoesNotContain(author.Id.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(author.Id.ToString("N"), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("authorId", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Test person", body, StringComparison.Ordinal); // the author's display name
    }

    [Fact]
    public async Task Neither_the_public_nor_officials_nor_moderators_see_who_raised_it_in_any_response()
    {
        var city = await app.NewCityAsync();
        var author = await app.ResidentAsync(city);
        var id = await app.RaiseAsync(city, AnonymousBody("Damp flats on Bootham"), author);
        var official = await app.OfficialAsync(city);
        var moderator = await app.AccountAsync(city, CityRole.Moderator);
        await app.ActAsync(id, "acknowledgement", official, new { department = "Housing" }, city: city);

        foreach (var caller in new Actor?[] { null, await app.ResidentAsync(city), official, moderator })
        {
            var one = await app.GetTextAsync($"/api/cities/{city}/concerns/{id}", caller);
            Assert.True(Json.Parse(one).GetProperty("anonymous").GetBoolean());
            Assert.False(Json.Parse(one).GetProperty("authoredByYou").GetBoolean());
            AssertNoIdentity(one, author);

            var list = await app.GetTextAsync($"/api/cities/{city}/concerns", caller);
            Assert.Equal([id], Json.Parse(list).Ids());
            AssertNoIdentity(list, author);

            var history = await app.GetTextAsync($"/api/cities/{city}/concerns/{id}/history", caller);
            Assert.Equal("anonymous resident", Json.Parse(history)[0].GetProperty("actorRole").GetString());
            AssertNoIdentity(history, author);
        }

        // Responses to the council's own writes carry no author either.
        var answered = await app.ActAsync(id, "answer", official, new { answer = "An inspector will visit." }, city: city);
        AssertNoIdentity(answered.GetRawText(), author);
        var hidden = await app.ActAsync(id, "hiding", moderator, new { reason = "Check" }, city: city);
        AssertNoIdentity(hidden.GetRawText(), author);
        var restored = await app.ActAsync(id, "restoration", moderator, new { reason = "Fine" }, city: city);
        AssertNoIdentity(restored.GetRawText(), author);

        await using var connection = app.ConnectLive();
        await connection.StartAsync();
        var snapshot = await connection.InvokeAsync<JsonElement>("Watch", "concern", city, id);
        AssertNoIdentity(snapshot.GetRawText(), author);
    }

    [Fact]
    public async Task The_author_finds_it_among_their_own_and_withdraws_it()
    {
        var author = await app.ResidentAsync();
        var id = await app.RaiseAsync("york", AnonymousBody("Anonymous and mine"), author);
        var other = await app.RaiseAsync("york", ConcernApi.ValidBody("Someone else's"));

        var mine = Json.Parse(await app.GetTextAsync("/api/cities/york/concerns/mine", author));
        Assert.Equal([id], mine.Ids());
        Assert.True(mine.GetProperty("items")[0].GetProperty("authoredByYou").GetBoolean());
        Assert.True(mine.GetProperty("items")[0].GetProperty("anonymous").GetBoolean());
        Assert.True(Json.Parse(await app.GetTextAsync($"/api/cities/york/concerns/{id}", author)).GetProperty("authoredByYou").GetBoolean());
        Assert.DoesNotContain(other, Json.Parse(await app.GetTextAsync("/api/cities/york/concerns/mine", author)).Ids());
        await app.GetTextAsync("/api/cities/york/concerns/mine", status: 401);

        var withdrawn = await app.ActAsync(id, "withdrawal", author);
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        var history = Json.Parse(await app.GetTextAsync($"/api/cities/york/concerns/{id}/history"));
        Assert.Equal(["anonymous resident", "author"], history.EnumerateArray().Select(e => e.GetProperty("actorRole").GetString()));
        AssertNoIdentity(history.GetRawText(), author);
    }

    [Fact]
    public async Task Another_resident_cannot_withdraw_an_anonymous_concern()
    {
        var id = await app.RaiseAsync("york", AnonymousBody("Not yours to withdraw"));
        var before = await app.EventCountAsync();
        var refused = await app.ActAsync(id, "withdrawal", await app.ResidentAsync(), status: 403);
        Assert.Equal("not-the-author", refused.Code());
        Assert.Equal(before, await app.EventCountAsync());
    }
}
