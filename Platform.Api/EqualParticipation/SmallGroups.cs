namespace Platform.Api.EqualParticipation;

/// <summary>
/// Which counts of an activity are not shown, so that no small group's number can be worked out from what is shown.
/// Primary: a count under <see cref="Groups.SmallestShown"/> is "fewer than 10" (a reader knows it is 0 to 9).
/// Secondary: within a dimension the cells (its groups and "not said") add up to the activity's total, so while a hidden
/// cell's number still follows from the total, the shown cells and the bounds a reader knows (0 to 9 for "fewer than 10",
/// at least 10 for a withheld one), the smallest shown cell is withheld too. When every cell of a dimension is hidden and
/// one still follows (every one at its bound), the activity's total is withheld, and then every dimension keeps at least
/// one hidden cell, so the total does not follow from another dimension either. Pure, tested without a database.
/// </summary>
public static class SmallGroups
{
    /// <summary>A count a reader knows nothing of beyond its bounds.</summary>
    public enum Shown { Number, FewerThan, Withheld }

    /// <summary>What is shown of the activity's total and of each dimension's cells.</summary>
    public sealed record Result(Shown Total, IReadOnlyList<Shown[]> Cells);

    public static Result Suppress(long total, IReadOnlyList<IReadOnlyList<long>> dimensions)
    {
        var totalShown = total >= Groups.SmallestShown ? Shown.Number : Shown.FewerThan;
        var cells = dimensions.Select(d => d.Select(c => c >= Groups.SmallestShown ? Shown.Number : Shown.FewerThan).ToArray()).ToList();
        bool changed;
        do
        {
            changed = false;
            for (var d = 0; d < dimensions.Count; d++)
                while (totalShown == Shown.Number && AnyFollows(dimensions[d], cells[d], total))
                {
                    if (!WithholdSmallest(dimensions[d], cells[d])) totalShown = Shown.Withheld;
                    changed = true;
                }
            if (totalShown == Shown.Withheld)
                for (var d = 0; d < dimensions.Count; d++)
                    if (cells[d].Length > 0 && cells[d].All(c => c == Shown.Number) && WithholdSmallest(dimensions[d], cells[d])) changed = true;
        } while (changed);
        return new Result(totalShown, cells);
    }

    /// <summary>Withholds the smallest shown cell; false when none is shown.</summary>
    private static bool WithholdSmallest(IReadOnlyList<long> counts, Shown[] cells)
    {
        var smallest = Enumerable.Range(0, cells.Length).Where(i => cells[i] == Shown.Number).OrderBy(i => counts[i]).Cast<int?>().FirstOrDefault();
        if (smallest is not { } i) return false;
        cells[i] = Shown.Withheld;
        return true;
    }

    private const long Unbounded = long.MaxValue / 4;

    /// <summary>
    /// Whether a hidden cell's number follows from the <paramref name="total"/>, the shown cells and the bounds of the
    /// hidden ones: the hidden cells add up to what the shown ones leave; a cell is known when its least and greatest
    /// possible values meet.
    /// </summary>
    public static bool AnyFollows(IReadOnlyList<long> counts, Shown[] cells, long total)
    {
        var hidden = Enumerable.Range(0, cells.Length).Where(i => cells[i] != Shown.Number).ToList();
        if (hidden.Count == 0) return false;
        var left = total - Enumerable.Range(0, cells.Length).Where(i => cells[i] == Shown.Number).Sum(i => counts[i]);
        long Low(int i) => cells[i] == Shown.FewerThan ? 0 : Groups.SmallestShown;
        long High(int i) => cells[i] == Shown.FewerThan ? Groups.SmallestShown - 1 : Unbounded;
        foreach (var i in hidden)
        {
            var othersLow = hidden.Where(j => j != i).Sum(Low);
            var othersHigh = hidden.Where(j => j != i).Sum(j => Math.Min(High(j), Unbounded / cells.Length));
            var least = Math.Max(Low(i), left - othersHigh);
            var most = Math.Min(High(i), left - othersLow);
            if (least == most) return true; // (least > most: figures that do not add up, which the counting never gives)
        }
        return false;
    }
}
