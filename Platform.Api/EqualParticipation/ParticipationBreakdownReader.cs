using Platform.Domain.Concerns;
using Platform.Domain.EqualParticipation;
using Platform.Domain.Proposals;
using Platform.Domain.TownHalls;
using Platform.Projections.Consultations;

namespace Platform.Api.EqualParticipation;

/// <summary>
/// Counts who takes part in a city, in SQL, over what already records who did what, joined with the profiles: the
/// concern views (their authors), the support and vote events (their residents' pseudonyms), the consultation responses
/// table (its residents' pseudonyms). One query answers every activity and every dimension (grouping sets); nothing is
/// loaded person by person. Named concern authors are recorded under their account id: their pseudonyms (the key of
/// profiles) are computed here from the city's distinct named authors, the one list read first. Anonymous concerns
/// are recorded under their author's pseudonym, which the profiles use: they count as any other.
/// </summary>
public sealed class ParticipationBreakdownReader(NpgsqlDataSource database, PlatformOptions platform, Pseudonyms pseudonyms, TimeProvider clock)
{
    private static readonly string[] SupportTypes = [EventType<ConcernSupported>(), EventType<ProposalSupported>()];
    private static readonly string VoteType = EventType<TownHallVoteCast>();

    /// <summary>Marten's name of an event type (snake case of the class name).</summary>
    private static string EventType<T>() => string.Concat(typeof(T).Name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <param name="session">A session of the city's tenant (for its population shares).</param>
    /// <param name="from">With <paramref name="to"/>: count only what people did in [from, to) (a report's year); null: to date.</param>
    public async Task<ParticipationBreakdown> ReadAsync(IQuerySession session, string city, CancellationToken cancellation,
        DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var population = await PopulationHandler.FindAsync(session, cancellation);
        var counts = await CountAsync(city, await NamedAuthorsAsync(city, cancellation), from, to, cancellation);
        return Breakdown(city, clock.GetUtcNow(), population, counts);
    }

    /// <summary>The accounts that raised named concerns in the city, with their pseudonyms.</summary>
    private async Task<(Guid[] Accounts, Guid[] Pseudonyms)> NamedAuthorsAsync(string city, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand(
            $"select distinct (data ->> 'authorId')::uuid from {platform.Schema}.mt_doc_concernview " +
            "where tenant_id = $1 and not coalesce((data ->> 'anonymous')::boolean, false)");
        command.Parameters.Add(new NpgsqlParameter { Value = city });
        var accounts = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        // An erased author is masked to the empty id: no one, so no pseudonym.
        while (await reader.ReadAsync(cancellation))
            if (reader.GetGuid(0) is var account && account != Guid.Empty) accounts.Add(account);
        return ([.. accounts], [.. accounts.Select(pseudonyms.Of)]);
    }

    /// <summary>One row per (activity, dimension, group): null dimension for the activity's total, null group for "not said".</summary>
    private async Task<List<(string Activity, string? Dimension, string? Group, long People)>> CountAsync(string city,
        (Guid[] Accounts, Guid[] Pseudonyms) named, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellation)
    {
        var s = platform.Schema;
        var sql = $"""
            with named as (select * from unnest($2::uuid[], $3::uuid[]) as n(account, participant)),
            acts as (
                select '{Activities.Raising}' as activity, coalesce(n.participant, (c.data ->> 'authorId')::uuid) as person
                  from {s}.mt_doc_concernview c left join named n on n.account = (c.data ->> 'authorId')::uuid
                 where c.tenant_id = $1 and {s}.mt_immutable_timestamptz(c.data ->> 'raisedAt') >= $6 and {s}.mt_immutable_timestamptz(c.data ->> 'raisedAt') < $7
                union
                select case when e.type = $5 then '{Activities.Voting}' else '{Activities.Supporting}' end, (e.data ->> 'residentId')::uuid
                  from {s}.mt_events e
                 where e.tenant_id = $1 and (e.type = any($4) or e.type = $5) and e.timestamp >= $6 and e.timestamp < $7
                union
                select '{Activities.Answering}', r.resident_id from {s}.{ConsultationTally.ResponsesTable} r where r.tenant_id = $1 and r.submitted_at >= $6 and r.submitted_at < $7
            ),
            people as (
                select a.activity,
                       p.data ->> 'ageBand' as age_band,
                       p.data ->> 'gender' as gender,
                       case (p.data ->> 'disability')::boolean when true then 'yes' when false then 'no' end as disability,
                       case (p.data ->> 'migrantBackground')::boolean when true then 'yes' when false then 'no' end as migrant,
                       p.data ->> 'district' as district
                  from acts a left join {s}.mt_doc_participationprofile p on p.id = a.person
                 where a.person is not null and a.person <> '00000000-0000-0000-0000-000000000000'
            )
            select activity, grouping(age_band, gender, disability, migrant, district), age_band, gender, disability, migrant, district, count(*)
              from people
             group by grouping sets ((activity), (activity, age_band), (activity, gender), (activity, disability), (activity, migrant), (activity, district))
            """;
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = city });
        command.Parameters.Add(new NpgsqlParameter { Value = named.Accounts });
        command.Parameters.Add(new NpgsqlParameter { Value = named.Pseudonyms });
        command.Parameters.Add(new NpgsqlParameter { Value = SupportTypes });
        command.Parameters.Add(new NpgsqlParameter { Value = VoteType });
        // No bounds: -infinity and infinity, so one query serves "to date" and a report's year.
        command.Parameters.Add(new NpgsqlParameter { Value = from?.UtcDateTime ?? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = to?.UtcDateTime ?? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        var rows = new List<(string, string?, string?, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            // grouping(...) has a bit per column, set when the column is grouped away: the one clear bit is the row's dimension.
            var grouped = reader.GetInt32(1);
            var column = Enumerable.Range(0, 5).FirstOrDefault(i => (grouped & (1 << (4 - i))) == 0, -1);
            var dimension = column < 0 ? null : ProfileRules.Dimensions[column];
            var group = column < 0 || reader.IsDBNull(2 + column) ? null : reader.GetString(2 + column);
            rows.Add((reader.GetString(0), dimension, group, reader.GetInt64(7)));
        }
        return rows;
    }

    /// <summary>
    /// The figures of every activity: each dimension's fixed groups (districts: only the city's own, those its
    /// population shares name; any other answer, free text, counts under "other" and is never shown by name), each
    /// against its population share, with small groups hidden (<see cref="SmallGroups"/>). Pure, so its rules are
    /// tested without a database.
    /// </summary>
    public static ParticipationBreakdown Breakdown(string city, DateTimeOffset asOf, PopulationShares? population,
        IReadOnlyList<(string Activity, string? Dimension, string? Group, long People)> rows)
    {
        var shares = population?.Shares ?? [];
        double? PopulationPercent(string dimension, string group) =>
            shares.FirstOrDefault(s => s.Dimension == dimension && string.Equals(s.Group, group, StringComparison.OrdinalIgnoreCase))?.Percent;

        var activities = Activities.All.Select(activity =>
        {
            var mine = rows.Where(r => r.Activity == activity).ToList();
            var total = mine.Where(r => r.Dimension is null).Sum(r => r.People);
            var counted = ProfileRules.Dimensions.Select(dimension =>
            {
                var said = mine.Where(r => r.Dimension == dimension && r.Group is not null).ToList();
                var notSaid = mine.Where(r => r.Dimension == dimension && r.Group is null).Sum(r => r.People);
                var groups = new List<(string Group, long People)>();
                if (ProfileRules.GroupsOf(dimension) is { } fixedGroups)
                    groups.AddRange(fixedGroups.Select(g => (g, said.Where(r => r.Group == g).Sum(r => r.People))));
                else
                {
                    var named = population?.Districts() ?? [];
                    string? Named(string answer) => named.FirstOrDefault(n => string.Equals(n, answer.Trim(), StringComparison.OrdinalIgnoreCase));
                    groups.AddRange(named.Select(n => (n, said.Where(r => Named(r.Group!) == n).Sum(r => r.People))));
                    var others = said.Where(r => Named(r.Group!) is null).Sum(r => r.People);
                    if (others > 0) groups.Add((Activities.OtherDistricts, others));
                }
                return (Dimension: dimension, Groups: groups, NotSaid: notSaid);
            }).ToList();
            var shown = SmallGroups.Suppress(total, counted.Select(d => (IReadOnlyList<long>)[.. d.Groups.Select(g => g.People), d.NotSaid]).ToList());
            var dimensions = counted.Select((d, i) =>
            {
                var cells = shown.Cells[i];
                // Shares of those who said, only where every group is shown: a share beside a hidden group would give its number away.
                var saidTotal = d.Groups.Sum(g => g.People);
                var allShown = cells.Take(d.Groups.Count).All(c => c == SmallGroups.Shown.Number);
                return new DimensionFigures(d.Dimension,
                    d.Groups.Select((g, j) => new GroupFigure(g.Group, PeopleCount.As(g.People, cells[j]),
                        allShown && saidTotal > 0 ? Math.Round(100.0 * g.People / saidTotal, 1) : null,
                        PopulationPercent(d.Dimension, g.Group))).ToList(),
                    PeopleCount.As(d.NotSaid, cells[d.Groups.Count]));
            }).ToList();
            return new ActivityFigures(activity, PeopleCount.As(total, shown.Total), dimensions);
        }).ToList();
        return new ParticipationBreakdown(city, asOf, Groups.SmallestShown, population?.Source, activities);
    }
}
