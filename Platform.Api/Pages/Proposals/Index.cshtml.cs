using Microsoft.AspNetCore.WebUtilities;
using Platform.Api.Proposals;

namespace Platform.Api.Pages.Proposals;

/// <summary>A city's proposals: the API's list, read by the same reader with the form's filters, ten a page.</summary>
[CachedForVisitors]
public sealed class ProposalListModel(CityDirectory directory, ProposalReader reader, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    public const int PageSize = 10;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Right { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public Paged<ProposalDetails>? Results { get; private set; }
    public int PageNumber => Results?.Page ?? 1;
    public int PageCount => Results is { } r ? (int)Math.Max(1, (r.Total + r.PageSize - 1) / r.PageSize) : 1;

    // "page" is a handler parameter: as a page property it would collide with Razor Pages' own "page" route value.
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellation)
    {
        var errors = new List<DomainError>();
        var query = ProposalQuery.Parse(Blank(Right), null, Blank(Status), null, Blank(Q), Blank(Sort), page, PageSize, errors);
        if (errors.Count > 0) Problems.From(errors).AddTo(ModelState, text);
        else Results = await reader.PageAsync(CitySlug, query, User, cancellation);
    }

    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?> { ["q"] = Q, ["right"] = Right, ["status"] = Status, ["sort"] = Sort, ["page"] = page.ToString() }
            .Where(p => !string.IsNullOrEmpty(p.Value));
        return QueryHelpers.AddQueryString($"/cities/{CitySlug}/proposals", query);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
