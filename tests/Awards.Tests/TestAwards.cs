using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Nominating;
using Platform.Awards.Programmes;
using Platform.Contracts.Events;
using Platform.ServiceDefaults.Identity;

namespace Platform.Awards.Tests;

/// <summary>Builds programmes and nominations through the API, as the office and the public would.</summary>
public static class TestAwards
{
    public sealed record Scenario(Guid EventId, Guid ProgrammeId, Guid CategoryId, DateTimeOffset CeremonyAt, DateTimeOffset JudgingOpens, DateTimeOffset JudgingCloses);

    /// <summary>
    /// A programme whose nominations are open now (for a day), judging the day after, and a ceremony ten days out. One
    /// category, "Unsung Hero", rubric impact (weight 3) and courage (weight 1).
    /// </summary>
    public static async Task<Scenario> CreateAsync(AwardsFactory factory, bool blind = false, int wordLimit = 50)
    {
        var now = factory.Time.GetUtcNow();
        var eventId = Guid.CreateVersion7();
        var ceremonyAt = now.AddDays(10);
        await factory.DeliverAsync(new PartnershipEventPublished(eventId, "Partnership Conference", "Conference", "County Hall", ceremonyAt, ceremonyAt.AddHours(8)),
            db => db.CeremonyEvents.AnyAsync(e => e.Id == eventId));

        var staff = factory.CreateStaffClient();
        var programme = await PostAsync<ProgrammeView>(staff, "/api/awards/programmes", new
        {
            year = 2030,
            title = "Community Safety Hero Awards 2030",
            nominationsOpen = now.AddHours(-1),
            nominationsClose = now.AddDays(1),
            judgingOpens = now.AddDays(1),
            judgingCloses = now.AddDays(2),
            ceremonyEventId = eventId,
            blindJudging = blind,
        });
        var category = await PostAsync<CategoryView>(staff, $"/api/awards/programmes/{programme.Id}/categories", new
        {
            name = "Unsung Hero",
            eligibility = "Anyone who made their community safer without recognition.",
            citationWordLimit = wordLimit,
            rubric = new[] { new { key = "impact", name = "Impact", weight = 3 }, new { key = "courage", name = "Courage", weight = 1 } },
        });
        return new Scenario(eventId, programme.Id, category.Id, ceremonyAt, now.AddDays(1), now.AddDays(2));
    }

    public static object Nomination(Guid categoryId, string nominee, string? organisation = "Northside Youth Club", string nominatorEmail = "nina@example.org",
        string citation = "Kept the youth club open every night for a year.", string? contact = null) => new
        {
            categoryId,
            nominee = new { name = nominee, organisation, district = "Castleton", contactEmail = contact },
            citation,
            nominator = new { name = "Nina Nominator", email = nominatorEmail, relationship = "Neighbour" },
            consent = true,
        };

    public static Task<NominationCreated> NominateAsync(HttpClient client, Scenario s, object nomination) =>
        PostAsync<NominationCreated>(client, $"/api/awards/programmes/{s.ProgrammeId}/nominations", nomination);

    /// <summary>Nominates and screens eligible; returns the nominee id and the manage token.</summary>
    public static async Task<(Guid NomineeId, Guid NominationId, string Token)> EligibleAsync(AwardsFactory factory, Scenario s, string nominee, string? contact = null)
    {
        var created = await NominateAsync(factory.CreateClient(), s, Nomination(s.CategoryId, nominee, contact: contact));
        var screened = await factory.CreateStaffClient().PostAsJsonAsync($"/api/awards/nominations/{created.Nomination.Id}/screening", new { outcome = "Eligible" });
        Assert.Equal(HttpStatusCode.OK, screened.StatusCode);
        var nomineeId = await factory.WithDbAsync(db => db.Nominations.Where(n => n.Id == created.Nomination.Id).Select(n => n.NomineeId).FirstAsync());
        return (nomineeId, created.Nomination.Id, created.ManageToken);
    }

    public static async Task<HttpClient> JudgeAsync(AwardsFactory factory, Scenario s, string subject, string role = PlatformClaims.Roles.Organisation)
    {
        var added = await factory.CreateStaffClient().PostAsJsonAsync($"/api/awards/categories/{s.CategoryId}/judges", new { subject, name = $"Judge {subject}" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return factory.CreateClientAs(role, subject: subject);
    }

    public static Task<HttpResponseMessage> ScoreAsync(HttpClient judge, Guid nomineeId, int impact, int courage) =>
        judge.PostAsJsonAsync($"/api/awards/judging/nominees/{nomineeId}/scores", new { scores = new Dictionary<string, int> { ["impact"] = impact, ["courage"] = courage } });

    public static async Task<T> PostAsync<T>(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<T>();
    }

    public static async Task<System.Text.Json.JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.Clone();
    }
}
