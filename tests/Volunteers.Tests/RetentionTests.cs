using System.Net.Http.Json;
using Platform.ServiceDefaults.Secrets;
using Platform.Volunteers.Applications;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Retention;
using Platform.Volunteers.Roles;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Tests;

/// <summary>
/// Retention against a fixture worked out by hand. Six volunteers, start and leave dates in days before "now":
/// <code>
/// org A, RoadSafety, Castleton:   v1 400 ago, active       tenure 400
///                                 v2 200 ago, left 100 ago tenure 100 (Work)
///                                 v3 100 ago, left  80 ago tenure  20 (Moved)
///                                 v4  30 ago, active       tenure  30
/// org B, VictimSupport, Brookmere: v5 380 ago, left 10 ago  tenure 370 (Work)
///                                 v6  50 ago, active       tenure  50
/// </code>
/// RoadSafety: at 3 months v1, v2, v3 are eligible (30 days is too recent), v3 left after 20 days: 2/3. At 6 months
/// v1, v2 are eligible, v2 left after 100 days: 1/2. At 12 months only v1: 1/1. Median tenure of 20, 30, 100, 400 is 65.
/// VictimSupport: only v5 is eligible at each horizon and left after 370 days, past a year: 1/1 each. Median of 50 and
/// 370 is 210.
/// </summary>
public sealed class RetentionTests(PostgresServer postgres) : VolunteersTest(postgres)
{
    private async Task<(World.Org A, World.Org B)> SeedAsync()
    {
        var a = await World.OrganisationAsync(name: "A Speedwatch");
        var b = await World.OrganisationAsync(name: "B Victim Support");
        var roadSafety = await World.OpenRoleAsync(a, World.Role(places: 10));
        var victimSupport = await World.OpenRoleAsync(b, World.Role("Victim supporter", places: 10, category: RoleCategory.VictimSupport, district: "Brookmere"));
        var now = Factory.Time.GetUtcNow();
        await Factory.WithDbAsync(async db =>
        {
            void Add(VolunteerRole role, int startedDaysAgo, int? leftDaysAgo, ExitReason? reason)
            {
                var application = new VolunteerApplication
                {
                    RoleId = role.Id, OrganisationId = role.OrganisationId, Name = "Fixture", Email = "fixture@example.org", Motivation = "-",
                    ManageTokenHash = BearerSecret.Hash(BearerSecret.Create()), Stage = ApplicationStage.Active, CreatedAt = now, UpdatedAt = now,
                };
                db.Applications.Add(application);
                db.Volunteers.Add(new Volunteer
                {
                    OrganisationId = role.OrganisationId, RoleId = role.Id, ApplicationId = application.Id, Name = "Fixture", Email = "fixture@example.org",
                    LinkTokenHash = BearerSecret.Hash(BearerSecret.Create()), StartedAt = now.AddDays(-startedDaysAgo), LastActivityAt = now,
                    Status = leftDaysAgo is null ? VolunteerStatus.Active : VolunteerStatus.Left,
                    LeftAt = leftDaysAgo is null ? null : now.AddDays(-leftDaysAgo.Value), ExitReason = reason,
                });
            }

            var road = await db.Roles.FindAsync(roadSafety.Id);
            var victim = await db.Roles.FindAsync(victimSupport.Id);
            Add(road!, 400, null, null);
            Add(road!, 200, 100, ExitReason.Work);
            Add(road!, 100, 80, ExitReason.Moved);
            Add(road!, 30, null, null);
            Add(victim!, 380, 10, ExitReason.Work);
            Add(victim!, 50, null, null);
            return await db.SaveChangesAsync();
        });
        return (a, b);
    }

    private static void AssertShares(RetentionGroup group, params (int Eligible, int Retained, double? Share)[] expected) =>
        Assert.Equal(expected, group.Retained.Select(r => (r.Eligible, r.Retained, r.Share)));

    [Fact]
    public async Task Figures_by_category_match_the_hand_computed_fixture()
    {
        await SeedAsync();

        var report = await Factory.CreateStaffClient().GetFromJsonAsync<RetentionReport>("/api/volunteers/staff/retention?groupBy=Category", Json.Options);

        Assert.Equal(["roadSafety", "victimSupport"], report!.Groups.Select(g => g.Group));
        var road = report.Groups[0];
        Assert.Equal((4, 2), (road.Volunteers, road.StillWithUs));
        AssertShares(road, (3, 2, 0.667), (2, 1, 0.5), (1, 1, 1.0));
        Assert.Equal(65.0, road.MedianTenureDays);
        Assert.Equal([new ExitReasonCount(ExitReason.Moved, 1), new ExitReasonCount(ExitReason.Work, 1)], road.ExitReasons);

        var victim = report.Groups[1];
        Assert.Equal((2, 1), (victim.Volunteers, victim.StillWithUs));
        AssertShares(victim, (1, 1, 1.0), (1, 1, 1.0), (1, 1, 1.0));
        Assert.Equal(210.0, victim.MedianTenureDays);
        Assert.Equal([new ExitReasonCount(ExitReason.Work, 1)], victim.ExitReasons);
    }

    [Fact]
    public async Task Staff_see_every_organisation_and_district_an_organisation_only_its_own()
    {
        var (a, _) = await SeedAsync();

        var byOrganisation = await Factory.CreateStaffClient().GetFromJsonAsync<RetentionReport>("/api/volunteers/staff/retention", Json.Options);
        Assert.Equal(["A Speedwatch", "B Victim Support"], byOrganisation!.Groups.Select(g => g.Group));
        var byDistrict = await Factory.CreateStaffClient().GetFromJsonAsync<RetentionReport>("/api/volunteers/staff/retention?groupBy=District", Json.Options);
        Assert.Equal([("Brookmere", 210.0), ("Castleton", 65.0)], byDistrict!.Groups.Select(g => (g.Group, g.MedianTenureDays!.Value)));

        var own = await a.Client.GetFromJsonAsync<RetentionReport>("/api/volunteers/organisation/retention?groupBy=District", Json.Options);
        var group = Assert.Single(own!.Groups);
        Assert.Equal(("Castleton", 4), (group.Group, group.Volunteers));
    }
}
