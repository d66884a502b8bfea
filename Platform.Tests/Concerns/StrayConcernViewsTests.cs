using Platform.Api.Concerns;
using Platform.Projections.Concerns;

namespace Platform.Tests.Concerns;

/// <summary>
/// The empty concern views an assisted consultation answer used to make (under the consultation's id) are removed at
/// start-up; a concern's own view stays, and a second run finds nothing.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class StrayConcernViewsTests(AppFixture app)
{
    [Fact]
    public async Task Concern_views_no_raised_concern_made_are_removed_once_and_real_ones_stay()
    {
        var city = await app.NewCityAsync();
        var concern = await app.RaiseAsync(city, new { title = "Broken street lights", rights = new[] { "housing" } });
        var consultation = await app.OpenConsultationAsync(await app.OfficialAsync(city), city);
        await using (var session = app.Store.LightweightSession(city))
        {
            session.Store(new ConcernView { Id = consultation, AssistedSupports = 1 }); // as the projection used to store it
            await session.SaveChangesAsync();
        }

        var migration = app.Host.Services.GetRequiredService<StrayConcernViews>();
        Assert.True(await migration.MigrateAsync(CancellationToken.None) >= 1);
        await using (var query = app.Store.QuerySession(city))
        {
            Assert.Null(await query.LoadAsync<ConcernView>(consultation));
            Assert.Equal("Broken street lights", (await query.LoadAsync<ConcernView>(concern))!.Title);
        }
        Assert.Equal(0, await migration.MigrateAsync(CancellationToken.None));
    }
}
