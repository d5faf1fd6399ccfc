using Platform.ServiceDefaults.Paging;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Volunteers;
using Platform.Volunteers.Hours;
using Platform.Volunteers.Retention;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Tests;

public sealed class HoursTests(PostgresServer postgres) : VolunteersTest(postgres)
{
    private Task<HttpResponseMessage> LogAsync(string token, HoursRequest request) =>
        Factory.CreateClient().PostAsJsonAsync($"/api/volunteers/volunteering/{token}/hours", request, Json.Options);

    [Fact]
    public async Task Negative_future_and_over_a_day_hours_are_rejected_naming_the_field_and_nothing_is_stored()
    {
        var (_, _, volunteer, token) = await World.VolunteerAsync();
        var today = volunteer.StartedOn;

        foreach (var (request, field) in new (HoursRequest, string)[]
                 {
                     (new(today, -1, null), "hours"),
                     (new(today, 0, null), "hours"),
                     (new(today, 25, null), "hours"),
                     (new(today.AddDays(1), 2, null), "date"),
                     (new(null, 2, null), "date"),
                     (new(today.AddDays(-1), 2, null), "date"), // before the volunteer started
                 })
        {
            var response = await LogAsync(token, request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal([field], (await response.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys);
        }

        Assert.Equal(HttpStatusCode.Created, (await LogAsync(token, new(today, 20, "A long day"))).StatusCode);
        var overDay = await LogAsync(token, new(today, 5, "Too much"));
        Assert.Equal(HttpStatusCode.BadRequest, overDay.StatusCode);
        Assert.Contains("at most 24", (await overDay.ReadAsync<HttpValidationProblemDetails>()).Errors["hours"][0]);
        Assert.Equal([20m], await Factory.WithDbAsync(db => db.Hours.Select(h => h.Hours).ToListAsync()));
    }

    [Fact]
    public async Task Approved_hours_bring_the_first_session_and_ten_hour_milestones_each_once()
    {
        var (org, _, volunteer, token) = await World.VolunteerAsync();
        var day = volunteer.StartedOn;
        var first = await (await LogAsync(token, new(day, 6, "Speedwatch"))).ReadAsync<HoursView>();
        Factory.Time.Advance(TimeSpan.FromDays(1));
        var second = await (await LogAsync(token, new(day.AddDays(1), 4.5m, "Speedwatch"))).ReadAsync<HoursView>();
        Assert.Equal(HoursStatus.Pending, first.Status);
        Assert.Empty(await Factory.WithDbAsync(db => db.Milestones.ToListAsync()));

        Assert.Equal(HttpStatusCode.OK, (await org.Client.PostAsync($"/api/volunteers/organisation/hours/{first.Id}/approve", null)).StatusCode);
        var firstSession = await Factory.PublishedAsync<MilestoneReached>(m => m.VolunteerId == volunteer.Id && m.Milestone == "FirstSession");
        Assert.Equal(6m, firstSession.TotalHours);
        Assert.Empty(Factory.Published<MilestoneReached>(m => m.VolunteerId == volunteer.Id && m.Milestone == "Hours10"));

        Assert.Equal(HttpStatusCode.OK, (await org.Client.PostAsync($"/api/volunteers/organisation/hours/{second.Id}/approve", null)).StatusCode);
        var ten = await Factory.PublishedAsync<MilestoneReached>(m => m.VolunteerId == volunteer.Id && m.Milestone == "Hours10");
        Assert.Equal(10.5m, ten.TotalHours);
        Assert.Equal(HttpStatusCode.Conflict, (await org.Client.PostAsync($"/api/volunteers/organisation/hours/{second.Id}/approve", null)).StatusCode);

        // Hours the organisation logs stand at once, and milestones already reached are not sent again.
        var byOrg = await org.Client.PostAsJsonAsync($"/api/volunteers/organisation/volunteers/{volunteer.Id}/hours", new HoursRequest(day.AddDays(1), 1, null), Json.Options);
        Assert.Equal(HoursStatus.Approved, (await byOrg.ReadAsync<HoursView>()).Status);
        await Task.Delay(1500);
        Assert.Single(Factory.Published<MilestoneReached>(m => m.VolunteerId == volunteer.Id && m.Milestone == "FirstSession"));
        var view = await org.Client.GetFromJsonAsync<VolunteerView>($"/api/volunteers/organisation/volunteers/{volunteer.Id}", Json.Options);
        Assert.Equal(11.5m, view!.ApprovedHours);
        Assert.Equal([MilestoneKind.FirstSession, MilestoneKind.Hours10], view.Milestones.Select(m => m.Kind));
    }

    [Fact]
    public async Task The_volunteer_link_lists_its_own_hours_newest_first_and_no_one_elses()
    {
        var (org, role, volunteer, token) = await World.VolunteerAsync();
        var (_, _, _, otherToken) = await World.VolunteerAsync(org, role);
        var day = volunteer.StartedOn;
        Factory.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(HttpStatusCode.Created, (await LogAsync(token, new(day, 2, "First"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await LogAsync(token, new(day.AddDays(1), 3, "Second"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await LogAsync(otherToken, new(day, 5, "Someone else"))).StatusCode);

        var page = (await Factory.CreateClient().GetFromJsonAsync<Paged<HoursView>>($"/api/volunteers/volunteering/{token}/hours", Json.Options))!;
        Assert.Equal(2, page.Total);
        Assert.Equal(["Second", "First"], page.Items.Select(h => h.Activity));
        Assert.All(page.Items, h => Assert.Equal(HoursStatus.Pending, h.Status));
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().GetAsync($"/api/volunteers/volunteering/{new string('x', 43)}/hours")).StatusCode);
    }

    [Fact]
    public async Task A_volunteer_pauses_through_their_link_until_a_future_date_but_not_after_leaving()
    {
        var (_, _, volunteer, token) = await World.VolunteerAsync();
        var client = Factory.CreateClient();
        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);

        var past = await client.PostAsJsonAsync($"/api/volunteers/volunteering/{token}/pause", new PauseRequest(today), Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(["returnsOn"], (await past.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys);

        var paused = await client.PostAsJsonAsync($"/api/volunteers/volunteering/{token}/pause", new PauseRequest(today.AddDays(30)), Json.Options);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        var view = await paused.ReadAsync<VolunteerView>();
        Assert.Equal(VolunteerStatus.Paused, view.Status);
        Assert.Equal(today.AddDays(30), view.ReturnsOn);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/volunteers/volunteering/{token}/leave", new LeaveRequest(ExitReason.Work, null), Json.Options)).StatusCode);
        var again = await client.PostAsJsonAsync($"/api/volunteers/volunteering/{token}/pause", new PauseRequest(today.AddDays(30)), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(volunteer.Id, view.Id);
    }
}
