using System.Net;
using System.Net.Http.Json;
using Platform.Contracts.Volunteers;
using Platform.Volunteers.Applications;
using Platform.Volunteers.Organisations;
using Platform.Volunteers.Roles;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Tests;

/// <summary>Builds the people and records a test needs through the real API: organisations, roles, applicants, volunteers.</summary>
public sealed class World(VolunteersFactory factory)
{
    public const string District = "Castleton";

    /// <summary>An organisation; <see cref="Client"/> is a fresh client each time, with a token valid at the factory's (moved) time.</summary>
    public sealed record Org(Guid Id, VolunteersFactory Factory)
    {
        public HttpClient Client => Factory.CreateOrganisationClient(Id);
    }

    public async Task<Org> OrganisationAsync(bool approved = true, string? name = null)
    {
        var id = Guid.CreateVersion7();
        var client = factory.CreateOrganisationClient(id);
        var profile = await client.PutAsJsonAsync("/api/volunteers/organisation/profile", Profile(name ?? $"Street Pastors {id:N}"), Json.Options);
        Assert.Equal(HttpStatusCode.Created, profile.StatusCode);
        if (approved)
        {
            var approve = await factory.CreateStaffClient().PostAsync($"/api/volunteers/staff/organisations/{id}/approve", null);
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }
        return new Org(id, factory);
    }

    public static OrganisationProfileRequest Profile(string name) =>
        new(name, "1234567", [District, "Brookmere"], "Pat Coordinator", "coordinator@example.org", "01234 567890");

    public static RoleRequest Role(string title = "Community speedwatch volunteer", int places = 3, RoleCategory category = RoleCategory.RoadSafety,
        string district = District, string[]? skills = null, BackgroundCheck check = BackgroundCheck.Basic, DateOnly? closesOn = null,
        Availability[]? availability = null, bool remote = false, int minimumAge = 18) =>
        new(title, "Help residents check speeds on their roads.", category, district, remote ? null : "Village hall", remote,
            skills ?? ["driving", "Observation"], "4 hours a month", availability ?? [Availability.Weekends], minimumAge, check, places, closesOn);

    public async Task<RoleView> OpenRoleAsync(Org org, RoleRequest? request = null)
    {
        var created = await org.Client.PostAsJsonAsync("/api/volunteers/organisation/roles", request ?? Role(), Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var role = await created.ReadAsync<RoleView>();
        var opened = await org.Client.PostAsync($"/api/volunteers/organisation/roles/{role.Id}/open", null);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        return await opened.ReadAsync<RoleView>();
    }

    public static ApplicationRequest Applicant(int n, string[]? skills = null, AgeBand age = AgeBand.From25To34) =>
        new($"Applicant {n}", $"applicant{n}.{Guid.NewGuid():N}@example.org", "07700 900000", age, [Availability.Weekends],
            skills ?? ["driving"], District, "I want my village's roads to be safer.", "Neighbourhood watch", Consent: true);

    public async Task<ApplicationCreated> ApplyAsync(Guid roleId, ApplicationRequest? request = null)
    {
        var response = await factory.CreateClient().PostAsJsonAsync($"/api/volunteers/roles/{roleId}/applications", request ?? Applicant(1), Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<ApplicationCreated>();
    }

    public static readonly ApplicationStage[] ToActive =
        [ApplicationStage.Screening, ApplicationStage.Interview, ApplicationStage.BackgroundCheck, ApplicationStage.Onboarding, ApplicationStage.Active];

    public async Task<ApplicationView> MoveAsync(Org org, Guid applicationId, ApplicationStage stage, string? reason = null)
    {
        var response = await org.Client.PostAsJsonAsync($"/api/volunteers/organisation/applications/{applicationId}/stage", new StageChangeRequest(stage, reason), Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<ApplicationView>();
    }

    /// <summary>An approved organisation's volunteer: applied, walked to Active; returns the volunteer and their link token.</summary>
    public async Task<(Org Org, RoleView Role, VolunteerView Volunteer, string Token)> VolunteerAsync(Org? org = null, RoleView? role = null)
    {
        org ??= await OrganisationAsync();
        role ??= await OpenRoleAsync(org);
        var application = await ApplyAsync(role.Id, Applicant(1));
        ApplicationView view = null!;
        foreach (var stage in ToActive) view = await MoveAsync(org, application.Id, stage);
        var active = await factory.PublishedAsync<ApplicationStatusChanged>(e => e.ApplicationId == application.Id && e.To == "Active");
        var volunteer = await org.Client.GetFromJsonAsync<VolunteerView>($"/api/volunteers/organisation/volunteers/{view.VolunteerId}", Json.Options);
        return (org, role, volunteer!, active.VolunteerToken!);
    }
}
