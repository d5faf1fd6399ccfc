using System.Net;
using System.Text.Json;
using Platform.EndToEnd.Tests.Events;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Volunteers;

namespace Platform.EndToEnd.Tests.Partners;

/// <summary>
/// Data for partners (issue 18): a partner's key reads the figures of an event its organisation co-runs, by sector, with
/// small counts suppressed so that none can be worked out from the total, and its organisation's own volunteering
/// figures; another organisation's event and figures do not exist for it.
/// </summary>
public sealed class PartnerFiguresTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_partner_key_reads_its_own_organisations_figures_with_small_cells_suppressed_and_not_anothers()
    {
        var staff = await platform.LoginAsStaffAsync();
        var (partner, partnerUser) = await platform.RegisteredOrganisationAsync();
        var (other, _) = await platform.RegisteredOrganisationAsync();
        var (_, key) = await platform.Gateway.CreateKeyAsync(staff, partner, ["events:read", "volunteers:read"]);
        var coRun = await platform.PublishEventAsync(capacity: 30, workshopCapacities: [], minWorkshops: 0, maxWorkshops: 0);
        var notCoRun = await platform.PublishEventAsync(capacity: 30, workshopCapacities: [], minWorkshops: 0, maxWorkshops: 0);
        await platform.Gateway.SendAsync(HttpMethod.Put, $"/api/events/{coRun.Id}/partners", staff, new { organisationIds = new[] { partner } });
        await platform.Gateway.SendAsync(HttpMethod.Put, $"/api/events/{notCoRun.Id}/partners", staff, new { organisationIds = new[] { other } });

        // 6 police, 5 fire and rescue, 1 council: council is under 5, and with the zeros of the other sectors it would be
        // the total less police and fire; so fire (the smallest shown) is suppressed too.
        using var publicClient = platform.CreatePublicClient();
        var sectors = Enumerable.Repeat("Police", 6).Concat(Enumerable.Repeat("FireAndRescue", 5)).Append("Council");
        foreach (var sector in sectors)
            await publicClient.RegisterOkAsync(coRun, Delegate(Addresses.Unique("Figures"), sector));

        var figures = await platform.Gateway.OkWithKeyAsync(HttpMethod.Get, $"/api/events/figures/events/{coRun.Id}", key);
        var registrations = figures.GetProperty("registrations");
        Assert.Equal(12, registrations.GetProperty("total").GetInt32());
        var cells = registrations.GetProperty("cells").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!);
        Assert.Equal(6, cells["police"].GetProperty("count").GetInt32());
        foreach (var hidden in new[] { "fireAndRescue", "council", "health" })
        {
            Assert.True(cells[hidden].GetProperty("suppressed").GetBoolean(), hidden);
            Assert.Equal(JsonValueKind.Null, cells[hidden].GetProperty("count").ValueKind);
        }
        // Nobody has checked in: a total of 0 is itself a small count.
        Assert.True(figures.GetProperty("attendance").GetProperty("totalSuppressed").GetBoolean());
        var listed = await platform.Gateway.OkWithKeyAsync(HttpMethod.Get, "/api/events/figures/events", key);
        Assert.Equal([coRun.Id], listed.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));

        // The organisation's own volunteering: nobody volunteers yet, so every count is suppressed, never shown as 0.
        var volunteering = await platform.Gateway.OkWithKeyAsync(HttpMethod.Get, "/api/volunteers/figures/organisation", key);
        Assert.Equal(partner, volunteering.GetProperty("organisationId").GetGuid());
        Assert.True(volunteering.GetProperty("volunteering").GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, volunteering.GetProperty("volunteering").GetProperty("count").ValueKind);

        // Another organisation's event and figures do not exist for this key.
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Gateway.CallWithKeyAsync(HttpMethod.Get, $"/api/events/figures/events/{notCoRun.Id}", key, null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Gateway.CallWithKeyAsync(HttpMethod.Get, $"/api/volunteers/figures/organisation?organisationId={other}", key, null)).Status);

        // The organisation's own key reads them with figures:read, and only with it.
        var figuresKey = await platform.OrganisationKeyAsync(partnerUser, "figures:read");
        var rolesKey = await platform.OrganisationKeyAsync(partnerUser, "roles:read");
        Assert.Equal(6, (await platform.Gateway.OkWithKeyAsync(HttpMethod.Get, $"/api/events/figures/events/{coRun.Id}", figuresKey))
            .GetProperty("registrations").GetProperty("cells")[0].GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Gateway.CallWithKeyAsync(HttpMethod.Get, "/api/events/figures/county", rolesKey, null)).Status);
    }

    private static object Delegate(string email, string sector) => new
    {
        name = "Fig Delegate",
        email,
        organisation = "Northshire partners",
        sector,
        role = "Officer",
        consentToDelegateList = false,
        choices = Array.Empty<Guid>(),
    };
}
