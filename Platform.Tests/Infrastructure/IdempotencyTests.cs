using Platform.Api.Infrastructure;

namespace Platform.Tests.Infrastructure;

/// <summary>Retried writes with the same Idempotency-Key get the first answer and store nothing new.</summary>
[Collection(IntegrationCollection.Name)]
public class IdempotencyTests(AppFixture app)
{
    private Task<IScenarioResult> RaiseWithKey(Actor author, string key, string title = "Retried concern") =>
        app.Host.Scenario(x =>
        {
            x.Post.Json(ConcernApi.ValidBody(title)).ToUrl("/api/cities/york/concerns");
            x.As(author);
            x.WithRequestHeader("Idempotency-Key", key);
            x.IgnoreStatusCode();
        });

    [Fact]
    public async Task A_claim_left_without_its_response_past_the_lease_is_taken_over_by_the_retry()
    {
        var city = await app.NewCityAsync();
        var concern = await app.RaiseAsync(city);
        var resident = await app.ResidentAsync(city);
        var key = Guid.NewGuid().ToString();
        var path = $"/api/cities/{city}/concerns/{concern}/supports";
        var recordId = IdempotencyMiddleware.RecordId(resident.Id.ToString("N"), "POST", path, key);
        // As a node killed between its write and storing its answer leaves it: claimed a minute ago, never completed.
        await using (var session = app.Store.LightweightSession())
        {
            session.Store(new IdempotentRequest
            {
                Id = recordId, Fingerprint = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData([])), CreatedAt = app.Clock.GetUtcNow().AddMinutes(-1),
            });
            await session.SaveChangesAsync();
        }

        var retry = await app.Host.Scenario(x =>
        {
            x.Post.Url(path);
            x.As(resident);
            x.WithRequestHeader("Idempotency-Key", key);
            x.StatusCodeShouldBe(200);
        });

        Assert.True(Json.Parse(await retry.ReadAsTextAsync()).GetProperty("supported").GetBoolean());
        await using var query = app.Store.QuerySession();
        Assert.True((await query.LoadAsync<IdempotentRequest>(recordId))!.Completed);
        Assert.Equal(1, (await app.GetConcernAsync(concern, city)).GetProperty("supports").GetInt64());
    }

    [Fact]
    public async Task A_retried_raise_returns_the_first_response_and_stores_one_concern()
    {
        var author = await app.ResidentAsync();
        var key = Guid.NewGuid().ToString();

        var first = await RaiseWithKey(author, key);
        var before = await app.EventCountAsync();
        var retry = await RaiseWithKey(author, key);

        Assert.Equal(201, first.Context.Response.StatusCode);
        Assert.Equal(201, retry.Context.Response.StatusCode);
        Assert.Equal(await first.ReadAsTextAsync(), await retry.ReadAsTextAsync());
        Assert.Equal(first.Context.Response.Headers.Location.ToString(), retry.Context.Response.Headers.Location.ToString());
        Assert.Equal("true", retry.Context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task Concurrent_retries_store_exactly_one_concern_and_all_get_the_same_answer()
    {
        var author = await app.ResidentAsync();
        var key = Guid.NewGuid().ToString();
        var before = await app.EventCountAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RaiseWithKey(author, key)));

        var bodies = await Task.WhenAll(results.Select(r => r.ReadAsTextAsync()));
        Assert.All(results, r => Assert.Equal(201, r.Context.Response.StatusCode));
        Assert.Single(bodies.Distinct());
        Assert.Equal(before + 1, await app.EventCountAsync());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused()
    {
        var author = await app.ResidentAsync();
        var key = Guid.NewGuid().ToString();
        await RaiseWithKey(author, key, "first body");
        var before = await app.EventCountAsync();

        var reused = await RaiseWithKey(author, key, "another body");

        Assert.Equal(422, reused.Context.Response.StatusCode);
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task Keys_belong_to_their_caller()
    {
        var key = Guid.NewGuid().ToString();
        var one = await RaiseWithKey(await app.ResidentAsync(), key);
        var other = await RaiseWithKey(await app.ResidentAsync(), key);
        Assert.NotEqual(await one.ReadAsTextAsync(), await other.ReadAsTextAsync());
    }

    [Fact]
    public async Task A_retried_support_is_not_counted_twice()
    {
        var id = await app.RaiseAsync();
        var resident = await app.ResidentAsync();
        var key = Guid.NewGuid().ToString();
        for (var i = 0; i < 3; i++)
            await app.Host.Scenario(x =>
            {
                x.Post.Url($"/api/cities/york/concerns/{id}/supports");
                x.As(resident);
                x.WithRequestHeader("Idempotency-Key", key);
                x.StatusCodeShouldBeOk();
            });
        Assert.Equal(1, (await app.GetConcernAsync(id)).GetProperty("supports").GetInt64());
    }

    [Fact]
    public async Task A_retried_vote_gets_the_first_answer_and_is_counted_once()
    {
        var official = await app.OfficialAsync();
        var townHall = await app.OpenTownHallAsync(official);
        var poll = await app.OpenPollAsync(townHall, official);
        var resident = await app.ResidentAsync();
        var key = Guid.NewGuid().ToString();
        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var result = await app.Host.Scenario(x =>
            {
                x.Post.Json(new { option = 1 }).ToUrl($"/api/cities/york/town-halls/{townHall}/polls/{poll}/votes");
                x.As(resident);
                x.WithRequestHeader("Idempotency-Key", key);
                x.StatusCodeShouldBe(201);
            });
            answers.Add(await result.ReadAsTextAsync());
        }
        Assert.Single(answers.Distinct());
        var current = (await app.GetTownHallAsync(townHall)).GetProperty("currentPoll");
        Assert.Equal(1, current.GetProperty("total").GetInt64());
        Assert.Equal(1, current.GetProperty("options")[1].GetProperty("votes").GetInt64());
    }

    [Fact]
    public async Task Keys_expire_after_the_retention_period_and_recent_ones_still_replay()
    {
        var author = await app.ResidentAsync();
        var expiring = Guid.NewGuid().ToString();
        var recent = Guid.NewGuid().ToString();
        var firstId = Json.Parse(await (await RaiseWithKey(author, expiring, "Raised a day ago")).ReadAsTextAsync()).GetProperty("id").GetString()!;
        await RaiseWithKey(author, recent, "Raised just now");

        // The first key's record is made as old as a record of yesterday's request would be.
        await using (var session = app.Store.LightweightSession())
        {
            var record = (await session.Query<IdempotentRequest>().Where(r => r.Body.Contains(firstId)).ToListAsync()).Single();
            record.CreatedAt = app.Clock.GetUtcNow().AddHours(-25);
            session.Store(record);
            await session.SaveChangesAsync();
        }

        Assert.True(await app.Host.Services.GetRequiredService<IdempotencyRetention>().RemoveExpiredAsync(CancellationToken.None) >= 1);

        var afterExpiry = await RaiseWithKey(author, expiring, "Raised a day ago");
        Assert.Equal(201, afterExpiry.Context.Response.StatusCode);
        Assert.NotEqual(firstId, Json.Parse(await afterExpiry.ReadAsTextAsync()).GetProperty("id").GetString()); // a new request now
        Assert.False(afterExpiry.Context.Response.Headers.ContainsKey("Idempotent-Replayed"));

        var replayed = await RaiseWithKey(author, recent, "Raised just now");
        Assert.Equal("true", replayed.Context.Response.Headers["Idempotent-Replayed"].ToString());
    }
}
