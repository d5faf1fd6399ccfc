using Platform.TestSupport;

namespace Platform.Awards.Tests;

/// <summary>Awards' lists page the way every list does (ServiceDefaults' PageRequest).</summary>
public sealed class PagingTests(PostgresServer postgres)
{
    [Fact]
    public async Task Every_list_answers_out_of_bounds_paging_with_400_naming_the_field()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);
        var judge = await TestAwards.JudgeAsync(f, s, "judge-a");
        var staff = f.CreateStaffClient();
        var failures = new List<string>();
        failures.AddRange(await PagingBounds.UnrefusedAsync(f.CreateClient(), "/api/awards/programmes"));
        foreach (var path in new[]
                 {
                     "/api/awards/ceremony-events", "/api/awards/suggestions", $"/api/awards/categories/{s.CategoryId}/judges",
                     $"/api/awards/categories/{s.CategoryId}/progress", $"/api/awards/categories/{s.CategoryId}/ranking",
                     $"/api/awards/categories/{s.CategoryId}/nominees",
                 })
            failures.AddRange(await PagingBounds.UnrefusedAsync(staff, path));
        foreach (var path in new[] { "/api/awards/judging/panels", $"/api/awards/judging/categories/{s.CategoryId}/nominees" })
            failures.AddRange(await PagingBounds.UnrefusedAsync(judge, path));

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Pages_hold_every_item_once_in_a_stable_order_and_the_last_holds_the_rest()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);
        // Added at the same moment (the test clock does not move), so only the tie-break keeps the order stable.
        foreach (var subject in new[] { "judge-e", "judge-b", "judge-d", "judge-a", "judge-c" }) await TestAwards.JudgeAsync(f, s, subject);
        var path = $"/api/awards/categories/{s.CategoryId}/judges";

        var (paged, pages) = await PagingBounds.ReadAllAsync(f.CreateStaffClient(), path, pageSize: 2);
        var (whole, _) = await PagingBounds.ReadAllAsync(f.CreateStaffClient(), path, pageSize: 100);

        Assert.Equal([2, 2, 1], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        Assert.All(pages, p => Assert.Equal(5, p.GetProperty("total").GetInt32()));
        Assert.Equal(whole.Select(j => j.GetProperty("subject").GetString()), paged.Select(j => j.GetProperty("subject").GetString()));
        Assert.Equal(5, paged.Select(j => j.GetProperty("subject").GetString()).Distinct().Count());
    }
}
