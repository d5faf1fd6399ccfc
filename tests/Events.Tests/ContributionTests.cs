using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Contributions;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;

namespace Platform.Events.Tests;

/// <summary>Calls for lightning talks and stands: partners submit, staff decide, the public line-up shows the accepted ones.</summary>
public sealed class ContributionTests(PostgresServer postgres) : EventsTest(postgres)
{
    private static object Pitch(string kind, string organisation, string? title = null, string? summary = null) => new
    {
        kind,
        title = title ?? $"{organisation}'s two minutes",
        summary = summary ?? "What we do for safer streets.",
        organisation,
        contactName = "Casey Contact",
        contactEmail = "casey@example.org",
    };

    private async Task<TestEvents.Created> EventWithCallsAsync(TimeSpan closesIn)
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(10, 0)]);
        var staff = Factory.CreateStaffClient();
        foreach (var kind in new[] { "lightningTalk", "exhibitionStand" })
            Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/events/{e.EventId}/calls",
                new { kind, closesAt = Factory.Time.GetUtcNow().Add(closesIn) })).StatusCode);
        return e;
    }

    [Fact]
    public async Task Accepted_pitches_appear_in_the_line_up_in_running_order_with_their_organisation_and_stands_with_their_allocation()
    {
        var e = await EventWithCallsAsync(TimeSpan.FromDays(10));
        var startsAt = TestEvents.Request(Factory.Time.GetUtcNow()).StartsAt!.Value;
        var council = Factory.CreateOrganisationClient(Guid.CreateVersion7());
        var charityKey = Factory.CreateClientAs(PlatformClaims.Roles.Partner, Guid.CreateVersion7(), [PartnerPolicy.WriteScope], "apikey:charity");
        var first = await (await council.PostAsJsonAsync($"/api/events/{e.EventId}/contributions", Pitch("lightningTalk", "Northside Council"))).ReadAsync<ContributionView>();
        var second = await (await charityKey.PostAsJsonAsync($"/api/events/{e.EventId}/contributions", Pitch("lightningTalk", "Safe Haven Trust"))).ReadAsync<ContributionView>();
        var stand = await (await council.PostAsJsonAsync($"/api/events/{e.EventId}/contributions", Pitch("exhibitionStand", "Northside Council"))).ReadAsync<ContributionView>();
        Assert.Equal(ContributionStatus.Submitted, first.Status);

        var lineUp = await Client.GetFromJsonAsync<LineUp>($"/api/events/{e.EventId}/line-up", Json.Options);
        Assert.Empty(lineUp!.LightningTalks);

        var staff = Factory.CreateStaffClient();
        // The trust's talk goes first though it was submitted second: the running order is staff's.
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/contributions/{second.Id}/accept",
            new { runningOrder = 1, slotStartsAt = startsAt.AddHours(2), slotEndsAt = startsAt.AddHours(2).AddMinutes(2) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/contributions/{first.Id}/accept",
            new { runningOrder = 2, slotStartsAt = startsAt.AddHours(2).AddMinutes(2), slotEndsAt = startsAt.AddHours(2).AddMinutes(4) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/contributions/{stand.Id}/accept",
            new { allocation = "Stand 4, main hall" })).StatusCode);

        var response = await Client.GetAsync($"/api/events/{e.EventId}/line-up");
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("casey@example.org", text, StringComparison.Ordinal);
        lineUp = JsonSerializer.Deserialize<LineUp>(text, Json.Options)!;
        Assert.Equal(["Safe Haven Trust", "Northside Council"], lineUp.LightningTalks.Select(t => t.Organisation));
        Assert.Equal([1, 2], lineUp.LightningTalks.Select(t => t.RunningOrder));
        Assert.Equal("Stand 4, main hall", Assert.Single(lineUp.Stands).Allocation);

        // A running order or a stand already given is refused, and the first holder keeps it.
        var third = await (await Factory.CreateOrganisationClient(Guid.CreateVersion7())
            .PostAsJsonAsync($"/api/events/{e.EventId}/contributions", Pitch("lightningTalk", "Fire and Rescue"))).ReadAsync<ContributionView>();
        var taken = await staff.PostAsJsonAsync($"/api/events/{e.EventId}/contributions/{third.Id}/accept",
            new { runningOrder = 1, slotStartsAt = startsAt.AddHours(3), slotEndsAt = startsAt.AddHours(3).AddMinutes(2) });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("running-order-taken", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A talk needs a slot inside the event; a stand needs no running order.
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/contributions/{third.Id}/accept",
            new { runningOrder = 3, slotStartsAt = startsAt.AddDays(-1), slotEndsAt = startsAt.AddDays(-1).AddMinutes(2) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/contributions/{stand.Id}/accept",
            new { runningOrder = 3 })).StatusCode);

        // Declined, a talk leaves the line-up and its place in the order.
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/events/{e.EventId}/contributions/{second.Id}/decline", null)).StatusCode);
        lineUp = await Client.GetFromJsonAsync<LineUp>($"/api/events/{e.EventId}/line-up", Json.Options);
        Assert.Equal(["Northside Council"], lineUp!.LightningTalks.Select(t => t.Organisation));

        var all = await staff.GetFromJsonAsync<Paged<ContributionView>>($"/api/events/{e.EventId}/contributions?status=accepted", Json.Options);
        Assert.Equal(2, all!.Total);
    }

    [Fact]
    public async Task Late_oversized_duplicate_and_unauthorised_submissions_are_refused_and_store_nothing()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(10, 0)]);
        var organisation = Guid.CreateVersion7();
        var partner = Factory.CreateOrganisationClient(organisation);
        var path = $"/api/events/{e.EventId}/contributions";

        var noCall = await partner.PostAsJsonAsync(path, Pitch("lightningTalk", "Northside Council"));
        Assert.Equal(HttpStatusCode.Conflict, noCall.StatusCode);
        Assert.Contains("call-not-open", await noCall.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateStaffClient().PutAsJsonAsync($"/api/events/{e.EventId}/calls",
            new { kind = "lightningTalk", closesAt = Factory.Time.GetUtcNow().AddDays(2) })).StatusCode);

        var oversized = await partner.PostAsJsonAsync(path, Pitch("lightningTalk", "Northside Council", title: new string('t', 201), summary: new string('s', 2001)));
        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        var problem = await oversized.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("summary", out _));

        Assert.Equal(HttpStatusCode.BadRequest, (await partner.PostAsJsonAsync(path, new
        {
            kind = 7, title = "A kind nobody offers", summary = "?", organisation = "Northside Council", contactName = "Casey", contactEmail = "casey@example.org",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Factory.CreateStaffClient().PutAsJsonAsync($"/api/events/{e.EventId}/calls",
            new { kind = 7, closesAt = Factory.Time.GetUtcNow().AddDays(2) })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.PostAsJsonAsync(path, Pitch("lightningTalk", "Anyone"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Factory.CreateStaffClient().PostAsJsonAsync(path, Pitch("lightningTalk", "Staff"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Factory.CreateClientAs(PlatformClaims.Roles.Partner, Guid.CreateVersion7(), ["events:read"])
            .PostAsJsonAsync(path, Pitch("lightningTalk", "Reader"))).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await partner.PostAsJsonAsync(path, Pitch("lightningTalk", "Northside Council"))).StatusCode);
        // The same organisation again, as another of its users or its key, under another name: one pitch each.
        var duplicate = await Factory.CreateClientAs(PlatformClaims.Roles.Partner, organisation, [PartnerPolicy.WriteScope])
            .PostAsJsonAsync(path, Pitch("lightningTalk", "Northside Borough Council", title: "Another talk"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("duplicate-contribution", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Factory.Time.Advance(TimeSpan.FromDays(2));
        var late = await Factory.CreateOrganisationClient(Guid.CreateVersion7()).PostAsJsonAsync(path, Pitch("lightningTalk", "Late Trust"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("call-closed", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(1, await Factory.WithDbAsync(db => db.Contributions.CountAsync()));
    }
}
