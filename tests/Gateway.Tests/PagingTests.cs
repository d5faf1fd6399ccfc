using Platform.TestSupport;

namespace Platform.Gateway.Tests;

/// <summary>The gateway's own lists page the way every service's do (ServiceDefaults' PageRequest).</summary>
public sealed class PagingTests : StaffGatewayTest
{
    [Fact]
    public async Task Every_list_answers_out_of_bounds_paging_with_400_naming_the_field()
    {
        Assert.Empty(await PagingBounds.UnrefusedAsync(Staff, "/gateway/organisations"));
        Assert.Empty(await PagingBounds.UnrefusedAsync(Staff, "/gateway/api-keys"));
    }

    [Fact]
    public async Task Pages_hold_every_item_once_in_a_stable_order_and_the_last_holds_the_rest()
    {
        var token = Staff.DefaultRequestHeaders.Authorization!.Parameter!;
        var before = (await PagingBounds.ReadAllAsync(Staff, "/gateway/organisations", pageSize: 100)).Items.Count;
        foreach (var name in new[] { "Eastfield", "Brookmere", "Dunmore", "Ashby", "Castleton" })
            await Staff.CreateOrganisationAsync(token, $"{name} Community Safety Partnership");

        var (paged, pages) = await PagingBounds.ReadAllAsync(Staff, "/gateway/organisations", pageSize: 2);
        var (whole, _) = await PagingBounds.ReadAllAsync(Staff, "/gateway/organisations", pageSize: 100);

        Assert.Equal(before + 5, whole.Count);
        Assert.All(pages, p => Assert.Equal(before + 5, p.GetProperty("total").GetInt32()));
        Assert.Equal((before + 5 + 1) / 2, pages.Count(p => p.GetProperty("items").GetArrayLength() > 0));
        Assert.Equal(whole.Select(o => o.GetProperty("id").GetGuid()), paged.Select(o => o.GetProperty("id").GetGuid()));
        Assert.Equal(before + 5, paged.Select(o => o.GetProperty("id").GetGuid()).Distinct().Count());
    }
}
