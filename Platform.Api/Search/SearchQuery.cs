using Platform.Domain.Commitments;
using Platform.Domain.Concerns;
using Platform.Domain.Consultations;
using Platform.Domain.Proposals;
using Platform.Projections.Search;

namespace Platform.Api.Search;

/// <summary>A checked search: the words, the searcher's language, the filters kept from the lists, the page.</summary>
public sealed record SearchQuery(string Text, string Language, string? Kind, string? Right, string? Status, int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxTextLength = 200;

    /// <summary>What can be searched, and the statuses each kind can be found in (withdrawn, hidden and draft items never are).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Kinds = new Dictionary<string, string[]>
    {
        ["concern"] = Names(Enum.GetValues<ConcernStatus>().Where(s => s is not (ConcernStatus.Hidden or ConcernStatus.Withdrawn))),
        ["proposal"] = Names(Enum.GetValues<ProposalStatus>().Where(s => s is not ProposalStatus.Withdrawn)),
        ["commitment"] = Names(Enum.GetValues<CommitmentPhase>()),
        ["consultation"] = Names(Enum.GetValues<ConsultationStatus>().Where(s => s is not ConsultationStatus.Draft)),
    };

    /// <summary>
    /// The search as it arrives (the API's query string, the page's form), checked: each value that is not one the
    /// search knows adds an error naming it. <paramref name="pageLanguage"/> is the page's language, used when no
    /// <c>lang</c> is given.
    /// </summary>
    public static SearchQuery Parse(string? q, string? lang, string? kind, string? right, string? status, string? page, string? pageSize,
        string pageLanguage, int defaultPageSize, List<DomainError> errors)
    {
        var text = ListFilters.Text(q);
        if (text is null) errors.Add(DomainError.Invalid("q", "Enter the words to search for."));
        ListFilters.CheckOrderAndText(null, q, errors);
        if (lang is not null && !SearchIndex.Languages.ContainsKey(lang))
            errors.Add(DomainError.Invalid("lang", "Search in 'en', 'fr', 'nl' or 'uk'."));
        if (kind is not null && !Kinds.ContainsKey(kind))
            errors.Add(DomainError.Invalid("kind", "Search for a 'concern', 'proposal', 'commitment' or 'consultation'."));
        ListFilters.CheckTags(right, null, errors);
        var statuses = kind is not null && Kinds.TryGetValue(kind, out var ofKind) ? ofKind : Kinds.Values.SelectMany(s => s).Distinct().ToArray();
        var loweredStatus = status?.ToLowerInvariant();
        if (status is not null && !statuses.Contains(loweredStatus))
            errors.Add(DomainError.Invalid("status", $"'{status}' is not a status that can be searched ({string.Join(", ", statuses)})."));
        var number = 1;
        var size = defaultPageSize;
        if (page is not null && !int.TryParse(page, out number)) number = 0;
        if (pageSize is not null && !int.TryParse(pageSize, out size)) size = 0;
        Paging.Check(number, size, MaxPageSize, errors);
        var language = lang is not null && SearchIndex.Languages.ContainsKey(lang) ? lang : SearchIndex.Languages.ContainsKey(pageLanguage) ? pageLanguage : "en";
        return new SearchQuery(text ?? "", language, kind, right, loweredStatus, number, size);
    }

    private static string[] Names<TStatus>(IEnumerable<TStatus> statuses) where TStatus : struct, Enum =>
        statuses.Select(SearchIndexProjection.Name).ToArray();
}

/// <summary>One item found: its kind, id, title, a snippet (HTML: escaped text with <c>&lt;mark&gt;</c> around the matches), rank and page.</summary>
public sealed record SearchHit(string Kind, Guid Id, string Title, string Snippet, string Status, double Rank, string Link);

/// <summary>The lists' text filter (<c>q</c> of concerns and proposals), through the same index as the search.</summary>
public static class SearchText
{
    /// <summary>
    /// The condition that keeps the items whose id (<paramref name="id"/>) the index finds for the words in parameter
    /// <paramref name="text"/>, in the city of parameter <paramref name="city"/>, stemmed in the request's language.
    /// </summary>
    public static string Filter(string schema, string id, string city, string text) =>
        $"{id} in (select s.item_id from {schema}.{SearchIndex.TableName} s where s.tenant_id = {city} and " +
        $"{SearchIndex.Matches("s", SearchIndex.For(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), text)})";
}
