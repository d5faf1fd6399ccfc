using System.Net;
using System.Net.Http.Json;
using Platform.ServiceDefaults.Paging;
using Platform.Volunteers.Credentials;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Tests;

/// <summary>The organisation's list of checks and qualifications to chase: its own current volunteers' only, soonest first.</summary>
public sealed class CredentialsTests(PostgresServer postgres) : VolunteersTest(postgres)
{
    [Fact]
    public async Task The_expiring_list_shows_the_organisations_own_current_credentials_due_within_the_window_soonest_first()
    {
        var (org, role, stayer, _) = await World.VolunteerAsync();
        var (_, _, leaver, _) = await World.VolunteerAsync(org, role);
        var (other, _, stranger, _) = await World.VolunteerAsync();
        var today = stayer.StartedOn;
        var expired = await RecordAsync(org, stayer.Id, "First aid", today.AddDays(-1));
        var soon = await RecordAsync(org, stayer.Id, "Enhanced DBS", today.AddDays(30));
        await RecordAsync(org, stayer.Id, "Safeguarding", today.AddDays(90));
        await RecordAsync(org, stayer.Id, "Driving licence", null);
        await RecordAsync(org, leaver.Id, "Enhanced DBS", today.AddDays(5));
        await RecordAsync(other, stranger.Id, "Enhanced DBS", today.AddDays(5));
        var left = await org.Client.PostAsJsonAsync($"/api/volunteers/organisation/volunteers/{leaver.Id}/leave", new LeaveRequest(ExitReason.Moved, null), Json.Options);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);

        var list = (await org.Client.GetFromJsonAsync<Paged<ExpiringCredentialView>>("/api/volunteers/organisation/credentials/expiring", Json.Options))!;
        Assert.Equal([expired.Id, soon.Id], list.Items.Select(c => c.Id));
        Assert.Equal(2, list.Total);
        Assert.True(list.Items[0].Expired);
        Assert.False(list.Items[1].Expired);
        Assert.Equal(stayer.Name, list.Items[1].VolunteerName);

        var wider = (await org.Client.GetFromJsonAsync<Paged<ExpiringCredentialView>>("/api/volunteers/organisation/credentials/expiring?withinDays=120", Json.Options))!;
        Assert.Equal(3, wider.Total);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("367")]
    [InlineData("soon")]
    public async Task A_window_out_of_range_is_a_400_naming_the_field(string within)
    {
        var org = await World.OrganisationAsync();
        var response = await org.Client.GetAsync($"/api/volunteers/organisation/credentials/expiring?withinDays={within}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("withinDays", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<CredentialView> RecordAsync(World.Org org, Guid volunteer, string title, DateOnly? expiresOn)
    {
        var created = await org.Client.PostAsJsonAsync($"/api/volunteers/organisation/volunteers/{volunteer}/credentials",
            new CredentialRequest(CredentialKind.Qualification, title, null, expiresOn), Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await created.ReadAsync<CredentialView>();
    }
}
