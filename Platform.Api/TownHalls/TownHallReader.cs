using Marten.Pagination;
using Platform.Projections.TownHalls;

namespace Platform.Api.TownHalls;

/// <summary>
/// Reads a town hall's live state from the projections: the view document and one grouped query on the
/// vote tally for all its polls (at most a few rows per option). Used by the HTTP endpoints and the live hub.
/// </summary>
public sealed class TownHallReader(NpgsqlDataSource database, PlatformOptions platform)
{
    /// <summary>The "town-hall" live view: the same live state <c>GET .../town-halls/{id}</c> answers.</summary>
    public async Task<LiveView?> LiveAsync(IQuerySession session, string city, Guid id, CancellationToken cancellation) =>
        await FindAsync(session, city, id, cancellation) is { } t ? new LiveView(Platform.Projections.TownHalls.TownHallLiveRoute.View, city, id, t.Version, t) : null;

    /// <summary>The vote <paramref name="participant"/> (their pseudonym) cast in the town hall's poll, or null before they voted.</summary>
    public async Task<MyVote?> MyVoteAsync(IQuerySession session, Guid townHallId, Guid pollId, Guid participant, CancellationToken cancellation)
    {
        var vote = await session.Events.AggregateStreamAsync<Platform.Domain.TownHalls.ResidentVote>(PersonalStream.Id(pollId, participant), token: cancellation);
        return vote is null || vote.TownHallId != townHallId ? null : new MyVote(townHallId, pollId, vote.Option, vote.CastAt);
    }

    private readonly string _tallySql =
        $"select poll_id, option, sum(votes)::bigint, max(last_sequence) from {platform.Schema}.{VoteTally.TableName} " +
        "where tenant_id = $1 and poll_id = any($2) group by poll_id, option";

    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>
    /// The city's town halls, latest start first: one page (<paramref name="page"/> from 1, <paramref name="pageSize"/>
    /// up to <see cref="MaxPageSize"/>), or the errors naming a page or size out of range.
    /// </summary>
    public async Task<(Paged<TownHallSummary>? Page, IReadOnlyList<DomainError> Errors)> ListAsync(IQuerySession session, string city, int page, int pageSize,
        CancellationToken cancellation)
    {
        var errors = new List<DomainError>();
        Paging.Check(page, pageSize, MaxPageSize, errors);
        if (errors.Count > 0) return (null, errors);
        var views = await session.Query<TownHallView>()
            .OrderByDescending(t => t.StartsAt)
            .ThenByDescending(t => t.Id)
            .ToPagedListAsync(page, pageSize, cancellation);
        return (new Paged<TownHallSummary>(views.Select(v => TownHallSummary.Of(city, v)).ToList(), page, pageSize, views.TotalItemCount), []);
    }

    public async Task<TownHallDetails?> FindAsync(IQuerySession session, string city, Guid id, CancellationToken cancellation)
    {
        var view = await session.LoadAsync<TownHallView>(id, cancellation);
        return view is null ? null : await DetailsAsync(city, view, cancellation);
    }

    public async Task<TownHallDetails> DetailsAsync(string city, TownHallView view, CancellationToken cancellation)
    {
        var counts = new Dictionary<(Guid Poll, int Option), long>();
        var version = view.Sequence;
        if (view.Polls.Count > 0)
        {
            await using var command = database.CreateCommand(_tallySql);
            command.Parameters.Add(new NpgsqlParameter { Value = city });
            command.Parameters.Add(new NpgsqlParameter { Value = view.Polls.Select(p => p.Id).ToArray() });
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                counts[(reader.GetGuid(0), reader.GetInt32(1))] = reader.GetInt64(2);
                version = Math.Max(version, reader.GetInt64(3));
            }
        }

        PollResult Result(PollView p)
        {
            var options = p.Options.Select((o, i) => new OptionVotes(i, o, counts.GetValueOrDefault((p.Id, i)))).ToArray();
            return new PollResult(p.Id, p.Question, p.ClosedAt is null, options, options.Sum(o => o.Votes), p.OpenedAt, p.ClosedAt);
        }

        var current = view.Polls.LastOrDefault(p => p.ClosedAt is null);
        return new TownHallDetails(view.Id, city, view.Title, view.Description, view.StartsAt, view.Location, view.District, view.Status,
            view.ScheduledAt, view.OpenedAt, view.ClosedAt,
            current is null ? null : Result(current),
            view.Polls.Where(p => p.ClosedAt is not null).Select(Result).ToArray(),
            view.Minutes, view.CommitmentIds, version);
    }
}
