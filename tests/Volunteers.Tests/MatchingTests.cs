using System.Net.Http.Json;
using Platform.Volunteers.Matching;
using Platform.Volunteers.Roles;

namespace Platform.Volunteers.Tests;

public sealed class MatchingTests(PostgresServer postgres) : VolunteersTest(postgres)
{
    [Fact]
    public async Task Roles_that_share_skills_district_and_availability_come_first_and_unrelated_ones_not_at_all()
    {
        var org = await World.OrganisationAsync();
        var applied = await World.OpenRoleAsync(org, World.Role("Applied for", skills: ["driving"]));
        // Applicant: skills driving + first aid, Castleton, weekends.
        var best = await World.OpenRoleAsync(org, World.Role("Best", skills: ["driving", "first aid"]));                        // 6 + 2 + 2
        var skillsElsewhere = await World.OpenRoleAsync(org, World.Role("Skills elsewhere", district: "Brookmere", skills: ["first aid"],
            availability: [Availability.WeekdayEvenings]));                                                                          // 3
        var remote = await World.OpenRoleAsync(org, World.Role("Remote", remote: true, district: "Dunmore", skills: ["writing"]));   // 2 + 2
        await World.OpenRoleAsync(org, World.Role("Unrelated", district: "Eastwick", skills: ["cooking"]));
        await World.OpenRoleAsync(org, World.Role("Too young", skills: ["driving", "first aid"], minimumAge: 40));

        var application = await World.ApplyAsync(applied.Id, World.Applicant(1, skills: ["Driving", "first aid"]));
        var matches = (await Factory.CreateClient().GetFromJsonAsync<List<RoleMatch>>($"/api/volunteers/applications/{application.ManageToken}/matches", Json.Options))!;

        Assert.Equal([best.Id, remote.Id, skillsElsewhere.Id], matches!.Select(m => m.Role.Id));
        Assert.Equal([10, 4, 3], matches!.Select(m => m.Score));
        Assert.Contains("skills: driving, first aid", matches[0].Because);
    }
}
