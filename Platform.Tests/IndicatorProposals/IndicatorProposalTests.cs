using Platform.Domain.Monitoring;

namespace Platform.Tests.IndicatorProposals;

/// <summary>
/// Co-created indicators through the API, in fresh cities: residents and organisations propose, residents support once,
/// officials put a proposal to a consultation and adopt it (the city's series names it as its origin) or decline it with
/// a reason; bad input, other cities' people and ids are refused and store nothing.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class IndicatorProposalTests(AppFixture app)
{
    [Fact]
    public async Task A_resident_proposes_residents_support_once_and_the_adopted_series_names_the_proposal_and_its_consultation()
    {
        var city = await app.NewCityAsync();
        var (author, supporter, official) = (await app.ResidentAsync(city), await app.ResidentAsync(city), await app.AccountAsync(city, CityRole.Official));
        var id = await app.ProposeAsync(city, author);

        var first = await app.PostAsync($"{IndicatorProposalApi.Url(city)}/{id}/supports", null, supporter, 200);
        var again = await app.PostAsync($"{IndicatorProposalApi.Url(city)}/{id}/supports", null, supporter, 200);
        Assert.True(first.GetProperty("changed").GetBoolean());
        Assert.False(again.GetProperty("changed").GetBoolean());
        var proposal = await app.ProposalAsync(city, id);
        Assert.Equal(1, proposal.GetProperty("supports").GetInt64());
        Assert.Equal("resident", proposal.GetProperty("by").GetString());
        Assert.Equal("open", proposal.GetProperty("status").GetString());
        Assert.False(proposal.TryGetProperty("authorId", out _)); // who proposed it is never shown

        var consultation = await app.DraftConsultationAsync(official, city);
        var consulted = await app.PostAsync($"{IndicatorProposalApi.Url(city)}/{id}/consultation", new { consultationId = consultation }, official, 200);
        Assert.Equal("inConsultation", consulted.GetProperty("status").GetString());
        Assert.Equal(consultation, consulted.GetProperty("consultationId").GetGuid());

        var adopted = await app.PostAsync($"{IndicatorProposalApi.Url(city)}/{id}/adoption", IndicatorProposalApi.Adoption("T-WAIT-1"), official, 200);
        Assert.Equal("adopted", adopted.GetProperty("status").GetString());
        Assert.Equal("T-WAIT-1", adopted.GetProperty("code").GetString());

        var (status, series) = await app.GetAsync($"/api/cities/{city}/indicators/T-WAIT-1");
        Assert.Equal(200, status);
        var details = series.GetProperty("series");
        Assert.True(details.GetProperty("local").GetBoolean());
        Assert.Equal("Households waiting more than a year for social housing", details.GetProperty("name").GetString());
        Assert.Equal(consultation, details.GetProperty("consultationId").GetGuid());
        var origin = details.GetProperty("origin");
        Assert.Equal("co-created", origin.GetProperty("kind").GetString());
        Assert.Equal(id, origin.GetProperty("proposalId").GetGuid());
        Assert.Equal("resident", origin.GetProperty("by").GetString());
        Assert.Equal($"/api/cities/{city}/indicator-proposals/{id}", origin.GetProperty("link").GetString());
        var (_, set) = await app.GetAsync($"/api/cities/{city}/indicators");
        Assert.Equal("co-created", set.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "T-WAIT-1")
            .GetProperty("origin").GetProperty("kind").GetString());

        // Decided: no more supports, no second adoption, no decline.
        var before = await app.EventCountAsync();
        await ProblemAssert.NamesAsync(await Send(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{id}/supports", null, await app.ResidentAsync(city), 422),
            422, "indicator-proposal-not-supportable");
        await Send(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{id}/adoption", IndicatorProposalApi.Adoption("T-WAIT-2"), official, 409);
        await Send(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{id}/decline", new { reason = "Changed our mind." }, official, 409);
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task An_organisation_proposes_a_local_variant_and_the_catalogue_shows_where_the_city_co_created_it()
    {
        var city = await app.NewCityAsync();
        var organisation = await app.AccountAsync(city, CityRole.Resident, CityRole.Organisation);
        var official = await app.AccountAsync(city, CityRole.Official);
        var id = await app.ProposeAsync(city, organisation, IndicatorProposalApi.Body("Turnout by ward, first-time voters apart", "participation", variantOf: "IND-068"));
        var proposal = await app.ProposalAsync(city, id);
        Assert.Equal("organisation", proposal.GetProperty("by").GetString());
        Assert.Equal("IND-068", proposal.GetProperty("variantOf").GetString());

        var code = $"T{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        await app.PostAsync($"{IndicatorProposalApi.Url(city)}/{id}/adoption", IndicatorProposalApi.Adoption(code, value: 41), official, 200);

        var (_, series) = await app.GetAsync($"/api/cities/{city}/indicators/{code}");
        Assert.Equal("organisation", series.GetProperty("series").GetProperty("origin").GetProperty("by").GetString());
        var (_, catalogue) = await app.GetAsync("/api/indicators/IND-068");
        var variant = catalogue.GetProperty("coCreated").EnumerateArray().Single(v => v.GetProperty("city").GetString() == city);
        Assert.Equal(code, variant.GetProperty("code").GetString());
        Assert.Equal(id, variant.GetProperty("proposalId").GetGuid());
        var (_, network) = await app.GetAsync("/api/indicators/IND-013");
        Assert.DoesNotContain(network.GetProperty("coCreated").EnumerateArray(), v => v.GetProperty("city").GetString() == city);
    }

    [Fact]
    public async Task An_official_declines_with_a_reason_and_a_decline_without_one_is_refused()
    {
        var city = await app.NewCityAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        var id = await app.ProposeAsync(city, await app.ResidentAsync(city));

        var before = await app.EventCountAsync();
        await ProblemAssert.NamesAsync(await Send(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{id}/decline", new { reason = " " }, official, 400), 400, "reason");
        Assert.Equal(before, await app.EventCountAsync());

        var declined = await app.PostAsync($"{IndicatorProposalApi.Url(city)}/{id}/decline", new { reason = "The register cannot say how long people wait." }, official, 200);
        Assert.Equal("declined", declined.GetProperty("status").GetString());
        Assert.Equal("The register cannot say how long people wait.", declined.GetProperty("declineReason").GetString());
        var (_, list) = await app.GetAsync($"{IndicatorProposalApi.Url(city)}?status=declined");
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    public static TheoryData<object, string> BadProposals => new()
    {
        { new { right = "housing", type = "outcome", unit = "%", source = "register", why = "why" }, "name" },
        { new { name = "n", right = "flying", type = "outcome", unit = "%", source = "register", why = "why" }, "right" },
        { new { name = "n", right = "housing", type = "impact", unit = "%", source = "register", why = "why" }, "type" },
        { new { name = "n", right = "housing", type = "outcome", source = "register", why = "why" }, "unit" },
        { new { name = "n", right = "housing", type = "outcome", unit = "%", why = "why" }, "source" },
        { new { name = "n", right = "housing", type = "outcome", unit = "%", source = "register", why = new string('w', 100_000) }, "why" },
        { new { name = new string('n', 5_000), right = "housing", type = "outcome", unit = "%", source = "register", why = "why" }, "name" },
        { new { name = "n", right = "housing", type = "outcome", unit = "%", source = "register", why = "why", variantOf = "IND-999" }, "variantOf" },
        { new { name = "n", right = "housing", type = "outcome", unit = "%", source = "register", why = "why", variantOf = PlatformIndicators.Received }, "variantOf" },
        { new { name = "n", right = "housing", type = "outcome", unit = "%", source = "register", why = "why", variantOf = new string('X', 5_000) }, "variantOf" },
    };

    [Theory, MemberData(nameof(BadProposals))]
    public async Task A_bad_proposal_is_a_400_naming_the_field_and_stores_nothing(object body, string field)
    {
        var before = await app.EventCountAsync();
        await ProblemAssert.NamesAsync(await Send(HttpMethod.Post, IndicatorProposalApi.Url("york"), body, await app.ResidentAsync(), 400), 400, field);
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task Another_citys_people_and_ids_are_refused_and_nothing_is_stored()
    {
        var city = await app.NewCityAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        var id = await app.ProposeAsync(city, await app.ResidentAsync(city));
        var elsewhere = await app.NewCityAsync();
        var theirProposal = await app.ProposeAsync(elsewhere, await app.ResidentAsync(elsewhere));
        var theirConsultation = await app.DraftConsultationAsync(await app.AccountAsync(elsewhere, CityRole.Official), elsewhere);
        var before = await app.EventCountAsync();

        await Send(HttpMethod.Post, IndicatorProposalApi.Url(city), IndicatorProposalApi.Body(), await app.ResidentAsync(elsewhere), 403);
        await Send(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{id}/supports", null, await app.ResidentAsync(elsewhere), 403);
        await Send(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{id}/adoption", IndicatorProposalApi.Adoption("T-ELSE"), await app.AccountAsync(elsewhere, CityRole.Official), 403);
        await Send(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{id}/decline", new { reason = "No." }, await app.AccountAsync(elsewhere, CityRole.Official), 403);
        await Send(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{id}/adoption", IndicatorProposalApi.Adoption("T-ELSE"), await app.ResidentAsync(city), 403);
        await Send(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{id}/decline", new { reason = "No." }, null, 401);
        // The other city's proposal is not found through this city's route, nor its consultation.
        await Send(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{theirProposal}/decline", new { reason = "No." }, official, 404);
        await Send(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{theirProposal}/supports", null, await app.ResidentAsync(city), 404);
        await ProblemAssert.NamesAsync(await Send(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{id}/consultation", new { consultationId = theirConsultation }, official, 400),
            400, "consultationId");
        Assert.Equal(before, await app.EventCountAsync());
        Assert.Equal(404, (await app.GetAsync($"{IndicatorProposalApi.Url(city)}/{theirProposal}")).Status);
    }

    [Fact]
    public async Task A_refused_adoption_names_the_field_and_leaves_the_proposal_open_and_the_set_unchanged()
    {
        var city = await app.NewCityAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        var id = await app.ProposeAsync(city, await app.ResidentAsync(city));
        var before = await app.EventCountAsync();

        await ProblemAssert.NamesAsync(await Send(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{id}/adoption",
            IndicatorProposalApi.Adoption("T-WAIT-3", period: "last year"), official, 400), 400, "baseline.period");
        await ProblemAssert.NamesAsync(await Send(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{id}/adoption",
            new { code = "T-WAIT-3", unitKind = "furlongs", direction = "decrease", baseline = new { period = "2025", value = 3 }, department = "Housing" }, official, 400),
            400, "unitKind");
        await ProblemAssert.NamesAsync(await Send(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{id}/adoption",
            IndicatorProposalApi.Adoption(PlatformIndicators.Resolved), official, 409), 409, "computed-by-platform");

        Assert.Equal(before, await app.EventCountAsync());
        Assert.Equal("open", (await app.ProposalAsync(city, id)).GetProperty("status").GetString());
        Assert.Equal(404, (await app.GetAsync($"/api/cities/{city}/indicators/T-WAIT-3")).Status);
    }

    [Fact]
    public async Task A_resident_withdraws_a_support_and_the_count_follows()
    {
        var city = await app.NewCityAsync();
        var id = await app.ProposeAsync(city, await app.ResidentAsync(city));
        var residents = await app.AccountsAsync(3, city, CityRole.Resident);
        foreach (var resident in residents) await app.PostAsync($"{IndicatorProposalApi.Url(city)}/{id}/supports", null, resident, 200);
        Assert.Equal(3, (await app.ProposalAsync(city, id)).GetProperty("supports").GetInt64());

        await Send(HttpMethod.Delete, $"{IndicatorProposalApi.Url(city)}/{id}/supports", null, residents[0], 200);
        Assert.Equal(2, (await app.ProposalAsync(city, id)).GetProperty("supports").GetInt64());
        var (_, list) = await app.GetAsync(IndicatorProposalApi.Url(city));
        Assert.Equal(2, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("supports").GetInt64());

        // Given again, it counts again.
        Assert.True((await app.PostAsync($"{IndicatorProposalApi.Url(city)}/{id}/supports", null, residents[0], 200)).GetProperty("changed").GetBoolean());
        Assert.Equal(3, (await app.ProposalAsync(city, id)).GetProperty("supports").GetInt64());
    }

    private async Task<IScenarioResult> Send(HttpMethod method, string url, object? body, Actor? actor, int status) =>
        await app.Host.Scenario(x =>
        {
            var send = method == HttpMethod.Delete ? x.Delete : x.Post;
            if (body is null) send.Url(url);
            else send.Json(body).ToUrl(url);
            if (actor is not null) x.As(actor);
            x.StatusCodeShouldBe(status);
        });
}
