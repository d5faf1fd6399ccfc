using Platform.TestSupport;

namespace Platform.Volunteers.Tests;

/// <summary>Volunteers' lists page the way every list does (ServiceDefaults' PageRequest).</summary>
public sealed class PagingTests(PostgresServer postgres) : VolunteersTest(postgres)
{
    [Fact]
    public async Task Every_list_answers_out_of_bounds_paging_with_400_naming_the_field()
    {
        var org = await World.OrganisationAsync();
        var staff = Factory.CreateStaffClient();
        var failures = new List<string>();
        failures.AddRange(await PagingBounds.UnrefusedAsync(Factory.CreateClient(), "/api/volunteers/roles"));
        foreach (var path in new[]
                 {
                     "/api/volunteers/organisation/applications", "/api/volunteers/organisation/roles", "/api/volunteers/organisation/volunteers",
                     "/api/volunteers/organisation/volunteers/at-risk", "/api/volunteers/organisation/hours",
                 })
            failures.AddRange(await PagingBounds.UnrefusedAsync(org.Client, path));
        foreach (var path in new[] { "/api/volunteers/staff/organisations", "/api/volunteers/staff/volunteers/at-risk" })
            failures.AddRange(await PagingBounds.UnrefusedAsync(staff, path));

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Pages_hold_every_item_once_in_a_stable_order_and_the_last_holds_the_rest()
    {
        var org = await World.OrganisationAsync();
        for (var i = 0; i < 5; i++) await World.OpenRoleAsync(org, World.Role(title: "Community speedwatch volunteer"));

        var (paged, pages) = await PagingBounds.ReadAllAsync(org.Client, "/api/volunteers/organisation/roles", pageSize: 2);
        var (whole, _) = await PagingBounds.ReadAllAsync(org.Client, "/api/volunteers/organisation/roles", pageSize: 100);

        Assert.Equal([2, 2, 1], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        Assert.All(pages, p => Assert.Equal(5, p.GetProperty("total").GetInt32()));
        Assert.Equal(whole.Select(r => r.GetProperty("id").GetGuid()), paged.Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal(5, paged.Select(r => r.GetProperty("id").GetGuid()).Distinct().Count());
    }
}
