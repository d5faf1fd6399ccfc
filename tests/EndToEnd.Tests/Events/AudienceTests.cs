using System.Net;
using System.Net.Http.Json;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Site.Events;

namespace Platform.EndToEnd.Tests.Events;

/// <summary>
/// Who may come, through the gateway: a training day a council's own user creates for council and police staff, and a
/// full event whose waitlist registers the first person waiting once a place frees.
/// </summary>
public sealed class AudienceTests(PlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Password = "a long enough council passphrase";

    private static object TrainingDay(string title, int capacity, object audience, bool waitlistWhenFull = false)
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(30);
        return new
        {
            title,
            summary = "Safeguarding adults at risk: a day for council and police staff.",
            kind = "trainingDay",
            venue = new
            {
                name = "Northshire County Hall", address = "1 High Street", postcode = "NS1 1AA", district = "Castleton",
                accessInformation = "Step-free entrance on Mill Lane; hearing loop in the council chamber.",
                travelAndParking = "Five minutes from the bus station; staff car park B.",
            },
            organiser = "Northshire County Council",
            startsAt,
            endsAt = startsAt.AddHours(7),
            registrationOpensAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            registrationClosesAt = startsAt.AddDays(-1),
            capacity,
            minWorkshops = 0,
            maxWorkshops = 0,
            audience,
            waitlistWhenFull,
        };
    }

    private static object Person(string email) => new
    {
        name = "Alex Officer", email, organisation = "Northshire County Council", sector = "council", role = "Social worker",
        consentToDelegateList = false, consentToPhotography = false, accessNeedKinds = new[] { "hearingLoop" },
    };

    [Fact]
    public async Task A_council_user_runs_a_restricted_training_day_that_refuses_a_gmail_address_and_takes_a_council_one()
    {
        var staff = await platform.LoginAsStaffAsync();
        var council = await platform.Gateway.CreateOrganisationAsync(staff);
        var userEmail = Addresses.Unique("council.trainer");
        await platform.InviteAndAcceptAsync(staff, userEmail, Password, council);
        using var login = platform.CreatePublicClient();
        var trainer = await login.LoginAsync(userEmail, Password);

        var created = await platform.Gateway.SendAsync(HttpMethod.Post, "/api/events", trainer, TrainingDay(
            $"Safeguarding training day {Guid.CreateVersion7():N}", 30,
            new { kind = "restricted", allowedDomains = new[] { "northshire.gov.uk", "police.uk" } }));
        var eventId = created.GetProperty("id").GetGuid();
        Assert.Equal(council, created.GetProperty("organisationId").GetGuid());
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/events/{eventId}/publish", trainer);

        using var visitor = platform.CreatePublicClient();
        using (var refused = await visitor.PostAsJsonAsync($"/api/events/{eventId}/registrations", Person(Addresses.Unique("someone").Replace("@example.org", "@gmail.com", StringComparison.Ordinal)), Cancel))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = await refused.ProblemAsync();
            Assert.Equal("audience-restricted", problem.GetProperty("rule").GetString());
            Assert.Contains("northshire.gov.uk", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var shown = await visitor.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/events/{eventId}", Cancel);
        Assert.Equal(30, shown.GetProperty("placesLeft").GetInt32());
        Assert.Equal("restricted", shown.GetProperty("audience").GetProperty("kind").GetString());

        var officer = $"officer.{Guid.NewGuid():N}@northshire.gov.uk";
        using (var taken = await visitor.PostAsJsonAsync($"/api/events/{eventId}/registrations", Person(officer), Cancel))
            Assert.Equal(HttpStatusCode.Created, taken.StatusCode);

        // The trainer runs their own day: the check-in list shows who comes and that they said no to photographs.
        var list = await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/events/{eventId}/registrations", trainer);
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(officer, row.GetProperty("email").GetString());
        Assert.False(row.GetProperty("consentToPhotography").GetBoolean());
    }

    [Fact]
    public async Task A_place_freed_at_a_full_event_registers_the_first_person_on_its_waitlist()
    {
        var staff = await platform.LoginAsStaffAsync();
        var created = await platform.Gateway.SendAsync(HttpMethod.Post, "/api/events", staff, TrainingDay(
            $"Full training day {Guid.CreateVersion7():N}", 1, new { kind = "public" }, waitlistWhenFull: true));
        var e = new TestEvent(created.GetProperty("id").GetGuid(), created.GetProperty("title").GetString()!, DateTimeOffset.UtcNow.AddDays(30), []);
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/events/{e.Id}/publish", staff);

        using var visitor = platform.CreatePublicClient();
        var (firstToken, _) = await platform.RegisterWithEmailedTokenAsync(visitor, e, Person(Addresses.Unique("first")));
        var waiting = Addresses.Unique("waiting");
        using (var queued = await visitor.PostAsJsonAsync($"/api/events/{e.Id}/registrations", Person(waiting), Cancel))
        {
            Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
            Assert.Equal(1, (await queued.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancel)).GetProperty("position").GetInt32());
        }

        using (var cancelled = await visitor.DeleteAsync(EventsActors.ManagePath(firstToken), Cancel))
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        // The promoter registers them as they asked: the confirmation email with their manage link is the sign.
        var token = await platform.ManageTokenFromEmailAsync(waiting);
        var registration = await visitor.ManagedAsync(token);
        Assert.Equal("confirmed", registration.GetProperty("status").GetString());
        Assert.Equal(e.Id, registration.GetProperty("eventId").GetGuid());
    }
}
