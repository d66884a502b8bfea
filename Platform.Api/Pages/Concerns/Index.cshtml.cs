using Microsoft.AspNetCore.WebUtilities;
using Platform.Api.Concerns;
using Platform.Domain.Concerns;

namespace Platform.Api.Pages.Concerns;

/// <summary>A city's concerns: the API's list, read by the same reader with the form's filters, ten a page.</summary>
[CachedForVisitors]
public sealed class ConcernListModel(CityDirectory directory, ConcernReader reader, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    public const int PageSize = 10;

    /// <summary>Statuses a visitor can filter by (hidden concerns are for moderators, on their own pages).</summary>
    public static readonly ConcernStatus[] PublicStatuses = Enum.GetValues<ConcernStatus>().Where(s => s != ConcernStatus.Hidden).ToArray();

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Right { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    /// <summary>Only concerns tagged with this group (docs/participation.md).</summary>
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }

    public Paged<ConcernDetails>? Results { get; private set; }
    public int PageNumber => Results?.Page ?? 1;
    public int PageCount => Results is { } r ? (int)Math.Max(1, (r.Total + r.PageSize - 1) / r.PageSize) : 1;

    // "page" is bound as a handler parameter from the query: as a page property it would collide with Razor Pages' own "page" route value.
    public async Task OnGetAsync([FromQuery(Name = "page")] string? page, CancellationToken cancellation)
    {
        // Empty form fields mean "no filter", as the API's absent parameters do.
        var errors = new List<DomainError>();
        var query = ConcernQuery.Parse(Blank(Right), null, Blank(Status), Blank(District), Blank(Q), Blank(Sort), Blank(page), PageSize.ToString(),
            ConcernQuery.MaySeeHidden(User, CitySlug), errors) with { Group = ConcernQuery.ParseGroup(Blank(Group), errors) };
        if (errors.Count > 0) Problems.From(errors).AddTo(ModelState, text);
        else Results = await reader.PageAsync(CitySlug, query, User, cancellation);
    }

    /// <summary>The link to another page of the same filtered list.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?> { ["q"] = Q, ["right"] = Right, ["district"] = District, ["status"] = Status, ["sort"] = Sort, ["group"] = Group, ["page"] = page.ToString() }
            .Where(p => !string.IsNullOrEmpty(p.Value));
        return QueryHelpers.AddQueryString($"/cities/{CitySlug}/concerns", query);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
