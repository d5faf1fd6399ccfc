using System.Net.Http.Json;
using Platform.Volunteers.Matching;
using Platform.Volunteers.Roles;

namespace Platform.Volunteers.Tests;

public sealed class MatchingTests(PostgresServer postgres) : IAsyncLifetime
{
    private VolunteersFactory _factory = null!;
    private World _world = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await VolunteersFactory.StartAsync(postgres);
        _world = new World(_factory);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Roles_that_share_skills_district_and_availability_come_first_and_unrelated_ones_not_at_all()
    {
        var org = await _world.OrganisationAsync();
        var applied = await _world.OpenRoleAsync(org, World.Role("Applied for", skills: ["driving"]));
        // Applicant: skills driving + first aid, Castleton, weekends.
        var best = await _world.OpenRoleAsync(org, World.Role("Best", skills: ["driving", "first aid"]));                        // 6 + 2 + 2
        var skillsElsewhere = await _world.OpenRoleAsync(org, World.Role("Skills elsewhere", district: "Brookmere", skills: ["first aid"],
            availability: [Availability.WeekdayEvenings]));                                                                          // 3
        var remote = await _world.OpenRoleAsync(org, World.Role("Remote", remote: true, district: "Dunmore", skills: ["writing"]));   // 2 + 2
        await _world.OpenRoleAsync(org, World.Role("Unrelated", district: "Eastwick", skills: ["cooking"]));
        await _world.OpenRoleAsync(org, World.Role("Too young", skills: ["driving", "first aid"], minimumAge: 40));

        var application = await _world.ApplyAsync(applied.Id, World.Applicant(1, skills: ["Driving", "first aid"]));
        var matches = (await _factory.CreateClient().GetFromJsonAsync<List<RoleMatch>>($"/api/volunteers/applications/{application.ManageToken}/matches", Json.Options))!;

        Assert.Equal([best.Id, remote.Id, skillsElsewhere.Id], matches!.Select(m => m.Role.Id));
        Assert.Equal([10, 4, 3], matches!.Select(m => m.Score));
        Assert.Contains("skills: driving, first aid", matches[0].Because);
    }
}
