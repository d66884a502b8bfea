using Platform.Api.IndicatorProposals;

namespace Platform.Api.Pages.IndicatorProposals;

/// <summary>The city's proposed indicators, newest first, read as the API reads them.</summary>
[CachedForVisitors]
public sealed class IndicatorProposalListModel(CityDirectory directory, IDocumentStore store, IndicatorProposalReader reader) : CityPageModel(directory)
{
    public Paged<IndicatorProposalDetails> Proposals { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        var page = PageNumber is >= 1 and <= Paging.MaxPage ? PageNumber.Value : 1;
        await using var session = store.QuerySession(CitySlug);
        Proposals = await reader.PageAsync(session, null, page, IndicatorProposalReader.DefaultPageSize, User, cancellation);
        return Page();
    }
}
