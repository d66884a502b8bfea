
namespace Platform.Tests.Proposals;

/// <summary>Submit, support, decide and withdraw proposals over HTTP, against the real database.</summary>
[Collection(IntegrationCollection.Name)]
public class ProposalLifecycleTests(AppFixture app)
{
    [Fact]
    public async Task A_submitted_proposal_gathers_supports_and_is_accepted_with_a_commitment()
    {
        var author = await app.ResidentAsync();
        var id = await app.SubmitAsync(author: author);

        var fresh = await app.GetProposalAsync(id, caller: author);
        Assert.Equal("open", fresh.GetProperty("status").GetString());
        Assert.Equal(0, fresh.GetProperty("supports").GetInt64());
        Assert.Equal(100, fresh.GetProperty("threshold").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, fresh.GetProperty("decisionDue").ValueKind);
        Assert.True(fresh.GetProperty("authoredByYou").GetBoolean());
        Assert.False((await app.GetProposalAsync(id)).GetProperty("authoredByYou").GetBoolean());

        var ana = await app.ResidentAsync();
        var ben = await app.ResidentAsync();
        Assert.True((await app.SupportProposalAsync(id, ana)).GetProperty("changed").GetBoolean());
        Assert.False((await app.SupportProposalAsync(id, ana)).GetProperty("changed").GetBoolean());
        Assert.True((await app.SupportProposalAsync(id, ben)).GetProperty("changed").GetBoolean());
        await app.Host.Scenario(x => { x.Delete.Url($"/api/cities/york/proposals/{id}/supports"); x.As(ben); x.StatusCodeShouldBeOk(); });
        var supported = await app.GetProposalAsync(id);
        Assert.Equal(1, supported.GetProperty("supports").GetInt64());
        Assert.True(supported.GetProperty("version").GetInt64() > fresh.GetProperty("version").GetInt64());

        var official = await app.OfficialAsync();
        var commitment = await app.PublishCommitmentAsync(official);
        var accepted = await app.ActOnProposalAsync(id, "acceptance", official, new { decision = "The council will raise the kerbs by 2028.", commitmentId = commitment }, 200);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(commitment, accepted.GetProperty("commitmentId").GetGuid());
        Assert.Equal("The council will raise the kerbs by 2028.", accepted.GetProperty("decision").GetString());

        var problem = await app.ActOnProposalAsync(id, "rejection", official, new { reason = "Changed our mind" }, 409);
        Assert.Equal("proposal-accepted", problem.GetProperty("code").GetString());
        Assert.Equal("proposal-not-supportable", (await SupportRefusedAsync(id, await app.ResidentAsync(), 422)).GetProperty("code").GetString());

        var history = await HistoryAsync(id);
        Assert.Equal(["submitted", "accepted"], history.EnumerateArray().Select(e => e.GetProperty("event").GetString()));
        Assert.Equal(["resident", "official"], history.EnumerateArray().Select(e => e.GetProperty("actorRole").GetString()));
        Assert.DoesNotContain(author.Id.ToString(), history.ToString());
    }

    [Fact]
    public async Task The_council_may_reject_before_the_threshold_and_then_nothing_more_happens()
    {
        var author = await app.ResidentAsync();
        var id = await app.SubmitAsync(author: author);
        var official = await app.OfficialAsync();

        var rejected = await app.ActOnProposalAsync(id, "rejection", official, new { reason = "Outside the council's powers." }, 200);
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("Outside the council's powers.", rejected.GetProperty("rejectionReason").GetString());

        Assert.Equal("proposal-rejected", (await app.ActOnProposalAsync(id, "acceptance", official, new { decision = "Yes" }, 409)).GetProperty("code").GetString());
        Assert.Equal("proposal-rejected", (await app.ActOnProposalAsync(id, "withdrawal", author, null, 409)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Only_the_author_withdraws_a_proposal()
    {
        var author = await app.ResidentAsync();
        var id = await app.SubmitAsync(author: author);
        var before = await app.EventCountAsync();

        Assert.Equal("not-the-author", (await app.ActOnProposalAsync(id, "withdrawal", await app.ResidentAsync(), null, 403)).GetProperty("code").GetString());
        Assert.Equal("not-the-author", (await app.ActOnProposalAsync(id, "withdrawal", await app.OfficialAsync(), null, 403)).GetProperty("code").GetString());
        Assert.Equal(before, await app.EventCountAsync());

        var withdrawn = await app.ActOnProposalAsync(id, "withdrawal", author, null, 200);
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal("proposal-withdrawn", (await app.ActOnProposalAsync(id, "acceptance", await app.OfficialAsync(), new { decision = "Yes" }, 409)).GetProperty("code").GetString());
        Assert.Equal("author", (await HistoryAsync(id)).EnumerateArray().Last().GetProperty("actorRole").GetString());
    }

    [Fact]
    public async Task Reaching_the_threshold_sets_the_decision_due_date_once()
    {
        var city = await app.CityWithThresholdAsync(threshold: 2, decisionDays: 60);
        var id = await app.SubmitAsync(city);

        await app.SupportProposalAsync(id, await app.ResidentAsync(city), city);
        Assert.Equal("open", (await app.GetProposalAsync(id, city)).GetProperty("status").GetString());
        await app.SupportProposalAsync(id, await app.ResidentAsync(city), city);
        await app.SupportProposalAsync(id, await app.ResidentAsync(city), city);

        var reached = await app.GetProposalAsync(id, city);
        Assert.Equal("thresholdReached", reached.GetProperty("status").GetString());
        Assert.Equal(3, reached.GetProperty("supports").GetInt64());
        Assert.Equal(2, reached.GetProperty("threshold").GetInt32());
        var at = reached.GetProperty("thresholdReachedAt").GetDateTimeOffset();
        Assert.Equal(at.AddDays(60), reached.GetProperty("decisionDue").GetDateTimeOffset());
        Assert.Equal(1, await app.EventsOfAsync<Platform.Domain.Proposals.ProposalThresholdReached>(id, city));

        var history = await HistoryAsync(id, city);
        var entry = history.EnumerateArray().Single(e => e.GetProperty("event").GetString() == "threshold-reached");
        Assert.Equal("system", entry.GetProperty("actorRole").GetString());

        // The council still decides: the decision settles what was owed.
        var accepted = await app.ActOnProposalAsync(id, "acceptance", await app.AccountAsync(city, CityRole.Official), new { decision = "Agreed." }, 200, city);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(at.AddDays(60), accepted.GetProperty("decisionDue").GetDateTimeOffset());
    }

    [Fact]
    public async Task Proposals_are_listed_filtered_sorted_and_paged()
    {
        var city = await app.CityWithThresholdAsync(threshold: 50);
        var housing = await app.SubmitAsync(city, new { title = "Rent caps for students", rights = new[] { "housing" }, sdgTargets = new[] { "11.1" }, district = "Heslington" });
        var mobility = await app.SubmitAsync(city, ProposalApi.ValidBody("Night buses on route 6"));
        var parks = await app.SubmitAsync(city, new { title = "Shade trees in every park", description = "Plant 500 trees", rights = new[] { "environment" } });
        await app.SupportProposalAsync(housing, await app.ResidentAsync(city), city);
        await app.SupportProposalAsync(housing, await app.ResidentAsync(city), city);
        await app.SupportProposalAsync(parks, await app.ResidentAsync(city), city);
        await app.ActOnProposalAsync(parks, "rejection", await app.AccountAsync(city, CityRole.Official), new { reason = "No budget" }, 200, city);

        Assert.Equal([parks, mobility, housing], await IdsAsync(city, ""));
        Assert.Equal([housing, parks, mobility], await IdsAsync(city, "sort=supports"));
        Assert.Equal([housing], await IdsAsync(city, "right=housing"));
        Assert.Equal([mobility], await IdsAsync(city, "sdgTarget=11.2"));
        Assert.Equal([parks], await IdsAsync(city, "status=rejected"));
        Assert.Equal([mobility, housing], await IdsAsync(city, "status=open"));
        Assert.Equal([mobility], await IdsAsync(city, "district=tang%20hall"));
        Assert.Equal([parks], await IdsAsync(city, "q=500"));
        Assert.Equal([mobility], await IdsAsync(city, "page=2&pageSize=1"));

        var page = await ListAsync(city, "page=5&pageSize=1");
        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Empty(page.GetProperty("items").EnumerateArray());
        Assert.Equal(2, (await ListAsync(city, "sort=supports")).GetProperty("items")[0].GetProperty("supports").GetInt64());
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("status=pending", "status")]
    [InlineData("sort=oldest", "sort")]
    [InlineData("right=flying", "right")]
    [InlineData("sdgTarget=99.9", "sdgTarget")]
    public async Task A_bad_list_query_is_a_problem_naming_the_parameter(string query, string field)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/proposals?{query}"); x.StatusCodeShouldBe(400); });
        Assert.True(Json.Parse(await result.ReadAsTextAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Where_the_city_requires_verified_residency_only_verified_residents_support()
    {
        var city = await app.CityWithThresholdAsync(threshold: 10, verifiedOnly: true);
        var id = await app.SubmitAsync(city);
        var before = await app.EventCountAsync();

        var refused = await SupportRefusedAsync(id, await app.ResidentAsync(city), 403, city);
        Assert.Equal("verified-residency-required", refused.GetProperty("code").GetString());
        Assert.Equal(before, await app.EventCountAsync());

        await app.SupportProposalAsync(id, await app.AccountAsync(city, CityRole.Resident, CityRole.VerifiedResident), city);
        Assert.Equal(1, (await app.GetProposalAsync(id, city)).GetProperty("supports").GetInt64());
    }

    [Fact]
    public async Task Unknown_and_malformed_proposal_ids_are_404s_that_store_nothing()
    {
        var before = await app.EventCountAsync();
        var unknown = Guid.CreateVersion7();
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/proposals/{unknown}"); x.StatusCodeShouldBe(404); });
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/proposals/{unknown}/history"); x.StatusCodeShouldBe(404); });
        await app.Host.Scenario(x => { x.Get.Url("/api/cities/york/proposals/not-a-guid"); x.StatusCodeShouldBe(404); });
        Assert.Equal("proposal-not-found", (await SupportRefusedAsync(unknown, await app.ResidentAsync(), 404)).GetProperty("code").GetString());
        // A concern is not a proposal.
        var concern = await app.RaiseAsync();
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/proposals/{concern}/history"); x.StatusCodeShouldBe(404); });
        Assert.Equal(before + 1, await app.EventCountAsync());
    }

    [Fact]
    public async Task A_retried_support_that_crossed_the_threshold_replays_its_answer_and_stores_nothing_new()
    {
        var city = await app.CityWithThresholdAsync(threshold: 1);
        var id = await app.SubmitAsync(city);
        var resident = await app.ResidentAsync(city);
        var key = Guid.NewGuid().ToString();
        Task<IScenarioResult> Support() => app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/cities/{city}/proposals/{id}/supports");
            x.As(resident);
            x.WithRequestHeader("Idempotency-Key", key);
            x.StatusCodeShouldBeOk();
        });

        var first = await Support();
        var before = await app.EventCountAsync();
        var retry = await Support();

        Assert.Equal(await first.ReadAsTextAsync(), await retry.ReadAsTextAsync());
        Assert.True(Json.Parse(await retry.ReadAsTextAsync()).GetProperty("changed").GetBoolean());
        Assert.Equal(before, await app.EventCountAsync());
        Assert.Equal(1, await app.EventsOfAsync<Platform.Domain.Proposals.ProposalThresholdReached>(id, city));
    }

    private async Task<System.Text.Json.JsonElement> SupportRefusedAsync(Guid id, Actor resident, int status, string city = "york")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/cities/{city}/proposals/{id}/supports");
            x.As(resident);
            x.StatusCodeShouldBe(status);
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    private async Task<System.Text.Json.JsonElement> HistoryAsync(Guid id, string city = "york")
    {
        var result = await app.Host.Scenario(x => { x.Get.Url($"/api/cities/{city}/proposals/{id}/history"); x.StatusCodeShouldBeOk(); });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    private async Task<System.Text.Json.JsonElement> ListAsync(string city, string query)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url($"/api/cities/{city}/proposals?{query}"); x.StatusCodeShouldBeOk(); });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    private async Task<Guid[]> IdsAsync(string city, string query) =>
        (await ListAsync(city, query)).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToArray();
}
