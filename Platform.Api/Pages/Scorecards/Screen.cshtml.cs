using Platform.Api.Commitments;
using Platform.Api.Scorecards;

namespace Platform.Api.Pages.Scorecards;

/// <summary>
/// A city on a big screen: scorecard figures, the concern board and the latest commitments. The script
/// watches the "scorecard" and "concern-board" views (city-wide: id <see cref="Guid.Empty"/>) and fetches
/// <see cref="OnGetLiveAsync"/> when one changes.
/// </summary>
[CachedForVisitors]
public sealed class CityScreenModel(CityDirectory directory, IDocumentStore store, ScorecardReader reader, ConcernBoardReader boards, CommitmentReader commitments) : CityPageModel(directory)
{
    public const int BoardSize = 8;
    public const int LatestCommitments = 5;

    public ScorecardDetails Scorecard { get; private set; } = null!;
    public ConcernBoardDetails Board { get; private set; } = null!;
    public IReadOnlyList<CommitmentDetails> Commitments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnGetLiveAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Partial("_CityLive", this) : NotFound();

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var network = store.QuerySession();
        if (await reader.ScorecardAsync(network, CitySlug, cancellation) is not { } scorecard) return false;
        if (await boards.BoardAsync(network, CitySlug, BoardSize, cancellation) is not { } board) return false;
        await using var session = store.QuerySession(CitySlug);
        var (latest, _) = await commitments.ListAsync(session, CitySlug, new CommitmentQuery(Page: 1, PageSize: LatestCommitments), cancellation);
        (Scorecard, Board, Commitments) = (scorecard, board, latest);
        return true;
    }
}
