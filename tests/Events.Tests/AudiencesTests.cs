using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Audiences;
using Platform.Events.Catalogue;
using Platform.Events.Organising;
using Platform.Events.Registrations;
using Platform.ServiceDefaults.Paging;

namespace Platform.Events.Tests;

/// <summary>
/// Training days an organisation's users create and run, isolated from every other organisation's events, and who may
/// register: a restricted event's domains and code, an invitation-only event's personal codes.
/// </summary>
public sealed class AudiencesTests(PostgresServer postgres) : EventsTest(postgres)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private EventRequest TrainingDay(AudienceRequest? audience, EventKind kind = EventKind.TrainingDay) =>
        TestEvents.Request(Factory.Time.GetUtcNow(), capacity: 20, min: 0, max: 0) with
        {
            Title = "Safeguarding training day",
            Kind = kind,
            Organiser = "Northshire Council",
            Audience = audience,
        };

    private static async Task<Guid> CreatePublishedAsync(HttpClient organiser, EventRequest request)
    {
        var created = await organiser.PostAsJsonAsync("/api/events", request, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadAsync<EventDetail>()).Id;
        Assert.Equal(HttpStatusCode.OK, (await organiser.PostAsync($"/api/events/{id}/publish", null, Cancel)).StatusCode);
        return id;
    }

    private Task<int> PlacesTakenAsync(Guid eventId) =>
        Factory.WithDbAsync(db => db.Events.Where(e => e.Id == eventId).Select(e => e.PlacesTaken).FirstAsync(Cancel));

    private static RegistrationRequest Person(string email, string? code = null) =>
        TestEvents.Delegate(1) with { Email = email, InvitationCode = code };

    [Fact]
    public async Task A_council_user_runs_a_restricted_training_day_that_refuses_other_domains_before_taking_a_place()
    {
        var council = Factory.CreateOrganisationClient(Guid.NewGuid());
        var eventId = await CreatePublishedAsync(council,
            TrainingDay(new AudienceRequest(Audience.Restricted, ["@Northshire.gov.uk", "police.uk"], "SAFE-2027")));

        var refused = await Client.PostAsJsonAsync($"/api/events/{eventId}/registrations", Person("someone@gmail.com"), Cancel);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.ReadAsync<ProblemDetails>();
        Assert.Equal(AudienceRule.Restricted, problem.Extensions["rule"]?.ToString());
        Assert.Contains("northshire.gov.uk", problem.Detail);
        Assert.Equal(0, await PlacesTakenAsync(eventId));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Registrations.CountAsync(r => r.EventId == eventId, Cancel)));

        Assert.Equal(HttpStatusCode.Created,
            (await Client.PostAsJsonAsync($"/api/events/{eventId}/registrations", Person("officer@northshire.gov.uk"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await Client.PostAsJsonAsync($"/api/events/{eventId}/registrations", Person("pc@northshire.police.uk"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await Client.PostAsJsonAsync($"/api/events/{eventId}/registrations", Person("volunteer@gmail.com", "safe-2027"), Cancel)).StatusCode);
        Assert.Equal(3, await PlacesTakenAsync(eventId));

        var shown = await (await Client.GetAsync($"/api/events/{eventId}", Cancel)).ReadAsync<EventDetail>();
        Assert.Equal((Audience.Restricted, true), (shown.Audience.Kind, shown.Audience.HasInvitationCode));
        Assert.Equal(["northshire.gov.uk", "police.uk"], shown.Audience.AllowedDomains);
    }

    [Fact]
    public async Task An_organisation_runs_only_its_own_training_days_and_another_organisation_finds_none_of_them()
    {
        var mine = Factory.CreateOrganisationClient(Guid.NewGuid());
        var theirs = Factory.CreateOrganisationClient(Guid.NewGuid());
        var conference = await mine.PostAsJsonAsync("/api/events", TrainingDay(null, EventKind.Conference), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, conference.StatusCode);

        var created = await mine.PostAsJsonAsync("/api/events", TrainingDay(null), Cancel);
        var draft = await created.ReadAsync<EventDetail>();
        var office = await TestEvents.CreatePublishedAsync(Factory, min: 0, max: 0);

        // The draft is its organisation's to read and run; to anyone else it does not exist.
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync($"/api/events/{draft.Id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/events/{draft.Id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/events/{draft.Id}", Cancel)).StatusCode);
        foreach (var path in new[] { $"/api/events/{draft.Id}/registrations", $"/api/events/{draft.Id}/reports/registrations", $"/api/events/{draft.Id}/speakers" })
            Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(path, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PutAsJsonAsync($"/api/events/{draft.Id}", TrainingDay(null) with { Title = "Taken over" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsync($"/api/events/{draft.Id}/publish", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.GetAsync($"/api/events/{office.EventId}/registrations", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.PostAsync($"/api/events/{office.EventId}/cancel", null, Cancel)).StatusCode);

        var listed = await (await mine.GetAsync("/api/events/all", Cancel)).ReadAsync<Paged<EventSummary>>();
        Assert.Equal(draft.Id, Assert.Single(listed.Items).Id);
        Assert.Empty((await (await theirs.GetAsync("/api/events/all", Cancel)).ReadAsync<Paged<EventSummary>>()).Items);
        Assert.Equal(2, (await (await Factory.CreateStaffClient().GetAsync("/api/events/all", Cancel)).ReadAsync<Paged<EventSummary>>()).Total);

        Assert.Equal(HttpStatusCode.OK, (await mine.PutAsJsonAsync($"/api/events/{draft.Id}", TrainingDay(null) with { Title = "Renamed" }, Cancel)).StatusCode);
        Assert.Equal("Renamed", await Factory.WithDbAsync(db => db.Events.Where(e => e.Id == draft.Id).Select(e => e.Title).FirstAsync(Cancel)));
        Assert.Equal(draft.OrganisationId, await Factory.WithDbAsync(db => db.Events.Where(e => e.Id == draft.Id).Select(e => e.OrganisationId).FirstAsync(Cancel)));
        Assert.NotNull(draft.OrganisationId);
    }

    [Fact]
    public async Task An_invitation_only_event_takes_each_invitee_by_their_own_link_and_nobody_else()
    {
        var staff = Factory.CreateStaffClient();
        var eventId = await CreatePublishedAsync(staff, TrainingDay(new AudienceRequest(Audience.InvitationOnly, null, null)));
        var invited = await staff.PostAsJsonAsync($"/api/events/{eventId}/invitations", new InvitationRequest("Pat Partner", "Pat@Example.org"), Cancel);
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var issued = await invited.ReadAsync<InvitationIssued>();
        Assert.Contains(Uri.EscapeDataString(issued.InvitationCode), issued.RegistrationLink);
        Assert.Equal(HttpStatusCode.Conflict,
            (await staff.PostAsJsonAsync($"/api/events/{eventId}/invitations", new InvitationRequest("Pat again", "pat@example.org"), Cancel)).StatusCode);

        async Task<string?> RefusalAsync(RegistrationRequest request)
        {
            var response = await Client.PostAsJsonAsync($"/api/events/{eventId}/registrations", request, Cancel);
            return response.StatusCode == HttpStatusCode.Created ? null : (await response.ReadAsync<ProblemDetails>()).Extensions["rule"]?.ToString();
        }

        Assert.Equal(AudienceRule.InvitationRequired, await RefusalAsync(Person("pat@example.org")));
        Assert.Equal(AudienceRule.InvitationRequired, await RefusalAsync(Person("pat@example.org", "made-up-code")));
        // The link forwarded to a colleague does not register them.
        Assert.Equal(AudienceRule.InvitationNotYours, await RefusalAsync(Person("colleague@example.org", issued.InvitationCode)));
        Assert.Equal(0, await PlacesTakenAsync(eventId));
        Assert.Null(await RefusalAsync(Person("pat@example.org", issued.InvitationCode)));
        // Used once: the same address cannot take a second place with it.
        Assert.Equal(OneActiveRegistration.Rule, await RefusalAsync(Person("pat@example.org", issued.InvitationCode) with { Name = "Someone else" }));

        var list = await (await staff.GetAsync($"/api/events/{eventId}/invitations", Cancel)).ReadAsync<Paged<InvitationView>>();
        Assert.True(Assert.Single(list.Items).Registered);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.DeleteAsync($"/api/events/{eventId}/invitations/{issued.Invitation.Id}", Cancel)).StatusCode);
    }
}
