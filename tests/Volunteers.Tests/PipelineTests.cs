using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Volunteers;
using Platform.Volunteers.Applications;
using Platform.Volunteers.Roles;

namespace Platform.Volunteers.Tests;

public sealed class PipelineTests(PostgresServer postgres) : VolunteersTest(postgres)
{
    [Fact]
    public async Task An_application_is_acknowledged_with_its_manage_link_and_the_applicant_can_follow_it()
    {
        var org = await World.OrganisationAsync();
        var role = await World.OpenRoleAsync(org);

        var created = await World.ApplyAsync(role.Id, World.Applicant(7));

        var received = await Factory.PublishedAsync<ApplicationReceived>(e => e.ApplicationId == created.Id);
        Assert.Equal(created.ManageToken, received.ManageToken);
        Assert.Equal(role.Title, received.RoleTitle);
        var managed = await Factory.CreateClient().GetFromJsonAsync<ManagedApplicationView>($"/api/volunteers/applications/{created.ManageToken}", Json.Options);
        Assert.Equal(ApplicationStage.Applied, managed!.Stage);
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().GetAsync($"/api/volunteers/applications/{new string('A', 43)}")).StatusCode);

        var twice = await Factory.CreateClient().PostAsJsonAsync($"/api/volunteers/roles/{role.Id}/applications",
            World.Applicant(8) with { Email = received.Email.ToUpperInvariant() }, Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("already-applied", (await twice.ReadAsync<ProblemDetails>()).Extensions["rule"]?.ToString());
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task An_illegal_transition_is_422_with_the_allowed_next_stages_and_changes_nothing()
    {
        var org = await World.OrganisationAsync();
        var role = await World.OpenRoleAsync(org);
        var application = await World.ApplyAsync(role.Id);

        var response = await org.Client.PostAsJsonAsync($"/api/volunteers/organisation/applications/{application.Id}/stage",
            new StageChangeRequest(ApplicationStage.Active, null), Json.Options);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ReadAsync<ProblemDetails>();
        Assert.Equal("illegal-transition", problem.Extensions["rule"]?.ToString());
        Assert.Equal(["screening", "declined", "withdrawn"], ((JsonElement)problem.Extensions["allowed"]!).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(ApplicationStage.Applied, await Factory.WithDbAsync(db => db.Applications.Where(a => a.Id == application.Id).Select(a => a.Stage).FirstAsync()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Volunteers.CountAsync()));

        var noReason = await org.Client.PostAsJsonAsync($"/api/volunteers/organisation/applications/{application.Id}/stage",
            new StageChangeRequest(ApplicationStage.Declined, " "), Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["reason"], (await noReason.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys);
    }

    [Fact]
    public async Task Walking_to_active_records_each_step_makes_a_volunteer_and_the_last_place_fills_the_role()
    {
        var org = await World.OrganisationAsync();
        var role = await World.OpenRoleAsync(org, World.Role(places: 1));
        var first = await World.ApplyAsync(role.Id, World.Applicant(1));
        var second = await World.ApplyAsync(role.Id, World.Applicant(2));

        ApplicationView view = null!;
        foreach (var stage in World.ToActive) view = await World.MoveAsync(org, first.Id, stage);

        Assert.Equal(ApplicationStage.Active, view.Stage);
        Assert.NotNull(view.VolunteerId);
        Assert.Equal([ApplicationStage.Applied, .. World.ToActive], view.History.Select(h => h.To));
        Assert.All(view.History.Skip(1), h => Assert.Equal($"organisation:organisation-{org.Id}", h.ChangedBy));
        var status = await Factory.PublishedAsync<ApplicationStatusChanged>(e => e.ApplicationId == first.Id && e.To == "Active");
        Assert.NotNull(status.VolunteerToken);
        Assert.Equal(view.VolunteerId, status.VolunteerId);
        var closed = await Factory.PublishedAsync<RoleClosed>(e => e.RoleId == role.Id);
        Assert.Equal("Filled", closed.Reason);

        var late = await Factory.CreateClient().PostAsJsonAsync($"/api/volunteers/roles/{role.Id}/applications", World.Applicant(3), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("role-closed", (await late.ReadAsync<ProblemDetails>()).Extensions["rule"]?.ToString());

        // The second applicant cannot take a place that no longer exists.
        foreach (var stage in World.ToActive[..^1]) await World.MoveAsync(org, second.Id, stage);
        var full = await org.Client.PostAsJsonAsync($"/api/volunteers/organisation/applications/{second.Id}/stage",
            new StageChangeRequest(ApplicationStage.Active, null), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Equal("role-full", (await full.ReadAsync<ProblemDetails>()).Extensions["rule"]?.ToString());
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Volunteers.CountAsync()));
    }

    [Fact]
    public async Task A_role_without_a_background_check_may_skip_it_and_an_applicant_can_withdraw_by_link()
    {
        var org = await World.OrganisationAsync();
        var role = await World.OpenRoleAsync(org, World.Role(check: BackgroundCheck.None));
        var application = await World.ApplyAsync(role.Id);
        await World.MoveAsync(org, application.Id, ApplicationStage.Screening);
        var interview = await World.MoveAsync(org, application.Id, ApplicationStage.Interview);
        Assert.Contains(ApplicationStage.Onboarding, interview.NextStages);
        await World.MoveAsync(org, application.Id, ApplicationStage.Onboarding);

        var withdrawn = await Factory.CreateClient().PostAsJsonAsync($"/api/volunteers/applications/{application.ManageToken}/withdraw",
            new WithdrawRequest("Moving away."), Json.Options);

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(ApplicationStage.Withdrawn, (await withdrawn.ReadAsync<ManagedApplicationView>()).Stage);
        var again = await Factory.CreateClient().PostAsJsonAsync($"/api/volunteers/applications/{application.ManageToken}/withdraw", new WithdrawRequest(null), Json.Options);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Fact]
    public async Task Bad_applications_are_400_naming_each_field_or_422_when_too_young_and_nothing_is_stored()
    {
        var org = await World.OrganisationAsync();
        var role = await World.OpenRoleAsync(org);
        var client = Factory.CreateClient();

        var bad = await client.PostAsJsonAsync($"/api/volunteers/roles/{role.Id}/applications",
            World.Applicant(1) with { Name = "", Email = "nope", AgeBand = null, Availability = [], Motivation = new string('m', 4001), Consent = false }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["ageBand", "availability", "consent", "email", "motivation", "name"],
            (await bad.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys.Order());

        var young = await client.PostAsJsonAsync($"/api/volunteers/roles/{role.Id}/applications", World.Applicant(1, age: AgeBand.From16To17), Json.Options);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, young.StatusCode);
        Assert.Equal("minimum-age", (await young.ReadAsync<ProblemDetails>()).Extensions["rule"]?.ToString());

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/volunteers/roles/{Guid.NewGuid()}/applications", World.Applicant(1), Json.Options)).StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task Two_acceptances_racing_for_the_last_place_give_one_volunteer()
    {
        var org = await World.OrganisationAsync();
        var role = await World.OpenRoleAsync(org, World.Role(places: 1));
        var applications = new[] { await World.ApplyAsync(role.Id, World.Applicant(1)), await World.ApplyAsync(role.Id, World.Applicant(2)) };
        foreach (var a in applications)
            foreach (var stage in World.ToActive[..^1]) await World.MoveAsync(org, a.Id, stage);

        var responses = await Task.WhenAll(applications.Select(a => org.Client.PostAsJsonAsync(
            $"/api/volunteers/organisation/applications/{a.Id}/stage", new StageChangeRequest(ApplicationStage.Active, null), Json.Options)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Volunteers.CountAsync()));
        Assert.Equal((1, RoleStatus.Filled), await Factory.WithDbAsync(db => db.Roles.Where(r => r.Id == role.Id).Select(r => new ValueTuple<int, RoleStatus>(r.PlacesFilled, r.Status)).FirstAsync()));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Applications.CountAsync(a => a.Stage == ApplicationStage.Active)));
    }
}
