using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.AppHost.Hosting.Resources;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Volunteers;

/// <summary>Acting in the Volunteers service through the gateway: an organisation user of a fresh gateway organisation, roles, applicants.</summary>
internal static partial class VolunteersActors
{
    public const string Password = "a long enough passphrase";
    public static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// A gateway organisation, one of its users signed in, and its Volunteers profile registered (not yet approved). The
    /// user's address is <paramref name="email"/> when given (a browser test signs in with it and <see cref="Password"/>).
    /// </summary>
    public static async Task<(Guid Id, string Token)> RegisteredOrganisationAsync(this PlatformFixture platform, string? email = null)
    {
        var staff = await platform.LoginAsStaffAsync();
        var organisation = await platform.Gateway.CreateOrganisationAsync(staff);
        email ??= Addresses.Unique("Coordinator");
        await platform.InviteAndAcceptAsync(staff, email, Password, organisation);
        using var login = platform.CreatePublicClient();
        var token = await login.LoginAsync(email, Password);
        await platform.Gateway.SendAsync(HttpMethod.Put, "/api/volunteers/organisation/profile", token, new
        {
            name = $"Street Pastors {organisation:N}",
            charityNumber = "1100001",
            districts = new[] { "Castleton" },
            contactName = "Pat Coordinator",
            contactEmail = Addresses.Unique("Contact"),
        });
        return (organisation, token);
    }

    public static async Task ApproveAsync(this PlatformFixture platform, Guid organisation) =>
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/volunteers/staff/organisations/{organisation}/approve", await platform.LoginAsStaffAsync());

    public static async Task<Guid> OpenRoleAsync(this PlatformFixture platform, string organisationToken, int places = 5)
    {
        var role = await platform.Gateway.SendAsync(HttpMethod.Post, "/api/volunteers/organisation/roles", organisationToken,
            RoleBody($"Community speedwatch {Guid.CreateVersion7():N}", places));
        var id = role.GetProperty("id").GetGuid();
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/volunteers/organisation/roles/{id}/open", organisationToken);
        return id;
    }

    /// <summary>A role in Castleton, as an organisation posts or edits it.</summary>
    public static object RoleBody(string title, int places) => new
    {
        title,
        description = "Help residents check speeds on their roads.",
        category = "RoadSafety",
        district = "Castleton",
        location = "Village hall",
        remote = false,
        skills = new[] { "driving" },
        timeCommitment = "4 hours a month",
        availability = new[] { "Weekends" },
        minimumAge = 18,
        backgroundCheck = "Basic",
        places,
    };

    /// <summary>A member of the public applies from an address of their own; returns the application id and manage token.</summary>
    public static async Task<(Guid Id, string ManageToken)> ApplyAsync(this PlatformFixture platform, Guid role, string email)
    {
        using var publicClient = platform.CreatePublicClient();
        using var response = await publicClient.PostAsJsonAsync($"/api/volunteers/roles/{role}/applications", new
        {
            name = "Val Volunteer",
            email,
            phone = "07700 900000",
            ageBand = "From25To34",
            availability = new[] { "Weekends" },
            skills = new[] { "driving" },
            district = "Castleton",
            motivation = "I want my village's roads to be safer.",
            consent = true,
        }, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"apply: {(int)response.StatusCode} {body}");
        var created = JsonDocument.Parse(body).RootElement;
        return (created.GetProperty("id").GetGuid(), created.GetProperty("manageToken").GetString()!);
    }

    public static readonly string[] ToActive = ["Screening", "Interview", "BackgroundCheck", "Onboarding", "Active"];

    /// <summary>Walks an application to Active and returns the volunteer link's token, read from the welcome email.</summary>
    public static async Task<string> WalkToActiveAsync(this PlatformFixture platform, string organisationToken, Guid application, string email)
    {
        foreach (var stage in ToActive)
            await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/volunteers/organisation/applications/{application}/stage", organisationToken, new { stage });
        var welcome = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email) && Decoded(m).Contains("/volunteering/you/"), MailTimeout);
        return VolunteerLink().Match(Decoded(welcome)).Groups["token"].Value;
    }

    /// <summary>An active volunteer (address from <paramref name="name"/>) of a new, approved organisation; returns their address and the organisation's session.</summary>
    public static async Task<(string Email, string OrganisationToken)> ActiveVolunteerAsync(this PlatformFixture platform, string name)
    {
        var (organisation, token) = await platform.RegisteredOrganisationAsync();
        await platform.ApproveAsync(organisation);
        var role = await platform.OpenRoleAsync(token);
        var email = Addresses.Unique(name);
        var (application, _) = await platform.ApplyAsync(role, email);
        await platform.WalkToActiveAsync(token, application, email);
        return (email, token);
    }

    // The text part is quoted-printable: undo soft line breaks and "=3D" before looking for a link or a phrase.
    public static string Decoded(ReceivedMessage message) =>
        message.Raw.Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "=").Replace("\r\n", "\n");

    [GeneratedRegex(@"/volunteering/you/(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex VolunteerLink();
}
