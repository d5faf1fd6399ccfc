using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Volunteers;

/// <summary>
/// Volunteers and Notifications together, through the gateway: an organisation recruits a volunteer from a role
/// posted to the public, the volunteer's hours earn a milestone email, other organisations cannot touch any of it, and
/// a volunteer who goes quiet gets one re-engagement email when the service's clock is moved past the lapse period.
/// </summary>
[Collection(DisturbsPlatformCollection.Name)]
public sealed class VolunteeringJourneyTests(PlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> AsAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await platform.Gateway.SendAsync(request, Cancel);
    }

    [Fact]
    public async Task An_organisation_recruits_a_volunteer_whose_approved_hours_bring_a_milestone_email()
    {
        var (organisation, orgToken) = await platform.RegisteredOrganisationAsync();
        var role = await platform.OpenRoleAsync(orgToken);
        using var publicClient = platform.CreatePublicClient();
        Assert.Equal(HttpStatusCode.NotFound, (await publicClient.GetAsync($"/api/volunteers/roles/{role}", Cancel)).StatusCode);

        await platform.ApproveAsync(organisation);
        var search = await publicClient.GetFromJsonAsync<JsonElement>($"/api/volunteers/roles?district=Castleton&category=RoadSafety&organisationId={organisation}", Cancel);
        Assert.Contains(search.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == role);

        var email = Addresses.Unique("Applicant");
        var (application, manageToken) = await platform.ApplyAsync(role, email);
        var mailbox = platform.App.GetMailbox("mail");
        var acknowledgement = await mailbox.WaitForAsync(m => m.IsTo(email), VolunteersActors.MailTimeout);
        Assert.Contains($"/volunteering/applications/{manageToken}", VolunteersActors.Decoded(acknowledgement));

        var illegal = await AsAsync(HttpMethod.Post, $"/api/volunteers/organisation/applications/{application}/stage", orgToken, new { stage = "Active" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, illegal.StatusCode);
        Assert.Equal("illegal-transition", (await illegal.ProblemAsync()).GetProperty("rule").GetString());

        var volunteerToken = await platform.WalkToActiveAsync(orgToken, application, email);
        var me = await publicClient.GetFromJsonAsync<JsonElement>($"/api/volunteers/volunteering/{volunteerToken}", Cancel);
        var volunteer = me.GetProperty("id").GetGuid();
        var startedOn = me.GetProperty("startedOn").GetString();

        using var logged = await publicClient.PostAsJsonAsync($"/api/volunteers/volunteering/{volunteerToken}/hours",
            new { date = startedOn, hours = 10, activity = "Speedwatch sessions" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        var entry = (await logged.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        using var tooMany = await publicClient.PostAsJsonAsync($"/api/volunteers/volunteering/{volunteerToken}/hours",
            new { date = startedOn, hours = 15 }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.True((await tooMany.ProblemAsync()).GetProperty("errors").TryGetProperty("hours", out _));

        // Another organisation's user sees none of it and changes none of it.
        var (_, otherToken) = await platform.RegisteredOrganisationAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await AsAsync(HttpMethod.Get, $"/api/volunteers/organisation/applications/{application}", otherToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AsAsync(HttpMethod.Get, $"/api/volunteers/organisation/volunteers/{volunteer}", otherToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AsAsync(HttpMethod.Post, $"/api/volunteers/organisation/hours/{entry}/approve", otherToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AsAsync(HttpMethod.Post, $"/api/volunteers/organisation/roles/{role}/close", otherToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AsAsync(HttpMethod.Get, "/api/volunteers/staff/retention", otherToken)).StatusCode);

        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/volunteers/organisation/hours/{entry}/approve", orgToken);
        var milestone = await mailbox.WaitForAsync(m => m.IsTo(email) && VolunteersActors.Decoded(m).Contains("10 hours of volunteering"), VolunteersActors.MailTimeout);
        Assert.Contains("Thank you", milestone.Subject);

        var staff = await platform.LoginAsStaffAsync();
        var retention = await platform.Gateway.SendAsync(HttpMethod.Get, "/api/volunteers/staff/retention?groupBy=Organisation", staff);
        Assert.Contains(retention.GetProperty("groups").EnumerateArray(), g => g.GetProperty("group").GetString() == $"Street Pastors {organisation:N}");
    }

    [Fact]
    public async Task A_volunteer_idle_past_the_lapse_period_gets_one_re_engagement_email_not_two()
    {
        var (email, orgToken) = await platform.ActiveVolunteerAsync("Quiet");
        var mailbox = platform.App.GetMailbox("mail");
        static bool IsReengagement(Platform.AppHost.Hosting.Resources.ReceivedMessage m) => VolunteersActors.Decoded(m).Contains("We have not seen you for a while");

        await platform.AdvanceClockAsync("volunteers", TimeSpan.FromDays(46));
        await mailbox.WaitForAsync(m => m.IsTo(email) && IsReengagement(m), VolunteersActors.MailTimeout);
        var atRisk = (await platform.Gateway.SendAsync(HttpMethod.Get, "/api/volunteers/organisation/volunteers/at-risk", orgToken)).GetProperty("items").EnumerateArray().Single();
        Assert.Contains("No activity logged", atRisk.GetProperty("reasons")[0].GetString());
        var reengagedAt = atRisk.GetProperty("reengagedAt").GetDateTimeOffset();

        // Another pass (a moved clock wakes the sweep at once) finds the volunteer still idle, within the cool-off.
        await platform.AdvanceClockAsync("volunteers", TimeSpan.FromDays(1));
        await Task.Delay(TimeSpan.FromSeconds(5), Cancel);
        var again = (await platform.Gateway.SendAsync(HttpMethod.Get, "/api/volunteers/organisation/volunteers/at-risk", orgToken)).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(reengagedAt, again.GetProperty("reengagedAt").GetDateTimeOffset());
        Assert.Single(mailbox.Messages(), m => m.IsTo(email) && IsReengagement(m));
    }

    [Fact]
    public async Task A_background_check_about_to_lapse_is_emailed_to_the_volunteer_and_the_organisation()
    {
        var (organisation, orgToken) = await platform.RegisteredOrganisationAsync();
        await platform.ApproveAsync(organisation);
        var contact = (await platform.Gateway.SendAsync(HttpMethod.Get, "/api/volunteers/organisation/profile", orgToken)).GetProperty("contactEmail").GetString()!;
        var role = await platform.OpenRoleAsync(orgToken);
        var email = Addresses.Unique("Checked");
        var (application, _) = await platform.ApplyAsync(role, email);
        var volunteerToken = await platform.WalkToActiveAsync(orgToken, application, email);
        using var publicClient = platform.CreatePublicClient();
        var me = await publicClient.GetFromJsonAsync<JsonElement>($"/api/volunteers/volunteering/{volunteerToken}", Cancel);
        var startedOn = DateOnly.Parse(me.GetProperty("startedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/volunteers/organisation/volunteers/{me.GetProperty("id").GetGuid()}/credentials", orgToken,
            new { kind = "BackgroundCheck", title = "Enhanced DBS check", issuedOn = startedOn.AddYears(-3), expiresOn = startedOn.AddDays(20) });
        // A moved clock (by a minute) wakes the sweep at once instead of after its interval.
        await platform.AdvanceClockAsync("volunteers", TimeSpan.FromMinutes(1));

        var mailbox = platform.App.GetMailbox("mail");
        static bool IsReminder(Platform.AppHost.Hosting.Resources.ReceivedMessage m) => VolunteersActors.Decoded(m).Contains("Enhanced DBS check");
        await mailbox.WaitForAsync(m => m.IsTo(email) && IsReminder(m), VolunteersActors.MailTimeout);
        await mailbox.WaitForAsync(m => m.IsTo(contact) && IsReminder(m), VolunteersActors.MailTimeout);
    }
}
