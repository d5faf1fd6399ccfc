using System.Net;
using System.Net.Http.Json;
using System.Text;
using Platform.Events.Catalogue;
using Platform.Events.CheckIn;
using Platform.Events.Delegates;
using Platform.Events.Organising;
using Platform.Events.Registrations;
using Platform.Events.Reports;
using Platform.Events.Speakers;
using Platform.ServiceDefaults.Paging;

namespace Platform.Events.Tests;

/// <summary>Speakers (shown only with consent), the venue's details, photography consent at the desk, and needs counted by kind.</summary>
public sealed class ProgrammeDetailsTests(PostgresServer postgres) : EventsTest(postgres)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_speakers_who_consented_appear_on_the_public_programme_with_the_venue_details()
    {
        var staff = Factory.CreateStaffClient();
        var e = await TestEvents.CreatePublishedAsync(Factory, min: 0, max: 0);
        var request = TestEvents.Request(Factory.Time.GetUtcNow(), min: 0, max: 0) with
        {
            Venue = new VenueRequest("City Stadium", "1 Stadium Way", "ab1 2cd", "Castleton", "Step-free entrance on the east side.", "Car park B; bus 42."),
        };
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/events/{e.EventId}", request, Cancel)).StatusCode);
        var consented = await staff.PostAsJsonAsync($"/api/events/{e.EventId}/speakers",
            new SpeakerRequest("Sam Speaker", "Chief Inspector", "Northshire Police", "Leads neighbourhood policing.", true, [e.Keynote]), Cancel);
        Assert.Equal(HttpStatusCode.Created, consented.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/speakers",
            new SpeakerRequest("Private Person", "", "", "", false, []), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/speakers",
            new SpeakerRequest("Elsewhere", "", "", "", true, [Guid.NewGuid()]), Cancel)).StatusCode);

        var shown = await (await Client.GetAsync($"/api/events/{e.EventId}", Cancel)).ReadAsync<EventDetail>();
        var speaker = Assert.Single(shown.Speakers);
        Assert.Equal(("Sam Speaker", e.Keynote), (speaker.Name, Assert.Single(speaker.SessionIds)));
        Assert.Equal(("Step-free entrance on the east side.", "Car park B; bus 42."), (shown.Venue.AccessInformation, shown.Venue.TravelAndParking));
        Assert.Equal("Main hall", shown.Programme.Single(s => s.Id == e.Keynote).Room);
        Assert.Equal(2, (await (await staff.GetAsync($"/api/events/{e.EventId}/speakers", Cancel)).ReadAsync<Paged<SpeakerView>>()).Total);

        // Left out, the venue's details stay as they were.
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/events/{e.EventId}", TestEvents.Request(Factory.Time.GetUtcNow(), min: 0, max: 0), Cancel)).StatusCode);
        Assert.Equal("Car park B; bus 42.", (await (await Client.GetAsync($"/api/events/{e.EventId}", Cancel)).ReadAsync<EventDetail>()).Venue.TravelAndParking);
    }

    [Fact]
    public async Task The_desk_sees_photography_consent_and_the_report_counts_needs_by_kind()
    {
        var staff = Factory.CreateStaffClient();
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(5, 0)]);
        var path = $"/api/events/{e.EventId}/registrations";
        var first = await Client.PostAsJsonAsync(path, TestEvents.Delegate(1, e.Workshops[0]) with
        {
            ConsentToPhotography = false,
            AccessNeedKinds = [AccessNeed.WheelchairSpace, AccessNeed.HearingLoop],
            AccessibilityNeeds = "Space for a power chair",
            DietaryRequirementKinds = [DietaryRequirement.Vegan],
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync(path, TestEvents.Delegate(2, e.Workshops[0]) with
        {
            ConsentToPhotography = true,
            AccessNeedKinds = [AccessNeed.WheelchairSpace],
            DietaryRequirementKinds = [DietaryRequirement.Vegan, DietaryRequirement.NutAllergy],
        }, Cancel)).StatusCode);

        var code = (await first.ReadAsync<RegistrationCreated>()).Registration.CheckInCode;
        var checkedIn = await (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/check-ins", new CheckInRequest(code), Cancel)).ReadAsync<CheckInResult>();
        Assert.False(checkedIn.ConsentToPhotography);
        var rows = await (await staff.GetAsync(path, Cancel)).ReadAsync<Paged<DelegateRow>>();
        Assert.Equal([true, false], rows.Items.Select(r => r.ConsentToPhotography));
        Assert.Equal("Space for a power chair", rows.Items[1].AccessibilityNeeds);

        var report = await (await staff.GetAsync($"/api/events/{e.EventId}/reports/registrations", Cancel)).ReadAsync<RegistrationReport>();
        Assert.Equal(2, report.Needs.AccessNeeds.Single(k => k.Key == "wheelchairSpace").Count);
        Assert.Equal(1, report.Needs.AccessNeeds.Single(k => k.Key == "hearingLoop").Count);
        Assert.Equal(0, report.Needs.AccessNeeds.Single(k => k.Key == "quietSpace").Count);
        Assert.Equal(Enum.GetValues<AccessNeed>().Length, report.Needs.AccessNeeds.Count);
        Assert.Equal(2, report.Needs.DietaryRequirements.Single(k => k.Key == "vegan").Count);
        Assert.Equal(1, report.Needs.DietaryRequirements.Single(k => k.Key == "nutAllergy").Count);
        Assert.Equal((1, 2), (report.Needs.WithAccessNotes, report.Needs.WithDietaryNotes));

        var csv = Encoding.UTF8.GetString(await (await staff.GetAsync($"{path.Replace("/registrations", "/reports/registrations.csv")}", Cancel)).Content.ReadAsByteArrayAsync(Cancel));
        Assert.Contains("consent_to_photography,access_need_kinds,dietary_requirement_kinds", csv);
        Assert.Contains("no,wheelchairSpace; hearingLoop,vegan", csv);
    }
}
