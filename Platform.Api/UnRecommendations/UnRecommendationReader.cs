using Platform.Api.Commitments;
using Platform.Domain.Reference;
using Platform.Domain.UnRecommendations;
using Platform.Projections.UnRecommendations;

namespace Platform.Api.UnRecommendations;

/// <summary>Reads a city's UN recommendations from its one view, with the linked commitments' status; public, as accountability requires.</summary>
public sealed class UnRecommendationReader(CommitmentReader commitments)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The list's filters and page as a caller gives them, checked; what is wrong is in <paramref name="errors"/>.</summary>
    public static UnRecommendationQuery Query(string? source, string? right, string? response, int? page, int? pageSize, out List<DomainError> errors)
    {
        errors = [];
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        Paging.Check(number, size, MaxPageSize, errors);
        var src = UnRecommendationRules.NormaliseSource(source);
        if (src is not null && !UnRecommendationRules.Sources.ContainsKey(src))
            errors.Add(DomainError.Invalid("source", $"'{source}' is not a source (upr, cescr, ccpr, cedaw, crc, crpd, cerd, cat, cmw, ced)."));
        var r = ListFilters.Text(right);
        if (r is not null && !ReferenceCatalogue.Default.IsRight(r)) errors.Add(DomainError.Invalid("right", $"'{right}' is not a right of the catalogue."));
        var answer = ListFilters.Text(response)?.ToLowerInvariant();
        if (answer is not null && answer is not ("supported" or "noted" or "none"))
            errors.Add(DomainError.Invalid("response", "The response is supported, noted or none (not answered yet)."));
        return new UnRecommendationQuery(src, r, answer, number, size);
    }

    /// <summary>The recommendations matching <paramref name="query"/>, in the order recorded, a page of them.</summary>
    public async Task<Paged<UnRecommendationDetails>> ListAsync(IQuerySession session, string city, UnRecommendationQuery query, CancellationToken cancellation)
    {
        var all = await AllAsync(session, city, cancellation);
        var matching = all.Where(r =>
                (query.Source is null || r.Source == query.Source)
                && (query.Right is null || r.Rights.Contains(query.Right))
                && (query.Response is null || (query.Response == "none" ? r.Response is null : r.Response?.ToString().Equals(query.Response, StringComparison.OrdinalIgnoreCase) == true)))
            .ToList();
        return new Paged<UnRecommendationDetails>(matching.Skip(Paging.Offset(query.Page, query.PageSize)).Take(query.PageSize).ToList(),
            query.Page, query.PageSize, matching.Count);
    }

    public async Task<UnRecommendationDetails?> FindAsync(IQuerySession session, string city, Guid id, CancellationToken cancellation) =>
        (await AllAsync(session, city, cancellation)).FirstOrDefault(r => r.Id == id);

    /// <summary>Every recommendation of the city, in the order recorded, with its commitments' status now.</summary>
    public async Task<IReadOnlyList<UnRecommendationDetails>> AllAsync(IQuerySession session, string city, CancellationToken cancellation)
    {
        var view = await session.LoadAsync<UnRecommendationsView>(UnRecommendationRules.RegisterOf(city), cancellation);
        if (view is null || view.Recommendations.Count == 0) return [];
        var linked = view.Recommendations.SelectMany(r => r.CommitmentIds).ToHashSet();
        var known = new Dictionary<Guid, LinkedCommitment>();
        if (linked.Count > 0)
        {
            var (items, _) = await commitments.ListAsync(session, city, new CommitmentQuery(PageSize: int.MaxValue), cancellation);
            foreach (var c in items.Where(c => linked.Contains(c.Id))) known[c.Id] = new LinkedCommitment(c.Id, c.Title, c.Status, c.Progress);
        }
        return view.Recommendations.Select(r => new UnRecommendationDetails(r.Id, city, r.Source, UnRecommendationRules.Sources.GetValueOrDefault(r.Source) ?? r.Source,
            r.Cycle, r.Paragraph, r.Text, r.Rights, r.SdgTargets, r.Imported, r.RecordedAt, r.Response, r.ResponseNote, r.AnsweredAt,
            r.CommitmentIds.Select(id => known.GetValueOrDefault(id)).OfType<LinkedCommitment>().ToArray(), [.. r.FollowUps])).ToList();
    }
}
