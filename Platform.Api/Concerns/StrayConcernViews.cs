using Platform.Projections.Concerns;

namespace Platform.Api.Concerns;

/// <summary>
/// An assisted consultation answer, recorded in the consultation's stream, used to make an empty <see cref="ConcernView"/>
/// under the consultation's id (shown as a concern without a title in the city's list). The projection makes none now;
/// at start-up this removes the ones already stored: every concern view whose stream holds no raised concern. A second
/// run finds nothing.
/// </summary>
public sealed class StrayConcernViews(IDocumentStore documents, NpgsqlDataSource database, PlatformOptions platform,
    ILogger<StrayConcernViews> logger) : OneTimeMigration(documents, logger)
{
    protected override string Name => "stray-concern-views";

    /// <summary>Removes every concern view no raised concern made; answers how many.</summary>
    public override async Task<int> MigrateAsync(CancellationToken cancellation)
    {
        var raised = ((DocumentStore)Store).Events.EventMappingFor(typeof(Platform.Domain.Concerns.ConcernRaised)).EventTypeName;
        await using var delete = database.CreateCommand(
            $"delete from {platform.Schema}.mt_doc_concernview v where not exists (select 1 from {platform.Schema}.mt_events e " +
            "where e.tenant_id = v.tenant_id and e.stream_id = v.id and e.type = $1)");
        delete.Parameters.Add(new NpgsqlParameter { Value = raised });
        return await delete.ExecuteNonQueryAsync(cancellation);
    }
}
