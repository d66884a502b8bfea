using Microsoft.AspNetCore.WebUtilities;
using Platform.Api.Search;

namespace Platform.Api.Pages.Search;

/// <summary>The city's search: the API's search, read by the same reader with the form's words and filters, in the page's language, ten a page.</summary>
public sealed class SearchPageModel(CityDirectory directory, SearchReader reader, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    public const int PageSize = 10;

    /// <summary>The kinds the form offers, with the key of their label.</summary>
    public static readonly (string Value, string Label)[] KindChoices =
        [("concern", "Search.Concern"), ("proposal", "Search.Proposal"), ("commitment", "Search.Commitment"), ("consultation", "Search.Consultation")];

    /// <summary>Every status some kind can be found in, once each, with the key of its label (the status lists' own).</summary>
    public static readonly (string Value, string Label)[] StatusChoices = SearchQuery.Kinds.Values.SelectMany(s => s).Distinct()
        .Select(status => (status, StatusLabel(status))).ToArray();

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Right { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public Paged<SearchHit>? Results { get; private set; }
    public int PageNumber => Results?.Page ?? 1;
    public int PageCount => Results is { } r ? (int)Math.Max(1, (r.Total + r.PageSize - 1) / r.PageSize) : 1;

    // "page" is bound as a handler parameter from the query: as a page property it would collide with Razor Pages' own "page" route value.
    public async Task OnGetAsync([FromQuery(Name = "page")] string? page, CancellationToken cancellation)
    {
        // A first visit shows the form only; a sent form is checked as the API checks its query (empty fields: no filter).
        if (!Request.Query.ContainsKey("q")) return;
        var errors = new List<DomainError>();
        var query = SearchQuery.Parse(Q, null, Blank(Kind), Blank(Right), Blank(Status), Blank(page), PageSize.ToString(),
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, PageSize, errors);
        if (errors.Count > 0) Problems.From(errors).AddTo(ModelState, text);
        else Results = await reader.PageAsync(CitySlug, query, cancellation);
    }

    /// <summary>The link to another page of the same search.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?> { ["q"] = Q, ["kind"] = Kind, ["right"] = Right, ["status"] = Status, ["page"] = page.ToString() }
            .Where(p => !string.IsNullOrEmpty(p.Value));
        return QueryHelpers.AddQueryString($"/cities/{CitySlug}/search", query);
    }

    /// <summary>The label key of a kind of item found.</summary>
    public static string KindLabel(string kind) => KindChoices.First(k => k.Value == kind).Label;

    /// <summary>The label key of a status: the statuses' own names (as the lists show them), "Search.Active" for a commitment under way.</summary>
    public static string StatusLabel(string status) => status == "active" ? "Search.Active"
        : Enum.GetNames<Platform.Domain.Concerns.ConcernStatus>().Concat(Enum.GetNames<Platform.Domain.Proposals.ProposalStatus>())
            .Concat(Enum.GetNames<Platform.Domain.Commitments.CommitmentPhase>()).Concat(Enum.GetNames<Platform.Domain.Consultations.ConsultationStatus>())
            .First(name => name.Equals(status, StringComparison.OrdinalIgnoreCase));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
