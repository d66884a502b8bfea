using Platform.Domain.Concerns;

namespace Platform.Projections.Scorecards;

/// <summary>
/// A city's open concerns with their support counts, kept by an async projection
/// (<see cref="ConcernBoardProjection"/>). Open means not resolved, declined or withdrawn (an answered
/// concern stays on the board until it is resolved). Hidden concerns are kept, with their counts, so a
/// restored one comes back right, but <see cref="Rank"/> leaves them out.
/// </summary>
public sealed class ConcernBoard
{
    /// <summary>The city slug (one board per city).</summary>
    public string Id { get; set; } = "";

    /// <summary>The highest event sequence reflected.</summary>
    public long Version { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public Dictionary<Guid, BoardConcern> Open { get; set; } = [];

    public void Apply(object data, long sequence, DateTimeOffset timestamp)
    {
        switch (data)
        {
            case ConcernRaised e:
                Open[e.ConcernId] = new BoardConcern(e.ConcernId, e.Title, e.Rights, e.District, e.RaisedAt, ConcernStatus.Open, 0, false);
                break;
            case ConcernSupported e when Open.TryGetValue(e.ConcernId, out var c):
                Open[e.ConcernId] = c with { Supports = c.Supports + 1 };
                break;
            case ConcernSupportWithdrawn e when Open.TryGetValue(e.ConcernId, out var c):
                Open[e.ConcernId] = c with { Supports = Math.Max(0, c.Supports - 1) };
                break;
            case ConcernAcknowledged e when Open.TryGetValue(e.ConcernId, out var c):
                Open[e.ConcernId] = c with { Status = ConcernStatus.Acknowledged };
                break;
            case ConcernAnswered e when Open.TryGetValue(e.ConcernId, out var c):
                Open[e.ConcernId] = c with { Status = ConcernStatus.Answered };
                break;
            case ConcernRedacted e when Open.TryGetValue(e.ConcernId, out var c):
                Open[e.ConcernId] = c with { Title = Concerns.ConcernView.RedactedTitle, District = null };
                break;
            case ConcernHidden e when Open.TryGetValue(e.ConcernId, out var c):
                Open[e.ConcernId] = c with { Hidden = true };
                break;
            case ConcernRestored e when Open.TryGetValue(e.ConcernId, out var c):
                Open[e.ConcernId] = c with { Hidden = false };
                break;
            case ConcernReopened e when Open.TryGetValue(e.ConcernId, out var c):
                Open[e.ConcernId] = c with { Status = ConcernStatus.Acknowledged };
                break;
            case ConcernResolved e: Open.Remove(e.ConcernId); break;
            case ConcernDeclined e: Open.Remove(e.ConcernId); break;
            case ConcernWithdrawn e: Open.Remove(e.ConcernId); break;
            default: return;
        }
        Version = Math.Max(Version, sequence);
        UpdatedAt = timestamp;
    }

    /// <summary>
    /// The board as shown: the <paramref name="top"/> most supported visible open concerns (ties: the
    /// longest waiting first), and the counts of all visible open concerns by right and by district.
    /// </summary>
    public BoardFigures Rank(int top)
    {
        var visible = Open.Values.Where(c => !c.Hidden).ToList();
        var ranked = visible.OrderByDescending(c => c.Supports).ThenBy(c => c.RaisedAt).ThenBy(c => c.Id).Take(top).ToList();
        var byRight = visible.SelectMany(c => c.Rights.Distinct(StringComparer.Ordinal))
            .GroupBy(r => r, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var byDistrict = visible.Where(c => !string.IsNullOrWhiteSpace(c.District))
            .GroupBy(c => c.District!.Trim(), StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        return new BoardFigures(visible.Count, ranked, byRight, byDistrict, visible.Count(c => string.IsNullOrWhiteSpace(c.District)));
    }
}

/// <summary>An open concern on the board.</summary>
public sealed record BoardConcern(Guid Id, string Title, string[] Rights, string? District, DateTimeOffset RaisedAt,
    ConcernStatus Status, long Supports, bool Hidden);

/// <summary>What the board shows: <paramref name="OpenConcerns"/> counts every visible open concern, <paramref name="Top"/> only the first N.</summary>
public sealed record BoardFigures(int OpenConcerns, IReadOnlyList<BoardConcern> Top, IReadOnlyDictionary<string, int> ByRight,
    IReadOnlyDictionary<string, int> ByDistrict, int WithoutDistrict);
