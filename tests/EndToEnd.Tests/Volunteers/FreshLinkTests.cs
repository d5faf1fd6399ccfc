using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Platform.EndToEnd.Tests.Notifications;

namespace Platform.EndToEnd.Tests.Volunteers;

/// <summary>
/// A volunteer who lost their link types their email address and gets a fresh one by email; the old one stops working.
/// The answer is the same 202 for an address nobody volunteers with, and asking again at once sends nothing more.
/// </summary>
public sealed partial class FreshLinkTests(PlatformFixture platform)
{
    private const string Requests = "/api/volunteers/volunteering/link-requests";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_volunteer_who_lost_their_link_gets_a_fresh_one_and_nobody_learns_whether_an_address_volunteers()
    {
        var (organisation, orgToken) = await platform.RegisteredOrganisationAsync();
        await platform.ApproveAsync(organisation);
        var role = await platform.OpenRoleAsync(orgToken);
        var email = Addresses.Unique("Lost.Link");
        var (application, _) = await platform.ApplyAsync(role, email);
        var old = await platform.WalkToActiveAsync(orgToken, application, email);
        using var publicClient = platform.CreatePublicClient();

        using var known = await publicClient.PostAsJsonAsync(Requests, new { email = email.ToUpperInvariant() }, Cancel);
        using var unknown = await publicClient.PostAsJsonAsync(Requests, new { email = Addresses.Unique("nobody") }, Cancel);
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (known.StatusCode, unknown.StatusCode));
        Assert.Equal(await known.Content.ReadAsStringAsync(Cancel), await unknown.Content.ReadAsStringAsync(Cancel));
        using var malformed = await publicClient.PostAsJsonAsync(Requests, new { email = "not an address" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var sent = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email) && m.Decoded().Contains("You asked for a new link"), VolunteersActors.MailTimeout);
        var fresh = VolunteerLink().Match(VolunteersActors.Decoded(sent)).Groups["token"].Value;
        Assert.NotEqual(old, fresh);
        Assert.Equal(HttpStatusCode.OK, (await publicClient.GetAsync($"/api/volunteers/volunteering/{fresh}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await publicClient.GetAsync($"/api/volunteers/volunteering/{old}", Cancel)).StatusCode);

        // Asked again at once: the same answer, and neither another email nor another link (the one just sent keeps working).
        using var again = await publicClient.PostAsJsonAsync(Requests, new { email }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
        Assert.Single(platform.To(email), m => m.Decoded().Contains("You asked for a new link"));
        Assert.Equal(HttpStatusCode.OK, (await publicClient.GetAsync($"/api/volunteers/volunteering/{fresh}", Cancel)).StatusCode);
    }

    [GeneratedRegex(@"/volunteering/you/(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex VolunteerLink();
}
