using Platform.Domain.Concerns;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Scorecards;
using Platform.Projections.Scorecards;

namespace Platform.Tests.Scorecards;

/// <summary>Concern and support events fed straight into a city's store; the board, as its reader shows it, asserted exactly.</summary>
[Collection(IntegrationCollection.Name)]
public class ConcernBoardProjectionTests(AppFixture app)
{
    private static readonly DateTimeOffset Jan1 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid Someone = Guid.CreateVersion7();

    private static (Guid, object[]) Raise(Guid id, string title, string[] rights, string? district, int day, params object[] then) =>
        (id, [new ConcernRaised(id, title, "", rights, [], district, Someone, false, Jan1.AddDays(day)), .. then]);

    private static (Guid, object[]) Support(Guid concern, Guid resident, bool withdraw = false) =>
        (PersonalStream.Id(concern, resident), withdraw
            ? [new ConcernSupported(concern, resident, Jan1.AddDays(5)), new ConcernSupportWithdrawn(concern, resident, Jan1.AddDays(6))]
            : [new ConcernSupported(concern, resident, Jan1.AddDays(5))]);

    [Fact]
    public async Task The_board_ranks_visible_open_concerns_by_support_and_counts_them_by_right_and_district()
    {
        var city = await app.NewCityAsync();
        Guid b1 = Guid.CreateVersion7(), b2 = Guid.CreateVersion7(), b3 = Guid.CreateVersion7(), resolved = Guid.CreateVersion7(),
            hidden = Guid.CreateVersion7(), restored = Guid.CreateVersion7();
        var residents = Enumerable.Range(0, 3).Select(_ => Guid.CreateVersion7()).ToArray();

        var version = await app.AppendAsync(city,
            Raise(b1, "Flooded underpass", ["mobility", "housing"], "North", 1),
            Raise(b2, "Evictions", ["housing"], "south", 2, new ConcernAnswered(b2, Someone, "Working on it", Jan1.AddDays(3))),
            Raise(b3, "School meals", ["education"], null, 3),
            Raise(resolved, "Broken lift", ["housing"], "North", 0, new ConcernResolved(resolved, Someone, null, Jan1.AddDays(4))),
            Raise(hidden, "Spam", ["housing"], "North", 0, new ConcernHidden(hidden, Someone, "Spam", Jan1.AddDays(4))),
            Raise(restored, "Dry taps", ["water"], "Centre", 4,
                new ConcernHidden(restored, Someone, "Check", Jan1.AddDays(5)), new ConcernRestored(restored, Someone, "Fine", Jan1.AddDays(6))),
            Support(b2, residents[0]), Support(b2, residents[1]), Support(b2, residents[2]),
            Support(b1, residents[0]), Support(b1, residents[1], withdraw: true), Support(b1, residents[2]),
            Support(restored, residents[0]), Support(restored, residents[1]),
            Support(hidden, residents[0]), Support(hidden, residents[1]), Support(hidden, residents[2]),
            Support(resolved, residents[0]));

        var board = await app.WaitForAsync<ConcernBoard>(city, version, b => b.Version);
        Assert.Equal(version, board.Version);

        var reader = app.Host.Services.GetRequiredService<ConcernBoardReader>();
        await using var session = app.Store.QuerySession();
        var figures = (await reader.BoardAsync(session, city, 50, CancellationToken.None))!;
        Assert.Equal(version, figures.Version);
        Assert.Equal(4, figures.OpenConcerns);
        Assert.Equal([b2, b1, restored, b3], figures.Top.Select(c => c.Id));
        Assert.Equal([3L, 2L, 2L, 0L], figures.Top.Select(c => c.Supports));
        Assert.Equal(ConcernStatus.Answered, figures.Top[0].Status);
        Assert.Equal(new Dictionary<string, int> { ["education"] = 1, ["housing"] = 2, ["mobility"] = 1, ["water"] = 1 }, figures.ByRight);
        Assert.Equal(new Dictionary<string, int> { ["Centre"] = 1, ["North"] = 1, ["south"] = 1 }, figures.ByDistrict);
        Assert.Equal(1, figures.WithoutDistrict);

        Assert.Equal([b2, b1], (await reader.BoardAsync(session, city, 2, CancellationToken.None))!.Top.Select(c => c.Id));
    }
}
