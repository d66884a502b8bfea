using Platform.Projections.GoodPractices;

namespace Platform.Api.GoodPractices;

/// <summary>
/// A good practice as the API and the pages show it: its current version, the city that published it, the cities that
/// adopted it, and (for one practice, not in lists) every version it had.
/// </summary>
public sealed record PracticeDetails(
    Guid Id,
    string City,
    string Title,
    string Summary,
    string WhatWasDone,
    string Results,
    string[] Rights,
    string[] IndicatorCodes,
    Guid[] CommitmentIds,
    string? Contact,
    int Version,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    bool Withdrawn,
    DateTimeOffset? WithdrawnAt,
    IReadOnlyList<AdoptionDetails> Adoptions,
    IReadOnlyList<PracticeVersion>? Versions,
    long Sequence)
{
    public static PracticeDetails Of(GoodPracticeView v, IReadOnlyList<AdoptionDetails> adoptions, bool withVersions) => new(
        v.Id, v.City, v.Title, v.Summary, v.WhatWasDone, v.Results, v.Rights, v.IndicatorCodes, v.CommitmentIds, v.Contact, v.Version,
        v.PublishedAt, v.UpdatedAt, v.Withdrawn, v.WithdrawnAt, adoptions, withVersions ? v.Versions : null, v.Sequence);
}

/// <summary>A city that says it adopted the practice, with its note and since when.</summary>
public sealed record AdoptionDetails(string City, string? Note, DateTimeOffset AdoptedAt)
{
    public static AdoptionDetails Of(PracticeAdoptionView v) => new(v.City, v.Note, v.AdoptedAt);
}

/// <summary>A city's place in the library: the practices it published (still in the library) and those it says it adopted.</summary>
public sealed record CityPractices(string City, IReadOnlyList<PracticeDetails> Published, IReadOnlyList<PracticeDetails> Adopted);

/// <summary>
/// The library's filters and page: a <paramref name="Right"/> the practice serves, the <paramref name="City"/> that
/// published it, words of its title (<paramref name="Text"/>).
/// </summary>
public sealed record PracticeQuery(string? Right = null, string? City = null, string? Text = null, int Page = 1, int PageSize = PracticeQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int TextMaxLength = 200;

    /// <summary>The filters as a caller gives them, checked: each value that is not one the library knows adds an error naming it.</summary>
    public static PracticeQuery Parse(string? right, string? city, string? q, int? page, int? pageSize, List<DomainError> errors)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        Paging.Check(number, size, MaxPageSize, errors);
        ListFilters.CheckTags(right, null, errors);
        if (city is { Length: > 100 }) errors.Add(DomainError.Invalid("city", "The city is the slug of a city of the network."));
        if (q is { Length: > TextMaxLength }) errors.Add(DomainError.Invalid("q", $"The search text may have at most {TextMaxLength} characters."));
        return new PracticeQuery(ListFilters.Text(right), ListFilters.Text(city)?.ToLowerInvariant(), ListFilters.Text(q), number, size);
    }
}
