namespace Platform.Tests.Organisations;

/// <summary>
/// Organisations through the API against real PostgreSQL: registration, verification by the city's officials or the
/// network, declination and suspension, the role its members hold while it is verified, and concerns raised on its behalf.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class OrganisationTests(AppFixture app)
{
    [Fact]
    public async Task A_registered_organisation_waits_unseen_by_the_public_until_an_official_verifies_it_then_its_founder_acts_for_it()
    {
        var city = await app.NewCityAsync();
        var (id, founder) = await app.RegisterOrganisationAsync(city);

        Assert.Equal(404, (await app.GetAsync($"/api/cities/{city}/organisations/{id}")).Status);
        Assert.Empty((await app.GetAsync($"/api/cities/{city}/organisations")).Body.EnumerateArray());
        var own = (await app.GetAsync($"/api/cities/{city}/organisations/{id}", founder)).Body;
        Assert.Equal("pending", own.GetProperty("status").GetString());
        Assert.True(own.GetProperty("youAreMember").GetBoolean());
        Assert.Equal(founder.Id, own.GetProperty("members")[0].GetProperty("accountId").GetGuid());
        Assert.False(await app.HoldsAsync(founder, city, CityRole.Organisation));

        var official = await app.AccountAsync(city, CityRole.Official);
        var queue = (await app.GetAsync($"/api/cities/{city}/organisations?status=pending", official)).Body;
        Assert.Equal(id, Assert.Single(queue.EnumerateArray()).GetProperty("id").GetGuid());
        var verified = await app.PostAsync($"/api/cities/{city}/organisations/{id}/verification", null, official, 200);

        Assert.Equal("verified", verified.GetProperty("status").GetString());
        Assert.True(await app.HoldsAsync(founder, city, CityRole.Organisation));
        var listed = Assert.Single((await app.GetAsync($"/api/cities/{city}/organisations")).Body.EnumerateArray());
        Assert.Equal("York Disability Forum", listed.GetProperty("name").GetString());
        var seen = (await app.GetAsync($"/api/cities/{city}/organisations/{id}")).Body;
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("members").ValueKind);
        Assert.DoesNotContain("Test person", seen.GetRawText());
    }

    [Fact]
    public async Task A_network_administrator_verifies_an_organisation_of_any_city()
    {
        var city = await app.NewCityAsync();
        var (id, founder) = await app.RegisterOrganisationAsync(city);
        await app.PostAsync($"/api/cities/{city}/organisations/{id}/verification", null, await app.NetworkAdministratorAsync(), 200);
        Assert.True(await app.HoldsAsync(founder, city, CityRole.Organisation));
    }

    [Fact]
    public async Task An_official_of_another_city_a_resident_and_the_founder_cannot_verify_and_nothing_is_stored()
    {
        var city = await app.NewCityAsync();
        var other = await app.NewCityAsync();
        var (id, founder) = await app.RegisterOrganisationAsync(city);
        var before = await app.EventCountAsync();

        await app.PostAsync($"/api/cities/{city}/organisations/{id}/verification", null, await app.AccountAsync(other, CityRole.Official), 403);
        await app.PostAsync($"/api/cities/{city}/organisations/{id}/verification", null, founder, 403);
        await app.PostAsync($"/api/cities/{city}/organisations/{id}/verification", null, null, 401);
        // Their own city's route, naming this city's organisation: not theirs to find.
        await app.PostAsync($"/api/cities/{other}/organisations/{id}/verification", null, await app.AccountAsync(other, CityRole.Official), 404);

        Assert.Equal(before, await app.EventCountAsync());
        Assert.False(await app.HoldsAsync(founder, city, CityRole.Organisation));
    }

    [Fact]
    public async Task A_declined_registration_shows_its_reason_to_its_members_and_stays_off_the_public_list()
    {
        var city = await app.NewCityAsync();
        var (id, founder) = await app.RegisterOrganisationAsync(city);
        var official = await app.AccountAsync(city, CityRole.Official);
        var before = await app.EventCountAsync();
        var refused = await app.PostAsync($"/api/cities/{city}/organisations/{id}/declination", new { reason = " " }, official, 400);
        Assert.True(refused.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(before, await app.EventCountAsync());

        await app.PostAsync($"/api/cities/{city}/organisations/{id}/declination", new { reason = "It works in Leeds, not here." }, official, 200);
        var own = (await app.GetAsync($"/api/cities/{city}/organisations/{id}", founder)).Body;
        Assert.Equal(("declined", "It works in Leeds, not here."), (own.GetProperty("status").GetString(), own.GetProperty("statusReason").GetString()));
        Assert.Empty((await app.GetAsync($"/api/cities/{city}/organisations")).Body.EnumerateArray());
        await app.PostAsync($"/api/cities/{city}/organisations/{id}/verification", null, official, 409);
    }

    [Fact]
    public async Task A_suspended_organisations_members_lose_the_role_and_can_no_longer_raise_on_its_behalf_until_it_is_verified_again()
    {
        var city = await app.NewCityAsync();
        var (id, member) = await app.VerifiedOrganisationAsync(city);
        var colleague = await app.ResidentAsync(city);
        var email = $"{colleague.Id:N}@test.invalid";
        await app.PostAsync($"/api/cities/{city}/organisations/{id}/members", new { email = email.ToUpperInvariant() }, member, 200);
        Assert.True(await app.HoldsAsync(colleague, city, CityRole.Organisation));

        var official = await app.AccountAsync(city, CityRole.Official);
        await app.PostAsync($"/api/cities/{city}/organisations/{id}/suspension", new { reason = "Published a resident's home address." }, official, 200);
        Assert.False(await app.HoldsAsync(member, city, CityRole.Organisation));
        Assert.False(await app.HoldsAsync(colleague, city, CityRole.Organisation));
        var before = await app.EventCountAsync();
        await app.PostAsync($"/api/cities/{city}/organisations/{id}/concerns", OnBehalf(), member, 403);
        Assert.Equal(before, await app.EventCountAsync());
        Assert.Equal("suspended", (await app.GetAsync($"/api/cities/{city}/organisations/{id}")).Body.GetProperty("status").GetString());

        await app.PostAsync($"/api/cities/{city}/organisations/{id}/verification", null, official, 200);
        Assert.True(await app.HoldsAsync(colleague, city, CityRole.Organisation));
        await app.PostAsync($"/api/cities/{city}/organisations/{id}/concerns", OnBehalf(), colleague, 201);
    }

    [Fact]
    public async Task A_member_removed_from_one_verified_organisation_keeps_the_role_while_in_another_and_loses_it_when_in_none()
    {
        var city = await app.NewCityAsync();
        var (first, founder) = await app.VerifiedOrganisationAsync(city);
        var (second, _) = await app.RegisterOrganisationAsync(city, founder, OrganisationApi.Body("Older People's Assembly", groups: "older-people"));
        await app.PostAsync($"/api/cities/{city}/organisations/{second}/verification", null, await app.NetworkAdministratorAsync(), 200);
        var colleague = await app.ResidentAsync(city);
        foreach (var organisation in new[] { first, second })
            await app.PostAsync($"/api/cities/{city}/organisations/{organisation}/members", new { email = $"{colleague.Id:N}@test.invalid" }, founder, 200);
        Assert.True(await app.HoldsAsync(colleague, city, CityRole.Organisation));

        await app.Host.Scenario(x => { x.Delete.Url($"/api/cities/{city}/organisations/{first}/members/{colleague.Id}"); x.As(founder); x.StatusCodeShouldBeOk(); });
        Assert.True(await app.HoldsAsync(colleague, city, CityRole.Organisation)); // still a member of the second
        await app.Host.Scenario(x => { x.Delete.Url($"/api/cities/{city}/organisations/{second}/members/{colleague.Id}"); x.As(colleague); x.StatusCodeShouldBeOk(); });
        Assert.False(await app.HoldsAsync(colleague, city, CityRole.Organisation));
        // The last member stays, so that someone still acts for the organisation.
        await app.Host.Scenario(x => { x.Delete.Url($"/api/cities/{city}/organisations/{first}/members/{founder.Id}"); x.As(founder); x.StatusCodeShouldBe(422); });
    }

    [Fact]
    public async Task Nobody_raises_on_behalf_of_a_waiting_organisation_nor_of_one_they_are_no_member_of()
    {
        var city = await app.NewCityAsync();
        var (pending, founder) = await app.RegisterOrganisationAsync(city);
        var (verified, _) = await app.VerifiedOrganisationAsync(city);
        // A member of another verified organisation holds the role, yet does not act for this one.
        var (_, otherMember) = await app.VerifiedOrganisationAsync(city);
        var before = await app.EventCountAsync();

        await app.PostAsync($"/api/cities/{city}/organisations/{pending}/concerns", OnBehalf(), founder, 403);
        await app.PostAsync($"/api/cities/{city}/organisations/{verified}/concerns", OnBehalf(), otherMember, 403);
        await app.PostAsync($"/api/cities/{city}/organisations/{verified}/concerns", OnBehalf(), await app.AccountAsync(city, CityRole.Official), 403);
        Assert.Equal(before, await app.EventCountAsync());
    }

    private static object OnBehalf(string group = "disability") => new
    {
        title = "No ramp at Acomb library",
        description = "Wheelchair users cannot get in.",
        rights = new[] { "disability-inclusion" },
        district = "Acomb",
        group,
    };

    [Fact]
    public async Task A_concern_raised_on_behalf_shows_the_organisation_and_group_in_the_list_and_page_and_residents_support_it_as_any_other()
    {
        var city = await app.NewCityAsync();
        var (id, member) = await app.VerifiedOrganisationAsync(city);
        var concern = (await app.PostAsync($"/api/cities/{city}/organisations/{id}/concerns", OnBehalf(), member, 201)).GetProperty("id").GetGuid();

        var shown = await app.GetConcernAsync(concern, city);
        var onBehalf = shown.GetProperty("onBehalf");
        Assert.Equal((id, "York Disability Forum", "disability"),
            (onBehalf.GetProperty("organisationId").GetGuid(), onBehalf.GetProperty("organisationName").GetString(), onBehalf.GetProperty("group").GetString()));
        Assert.False(shown.GetProperty("anonymous").GetBoolean());
        var listed = (await app.GetAsync($"/api/cities/{city}/concerns")).Body.GetProperty("items")[0];
        Assert.Equal("York Disability Forum", listed.GetProperty("onBehalf").GetProperty("organisationName").GetString());

        var supported = await app.SupportAsync(concern, await app.ResidentAsync(city), city);
        Assert.True(supported.GetProperty("changed").GetBoolean());
        Assert.Equal(1, (await app.GetConcernAsync(concern, city)).GetProperty("supports").GetInt64());

        var page = await app.GetTextAsync($"/cities/{city}/concerns/{concern}");
        Assert.Contains("Raised on behalf of", page);
        Assert.Contains("York Disability Forum", page);
        Assert.Contains("People with disabilities", page);
        var history = await app.GetTextAsync($"/api/cities/{city}/concerns/{concern}/history");
        Assert.Contains("raised-on-behalf", history);
    }

    [Fact]
    public async Task A_concern_on_behalf_names_a_group_the_organisation_speaks_for_and_is_checked_as_any_concern()
    {
        var city = await app.NewCityAsync();
        var (id, member) = await app.VerifiedOrganisationAsync(city);
        var before = await app.EventCountAsync();
        var refused = await app.PostAsync($"/api/cities/{city}/organisations/{id}/concerns", new { title = "", rights = new[] { "housing" }, group = "women" }, member, 400);
        Assert.True(refused.GetProperty("errors").TryGetProperty("group", out _));
        Assert.True(refused.GetProperty("errors").TryGetProperty("title", out _));
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task A_member_adds_an_account_by_email_and_an_unknown_address_is_refused_naming_email()
    {
        var city = await app.NewCityAsync();
        var (id, founder) = await app.RegisterOrganisationAsync(city);
        var before = await app.EventCountAsync();
        var unknown = await app.PostAsync($"/api/cities/{city}/organisations/{id}/members", new { email = "nobody@nowhere.invalid" }, founder, 422);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("email", out _));
        await app.PostAsync($"/api/cities/{city}/organisations/{id}/members", new { email = $"{founder.Id:N}@test.invalid" }, await app.ResidentAsync(city), 403);
        Assert.Equal(before, await app.EventCountAsync());

        var colleague = await app.ResidentAsync(city);
        var added = await app.PostAsync($"/api/cities/{city}/organisations/{id}/members", new { email = $"{colleague.Id:N}@test.invalid" }, founder, 200);
        Assert.Equal(2, added.GetProperty("members").GetArrayLength());
        Assert.False(await app.HoldsAsync(colleague, city, CityRole.Organisation)); // not before the organisation is verified
    }

    public static TheoryData<string, string> RefusedRegistrations => new()
    {
        { """{"kind":"civil-society","description":"d"}""", "name" },
        { $$"""{"name":"{{new string('n', 201)}}","kind":"civil-society","description":"d"}""", "name" },
        { """{"name":"n","kind":"party","description":"d"}""", "kind" },
        { """{"name":"n","kind":"civil-society"}""", "description" },
        { """{"name":"n","kind":"civil-society","description":"d","website":"ftp://example.org"}""", "website" },
        { """{"name":"n","kind":"civil-society","description":"d","groups":["women","giants"]}""", "groups[1]" },
        { """{"name":"n","kind":"civil-society","description":"d","groups":"women"}""", "$.groups" },
        { """{"name":["n"],"kind":"civil-society","description":"d"}""", "$.name" },
        { "null", "$" },
        { """{"name":"n","kind":"civil-society","description":"d","city":"leeds","id":"0193a000-0000-7000-8000-000000000001","groups":[null]}""", "groups[0]" },
    };

    [Theory, MemberData(nameof(RefusedRegistrations))]
    public async Task A_refused_registration_is_a_problem_naming_the_field_and_stores_nothing(string body, string field)
    {
        var resident = await app.ResidentAsync();
        var before = await app.EventCountAsync();
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Text(body).ToUrl("/api/cities/york/organisations");
            x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
            x.As(resident);
            x.StatusCodeShouldBe(400);
        });
        await ProblemAssert.NamesAsync(result, 400, field);
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task Only_the_citys_officials_and_network_administrators_list_organisations_that_are_not_verified()
    {
        var city = await app.NewCityAsync();
        await app.RegisterOrganisationAsync(city);
        Assert.Equal(403, (await app.GetAsync($"/api/cities/{city}/organisations?status=pending", await app.ResidentAsync(city))).Status);
        Assert.Equal(403, (await app.GetAsync($"/api/cities/{city}/organisations?status=pending")).Status);
        var wrong = await app.Host.Scenario(x => { x.Get.Url($"/api/cities/{city}/organisations?status=dissolved"); x.StatusCodeShouldBe(400); });
        await ProblemAssert.NamesAsync(wrong, 400, "status");
        Assert.Single((await app.GetAsync($"/api/cities/{city}/organisations?status=pending", await app.NetworkAdministratorAsync())).Body.EnumerateArray());
    }
}
