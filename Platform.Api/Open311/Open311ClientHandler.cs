using Platform.Domain.Open311;
using Wolverine.Attributes;

namespace Platform.Api.Open311;

/// <summary>
/// The Open311 client apps' writes, for the officials' page and the API alike: each is decided on the client's stream in
/// the session's city through <see cref="StreamWrite"/>. Issuing makes the key here and answers it once.
/// </summary>
[WolverineIgnore] // called directly by the faces, not a message handler
public sealed class Open311ClientHandler(Open311Keys keys, TimeProvider clock)
{
    public static readonly DomainError ClientChanged = DomainError.Conflict("client-changed", "The client app changed meanwhile; reload it and try again.");

    /// <summary>Issues a key to a new client app; answers the write and the key (to show once; null when refused).</summary>
    public async Task<(Written Written, Guid ClientId, string? Key)> IssueAsync(Guid officialId, string? app, IDocumentSession session, CancellationToken cancellation)
    {
        var (key, hash) = keys.NewKey();
        var command = new IssueOpen311Key(Guid.CreateVersion7(), officialId, app, hash);
        var written = await StreamWrite.DecideAsync<Open311Client>(session, command.ClientId,
            client => Open311ClientDecider.Decide(command, client, clock.GetUtcNow()), ClientChanged, cancellation);
        return (written, command.ClientId, written.IsRefused ? null : key);
    }

    public Task<Written> Handle(RevokeOpen311Key command, IDocumentSession session, CancellationToken cancellation) =>
        StreamWrite.DecideAsync<Open311Client>(session, command.ClientId,
            client => Open311ClientDecider.Decide(command, client, clock.GetUtcNow()), ClientChanged, cancellation);

    /// <summary>The city's client apps, newest first (never their keys).</summary>
    public static async Task<IReadOnlyList<Open311ClientDetails>> ListAsync(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<Open311Client>().OrderByDescending(c => c.IssuedAt).Take(500).ToListAsync(cancellation)).Select(Open311ClientDetails.Of).ToList();

    public static async Task<Open311ClientDetails?> FindAsync(IQuerySession session, Guid id, CancellationToken cancellation) =>
        await session.LoadAsync<Open311Client>(id, cancellation) is { } client ? Open311ClientDetails.Of(client) : null;
}

/// <summary>A client app as officials see it: never its key, which only the answer to its issue shows.</summary>
public sealed record Open311ClientDetails(Guid Id, string App, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt, bool Active)
{
    public static Open311ClientDetails Of(Open311Client client) => new(client.Id, client.App, client.IssuedAt, client.RevokedAt, client.Active);
}

/// <summary>The answer to issuing a key: the client app and its key, shown this once.</summary>
public sealed record IssuedOpen311Key(Guid Id, string App, string Key, DateTimeOffset IssuedAt);
