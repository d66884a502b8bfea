using Platform.Domain.Concerns;
using Platform.Domain.Consultations;
using Platform.Domain.Proposals;
using Platform.Domain.TownHalls;
using Platform.Projections.Participation;

namespace Platform.Api.Participation;

/// <summary>
/// Write-side snapshots stored before items said whether they are open to participation lack <c>openToParticipation</c>,
/// so the participation gate would find every such item closed. At start-up, each such snapshot is built again from its
/// events (the domain then writes the condition); a second run finds none.
/// </summary>
public sealed class OpenToParticipationSnapshots(IDocumentStore documents, NpgsqlDataSource database, PlatformOptions platform,
    ILogger<OpenToParticipationSnapshots> logger) : OneTimeMigration(documents, logger)
{
    protected override string Name => "snapshots-open-to-participation";

    public override async Task<int> MigrateAsync(CancellationToken cancellation) =>
        await RebuildAsync<Concern>(cancellation) + await RebuildAsync<Proposal>(cancellation)
        + await RebuildAsync<TownHall>(cancellation) + await RebuildAsync<Consultation>(cancellation);

    private async Task<int> RebuildAsync<TItem>(CancellationToken cancellation) where TItem : class
    {
        var found = new List<(string City, Guid Id)>();
        await using (var query = database.CreateCommand(
            $"select tenant_id, id from {platform.Schema}.{ParticipationGate.Table<TItem>()} where not jsonb_exists(data, 'openToParticipation')"))
        await using (var reader = await query.ExecuteReaderAsync(cancellation))
            while (await reader.ReadAsync(cancellation))
                found.Add((reader.GetString(0), reader.GetGuid(1)));
        foreach (var (city, id) in found)
            await Store.Advanced.RebuildSingleStreamAsync<TItem>(id, city, cancellation);
        return found.Count;
    }
}
