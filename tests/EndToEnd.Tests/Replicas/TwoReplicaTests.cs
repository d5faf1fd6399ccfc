using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Platform.AppHost.Hosting.Resources;
using Platform.EndToEnd.Tests.Awards;
using Platform.EndToEnd.Tests.Events;
using Platform.EndToEnd.Tests.Faults;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Volunteers;

namespace Platform.EndToEnd.Tests.Replicas;

/// <summary>
/// A subset of the suite's journeys on a platform with two copies of every project (issue 22; the whole suite twice
/// would double CI's time, README "Scale-out"): every project's two copies answer; a form one copy of the site rendered
/// is accepted by the other (one Data Protection key ring); a waitlist promotion; registrations
/// and a news fan-out sent by two Notifications with no email twice; and one copy of every service and of the gateway
/// killed mid-work (registrations, a fan-out, a lapse sweep and an embargo sweep under way), whose work the other
/// copies finish, each sweep acting once. Every wait here ends at a deadline and says what it was waiting for.
/// </summary>
[Collection(OwnPlatformCollection.Name)]
public sealed class TwoReplicaTests(TwoReplicaPlatform platform) : IClassFixture<TwoReplicaPlatform>
{
    private static readonly TimeSpan CopyStart = TimeSpan.FromMinutes(3);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_project_runs_two_copies_each_answering_at_its_own_port()
    {
        foreach (var project in platform.App.Model().Resources.OfType<ProjectResource>())
        {
            var copies = await Copies.OfAsync(platform.App, project.Name);
            Assert.True(copies.Count == 2, $"{project.Name}: {copies.Count} copies ({string.Join(", ", copies)})");
            var pids = new HashSet<int>();
            foreach (var copy in copies)
            {
                var running = await Copies.WaitUntilRunningAsync(platform.App, copy, CopyStart);
                pids.Add(FaultLoad.PidOf(running.Snapshot) ?? 0);
                await Copies.WaitUntilHealthyAsync(platform.App, copy, CopyStart);
            }

            Assert.True(pids.Count == 2 && !pids.Contains(0), $"{project.Name}: processes {string.Join(", ", pids)}");
        }
    }

    [Fact]
    public async Task A_form_rendered_by_one_copy_of_the_site_is_accepted_by_the_other()
    {
        var copies = await Copies.OfAsync(platform.App, "web");
        using var direct = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

        using var form = await direct.GetAsync(new Uri(Copies.AddressOf(platform.App, copies[0]), "/email-updates"), Cancel);
        var page = await form.Content.ReadAsStringAsync(Cancel);
        Assert.True(form.StatusCode == HttpStatusCode.OK, $"{copies[0]}: {(int)form.StatusCode}");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__antiforgery\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("site-antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        Assert.NotEmpty(token);

        // The address-only step of the sign-up form: it changes nothing, and is refused (400) unless its token checks out.
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(Copies.AddressOf(platform.App, copies[1]), "/email-updates?handler=Start"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__antiforgery"] = token, ["Form.Email"] = Addresses.Unique("Copy.Form") }),
        };
        post.Headers.Add("Cookie", cookie);
        using var posted = await direct.SendAsync(post, Cancel);
        Assert.True(posted.StatusCode == HttpStatusCode.OK, $"{copies[1]} answered the form {copies[0]} rendered with {(int)posted.StatusCode}");
    }

    [Fact]
    public Task A_cancellation_promotes_the_first_waiting_delegate_at_two_copies() =>
        new WaitlistTests(platform).A_cancellation_offers_the_place_to_the_first_waiting_delegate_who_accepts_and_is_confirmed();

    [Fact]
    public async Task Registrations_and_a_news_fan_out_through_two_copies_send_every_email_once()
    {
        await using var load = new FaultLoad(platform);
        await load.StartRegistrationsAsync(callers: 2);
        await load.StartFanOutAsync(subscribers: 200, district: "Brookmere");
        await load.WaitForAcceptedAsync(10, TimeSpan.FromSeconds(90));

        await load.AssertNothingLostAndNothingTwiceAsync(within: TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task One_copy_of_every_service_and_of_the_gateway_killed_mid_work_leaves_the_other_copies_to_finish_it()
    {
        var app = platform.App;
        var mailbox = app.GetMailbox("mail");
        // Work for the sweeps, made while both copies run: a volunteer about to lapse, and a winner under embargo.
        var (quiet, _) = await platform.ActiveVolunteerAsync("Quiet.Copy");   // who logs nothing from now on
        var programme = await EmbargoedWinnerAsync();
        await using var load = new FaultLoad(platform);
        await load.StartRegistrationsAsync(callers: 2);
        await load.StartFanOutAsync(subscribers: 300, district: "Ashford Vale");
        await load.WaitForAcceptedAsync(4, TimeSpan.FromSeconds(90));
        await load.WaitForFanOutUnderWayAsync(delivered: 20);

        // Both copies' clocks pass the lapse period and the ceremony: both copies' sweeps wake, and one of each runs.
        await Copies.AdvanceClocksAsync(platform, "volunteers", TimeSpan.FromDays(46));
        await Copies.AdvanceClocksAsync(platform, "awards", TimeSpan.FromDays(60));

        // kill -9 of the first copy of each, mid-registrations, mid-fan-out and while the sweeps run.
        var killed = new List<(string Project, string Copy, string Survivor)>();
        foreach (var project in new[] { "events", "volunteers", "awards", "notifications", "gateway" })
        {
            var copies = await Copies.OfAsync(app, project);
            killed.Add((project, copies[0], copies[1]));
        }

        var pids = killed.ToDictionary(k => k.Copy, k => FaultLoad.ProcessIdOf(app, k.Copy));
        foreach (var pid in pids.Values) Process.GetProcessById(pid).Kill();
        var acceptedAtKill = load.AcceptedCount;
        // A killed sweep's lock went with its session. The survivor, woken by the clock with the other copy's pass under
        // way (the first copy's clock moves first), has been waiting for the lock and runs its pass as soon as it is free:
        // skipping instead left the sweep to the survivor's next interval (five minutes for Volunteers). The moves here
        // wake the survivors once more in case their pass had already ended before the kill.
        foreach (var (project, _, survivor) in killed.Where(k => k.Project is "volunteers" or "awards"))
            await Copies.AdvanceClocksAsync(platform, project, TimeSpan.FromMinutes(1), [survivor]);

        // Deadlines, not expectations: what follows a kill took 2 minutes once in a run whose other platform was busy
        // with its fault tests (the two-core machine shared by two platforms).
        await load.WaitForAcceptedAsync(acceptedAtKill + 4, TimeSpan.FromSeconds(180));
        await mailbox.WaitForAsync(m => m.IsTo(quiet) && IsReengagement(m), TimeSpan.FromSeconds(180));
        await AwardsActors.WaitUntilAsync(async () => await AnnouncedAsync(programme), "the embargo to lift at the ceremony", seconds: 180);
        await AwardsActors.WaitUntilAsync(async () => await WinnersAnnouncedSentAsync(programme) == 1, "WinnersAnnounced to be published", seconds: 180);
        await load.AssertNothingLostAndNothingTwiceAsync(within: TimeSpan.FromSeconds(120));

        // The platform starts each killed copy again by itself; their clocks start afresh and are brought level.
        foreach (var (_, copy, _) in killed)
        {
            await Copies.WaitForAsync(app, copy, e => e.Snapshot.State?.Text == KnownResourceStates.Running
                && FaultLoad.PidOf(e.Snapshot) is { } now && now != pids[copy], "started again by the platform", CopyStart);
            await Copies.WaitUntilHealthyAsync(app, copy, CopyStart);
        }

        await Copies.AdvanceClocksAsync(platform, "volunteers", TimeSpan.Zero);
        await Copies.AdvanceClocksAsync(platform, "awards", TimeSpan.Zero);

        // Each sweep acted once whichever copies ran it: one re-engagement email (no Message-ID came twice: above) and
        // one announcement.
        Assert.Single(mailbox.Messages(), m => m.IsTo(quiet) && IsReengagement(m));
        Assert.Equal(1, await app.CountAsync("awardsdb",
            "SELECT count(*) FROM outbox_message WHERE message_type LIKE '%WinnersAnnounced%' AND body LIKE @p", ("p", $"%{programme}%")));
    }

    private static bool IsReengagement(ReceivedMessage m) => VolunteersActors.Decoded(m).Contains("We have not seen you for a while", StringComparison.Ordinal);

    /// <summary>A programme whose one category's winner is confirmed and under embargo until its ceremony, 60 days on.</summary>
    private async Task<Guid> EmbargoedWinnerAsync()
    {
        var staff = await platform.LoginAsStaffAsync();
        var now = await platform.AwardsNowAsync();
        var (programme, category) = await platform.CreateProgrammeAsync(staff, await platform.PublishCeremonyEventAsync(staff, now.AddDays(60)), now);
        using var anyone = platform.CreatePublicClient();
        using (var nominated = await anyone.PostAsJsonAsync($"/api/awards/programmes/{programme}/nominations", new
        {
            categoryId = category,
            nominee = new { name = "Robin Copy", organisation = "Kingsmere Neighbourhood Watch", district = "Castleton" },
            citation = "Ran the street's watch through two winters.",
            nominator = new { name = "Lee Nominator", email = Addresses.Unique("Copy.Nominator"), relationship = "Neighbour" },
            consent = true,
        }, Cancel))
            Assert.Equal(HttpStatusCode.Created, nominated.StatusCode);

        var nominee = (await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/awards/categories/{category}/nominees", staff)).GetProperty("items")[0];
        var nomineeId = nominee.GetProperty("id").GetGuid();
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/awards/nominations/{nominee.GetProperty("nominations")[0].GetProperty("id").GetGuid()}/screening",
            staff, new { outcome = "Eligible" });
        // Judging closes on both copies' clocks (whichever copy serves the shortlist), the ceremony still ahead.
        await Copies.AdvanceClocksAsync(platform, "awards", TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/awards/categories/{category}/shortlist", staff, new { nomineeIds = new[] { nomineeId } });
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/awards/categories/{category}/winner", staff, new { nomineeId });
        Assert.False(await AnnouncedAsync(programme));
        return programme;
    }

    private async Task<bool> AnnouncedAsync(Guid programme)
    {
        using var anyone = platform.CreatePublicClient();
        try
        {
            return JsonDocument.Parse(await anyone.GetStringAsync($"/api/awards/programmes/{programme}/results", Cancel)).RootElement.GetProperty("announced").GetBoolean();
        }
        catch (HttpRequestException) when (!Cancel.IsCancellationRequested)
        {
            return false;   // a killed copy's port, until DCP's proxy stops choosing it: ask again
        }
    }

    private Task<long> WinnersAnnouncedSentAsync(Guid programme) => platform.App.CountAsync("awardsdb",
        "SELECT count(*) FROM outbox_message WHERE message_type LIKE '%WinnersAnnounced%' AND body LIKE @p AND sent_at IS NOT NULL", ("p", $"%{programme}%"));
}
