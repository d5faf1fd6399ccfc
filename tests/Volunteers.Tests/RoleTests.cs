using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Volunteers;
using Platform.ServiceDefaults.Paging;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Roles;

namespace Platform.Volunteers.Tests;

public sealed class RoleTests(PostgresServer postgres) : VolunteersTest(postgres)
{
    private Task<Paged<RoleSummary>> SearchAsync(string query, HttpClient? client = null) =>
        (client ?? Factory.CreateClient()).GetFromJsonAsync<Paged<RoleSummary>>($"/api/volunteers/roles{query}", Json.Options)!;

    [Fact]
    public async Task An_open_role_is_public_only_once_staff_approve_its_organisation()
    {
        var org = await World.OrganisationAsync(approved: false);
        var role = await World.OpenRoleAsync(org);

        Assert.DoesNotContain((await SearchAsync("")).Items, r => r.Id == role.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().GetAsync($"/api/volunteers/roles/{role.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().PostAsJsonAsync($"/api/volunteers/roles/{role.Id}/applications", World.Applicant(1), Json.Options)).StatusCode);

        var approved = await Factory.CreateStaffClient().PostAsync($"/api/volunteers/staff/organisations/{org.Id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        Assert.Contains((await SearchAsync("")).Items, r => r.Id == role.Id);
        var opened = await Factory.PublishedAsync<RoleOpened>(e => e.RoleId == role.Id);
        Assert.Equal(org.Id, opened.OrganisationId);
        // A second approval announces nothing again.
        await Factory.CreateStaffClient().PostAsync($"/api/volunteers/staff/organisations/{org.Id}/approve", null);
        await Task.Delay(1500);
        Assert.Single(Factory.Published<RoleOpened>(e => e.RoleId == role.Id));
    }

    [Fact]
    public async Task Search_text_matches_what_is_typed_literally_percent_and_underscore_included()
    {
        var org = await World.OrganisationAsync();
        var literal = await World.OpenRoleAsync(org, World.Role("Fire_safety checks: 100% of homes"));
        await World.OpenRoleAsync(org, World.Role("Fire safety checks for 1000 homes"));

        Assert.Equal([literal.Id], (await SearchAsync("?q=100%25")).Items.Select(r => r.Id));
        Assert.Equal([literal.Id], (await SearchAsync("?q=fire_safety")).Items.Select(r => r.Id));
        Assert.Empty((await SearchAsync("?q=fire%25homes")).Items);
    }

    [Fact]
    public async Task Search_filters_by_category_district_skill_text_and_remote_and_pages_the_results()
    {
        var org = await World.OrganisationAsync();
        var speed = await World.OpenRoleAsync(org, World.Role("Speedwatch", skills: ["driving"]));
        var home = await World.OpenRoleAsync(org, World.Role("Home fire safety visits", category: RoleCategory.HomeSafety, district: "Brookmere", skills: ["listening"]));
        var online = await World.OpenRoleAsync(org, World.Role("Online victim support", category: RoleCategory.VictimSupport, remote: true, skills: ["listening", "writing"]));
        var draft = await org.Client.PostAsJsonAsync("/api/volunteers/organisation/roles", World.Role("Draft role"), Json.Options);
        var draftId = (await draft.ReadAsync<RoleView>()).Id;

        Assert.Equal([home.Id], (await SearchAsync("?category=HomeSafety")).Items.Select(r => r.Id));
        Assert.Equal([home.Id], (await SearchAsync("?district=brookmere")).Items.Select(r => r.Id));
        Assert.Equal(new[] { home.Id, online.Id }.Order(), (await SearchAsync("?skill=Listening")).Items.Select(r => r.Id).Order());
        Assert.Equal([online.Id], (await SearchAsync("?remote=true")).Items.Select(r => r.Id));
        Assert.Equal([speed.Id], (await SearchAsync("?q=SPEEDWATCH")).Items.Select(r => r.Id));

        var page1 = await SearchAsync("?pageSize=2&page=1");
        var page2 = await SearchAsync("?pageSize=2&page=2");
        Assert.Equal(3, page1.Total);
        Assert.Equal(2, page1.Items.Count);
        Assert.Single(page2.Items);
        Assert.Empty(page1.Items.Select(r => r.Id).Intersect(page2.Items.Select(r => r.Id)));
        Assert.DoesNotContain(page1.Items.Concat(page2.Items), r => r.Id == draftId);

        // Staff see every role, drafts included, and may filter by status; the public may not.
        var staff = await SearchAsync("?status=Draft", Factory.CreateStaffClient());
        Assert.Equal([draftId], staff.Items.Select(r => r.Id));
        var refused = await Factory.CreateClient().GetAsync("/api/volunteers/roles?status=Draft");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["status"], (await refused.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys);
        // Paging is checked as the request is bound, before the search's own fields.
        var outOfBounds = await Factory.CreateClient().GetAsync("/api/volunteers/roles?status=Draft&pageSize=500");
        Assert.Equal(HttpStatusCode.BadRequest, outOfBounds.StatusCode);
        Assert.Equal(["pageSize"], (await outOfBounds.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys);
    }

    [Fact]
    public async Task Bad_role_fields_are_400_naming_each_field_and_nothing_is_stored()
    {
        var org = await World.OrganisationAsync();
        var request = World.Role() with { Title = " ", District = "Atlantis", Places = 0, MinimumAge = 5, ClosesOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)), Skills = [new string('x', 61)] };

        var response = await org.Client.PostAsJsonAsync("/api/volunteers/organisation/roles", request, Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["closesOn", "district", "minimumAge", "places", "skills", "title"],
            (await response.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys.Order());
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Roles.CountAsync()));
    }

    [Fact]
    public async Task Posting_a_role_needs_a_registered_profile()
    {
        var unregistered = Factory.CreateOrganisationClient(Guid.CreateVersion7());
        var noProfile = await unregistered.PostAsJsonAsync("/api/volunteers/organisation/roles", World.Role(), Json.Options);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noProfile.StatusCode);
        Assert.Equal("profile-required", (await noProfile.ReadAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>()).Extensions["rule"]?.ToString());
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Roles.CountAsync()));
    }

    [Fact]
    public async Task Only_organisation_users_manage_roles()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await Factory.CreateStaffClient().GetAsync("/api/volunteers/organisation/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().GetAsync("/api/volunteers/organisation/roles")).StatusCode);
    }

    [Fact]
    public async Task An_organisation_user_cannot_list_every_organisation() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await Factory.CreateOrganisationClient(Guid.CreateVersion7()).GetAsync("/api/volunteers/staff/organisations")).StatusCode);
}
