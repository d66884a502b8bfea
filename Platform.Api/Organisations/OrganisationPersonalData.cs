using Platform.Domain.Organisations;
using Platform.Projections.Organisations;

namespace Platform.Api.Organisations;

/// <summary>One organisation a person acts for, as their data export lists it.</summary>
public sealed record OrganisationMembership(string City, Guid OrganisationId, string Organisation, OrganisationStatus Status, DateTimeOffset Since);

/// <summary>
/// A person's memberships of organisations, exported and erased with their account (<see cref="PersonalData"/>). The
/// organisation's own texts (its name, description, shadow reports) are the organisation's, not the member's: they stay.
/// Erasure masks the member's id and name in the membership events and builds the organisation's state and view again,
/// so the person is no member any longer and its history reads <see cref="OrganisationRules.ErasedMemberName"/>.
/// </summary>
public static class OrganisationPersonalData
{
    /// <summary>The masking rules of the membership events (registered with the event store beside the others).</summary>
    public static void AddPrivacyMasking(StoreOptions opts)
    {
        opts.Events.AddMaskingRuleForProtectedInformation<OrganisationMemberAdded>(e => e with { AccountId = Guid.Empty, Name = OrganisationRules.ErasedMemberName });
        opts.Events.AddMaskingRuleForProtectedInformation<OrganisationMemberRemoved>(e => e with { AccountId = Guid.Empty });
    }

    public static async Task<IReadOnlyList<OrganisationMembership>> ExportAsync(IQuerySession session, Guid accountId, CancellationToken cancellation) =>
        (await session.Query<OrganisationView>().Where(o => o.AnyTenant()).ToListAsync(cancellation))
            .SelectMany(o => o.Members.Where(m => m.AccountId == accountId)
                .Select(m => new OrganisationMembership(o.City, o.Id, o.Name, o.Status, m.Since)))
            .OrderBy(m => m.Since).ToList();

    public static async Task EraseAsync(IDocumentStore store, NpgsqlDataSource database, string schema, Guid accountId, CancellationToken cancellation)
    {
        var streams = new List<(string City, Guid Stream)>();
        await using (var command = database.CreateCommand(
                         $"select distinct tenant_id, stream_id from {schema}.mt_events where type in ('organisation_member_added', 'organisation_member_removed') " +
                         "and data ->> 'accountId' = $1"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = accountId.ToString() });
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation)) streams.Add((reader.GetString(0), reader.GetGuid(1)));
        }
        foreach (var city in streams.GroupBy(s => s.City))
        {
            await store.Advanced.ApplyEventDataMasking(masking =>
            {
                masking.ForTenant(city.Key);
                foreach (var (_, stream) in city)
                    masking.IncludeStream(stream, e => e.Data is OrganisationMemberAdded { AccountId: var added } && added == accountId
                                                       || e.Data is OrganisationMemberRemoved { AccountId: var removed } && removed == accountId);
            }, cancellation);
            foreach (var (_, stream) in city)
            {
                await store.Advanced.RebuildSingleStreamAsync<OrganisationView>(stream, city.Key, cancellation);
                await store.Advanced.RebuildSingleStreamAsync<Organisation>(stream, city.Key, cancellation);
            }
        }
    }
}
