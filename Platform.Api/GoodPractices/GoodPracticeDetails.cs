using System.Text.Json.Serialization;
using Platform.Domain.GoodPractices;
using Platform.Projections.GoodPractices;

namespace Platform.Api.GoodPractices;

/// <summary>
/// A good practice as the API and the pages show it: its current version's content (<see cref="PracticeContent"/>, the
/// event's own record, so its fields are declared once and serialized in place), the city that published it, the cities
/// that adopted it, and (for one practice, not in lists) every version it had.
/// </summary>
public sealed record PracticeDetails : PracticeContent
{
    private PracticeDetails(PracticeContent content) : base(content) { }

    [JsonPropertyOrder(-2)] public required Guid Id { get; init; }
    [JsonPropertyOrder(-1)] public required string City { get; init; }
    [JsonPropertyOrder(1)] public required int Version { get; init; }
    [JsonPropertyOrder(1)] public required DateTimeOffset PublishedAt { get; init; }
    [JsonPropertyOrder(1)] public required DateTimeOffset UpdatedAt { get; init; }
    [JsonPropertyOrder(1)] public required bool Withdrawn { get; init; }
    [JsonPropertyOrder(1)] public required DateTimeOffset? WithdrawnAt { get; init; }
    [JsonPropertyOrder(1)] public required IReadOnlyList<AdoptionDetails> Adoptions { get; init; }
    [JsonPropertyOrder(1)] public required IReadOnlyList<PracticeVersion>? Versions { get; init; }
    [JsonPropertyOrder(1)] public required long Sequence { get; init; }

    /// <summary>The view's current version (the last of its versions) with its adoptions; every version only when asked.</summary>
    public static PracticeDetails Of(GoodPracticeView v, IReadOnlyList<AdoptionDetails> adoptions, bool withVersions) => new(v.Versions[^1].Content)
    {
        Id = v.Id, City = v.City, Version = v.Version, PublishedAt = v.PublishedAt, UpdatedAt = v.UpdatedAt, Withdrawn = v.Withdrawn,
        WithdrawnAt = v.WithdrawnAt, Adoptions = adoptions, Versions = withVersions ? v.Versions : null, Sequence = v.Sequence,
    };
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
