using Marten.Pagination;
using Platform.Domain.Consultations;
using Platform.Projections.Consultations;

namespace Platform.Api.Consultations;

/// <summary>
/// Reads consultations and their results from the projections: the view document, one grouped query on
/// the tally (a few rows per option), and for officials one query for free-text answers. Used by the
/// HTTP endpoints and the live hub alike.
/// </summary>
public sealed class ConsultationReader(NpgsqlDataSource database, PlatformOptions platform)
{
    /// <summary>The "consultation" live view: the consultation and its public results (drafts are not watchable).</summary>
    public async Task<LiveView?> LiveAsync(IQuerySession session, string city, Guid id, CancellationToken cancellation)
    {
        if (await FindAsync(session, id, official: false, cancellation) is not { } view) return null;
        var results = Disclosed(await ResultsAsync(city, view, withTexts: false, cancellation), official: false);
        return new LiveView(Platform.Projections.Consultations.ConsultationLiveRoute.View, city, id, results.Version, new ConsultationLive(ConsultationDetails.Of(city, view), results));
    }

    /// <summary>The answers <paramref name="participant"/> (their pseudonym) gave to the consultation, or null before they answered.</summary>
    public async Task<MyResponse?> MyResponseAsync(IQuerySession session, Guid consultationId, Guid participant, CancellationToken cancellation)
    {
        var streamId = PersonalStream.Id(consultationId, participant);
        var response = await session.Events.AggregateStreamAsync<ResidentResponse>(streamId, token: cancellation);
        if (response is null) return null;
        var state = await session.Events.FetchStreamStateAsync(streamId, cancellation);
        return new MyResponse(consultationId, response.Answers, response.Amendments > 0, response.SubmittedAt, state?.Version ?? 0);
    }

    private readonly string _tallySql =
        $"select question_id, option, sum(responses)::bigint, max(last_sequence) from {platform.Schema}.{ConsultationTally.TallyTable} " +
        "where tenant_id = $1 and consultation_id = $2 group by question_id, option";

    private readonly string _textsSql =
        $"select a.q, a.t from {platform.Schema}.{ConsultationTally.ResponsesTable} r cross join jsonb_to_recordset(r.texts) as a(q text, t text) " +
        "where r.tenant_id = $1 and r.consultation_id = $2 order by r.submitted_at, r.resident_id";

    /// <summary>The consultation, or null when it does not exist or is a draft the caller may not see.</summary>
    public static async Task<ConsultationView?> FindAsync(IQuerySession session, Guid id, bool official, CancellationToken cancellation)
    {
        var view = await session.LoadAsync<ConsultationView>(id, cancellation);
        return view is null || (view.Status == ConsultationStatus.Draft && !official) ? null : view;
    }

    /// <summary>The consultation as the API shows it, drafts included (for officials, after their writes), or null when it does not exist.</summary>
    public async Task<ConsultationDetails?> LoadAsync(IQuerySession session, string city, Guid id, CancellationToken cancellation) =>
        await session.LoadAsync<ConsultationView>(id, cancellation) is { } view ? ConsultationDetails.Of(city, view) : null;

    /// <summary>The consultation as <paramref name="user"/> may see it (a draft only for an official of the city), or null.</summary>
    public async Task<ConsultationDetails?> FindAsync(IQuerySession session, string city, Guid id, ClaimsPrincipal user, CancellationToken cancellation) =>
        await FindAsync(session, id, user.HoldsRole(city, CityRole.Official), cancellation) is { } view ? ConsultationDetails.Of(city, view) : null;

    /// <summary>The results as <paramref name="user"/> may see them (<see cref="Disclosed"/>; texts for officials of the city), or null when they may not see the consultation.</summary>
    public async Task<ConsultationResults?> FindResultsAsync(IQuerySession session, string city, Guid id, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var official = user.HoldsRole(city, CityRole.Official);
        var view = await FindAsync(session, id, official, cancellation);
        return view is null ? null : Disclosed(await ResultsAsync(city, view, withTexts: official, cancellation), official);
    }

    /// <summary>The city's consultations as <paramref name="user"/> may see them (drafts only for officials of the city), newest first.</summary>
    public static async Task<Paged<ConsultationDetails>> ListAsync(IQuerySession session, string city, int page, int pageSize, ClaimsPrincipal user,
        CancellationToken cancellation)
    {
        var query = session.Query<ConsultationView>();
        IQueryable<ConsultationView> visible = user.HoldsRole(city, CityRole.Official) ? query : query.Where(c => c.Status != ConsultationStatus.Draft);
        var views = await visible
            .OrderByDescending(c => c.DraftedAt)
            .ThenByDescending(c => c.Id)
            .ToPagedListAsync(page, pageSize, cancellation);
        return new Paged<ConsultationDetails>(views.Select(v => ConsultationDetails.Of(city, v)).ToList(), page, pageSize, views.TotalItemCount);
    }

    /// <summary>
    /// The results as <paramref name="official"/> (an official of the city) or the public may see them. No one sees the
    /// answers of fewer than <see cref="ConsultationRules.SmallestGroupShown"/> residents. The public sees answers only
    /// once the consultation closed: while it is open, each response would change the tallies pushed to every watcher,
    /// and whoever knows who just answered could read their answers from the difference; participation still shows.
    /// </summary>
    public static ConsultationResults Disclosed(ConsultationResults results, bool official)
    {
        var shown = results.Participation >= ConsultationRules.SmallestGroupShown
                    && (official || results.Status is ConsultationStatus.Closed or ConsultationStatus.OutcomePublished);
        if (shown) return results;
        return results with
        {
            Withheld = true,
            Questions = results.Questions.Select(q => q with { Answers = 0, Options = [], Mean = null, Texts = null }).ToArray(),
        };
    }

    public async Task<ConsultationResults> ResultsAsync(string city, ConsultationView view, bool withTexts, CancellationToken cancellation)
    {
        var counts = new Dictionary<(string Question, string Option), long>();
        var version = view.Sequence;
        await using (var command = database.CreateCommand(_tallySql))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = city });
            command.Parameters.Add(new NpgsqlParameter { Value = view.Id });
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                counts[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
                version = Math.Max(version, reader.GetInt64(3));
            }
        }

        var texts = new Dictionary<string, List<string>>();
        if (withTexts)
        {
            await using var command = database.CreateCommand(_textsSql);
            command.Parameters.Add(new NpgsqlParameter { Value = city });
            command.Parameters.Add(new NpgsqlParameter { Value = view.Id });
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                var question = reader.GetString(0);
                if (!texts.TryGetValue(question, out var list)) texts[question] = list = [];
                list.Add(reader.GetString(1));
            }
        }

        long Count(string question, string option) => counts.GetValueOrDefault((question, option));

        var questions = view.Questions.Select(q =>
        {
            switch (q.Kind)
            {
                case QuestionKind.Scale:
                    var values = Enumerable.Range(ConsultationRules.ScaleMin, ConsultationRules.ScaleMax - ConsultationRules.ScaleMin + 1)
                        .Select(v => new OptionTally(v.ToString(CultureInfo.InvariantCulture), Count(q.Id, v.ToString(CultureInfo.InvariantCulture))))
                        .ToArray();
                    var answers = Count(q.Id, ConsultationTally.Answered);
                    double? mean = answers == 0 ? null : Math.Round(values.Sum(v => int.Parse(v.Option, CultureInfo.InvariantCulture) * v.Count) / (double)answers, 2);
                    return new QuestionResult(q.Id, q.Text, q.Kind, answers, values, mean, null);
                case QuestionKind.FreeText:
                    return new QuestionResult(q.Id, q.Text, q.Kind, Count(q.Id, ConsultationTally.Answered), [], null,
                        withTexts ? (texts.GetValueOrDefault(q.Id) ?? []).ToArray() : null);
                default:
                    var options = q.Options.Select(o => new OptionTally(o, Count(q.Id, o))).ToArray();
                    return new QuestionResult(q.Id, q.Text, q.Kind, Count(q.Id, ConsultationTally.Answered), options, null, null);
            }
        }).ToArray();

        return new ConsultationResults(view.Id, city, view.Status, Count(ConsultationTally.Participation, ""), questions, version);
    }
}
