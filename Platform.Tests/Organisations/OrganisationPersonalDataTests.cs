using Platform.Api.Accounts;

namespace Platform.Tests.Organisations;

/// <summary>A member's memberships are in their data export, and erasing their account removes them from the organisation and masks their name, not the organisation's own texts.</summary>
[Collection(IntegrationCollection.Name)]
public class OrganisationPersonalDataTests(AppFixture app)
{
    [Fact]
    public async Task A_members_export_lists_their_organisations_and_erasure_removes_the_membership_and_masks_their_name_in_the_history()
    {
        var city = await app.NewCityAsync();
        var (id, founder) = await app.VerifiedOrganisationAsync(city);
        var colleague = await app.ResidentAsync(city);
        await using (var session = app.Store.LightweightSession())
        {
            var account = (await session.LoadAsync<Account>(colleague.Id))!;
            account.DisplayName = "Zelda Quist";
            session.Store(account);
            await session.SaveChangesAsync();
        }
        await app.PostAsync($"/api/cities/{city}/organisations/{id}/members", new { email = $"{colleague.Id:N}@test.invalid" }, founder, 200);
        var year = DateTimeOffset.UtcNow.Year - 1;
        var report = await app.PublishShadowReportAsync(city, id, colleague, year);

        var export = (await app.GetAsync("/api/accounts/me/export", colleague)).Body;
        var membership = Assert.Single(export.GetProperty("organisations").EnumerateArray());
        Assert.Equal((city, id, "York Disability Forum"),
            (membership.GetProperty("city").GetString(), membership.GetProperty("organisationId").GetGuid(), membership.GetProperty("organisation").GetString()));
        Assert.Contains("Zelda Quist", (await app.GetAsync($"/api/cities/{city}/organisations/{id}", founder)).Body.GetRawText());

        await app.Host.Services.GetRequiredService<PersonalData>().EraseAsync(colleague.Id, CancellationToken.None);

        var after = (await app.GetAsync($"/api/cities/{city}/organisations/{id}", founder)).Body;
        Assert.DoesNotContain("Zelda Quist", after.GetRawText());
        Assert.Equal([founder.Id], after.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("accountId").GetGuid()));
        Assert.Contains(after.GetProperty("history").EnumerateArray(), h => h.GetProperty("details").GetString() == "[erased at the member's request]");
        // The organisation's own texts stay: its shadow report is the organisation's, not the member's.
        Assert.Equal("Housing is not getting better",
            (await app.GetAsync($"/api/cities/{city}/reports/{year}/shadow/{report}")).Body.GetProperty("current").GetProperty("text").GetProperty("title").GetString());
        await using var query = app.Store.QuerySession(city);
        Assert.DoesNotContain(colleague.Id, (await query.LoadAsync<Platform.Domain.Organisations.Organisation>(id))!.Members);
    }
}
