using Platform.Domain.Concerns;

namespace Platform.Tests.Consultations;

/// <summary>One resident, one response: answered once, amendable while open, counted exactly.</summary>
[Collection(IntegrationCollection.Name)]
public class RespondingToConsultationsTests(AppFixture app)
{
    [Fact]
    public async Task Results_count_participation_options_and_scale_means()
    {
        var official = await app.OfficialAsync();
        var id = await app.OpenConsultationAsync(official);
        await app.RespondAsync(id, await app.ResidentAsync(), ConsultationApi.Answers(bus: "6", needs: ["ramps"], safe: 2));
        await app.RespondAsync(id, await app.ResidentAsync(), ConsultationApi.Answers(bus: "10", needs: ["ramps", "audio"], safe: 5, more: null));
        for (var i = 0; i < 3; i++)
            await app.RespondAsync(id, await app.ResidentAsync(), ConsultationApi.Answers(bus: "59", needs: ["seats"], safe: 3, more: null));

        var results = await app.ResultsAsync(id, official);

        Assert.False(results.GetProperty("withheld").GetBoolean());
        Assert.Equal(5, results.GetProperty("participation").GetInt64());
        var bus = results.Question("bus");
        Assert.Equal(5, bus.GetProperty("answers").GetInt64());
        Assert.Equal(1, bus.Count("6"));
        Assert.Equal(1, bus.Count("10"));
        Assert.Equal(3, bus.Count("59"));
        var needs = results.Question("needs");
        Assert.Equal(5, needs.GetProperty("answers").GetInt64());
        Assert.Equal(2, needs.Count("ramps"));
        Assert.Equal(1, needs.Count("audio"));
        Assert.Equal(3, needs.Count("seats"));
        var safe = results.Question("safe");
        Assert.Equal(3.2, safe.GetProperty("mean").GetDouble());
        Assert.Equal(1, safe.Count("2"));
        Assert.Equal(1, safe.Count("5"));
        Assert.Equal(3, safe.Count("3"));
        Assert.Equal(1, results.Question("more").GetProperty("answers").GetInt64());
        Assert.True(results.GetProperty("version").GetInt64() >= (await app.GetConsultationAsync(id)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Answers_of_fewer_than_five_residents_are_shown_to_no_one_and_the_public_sees_none_while_open()
    {
        var official = await app.OfficialAsync();
        var id = await app.OpenConsultationAsync(official);
        for (var i = 0; i < 4; i++) await app.RespondAsync(id, await app.ResidentAsync(), ConsultationApi.Answers(bus: "6", more: "Only me."));

        foreach (var caller in new Actor?[] { official, null, await app.ResidentAsync() })
        {
            var results = await app.ResultsAsync(id, caller);
            Assert.True(results.GetProperty("withheld").GetBoolean());
            Assert.Equal(4, results.GetProperty("participation").GetInt64());
            Assert.All(results.GetProperty("questions").EnumerateArray(), q =>
            {
                Assert.Equal(0, q.GetProperty("answers").GetInt64());
                Assert.Empty(q.GetProperty("options").EnumerateArray());
                Assert.Equal(System.Text.Json.JsonValueKind.Null, q.GetProperty("texts").ValueKind);
            });
        }

        // The fifth answer shows the tallies to the city's officials; the public still sees participation only while it is open.
        await app.RespondAsync(id, await app.ResidentAsync(), ConsultationApi.Answers(bus: "10"));
        Assert.Equal(4, (await app.ResultsAsync(id, official)).Question("bus").Count("6"));
        var open = await app.ResultsAsync(id);
        Assert.True(open.GetProperty("withheld").GetBoolean());
        Assert.Equal(5, open.GetProperty("participation").GetInt64());
    }

    [Fact]
    public async Task Free_text_answers_are_shown_to_officials_of_the_city_only()
    {
        var official = await app.OfficialAsync();
        var id = await app.OpenConsultationAsync(official);
        await app.RespondAsync(id, await app.ResidentAsync(), ConsultationApi.Answers(more: "The stop at Melrosegate floods."));
        for (var i = 0; i < 4; i++) await app.RespondAsync(id, await app.ResidentAsync(), ConsultationApi.Answers(more: null));

        Assert.Equal(["The stop at Melrosegate floods."],
            (await app.ResultsAsync(id, official)).Question("more").GetProperty("texts").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await app.ResultsAsync(id)).Question("more").GetProperty("texts").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await app.ResultsAsync(id, await app.ResidentAsync())).Question("more").GetProperty("texts").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await app.ResultsAsync(id, await app.OfficialAsync("utrecht"))).Question("more").GetProperty("texts").ValueKind);
    }

    [Fact]
    public async Task A_resident_answers_once_and_an_amendment_replaces_the_earlier_answers()
    {
        var id = await app.OpenConsultationAsync();
        var resident = await app.ResidentAsync();
        await app.RespondAsync(id, resident, ConsultationApi.Answers(bus: "6", needs: ["ramps"], safe: 1, more: "first"));
        // Four others answer the scale only (5), so the group is large enough for the tallies to show.
        for (var i = 0; i < 4; i++) await app.RespondAsync(id, await app.ResidentAsync(), new { answers = new[] { new { questionId = "safe", scale = 5 } } });

        var twice = await app.RespondAsync(id, resident, status: 409);
        Assert.Equal("already-responded", Json.Parse(await twice.ReadAsTextAsync()).GetProperty("code").GetString());

        var amended = Json.Parse(await (await app.AmendAsync(id, resident, ConsultationApi.Answers(bus: "59", needs: ["audio", "seats"], safe: 5, more: "second"))).ReadAsTextAsync());
        Assert.True(amended.GetProperty("amended").GetBoolean());

        var official = await app.OfficialAsync();
        var results = await app.ResultsAsync(id, official);
        Assert.Equal(5, results.GetProperty("participation").GetInt64());
        Assert.Equal(0, results.Question("bus").Count("6"));
        Assert.Equal(1, results.Question("bus").Count("59"));
        Assert.Equal(1, results.Question("bus").GetProperty("answers").GetInt64());
        Assert.Equal(0, results.Question("needs").Count("ramps"));
        Assert.Equal(1, results.Question("needs").Count("seats"));
        Assert.Equal(5.0, results.Question("safe").GetProperty("mean").GetDouble());
        Assert.Equal(["second"], results.Question("more").GetProperty("texts").EnumerateArray().Select(t => t.GetString()));

        // Leaving a question out of an amendment takes the earlier answer back.
        await app.AmendAsync(id, resident, new { answers = new[] { new { questionId = "safe", scale = 2 } } });
        results = await app.ResultsAsync(id, official);
        Assert.Equal(5, results.GetProperty("participation").GetInt64());
        Assert.Equal(0, results.Question("bus").GetProperty("answers").GetInt64());
        Assert.Equal(0, results.Question("more").GetProperty("answers").GetInt64());
        Assert.Empty(results.Question("more").GetProperty("texts").EnumerateArray());
        Assert.Equal(4.4, results.Question("safe").GetProperty("mean").GetDouble());

        var mine = await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/consultations/{id}/responses/mine"); x.As(resident); x.StatusCodeShouldBeOk(); });
        var own = Json.Parse(await mine.ReadAsTextAsync());
        Assert.Equal(3, own.GetProperty("version").GetInt64());
        Assert.Equal(2, own.GetProperty("answers")[0].GetProperty("scale").GetInt32());
    }

    [Fact]
    public async Task Amending_without_a_response_is_a_404()
    {
        var id = await app.OpenConsultationAsync();
        var before = await app.EventCountAsync();
        var result = await app.AmendAsync(id, await app.ResidentAsync(), ConsultationApi.Answers(), status: 404);
        Assert.Equal("response-not-found", Json.Parse(await result.ReadAsTextAsync()).GetProperty("code").GetString());
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task Residents_answering_at_once_all_count_and_amendments_at_once_keep_the_totals_exact()
    {
        const int residents = 60;
        var id = await app.OpenConsultationAsync();
        var crowd = await app.AccountsAsync(residents, "york");

        await Task.WhenAll(crowd.Select((r, i) => app.RespondAsync(id, r, ConsultationApi.Answers(bus: i % 2 == 0 ? "6" : "10", safe: 1 + i % 5))));
        var official = await app.OfficialAsync();
        var results = await app.ResultsAsync(id, official);
        Assert.Equal(residents, results.GetProperty("participation").GetInt64());
        Assert.Equal(residents / 2, results.Question("bus").Count("6"));
        Assert.Equal(residents / 2, results.Question("bus").Count("10"));
        Assert.Equal(3.0, results.Question("safe").GetProperty("mean").GetDouble());

        // Everyone switches to route 59 at once.
        await Task.WhenAll(crowd.Select(r => app.AmendAsync(id, r, ConsultationApi.Answers(bus: "59", safe: 4))));
        results = await app.ResultsAsync(id, official);
        Assert.Equal(residents, results.GetProperty("participation").GetInt64());
        Assert.Equal(0, results.Question("bus").Count("6"));
        Assert.Equal(0, results.Question("bus").Count("10"));
        Assert.Equal(residents, results.Question("bus").Count("59"));
        Assert.Equal(4.0, results.Question("safe").GetProperty("mean").GetDouble());
    }

    [Fact]
    public async Task A_resident_sending_the_first_response_many_times_at_once_is_counted_once()
    {
        var id = await app.OpenConsultationAsync();
        var resident = await app.ResidentAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            var result = await app.Host.Scenario(x =>
            {
                x.Post.Json(ConsultationApi.Answers()).ToUrl($"/api/cities/york/consultations/{id}/responses");
                x.As(resident);
                x.IgnoreStatusCode();
            });
            return result.Context.Response.StatusCode;
        }));

        Assert.Single(statuses, s => s == 201);
        Assert.All(statuses, s => Assert.Contains(s, new[] { 201, 409 }));
        Assert.Equal(1, (await app.ResultsAsync(id)).GetProperty("participation").GetInt64());
        await using var session = app.Store.QuerySession("york");
        Assert.Single(await session.Events.FetchStreamAsync(PersonalStream.Id(id, app.Participant(resident))));
    }
}
