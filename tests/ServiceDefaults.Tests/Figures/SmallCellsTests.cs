using Platform.ServiceDefaults.Figures;

namespace Platform.ServiceDefaults.Tests.Figures;

/// <summary>The disclosure rule every partner aggregate goes through: no cell under 5, and none recoverable from the total.</summary>
public sealed class SmallCellsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void A_figure_under_five_is_suppressed_not_shown_as_zero(int count)
    {
        var cell = SmallCells.Single("volunteers", count);

        Assert.True(cell.Suppressed);
        Assert.Null(cell.Count);
    }

    [Fact]
    public void A_figure_of_five_or_more_is_shown()
    {
        Assert.Equal(5, SmallCells.Single("volunteers", 5).Count);
        Assert.False(SmallCells.Single("volunteers", 5).Suppressed);
    }

    [Fact]
    public void A_single_small_cell_takes_the_next_smallest_with_it_so_the_total_does_not_give_it_away()
    {
        var breakdown = SmallCells.Suppress([("police", 12), ("council", 7), ("health", 3), ("fire", 9)]);

        Assert.Equal(31, breakdown.Total);
        Assert.Equal([12, null, null, 9], breakdown.Cells.Select(c => c.Count));
        Assert.Equal([false, true, true, false], breakdown.Cells.Select(c => c.Suppressed));
        AssertNoHiddenCellIsRecoverable(breakdown);
    }

    [Fact]
    public void Hidden_cells_adding_up_to_under_five_take_another_with_them()
    {
        var breakdown = SmallCells.Suppress([("police", 20), ("council", 1), ("health", 2), ("fire", 6), ("charity", 8)]);

        // 1 + 2 is under five, so fire (6) goes too: what is hidden now adds up to 9.
        Assert.Equal([20, null, null, null, 8], breakdown.Cells.Select(c => c.Count));
        Assert.Equal(37, breakdown.Total);
        AssertNoHiddenCellIsRecoverable(breakdown);
    }

    [Fact]
    public void Zeros_are_hidden_like_any_small_count()
    {
        var breakdown = SmallCells.Suppress([("police", 10), ("health", 0), ("fire", 0), ("council", 6)]);

        Assert.Equal([10, null, null, null], breakdown.Cells.Select(c => c.Count));
        Assert.Equal(16, breakdown.Total);
    }

    [Fact]
    public void The_last_shown_cell_goes_before_the_total_and_a_lone_small_cell_takes_the_total()
    {
        var breakdown = SmallCells.Suppress([("police", 30), ("council", 2)]);

        // Council alone hidden would be 32 - 30: police goes too, and the total (which then pins neither) stays.
        Assert.Equal([null, null], breakdown.Cells.Select(c => c.Count));
        Assert.Equal(32, breakdown.Total);

        var alone = SmallCells.Suppress([("police", 3)]);
        Assert.Null(alone.Total);
        Assert.True(alone.TotalSuppressed);
        Assert.True(alone.Cells.Single().Suppressed);
    }

    [Fact]
    public void A_small_total_is_hidden_with_every_cell()
    {
        var breakdown = SmallCells.Suppress([("police", 2), ("council", 2)]);

        Assert.True(breakdown.TotalSuppressed);
        Assert.All(breakdown.Cells, c => Assert.True(c.Suppressed));
    }

    [Fact]
    public void A_breakdown_with_nothing_small_is_shown_whole_in_its_order()
    {
        var breakdown = SmallCells.Suppress([("b", 5), ("a", 40)]);

        Assert.Equal(["b", "a"], breakdown.Cells.Select(c => c.Key));
        Assert.Equal([5, 40], breakdown.Cells.Select(c => c.Count));
        Assert.Equal(45, breakdown.Total);
        Assert.False(breakdown.TotalSuppressed);
    }

    // The attack the rule exists for: total minus every shown cell must never pin one hidden cell, nor show the hidden
    // ones to be small together.
    private static void AssertNoHiddenCellIsRecoverable(Breakdown breakdown)
    {
        var hidden = breakdown.Cells.Count(c => c.Suppressed);
        Assert.NotEqual(1, hidden);
        if (breakdown.Total is { } total && hidden > 0)
            Assert.True(total - breakdown.Cells.Sum(c => c.Count ?? 0) >= SmallCells.Threshold);
    }
}
