using System.Collections.Concurrent;

namespace Platform.Api.Accounts;

/// <summary>
/// What this node knows of recent role changes, so that the roles a token or cookie carries can be trusted
/// without reading the account on every request.
/// <para>
/// A sign-in writes the account's roles into the ticket with the time they were read ("roles as of"). A request's
/// roles are taken from its ticket when no role change of that account is known from <see cref="ClockMargin"/>
/// before that time on; otherwise (a change since, or a ticket older than what this node knows) the account is
/// read, as every request used to be. Changes made on this node are recorded at once (<see cref="Record"/>);
/// changes made on other nodes are picked up by polling the accounts whose <see cref="Account.RolesChangedAt"/>
/// moved, every <see cref="PollEvery"/>. So a withdrawn role stops working at once on the node that withdrew
/// it and within about a second on the others, for the price of one small query a second per node instead of
/// one account read per new caller.
/// </para>
/// </summary>
public sealed class RoleChangeLog(IDocumentStore store, TimeProvider clock, ILogger<RoleChangeLog> logger) : BackgroundService
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    /// <summary>Slack for clocks of different nodes and for transactions that commit a little after they stamped their change.</summary>
    public static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(5);

    /// <summary>How far back changes are kept: the longest a sign-in lasts (the cookie's sliding fortnight).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(14);

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _latest = new();
    private long _knownSinceTicks = DateTimeOffset.MaxValue.UtcTicks; // nothing is trusted before the first load
    private long _erasedBeforeTicks; // the latest erasure known here (applied again after the first load)

    /// <summary>Every role change from this time on is known here (<see cref="DateTimeOffset.MaxValue"/> before the first load).</summary>
    public DateTimeOffset KnownSince => new(Interlocked.Read(ref _knownSinceTicks), TimeSpan.Zero);

    /// <summary>True when roles read at <paramref name="rolesAsOf"/> are still the account's roles, as far as this node can tell.</summary>
    public bool StillCurrent(Guid account, DateTimeOffset rolesAsOf) =>
        rolesAsOf - ClockMargin >= KnownSince && !ChangedSince(account, rolesAsOf);

    /// <summary>True when a role change of the account is known from <see cref="ClockMargin"/> before <paramref name="at"/> on.</summary>
    public bool ChangedSince(Guid account, DateTimeOffset at) => _latest.TryGetValue(account, out var changed) && changed >= at - ClockMargin;

    /// <summary>
    /// From now on, every ticket issued before <paramref name="at"/> is checked against its account again (an account
    /// was erased: its document is gone, so no role change of it can be seen). Raises the known-since mark.
    /// </summary>
    public void CheckEveryTicketIssuedBefore(DateTimeOffset at)
    {
        long known;
        do known = Interlocked.Read(ref _knownSinceTicks);
        while (known != DateTimeOffset.MaxValue.UtcTicks && known < at.UtcTicks
               && Interlocked.CompareExchange(ref _knownSinceTicks, at.UtcTicks, known) != known);
        long erased;
        do erased = Interlocked.Read(ref _erasedBeforeTicks);
        while (erased < at.UtcTicks && Interlocked.CompareExchange(ref _erasedBeforeTicks, at.UtcTicks, erased) != erased);
    }

    /// <summary>A role change of <paramref name="account"/> committed at <paramref name="changedAt"/> (on this node or another).</summary>
    public void Record(Guid account, DateTimeOffset changedAt) =>
        _latest.AddOrUpdate(account, changedAt, (_, known) => known >= changedAt ? known : changedAt);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var windowStart = clock.GetUtcNow() - Window;
        var readFrom = windowStart;
        var lastPrune = clock.GetUtcNow();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var session = store.QuerySession();
                var changes = await session.Query<Account>()
                    .Where(a => a.RolesChangedAt > readFrom)
                    .Select(a => new RoleChange(a.Id, a.RolesChangedAt))
                    .ToListAsync(stopping);
                foreach (var change in changes) Record(change.Id, change.RolesChangedAt);
                // An erased account leaves no document to poll: its erasure mark says which tickets to check again.
                var erasedBefore = (await session.LoadAsync<AccountErasureMark>(AccountErasureMark.Latest, stopping))?.At
                    ?? new DateTimeOffset(Interlocked.Read(ref _erasedBeforeTicks), TimeSpan.Zero);
                // The first complete read makes the window known; later reads go back a minute, so a change whose
                // transaction committed a little after it was stamped is still seen (nodes' clocks are assumed to
                // agree within seconds, as NTP keeps them).
                Interlocked.CompareExchange(ref _knownSinceTicks, windowStart.UtcTicks, DateTimeOffset.MaxValue.UtcTicks);
                CheckEveryTicketIssuedBefore(erasedBefore);
                readFrom = clock.GetUtcNow() - TimeSpan.FromMinutes(1);

                if (clock.GetUtcNow() - lastPrune > TimeSpan.FromHours(1)) lastPrune = Prune();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Until the next read succeeds, tickets are trusted only as far as the changes already known allow.
                logger.LogWarning(e, "Reading recent role changes failed; retrying");
            }
            try
            {
                await Task.Delay(PollEvery, clock, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private DateTimeOffset Prune()
    {
        var now = clock.GetUtcNow();
        var cutoff = now - Window;
        // Raise the known-since mark first: a ticket older than what is forgotten is read again, never trusted.
        Interlocked.Exchange(ref _knownSinceTicks, Math.Max(Interlocked.Read(ref _knownSinceTicks), cutoff.UtcTicks));
        foreach (var (account, changed) in _latest)
            if (changed < cutoff) _latest.TryRemove(new KeyValuePair<Guid, DateTimeOffset>(account, changed));
        return now;
    }

    private sealed record RoleChange(Guid Id, DateTimeOffset RolesChangedAt);
}

/// <summary>When the latest account was erased (one network-wide document): every node checks older tickets again.</summary>
public sealed class AccountErasureMark
{
    public const string Latest = "latest";
    public string Id { get; set; } = Latest;
    public DateTimeOffset At { get; set; }
}
