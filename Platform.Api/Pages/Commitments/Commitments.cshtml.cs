using Platform.Api.Commitments;
using Platform.Domain.Commitments;

namespace Platform.Api.Pages.Commitments;

/// <summary>A city's commitments with their progress, filtered by status, through <see cref="CommitmentReader"/> with the API's checks of the filters.</summary>
[CachedForVisitors]
public sealed class CommitmentsModel(CityDirectory directory, IDocumentStore store, CommitmentReader reader, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    public const int PageSize = 20;

    [BindProperty(Name = "status", SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(Name = "page", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Paged<CommitmentDetails>? Commitments { get; private set; }

    public static readonly CommitmentStatus[] Statuses = Enum.GetValues<CommitmentStatus>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        var query = CommitmentReader.Query(string.IsNullOrEmpty(Status) ? null : Status, null, null, null, null, null, PageNumber, PageSize, out var errors);
        if (errors.Count > 0) Problems.Result(errors).Problem()!.AddTo(ModelState, text);
        else Commitments = await reader.PageAsync(session, CitySlug, query, cancellation);
        return Page();
    }

    public string PageUrl(int number) =>
        $"/cities/{CitySlug}/commitments?page={number}" + (string.IsNullOrEmpty(Status) ? "" : $"&status={Uri.EscapeDataString(Status)}");

    /// <summary>The API's name of a status in a query (onTrack).</summary>
    public static string QueryName(CommitmentStatus status) => char.ToLowerInvariant(status.ToString()[0]) + status.ToString()[1..];
}
