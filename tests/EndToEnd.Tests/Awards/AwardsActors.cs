using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.AppHost.Hosting.Resources;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Awards;

/// <summary>Setting up awards through the gateway as the office, the public and judges would.</summary>
internal static partial class AwardsActors
{
    public const string JudgePassword = "a long enough passphrase";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Programmes are one per year; every test in the run shares the platform's database.
    private static int _nextYear = 2100;

    public static int NextYear() => Interlocked.Increment(ref _nextYear);

    /// <summary>The Awards service's own (adjustable, shared) clock: windows are made relative to it, never to the wall clock.</summary>
    public static async Task<DateTimeOffset> AwardsNowAsync(this PlatformFixture platform)
    {
        using var client = platform.App.CreateHttpClient("awards");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/testing/clock");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", platform.InternalStaffToken("awards"));
        using var response = await client.SendAsync(request, Cancel);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("now").GetDateTimeOffset();
    }

    public static object EventBody(string title, DateTimeOffset startsAt) => new
    {
        title,
        summary = "The partnership conference, with the awards presentation.",
        kind = "Conference",
        venue = new { name = "County Hall", address = "1 High Street", postcode = "NS1 1AA", district = "Castleton" },
        organiser = "Commissioner's Office",
        startsAt,
        endsAt = startsAt.AddHours(8),
        registrationOpensAt = startsAt.AddDays(-90),
        registrationClosesAt = startsAt.AddHours(-1),
        capacity = 300,
        minWorkshops = 0,
        maxWorkshops = 0,
    };

    /// <summary>Creates and publishes the conference in Events, then waits until Awards' read model has heard of it.</summary>
    public static async Task<Guid> PublishCeremonyEventAsync(this PlatformFixture platform, string staff, DateTimeOffset startsAt)
    {
        var created = await platform.Gateway.SendAsync(HttpMethod.Post, "/api/events", staff, EventBody($"Partnership Conference {Guid.CreateVersion7():N}", startsAt));
        var eventId = created.GetProperty("id").GetGuid();
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/events/{eventId}/publish", staff);
        await WaitUntilAsync(() => CeremonyEventKnownAsync(platform, staff, eventId), "Awards to hear of the published event");
        return eventId;
    }

    /// <summary>Through every page: other tests' events may come before this one.</summary>
    private static async Task<bool> CeremonyEventKnownAsync(PlatformFixture platform, string staff, Guid eventId)
    {
        for (var page = 1; ; page++)
        {
            var items = (await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/awards/ceremony-events?page={page}&pageSize=100", staff))
                .GetProperty("items").EnumerateArray().ToList();
            if (items.Any(e => e.GetProperty("id").GetGuid() == eventId)) return true;
            if (items.Count < 100) return false;
        }
    }

    public static async Task<(Guid ProgrammeId, Guid CategoryId)> CreateProgrammeAsync(
        this PlatformFixture platform, string staff, Guid eventId, DateTimeOffset now)
    {
        var programme = await platform.Gateway.SendAsync(HttpMethod.Post, "/api/awards/programmes", staff, new
        {
            year = NextYear(),
            title = "Community Safety Hero Awards",
            nominationsOpen = now.AddHours(-1),
            nominationsClose = now.AddDays(1),
            judgingOpens = now.AddDays(1),
            judgingCloses = now.AddDays(2),
            ceremonyEventId = eventId,
            blindJudging = false,
        });
        var programmeId = programme.GetProperty("id").GetGuid();
        var category = await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/awards/programmes/{programmeId}/categories", staff, new
        {
            name = "Unsung Hero",
            eligibility = "Anyone who made their community safer without recognition.",
            citationWordLimit = 30,
            rubric = new[] { new { key = "impact", name = "Impact", weight = 3 }, new { key = "courage", name = "Courage", weight = 1 } },
        });
        return (programmeId, category.GetProperty("id").GetGuid());
    }

    /// <summary>
    /// An invited partner user (organisation role), signed in; returns their session and gateway user id. Their address
    /// is <paramref name="email"/> when given, and their password <see cref="JudgePassword"/> (a browser test signs in with both).
    /// </summary>
    public static async Task<(string Session, string Subject)> PartnerUserAsync(this PlatformFixture platform, string staff, Guid organisation, string? email = null)
    {
        email ??= Addresses.Unique("Judge");
        await platform.InviteAndAcceptAsync(staff, email, JudgePassword, organisation);
        using var caller = platform.CreatePublicClient();
        var session = await caller.LoginAsync(email, JudgePassword);
        return (session, await platform.SubjectAsync(session));
    }

    public static async Task<string> SubjectAsync(this PlatformFixture platform, string session) =>
        (await platform.Gateway.SendAsync(HttpMethod.Get, "/gateway/accounts/me", session)).GetProperty("id").GetString()!;

    public static async Task<HttpResponseMessage> SendRawAsync(this HttpClient gateway, HttpMethod method, string path, string? token, object? body = null,
        string? apiKey = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        return await gateway.SendAsync(request, Cancel);
    }

    /// <summary>The manage token in an acknowledgement email's link (quoted-printable undone first).</summary>
    public static string ManageToken(ReceivedMessage message)
    {
        var decoded = message.Raw.Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "=");
        var match = ManageLink().Match(decoded);
        Assert.True(match.Success, "no manage link in the email:\n" + decoded);
        return match.Groups["token"].Value;
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {seconds}s for {what}.");
            await Task.Delay(250, Cancel);
        }
    }

    [GeneratedRegex(@"/awards/nominations/(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex ManageLink();
}
