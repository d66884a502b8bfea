using Platform.Api.Following;
using Platform.Projections.Commitments;
using Platform.Projections.Concerns;
using Platform.Projections.Consultations;
using Platform.Projections.Proposals;
using Platform.Projections.TownHalls;

namespace Platform.Api.Notifications;

/// <summary>The item a change is about, as its notices name it, and the accounts that hear of it.</summary>
public sealed record NoticeAddressees(string Title, IReadOnlyCollection<Guid> Accounts);

/// <summary>
/// Who hears of a change (see docs/notifications.md for the table). Supports are stored under pseudonyms and anonymous
/// concerns under their author's pseudonym; a pseudonym cannot be reversed, so the platform goes the only way it goes
/// elsewhere (following, export, erasure): forward, from accounts. Supporting needs a role in the city, so the members
/// of the city are the only accounts that can stand behind a support: each member's pseudonym names their support stream
/// of the item (<see cref="PersonalStream"/>), and the last event of that stream says whether the support stands, as
/// <see cref="FollowingReader"/> reads it. An erased account is gone from the accounts, so it hears of nothing.
/// </summary>
public sealed class NoticeRecipients(NpgsqlDataSource database, PlatformOptions platform, Pseudonyms pseudonyms)
{
    /// <summary>The members of one city, by account id and by pseudonym: read once per batch of events.</summary>
    public sealed class Members(IReadOnlyDictionary<Guid, Guid> byPseudonym, IReadOnlySet<Guid> accounts)
    {
        public IReadOnlyDictionary<Guid, Guid> ByPseudonym { get; } = byPseudonym;
        public IReadOnlySet<Guid> Accounts { get; } = accounts;

        /// <summary>The account behind an author id: the account itself (a named item) or the pseudonym's (an anonymous one).</summary>
        public Guid? AccountOf(Guid author) => Accounts.Contains(author) ? author : ByPseudonym.TryGetValue(author, out var account) ? account : null;
    }

    public async Task<Members> MembersAsync(string city, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand($"select id from {platform.Schema}.mt_doc_account where data -> 'roles' ? @city");
        command.Parameters.AddWithValue("city", city);
        var accounts = new HashSet<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
            while (await reader.ReadAsync(cancellation))
                accounts.Add(reader.GetGuid(0));
        return new Members(accounts.ToDictionary(pseudonyms.Of), accounts);
    }

    /// <summary>The item's title and who hears of <paramref name="change"/>, or null when the item is not found. The store is the
    /// subscription's (this class is part of the store's own configuration, so it cannot take the store from the container).</summary>
    public async Task<NoticeAddressees?> ForAsync(IDocumentStore store, string city, NoticeChange change, Func<string, Task<Members>> members, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(city);
        var found = change.Audience switch
        {
            NoticeAudience.ConcernPeople => await ConcernPeopleAsync(session, city, change.ItemId, await members(city), cancellation),
            NoticeAudience.ProposalPeople => await ProposalPeopleAsync(session, city, change.ItemId, await members(city), cancellation),
            NoticeAudience.CommitmentFollowers => await CommitmentFollowersAsync(session, city, change.ItemId, await members(city), cancellation),
            _ => await OptedInAsync(session, change, await members(city), cancellation),
        };
        if (found is null) return null;
        var accounts = found.Value.Accounts;
        if (change.Actor is { } actor) accounts.Remove(actor);
        return new NoticeAddressees(found.Value.Title, accounts);
    }

    private async Task<(string Title, HashSet<Guid> Accounts)?> ConcernPeopleAsync(IQuerySession session, string city, Guid id, Members members, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ConcernView>(id, cancellation) is not { } concern) return null;
        var people = new HashSet<Guid>();
        if (members.AccountOf(concern.AuthorId) is { } author) people.Add(author);
        if (concern.Hidden) return (concern.Title, people); // withheld from the public: its author only
        people.UnionWith(await SupportersAsync(city, [id], ConcernSupported, members, cancellation));
        people.UnionWith(await FollowsAsync(session, FollowedKind.Concern, id, following: true, members, cancellation));
        return (concern.Title, people);
    }

    private async Task<(string Title, HashSet<Guid> Accounts)?> ProposalPeopleAsync(IQuerySession session, string city, Guid id, Members members, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ProposalView>(id, cancellation) is not { } proposal) return null;
        var people = await SupportersAsync(city, [id], ProposalSupported, members, cancellation);
        if (members.AccountOf(proposal.AuthorId) is { } author) people.Add(author);
        return (proposal.Title, people);
    }

    /// <summary>Explicit followers, and the supporters of the concerns the commitment answers unless they stopped following it.</summary>
    private async Task<(string Title, HashSet<Guid> Accounts)?> CommitmentFollowersAsync(IQuerySession session, string city, Guid id, Members members, CancellationToken cancellation)
    {
        if (await session.LoadAsync<CommitmentView>(id, cancellation) is not { } commitment) return null;
        var concerns = await session.Query<ConcernView>().Where(c => c.Commitments.Contains(id)).Select(c => c.Id).ToListAsync(cancellation);
        var people = concerns.Count == 0 ? [] : await SupportersAsync(city, concerns.ToArray(), ConcernSupported, members, cancellation);
        people.ExceptWith(await FollowsAsync(session, FollowedKind.Commitment, id, following: false, members, cancellation));
        people.UnionWith(await FollowsAsync(session, FollowedKind.Commitment, id, following: true, members, cancellation));
        return (commitment.Title, people);
    }

    private static async Task<(string Title, HashSet<Guid> Accounts)?> OptedInAsync(IQuerySession session, NoticeChange change, Members members, CancellationToken cancellation)
    {
        var title = change.Kind == NoticeKind.ConsultationOpened
            ? (await session.LoadAsync<ConsultationView>(change.ItemId, cancellation))?.Title
            : (await session.LoadAsync<TownHallView>(change.ItemId, cancellation))?.Title;
        if (title is null) return null;
        var kind = change.Kind;
        var asked = await session.Query<NotificationPreferences>().Where(p => p.OptedIn.Contains(kind)).Select(p => p.Id).ToListAsync(cancellation);
        return (title, asked.Where(members.Accounts.Contains).ToHashSet());
    }

    private static async Task<IEnumerable<Guid>> FollowsAsync(IQuerySession session, FollowedKind kind, Guid item, bool following, Members members, CancellationToken cancellation)
    {
        var residents = await session.Query<Follow>().Where(f => f.Kind == kind && f.ItemId == item && f.Following == following)
            .Select(f => f.ResidentId).ToListAsync(cancellation);
        return residents.Where(members.Accounts.Contains);
    }

    /// <summary>Members whose support of one of <paramref name="items"/> stands (its stream's last event is a support).</summary>
    private async Task<HashSet<Guid>> SupportersAsync(string city, Guid[] items, string supportedType, Members members, CancellationToken cancellation)
    {
        var byStream = new Dictionary<Guid, Guid>();
        foreach (var (pseudonym, account) in members.ByPseudonym)
            foreach (var item in items)
                byStream[PersonalStream.Id(item, pseudonym)] = account;
        var supporters = new HashSet<Guid>();
        if (byStream.Count == 0) return supporters;
        await using var command = database.CreateCommand(
            $"select distinct on (stream_id) stream_id, type from {platform.Schema}.mt_events " +
            "where tenant_id = @city and stream_id = any(@streams) order by stream_id, version desc");
        command.Parameters.AddWithValue("city", city);
        command.Parameters.AddWithValue("streams", byStream.Keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            if (reader.GetString(1) == supportedType)
                supporters.Add(byStream[reader.GetGuid(0)]);
        return supporters;
    }

    /// <summary>Marten's names of the support events in the event table.</summary>
    private const string ConcernSupported = "concern_supported", ProposalSupported = "proposal_supported";
}
