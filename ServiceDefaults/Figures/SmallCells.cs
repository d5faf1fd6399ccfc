namespace Platform.ServiceDefaults.Figures;

/// <summary>
/// One cell of a published table: a count, or <see cref="Suppressed"/> (then <see cref="Count"/> is null, never 0, so a
/// reader cannot take a hidden cell for an empty one).
/// </summary>
public sealed record Cell(string Key, int? Count, bool Suppressed)
{
    public static Cell Shown(string key, int count) => new(key, count, false);

    public static Cell Hidden(string key) => new(key, null, true);
}

/// <summary>A breakdown of one total, with the total itself (null and suppressed when it could reveal a hidden cell).</summary>
public sealed record Breakdown(int? Total, bool TotalSuppressed, IReadOnlyList<Cell> Cells);

/// <summary>
/// Statistical disclosure control for every aggregate partners read: no count under <see cref="Threshold"/> is published
/// (primary suppression), and hidden cells cannot be recovered by subtracting the shown ones from the total (secondary
/// suppression): while the hidden cells of a breakdown are a single cell, or add up to less than the threshold, the
/// smallest shown cell is hidden too; when no cell is left to hide, the total is hidden instead. Zero is a count under
/// the threshold like any other: a shown 0 next to a hidden cell would narrow what the hidden cell can be.
/// </summary>
public static class SmallCells
{
    public const int Threshold = 5;

    public static bool Hides(int count) => count < Threshold;

    /// <summary>One figure on its own (no breakdown to subtract from).</summary>
    public static Cell Single(string key, int count) => Hides(count) ? Cell.Hidden(key) : Cell.Shown(key, count);

    /// <summary>
    /// A breakdown of counts (in the order given, which is kept) with its total, the sum of the counts: every cell
    /// the rule hides is hidden, and the total when it would otherwise give a hidden cell away or is itself small.
    /// </summary>
    public static Breakdown Suppress(IReadOnlyList<(string Key, int Count)> counts)
    {
        var total = counts.Sum(c => c.Count);
        var hidden = new bool[counts.Count];
        for (var i = 0; i < counts.Count; i++) hidden[i] = Hides(counts[i].Count);

        var totalHidden = Hides(total);
        while (!totalHidden && Recoverable(counts, hidden))
        {
            // The smallest shown cell (the first of equals, so the answer is the same every time it is asked).
            var next = Enumerable.Range(0, counts.Count).Where(i => !hidden[i]).OrderBy(i => counts[i].Count).ThenBy(i => i)
                .Cast<int?>().FirstOrDefault();
            if (next is { } i) hidden[i] = true;
            else totalHidden = true;
        }

        var cells = counts.Select((c, i) => hidden[i] ? Cell.Hidden(c.Key) : Cell.Shown(c.Key, c.Count)).ToList();
        return new Breakdown(totalHidden ? null : total, totalHidden, cells);
    }

    // With the total shown, the hidden cells' sum is known: one hidden cell is known exactly, and several adding up to
    // less than the threshold are each known to be small.
    private static bool Recoverable(IReadOnlyList<(string Key, int Count)> counts, bool[] hidden)
    {
        var hiddenCount = 0;
        var hiddenSum = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (!hidden[i]) continue;
            hiddenCount++;
            hiddenSum += counts[i].Count;
        }

        return hiddenCount == 1 || (hiddenCount > 1 && hiddenSum < Threshold);
    }
}
