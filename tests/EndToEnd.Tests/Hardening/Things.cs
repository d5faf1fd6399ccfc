using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.EndToEnd.Tests.Events;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Volunteers;

namespace Platform.EndToEnd.Tests.Hardening;

/// <summary>
/// Real things for the hardening suites' requests to name: organisation A's role, application, volunteer (with hours
/// and a credential), a published event with a workshop and a registration, the cast's programme, category and a
/// nominee, a news draft and an API key; and a valid body for each operation that writes, so a request can be wrong
/// in one place only and reach as deep as a caller's request can.
/// </summary>
internal sealed class Things
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public required Guid EventId { get; init; }
    public required DateTimeOffset EventStartsAt { get; init; }
    public required Guid CeremonyEventId { get; init; }
    public required Guid PartnerOrganisation { get; init; }
    public required Guid SessionId { get; init; }
    public required string RegistrationToken { get; init; }
    public required Guid RoleId { get; init; }
    public required Guid ApplicationId { get; init; }
    public required string ApplicationToken { get; init; }
    public required Guid VolunteerId { get; init; }
    public required DateOnly VolunteerStartedOn { get; init; }
    public required string VolunteerToken { get; init; }
    public required Guid HoursId { get; init; }
    public required Guid CredentialId { get; init; }
    public required Guid OrganisationA { get; init; }
    public required Guid ProgrammeId { get; init; }
    public required Guid CategoryId { get; init; }
    public required Guid NomineeId { get; init; }
    public required Guid NominationId { get; init; }
    public required string NominationToken { get; init; }
    public required Guid NewsId { get; init; }
    public required Guid ApiKeyId { get; init; }

    /// <summary>What only organisation A (and staff) may see, and whoever holds the link.</summary>
    public IReadOnlyList<string> PrivateToA =>
        [ApplicationId.ToString(), ApplicationToken, VolunteerId.ToString(), VolunteerToken, HoursId.ToString(), CredentialId.ToString()];

    public static async Task<Things> CreateAsync(PlatformFixture platform, Cast cast)
    {
        var staff = cast.Staff.Session!;
        var workshop = await platform.PublishEventAsync(capacity: 5000, workshopCapacities: [5000]);
        using var delegateClient = platform.CreatePublicClient();
        var (registrationToken, _) = await platform.RegisterWithEmailedTokenAsync(delegateClient, workshop, EventsActors.Delegate(Addresses.Unique("Delegate"), workshop.Workshops[0]));

        var a = cast.OrganisationA.Session!;
        await platform.ApproveAsync(cast.OrganisationAId);
        var role = await platform.OpenRoleAsync(a);
        var email = Addresses.Unique("Volunteer");
        var (application, applicationToken) = await platform.ApplyAsync(role, email);
        var volunteerToken = await platform.WalkToActiveAsync(a, application, email);
        using var volunteerClient = platform.CreatePublicClient();
        var me = await volunteerClient.GetFromJsonAsync<JsonElement>($"/api/volunteers/volunteering/{volunteerToken}", Cancel);
        var volunteer = me.GetProperty("id").GetGuid();
        var startedOn = me.GetProperty("startedOn").GetString()!;
        using var logged = await volunteerClient.PostAsJsonAsync($"/api/volunteers/volunteering/{volunteerToken}/hours",
            new { date = startedOn, hours = 2, activity = "Speedwatch" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        var hours = (await logged.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var credential = (await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/volunteers/organisation/volunteers/{volunteer}/credentials", a,
            new { kind = "BackgroundCheck", title = "Basic DBS check", issuedOn = startedOn, expiresOn = DateOnly.Parse(startedOn, CultureInfo.InvariantCulture).AddYears(3) }))
            .GetProperty("id").GetGuid();

        using var nominator = platform.CreatePublicClient();
        using var nominated = await nominator.PostAsJsonAsync($"/api/awards/programmes/{cast.JudgedProgrammeId}/nominations", new
        {
            categoryId = cast.JudgedCategoryId,
            nominee = new { name = "Nia Nominee", organisation = "Northside Youth Club", district = "Castleton" },
            citation = "Kept the youth club open every night.",
            nominator = new { name = "A Nominator", email = Addresses.Unique("Nominator"), relationship = "Neighbour" },
            consent = true,
        }, Cancel);
        var nominatedBody = await nominated.Content.ReadAsStringAsync(Cancel);
        Assert.True(nominated.StatusCode == HttpStatusCode.Created, $"nominate: {(int)nominated.StatusCode} {nominatedBody}");
        var nominee = (await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/awards/categories/{cast.JudgedCategoryId}/nominees", staff))
            .GetProperty("items").EnumerateArray().Single();

        var news = (await platform.Gateway.SendAsync(HttpMethod.Post, "/api/notifications/news", staff,
            new { title = "Matrix news", body = "Not to be published.", topic = "news", district = (string?)null })).GetProperty("id").GetGuid();
        var partner = await platform.Gateway.CreateOrganisationAsync(staff);
        var (keyId, _) = await platform.Gateway.CreateKeyAsync(staff, partner, ["events:read"]);

        return new Things
        {
            EventId = workshop.Id,
            EventStartsAt = workshop.StartsAt,
            CeremonyEventId = cast.CeremonyEventId,
            PartnerOrganisation = partner,
            SessionId = workshop.Workshops[0],
            RegistrationToken = registrationToken,
            RoleId = role,
            ApplicationId = application,
            ApplicationToken = applicationToken,
            VolunteerId = volunteer,
            VolunteerStartedOn = DateOnly.Parse(startedOn, CultureInfo.InvariantCulture),
            VolunteerToken = volunteerToken,
            HoursId = hours,
            CredentialId = credential,
            OrganisationA = cast.OrganisationAId,
            ProgrammeId = cast.JudgedProgrammeId,
            CategoryId = cast.JudgedCategoryId,
            NomineeId = nominee.GetProperty("id").GetGuid(),
            NominationId = nominee.GetProperty("nominations")[0].GetProperty("id").GetGuid(),
            NominationToken = JsonDocument.Parse(nominatedBody).RootElement.GetProperty("manageToken").GetString()!,
            NewsId = news,
            ApiKeyId = keyId,
        };
    }

    /// <summary>A path parameter's value: named by the parameter, or for "id" and "token" by the path around it.</summary>
    public string PathValue(ApiOperation operation, string name)
    {
        var t = operation.Template;
        object value = name switch
        {
            "eventId" => EventId,
            "sessionId" => SessionId,
            "roleId" => RoleId,
            "volunteerId" => VolunteerId,
            "programmeId" => ProgrammeId,
            "categoryId" => CategoryId,
            "nomineeId" => NomineeId,
            "token" when t.StartsWith("/api/events/registrations/", StringComparison.Ordinal) => RegistrationToken,
            "token" when t.StartsWith("/api/volunteers/applications/", StringComparison.Ordinal) => ApplicationToken,
            "token" when t.StartsWith("/api/volunteers/volunteering/", StringComparison.Ordinal) => VolunteerToken,
            "token" when t.StartsWith("/api/awards/nominations/", StringComparison.Ordinal) => NominationToken,
            "id" when t.StartsWith("/api/events/", StringComparison.Ordinal) => EventId,
            "id" when t.StartsWith("/api/volunteers/organisation/roles/", StringComparison.Ordinal) => RoleId,
            "id" when t.StartsWith("/api/volunteers/roles/", StringComparison.Ordinal) => RoleId,
            "id" when t.StartsWith("/api/volunteers/organisation/applications/", StringComparison.Ordinal) => ApplicationId,
            "id" when t.StartsWith("/api/volunteers/organisation/volunteers/{volunteerId}/credentials/", StringComparison.Ordinal) => CredentialId,
            "id" when t.StartsWith("/api/volunteers/organisation/volunteers/", StringComparison.Ordinal) => VolunteerId,
            "id" when t.StartsWith("/api/volunteers/organisation/hours/", StringComparison.Ordinal) => HoursId,
            "id" when t.StartsWith("/api/volunteers/staff/organisations/", StringComparison.Ordinal) => OrganisationA,
            "id" when t.StartsWith("/api/awards/programmes/", StringComparison.Ordinal) => ProgrammeId,
            "id" when t.StartsWith("/api/awards/nominations/", StringComparison.Ordinal) => NominationId,
            "id" when t.StartsWith("/api/notifications/news/", StringComparison.Ordinal) => NewsId,
            "id" when t.StartsWith("/gateway/api-keys/", StringComparison.Ordinal) => ApiKeyId,
            // Links nobody was sent in this run (subscriptions, check-ins): a token nobody has.
            "token" => "matrix-token-nobody-has-0000000000000000000",
            _ => Guid.Empty,
        };
        return value.ToString()!;
    }

    public string? QueryValue(string name) => name switch
    {
        "email" => "nobody@example.org",
        _ => null,
    };

    /// <summary>A valid body for the operation, or null where the sample from its schema has to do.</summary>
    public JsonNode? Body(ApiOperation operation) => JsonSerializer.SerializeToNode<object?>(operation.Key switch
    {
        "POST /gateway/accounts/login" => new { email = "nobody@example.org", password = "not the password" },
        "POST /gateway/organisations" => new { name = "Hardening partner" },
        "POST /gateway/api-keys" => new { name = "hardening", organisationId = PartnerOrganisation, scopes = new[] { "events:read" } },
        "POST /gateway/accounts/invitations" => new { email = "invited.hardening@example.org", organisationId = PartnerOrganisation },
        "POST /gateway/accounts/password/reset" => new { email = "nobody@example.org" },
        "POST /api/events" or "PUT /api/events/{id}" => Awards.AwardsActors.EventBody("Hardening conference", EventStartsAt.AddDays(1)),
        "POST /api/events/{eventId}/sessions" or "PUT /api/events/{eventId}/sessions/{sessionId}" => new
        {
            title = "Hardening workshop", kind = "workshop", startsAt = EventStartsAt.AddHours(3), endsAt = EventStartsAt.AddHours(4),
            room = "Room 9", capacity = 20,
        },
        "POST /api/events/{eventId}/registrations" => EventsActors.Delegate("hardening.delegate@example.org", SessionId),
        "PUT /api/events/registrations/{token}/choices" => new { choices = new[] { SessionId } },
        "PUT /api/volunteers/organisation/profile" => new
        {
            name = "Hardening Street Pastors", charityNumber = "1100001", districts = new[] { "Castleton" }, contactName = "Pat Coordinator",
            contactEmail = "contact.hardening@example.org",
        },
        "POST /api/volunteers/organisation/roles" or "PUT /api/volunteers/organisation/roles/{id}" => new
        {
            title = "Community speedwatch (hardening)",
            description = "Help residents check speeds on their roads.",
            category = "roadSafety",
            district = "Castleton",
            location = "Village hall",
            remote = false,
            skills = new[] { "driving" },
            timeCommitment = "4 hours a month",
            availability = new[] { "weekends" },
            minimumAge = 18,
            backgroundCheck = "basic",
            places = 5,
        },
        "POST /api/volunteers/roles/{roleId}/applications" => new
        {
            name = "Val Volunteer", email = "applicant.hardening@example.org", phone = "07700 900000", ageBand = "from25To34",
            availability = new[] { "weekends" }, skills = new[] { "driving" }, district = "Castleton", motivation = "Safer roads.", consent = true,
        },
        "POST /api/volunteers/organisation/volunteers/{id}/hours" or "POST /api/volunteers/volunteering/{token}/hours" =>
            new { date = VolunteerStartedOn, hours = 1, activity = "Speedwatch (hardening)" },
        "POST /api/volunteers/organisation/volunteers/{volunteerId}/credentials" or "PUT /api/volunteers/organisation/volunteers/{volunteerId}/credentials/{id}" =>
            new { kind = "qualification", title = "First aid", issuedOn = VolunteerStartedOn, expiresOn = VolunteerStartedOn.AddYears(3) },
        "POST /api/volunteers/volunteering/{token}/check-ins" => new { score = 4, comment = "Going well." },
        "POST /api/awards/programmes" => new
        {
            year = 3000, title = "Hardening awards", nominationsOpen = EventStartsAt.AddDays(-20), nominationsClose = EventStartsAt.AddDays(-15),
            judgingOpens = EventStartsAt.AddDays(-15), judgingCloses = EventStartsAt.AddDays(-10), ceremonyEventId = CeremonyEventId, blindJudging = false,
        },
        "POST /api/awards/programmes/{id}/categories" => new
        {
            name = "Hardening category", eligibility = "Anyone.", citationWordLimit = 30,
            rubric = new[] { new { key = "impact", name = "Impact", weight = 1 } },
        },
        "POST /api/awards/programmes/{programmeId}/nominations" => new
        {
            categoryId = CategoryId,
            nominee = new { name = "Nia Nominee", organisation = "Northside Youth Club", district = "Castleton" },
            citation = "Kept the youth club open every night.",
            nominator = new { name = "A Nominator", email = "nominator.hardening@example.org", relationship = "Neighbour" },
            consent = true,
        },
        "POST /api/awards/nominations/{id}/screening" => new { outcome = "eligible" },
        "POST /api/awards/judging/nominees/{nomineeId}/scores" => new { scores = new { impact = 4, courage = 3 } },
        "POST /api/awards/judging/nominees/{nomineeId}/conflict" => new { reason = "A neighbour." },
        "POST /api/notifications/news" => new { title = "Hardening news", body = "Not to be published.", topic = "news" },
        "POST /api/notifications/subscriptions" => new
        {
            email = "subscriber.hardening@example.org", topics = new[] { "news" }, frequency = "immediately", districts = new[] { "Castleton" },
        },
        _ => null,
    });
}
