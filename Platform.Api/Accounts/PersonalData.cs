using System.Text.Json;
using Platform.Api.Following;
using Platform.Domain.Concerns;
using Platform.Domain.Consultations;
using Platform.Domain.Proposals;
using Platform.Domain.TownHalls;
using Platform.Projections.Scorecards;
using Platform.Projections.Concerns;
using Platform.Projections.Consultations;
using Platform.Projections.Proposals;

namespace Platform.Api.Accounts;

/// <summary>Everything the platform holds on one person, as they can download it (<c>GET /api/accounts/me/export</c>).</summary>
public sealed record PersonalDataExport(
    DateTimeOffset ExportedAt,
    AccountDetails Account,
    DateTimeOffset CreatedAt,
    IReadOnlyList<FollowedRecord> Follows,
    IReadOnlyList<ActivityRecord> Activity)
{
    /// <summary>The notices the person received (their inbox) and their notification settings.</summary>
    public IReadOnlyList<Platform.Api.Notifications.Notice> Notices { get; init; } = [];
    public Platform.Api.Notifications.NotificationPreferences? NotificationPreferences { get; init; }
    /// <summary>The person's participation profile (docs/participation.md), <c>given: false</c> when they have none.</summary>
    public EqualParticipation.ProfileDetails ParticipationProfile { get; init; } = EqualParticipation.ProfileDetails.None;
    /// <summary>The organisations the person acts for (docs/organisations.md).</summary>
    public IReadOnlyList<Platform.Api.Organisations.OrganisationMembership> Organisations { get; init; } = [];
}

/// <summary>An item the person follows or stopped following.</summary>
public sealed record FollowedRecord(string City, FollowedKind Kind, Guid ItemId, bool Following, DateTimeOffset ChangedAt);

/// <summary>One thing the person did, as the event store recorded it: raised, submitted, supported, withdrew, voted, answered.</summary>
public sealed record ActivityRecord(string City, string Kind, Guid StreamId, DateTimeOffset At, JsonElement Data);

/// <summary>
/// A person's data, found and erased. What they did is found in the event store by their account id (what they raised
/// or submitted under their name) and by their pseudonym (what they raised anonymously, supported, voted and answered:
/// see <see cref="Pseudonyms"/>), what they follow in their follow records.
/// <para>
/// Erasure keeps every count exact and removes the person: the account document is deleted, and every token and cookie
/// of it stops working on every node (an erasure mark makes every node check older tickets against their account); the events they wrote are masked in place with
/// Marten's data-protection masking (<see cref="AddPrivacyMasking"/>): the text of what they raised or submitted and
/// their id in every support, vote and answer; the views built from those events are built again from the masked
/// events; consultation answers lose their free text and their link to the person; follow records, notices and
/// notification settings are deleted; so is the participation profile (a document under the pseudonym, never events).
/// </para>
/// </summary>
public sealed class PersonalData(IDocumentStore store, NpgsqlDataSource database, PlatformOptions platform, AccountDirectory accounts,
    RoleChangeLog roleChanges, Pseudonyms pseudonyms, TimeProvider clock)
{
    /// <summary>What an erased concern's or proposal's title says instead.</summary>
    public const string ErasedTitle = "[erased at the author's request]";

    /// <summary>The masking rules, one per event type that carries personal data (registered with the event store).</summary>
    public static void AddPrivacyMasking(StoreOptions opts)
    {
        opts.Events.AddMaskingRuleForProtectedInformation<ConcernRaised>(e => e with { Title = ErasedTitle, Description = "", District = null, AuthorId = Guid.Empty });
        opts.Events.AddMaskingRuleForProtectedInformation<ProposalSubmitted>(e => e with { Title = ErasedTitle, Description = "", District = null, AuthorId = Guid.Empty });
        opts.Events.AddMaskingRuleForProtectedInformation<ConcernSupported>(e => e with { ResidentId = Guid.Empty });
        opts.Events.AddMaskingRuleForProtectedInformation<ConcernSupportWithdrawn>(e => e with { ResidentId = Guid.Empty });
        opts.Events.AddMaskingRuleForProtectedInformation<ProposalSupported>(e => e with { ResidentId = Guid.Empty });
        opts.Events.AddMaskingRuleForProtectedInformation<ProposalSupportWithdrawn>(e => e with { ResidentId = Guid.Empty });
        opts.Events.AddMaskingRuleForProtectedInformation<TownHallVoteCast>(e => e with { ResidentId = Guid.Empty });
        // A proposed indicator: the proposer's words and id; the name stays when the city adopted it (its series carries it).
        opts.Events.AddMaskingRuleForProtectedInformation<Platform.Domain.IndicatorProposals.IndicatorProposed>(e => e with { Why = ErasedTitle, AuthorId = Guid.Empty });
        opts.Events.AddMaskingRuleForProtectedInformation<Platform.Domain.IndicatorProposals.IndicatorProposalSupported>(e => e with { ResidentId = Guid.Empty });
        opts.Events.AddMaskingRuleForProtectedInformation<Platform.Domain.IndicatorProposals.IndicatorProposalSupportWithdrawn>(e => e with { ResidentId = Guid.Empty });
        // A contest or escalation is masked only where its own author's erasure includes it (see EraseAsync): its words and pseudonym.
        opts.Events.AddMaskingRuleForProtectedInformation<ConcernContested>(e => e with { ContestedBy = Guid.Empty, Reason = ErasedTitle });
        opts.Events.AddMaskingRuleForProtectedInformation<ConcernEscalated>(e => e with { EscalatedBy = Guid.Empty, Reason = ErasedTitle });
        opts.Events.AddMaskingRuleForProtectedInformation<ConcernReopened>(e => e with { Reason = ErasedTitle });
        opts.Events.AddMaskingRuleForProtectedInformation<ConsultationResponseSubmitted>(e => e with
        {
            ResidentId = Guid.Empty,
            Answers = e.Answers.Select(a => a with { Text = a.Text is null ? null : "" }).ToArray(),
        });
    }

    public async Task<PersonalDataExport?> ExportAsync(Guid accountId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var account = await session.LoadAsync<Account>(accountId, cancellation);
        if (account is null) return null;
        var follows = await session.Query<Follow>().Where(f => f.AnyTenant() && f.ResidentId == accountId).ToListAsync(cancellation);
        return new PersonalDataExport(clock.GetUtcNow(), AccountHandler.ToResponse(account), account.CreatedAt,
            follows.OrderBy(f => f.ChangedAt).Select(f => new FollowedRecord(f.City, f.Kind, f.ItemId, f.Following, f.ChangedAt)).ToList(),
            await ActivityAsync(accountId, cancellation))
        {
            Notices = await session.Query<Platform.Api.Notifications.Notice>().Where(n => n.AccountId == accountId).OrderBy(n => n.At).ToListAsync(cancellation),
            NotificationPreferences = await session.LoadAsync<Platform.Api.Notifications.NotificationPreferences>(accountId, cancellation),
            ParticipationProfile = EqualParticipation.ProfileDetails.Of(
                await session.LoadAsync<Platform.Domain.EqualParticipation.ParticipationProfile>(pseudonyms.Of(accountId), cancellation)),
            Organisations = await Platform.Api.Organisations.OrganisationPersonalData.ExportAsync(session, accountId, cancellation),
        };
    }

    /// <summary>Erases the person as described on the class; idempotent (a second call finds nothing more to erase).</summary>
    public async Task EraseAsync(Guid accountId, CancellationToken cancellation)
    {
        var activity = await ActivityAsync(accountId, cancellation);
        var ids = new HashSet<Guid> { accountId, pseudonyms.Of(accountId) };
        foreach (var city in activity.GroupBy(a => a.City))
        {
            // What they wrote in their own streams and what they raised; a concern's stream also holds other people's
            // contests and escalations, which stay.
            var streams = city.Where(a => a.Kind is not (ContestKind or EscalationKind)).Select(a => a.StreamId).Distinct().ToList();
            await store.Advanced.ApplyEventDataMasking(masking =>
            {
                masking.ForTenant(city.Key);
                foreach (var stream in streams) masking.IncludeStream(stream, e => e.Data is not (ConcernContested or ConcernEscalated or ConcernReopened));
            }, cancellation);
            // Their own contests and escalations, and the reopening their contest made (same moment, same words).
            var contested = city.Where(a => a.Kind is ContestKind or EscalationKind).Select(a => a.StreamId).Distinct().ToList();
            if (contested.Count > 0)
                await store.Advanced.ApplyEventDataMasking(masking =>
                {
                    masking.ForTenant(city.Key);
                    var theirContests = city.Where(a => a.Kind == ContestKind)
                        .Select(a => (a.Data.GetProperty("contestedAt").GetDateTimeOffset(), a.Data.GetProperty("reason").GetString())).ToHashSet();
                    foreach (var stream in contested)
                        masking.IncludeStream(stream, e => e.Data switch
                        {
                            ConcernContested c => ids.Contains(c.ContestedBy),
                            ConcernEscalated x => ids.Contains(x.EscalatedBy),
                            ConcernReopened r => theirContests.Contains((r.ReopenedAt, r.Reason)),
                            _ => false,
                        });
                }, cancellation);
            foreach (var stream in contested.Except(city.Where(a => a.Kind == "concern_raised").Select(a => a.StreamId)))
            {
                await store.Advanced.RebuildSingleStreamAsync<ConcernView>(stream, city.Key, cancellation);
                await store.Advanced.RebuildSingleStreamAsync<Concern>(stream, city.Key, cancellation);
            }

            // Views built from what they raised or submitted are built again from the masked events.
            foreach (var raised in city.Where(a => a.Kind == "concern_raised"))
            {
                await store.Advanced.RebuildSingleStreamAsync<ConcernView>(raised.StreamId, city.Key, cancellation);
                await store.Advanced.RebuildSingleStreamAsync<Concern>(raised.StreamId, city.Key, cancellation);
            }
            foreach (var submitted in city.Where(a => a.Kind == "proposal_submitted"))
            {
                await store.Advanced.RebuildSingleStreamAsync<ProposalView>(submitted.StreamId, city.Key, cancellation);
                await store.Advanced.RebuildSingleStreamAsync<Proposal>(submitted.StreamId, city.Key, cancellation);
            }
            foreach (var proposed in city.Where(a => a.Kind == "indicator_proposed"))
            {
                await store.Advanced.RebuildSingleStreamAsync<Platform.Projections.IndicatorProposals.IndicatorProposalView>(proposed.StreamId, city.Key, cancellation);
                await store.Advanced.RebuildSingleStreamAsync<Platform.Domain.IndicatorProposals.IndicatorProposal>(proposed.StreamId, city.Key, cancellation);
            }
            await EraseFromBoardAsync(city.Key, city.Where(a => a.Kind == "concern_raised").Select(a => a.StreamId).ToHashSet(), cancellation);
            await EraseFromNoticesAsync(city.Key, city.Where(a => a.Kind is "concern_raised" or "proposal_submitted").Select(a => a.StreamId).ToArray(),
                city.Where(a => a.Kind == ContestKind).Select(a => a.Data.GetProperty("reason").GetString()!).ToArray(), cancellation);
            // The search index forgets the text of what they raised or submitted (docs/search.md).
            await using (var forget = database.CreateCommand(Platform.Projections.Search.SearchIndex.ForgetTextSql(platform.Schema)))
            {
                forget.Parameters.Add(new NpgsqlParameter { Value = city.Key });
                forget.Parameters.Add(new NpgsqlParameter { Value = city.Where(a => a.Kind is "concern_raised" or "proposal_submitted").Select(a => a.StreamId).ToArray() });
                await forget.ExecuteNonQueryAsync(cancellation);
            }
        }

        // Consultation answers: the tally keeps counting them, without their free text or a link to the person.
        await using (var command = database.CreateCommand(
            $"update {platform.Schema}.{ConsultationTally.ResponsesTable} set resident_id = gen_random_uuid(), texts = '[]'::jsonb where resident_id = any(@ids)"))
        {
            command.Parameters.AddWithValue("ids", new[] { accountId, pseudonyms.Of(accountId) });
            await command.ExecuteNonQueryAsync(cancellation);
        }

        // Their memberships of organisations: no longer a member, their name masked in the organisations' histories.
        await Platform.Api.Organisations.OrganisationPersonalData.EraseAsync(store, database, platform.Schema, accountId, cancellation);

        // The account goes whole: nothing of it stays to link to the masked events (support, vote and answer streams are
        // named by item and pseudonym, and the pseudonym cannot be computed without the account id). Every node then
        // checks tickets issued until now against their account again.
        var now = clock.GetUtcNow();
        await using (var session = store.LightweightSession())
        {
            session.DeleteWhere<Follow>(f => f.AnyTenant() && f.ResidentId == accountId);
            session.DeleteWhere<Platform.Api.Notifications.Notice>(n => n.AccountId == accountId);
            session.Delete<Platform.Api.Notifications.NotificationPreferences>(accountId);
            session.DeleteWhere<Notifications.NoticeEmail>(e => e.AccountId == accountId);
            session.DeleteWhere<Notifications.DigestEmail>(e => e.AccountId == accountId);
            session.Delete<Platform.Domain.EqualParticipation.ParticipationProfile>(pseudonyms.Of(accountId)); // the participation profile, whole
            session.Delete<Account>(accountId);
            session.Store(new AccountErasureMark { At = now });
            await session.SaveChangesAsync(cancellation);
        }
        roleChanges.CheckEveryTicketIssuedBefore(now);
        accounts.Forget(accountId);
    }

    /// <summary>
    /// A moderator's redaction: the concern's <see cref="ConcernRaised"/> is masked in the store (its text, district and
    /// author id, as at its author's erasure) and its views are built again (they then show the redaction). Idempotent:
    /// run again, it finds nothing more to mask.
    /// </summary>
    public async Task MaskConcernTextAsync(string city, Guid concernId, CancellationToken cancellation)
    {
        await store.Advanced.ApplyEventDataMasking(masking =>
        {
            masking.ForTenant(city);
            masking.IncludeStream(concernId, e => e.Data is ConcernRaised);
        }, cancellation);
        await store.Advanced.RebuildSingleStreamAsync<ConcernView>(concernId, city, cancellation);
        await store.Advanced.RebuildSingleStreamAsync<Concern>(concernId, city, cancellation);
    }

    /// <summary>
    /// Other people's notices quote the person's words: the title of what they raised or submitted, and the reason of
    /// their contest in a "reopened" notice. The notices stay (their readers' inboxes), without those words.
    /// </summary>
    private async Task EraseFromNoticesAsync(string city, Guid[] items, string[] reasons, CancellationToken cancellation)
    {
        var table = $"{platform.Schema}.mt_doc_notice";
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"update {table} set data = jsonb_set(data, '{{title}}', to_jsonb($1::text)) where data ->> 'city' = $2 and (data ->> 'itemId')::uuid = any($3)")
        {
            Parameters = { new() { Value = ErasedTitle }, new() { Value = city }, new() { Value = items } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"update {table} set data = jsonb_set(data, '{{detail}}', to_jsonb($1::text)) where data ->> 'city' = $2 and data ->> 'kind' = 'ConcernReopened' and data ->> 'detail' = any($3)")
        {
            Parameters = { new() { Value = ErasedTitle }, new() { Value = city }, new() { Value = reasons } },
        });
        await batch.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>The live concern board of the city lists open concerns with their titles: an erased one keeps its place, not its text.</summary>
    private async Task EraseFromBoardAsync(string city, HashSet<Guid> concerns, CancellationToken cancellation)
    {
        if (concerns.Count == 0) return;
        await using var update = database.CreateCommand(
            $"update {platform.Schema}.{ConcernBoardRows.TableName} set title = $1, district = null where tenant_id = $2 and concern_id = any($3)");
        update.Parameters.Add(new NpgsqlParameter { Value = ErasedTitle });
        update.Parameters.Add(new NpgsqlParameter { Value = city });
        update.Parameters.Add(new NpgsqlParameter { Value = concerns.ToArray() });
        await update.ExecuteNonQueryAsync(cancellation);
    }

    private const string ContestKind = "concern_contested";
    private const string EscalationKind = "concern_escalated";

    /// <summary>
    /// Every event in which the person is the author, the resident, the one who contested or escalated, oldest first, in
    /// every city: under their account id or their pseudonym.
    /// </summary>
    private async Task<IReadOnlyList<ActivityRecord>> ActivityAsync(Guid accountId, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand(
            $"select tenant_id, type, stream_id, timestamp, data from {platform.Schema}.mt_events " +
            "where (data ->> 'residentId' = any(@ids) or data ->> 'authorId' = any(@ids) or data ->> 'contestedBy' = any(@ids) " +
            "or data ->> 'escalatedBy' = any(@ids)) order by seq_id");
        command.Parameters.AddWithValue("ids", new[] { accountId.ToString(), pseudonyms.Of(accountId).ToString() });
        var records = new List<ActivityRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            records.Add(new ActivityRecord(reader.GetString(0), reader.GetString(1), reader.GetGuid(2), reader.GetFieldValue<DateTimeOffset>(3),
                JsonDocument.Parse(reader.GetString(4)).RootElement.Clone()));
        return records;
    }
}
