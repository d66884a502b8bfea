using Platform.Domain.Concerns;

namespace Platform.Projections.Scorecards;

/// <summary>
/// A city's board of open concerns with their support counts. Open means not resolved, declined or withdrawn (an
/// answered concern stays on the board until it is resolved). Hidden concerns are kept, with their counts, so a restored
/// one comes back right, but <see cref="Rank"/> leaves them out.
/// <para>
/// Stored, it is one small document per city (its id, version and time) kept by an async projection
/// (<see cref="ConcernBoardProjection"/>), whose change is what pushes the board live; the concerns themselves
/// (<see cref="Open"/>) are read with it from <see cref="ConcernBoardRows"/> and their counts from the support tally, both
/// written inline, so they are never behind the version: the board is never rewritten whole because of a support.
/// </para>
/// </summary>
public sealed class ConcernBoard
{
    /// <summary>The city slug (one board per city).</summary>
    public string Id { get; set; } = "";

    /// <summary>The highest event sequence of the city the board takes (its concerns' events and their supports).</summary>
    public long Version { get; set; }

    /// <summary>When the newest of those events was appended.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The open concerns, by id: read from their rows, not stored in the document.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Dictionary<Guid, BoardConcern> Open { get; set; } = [];

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
