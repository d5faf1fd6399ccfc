using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Nominating;
using Platform.Contracts.Awards;
using Platform.Messaging;
using Platform.ServiceDefaults.Paging;

namespace Platform.Awards.Tests;

/// <summary>Public nominations: bad input names the field and stores nothing; duplicates meet; the manage link withdraws.</summary>
public sealed class NominationTests(PostgresServer postgres)
{
    private static Task<int> StoredAsync(AwardsFactory f) =>
        f.WithDbAsync(async db => await db.Nominations.CountAsync() + await db.Nominees.CountAsync() + await db.Set<OutboxMessage>().CountAsync());

    [Fact]
    public async Task A_citation_over_the_word_limit_is_refused_naming_the_citation_and_nothing_is_stored()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f, wordLimit: 10);

        var response = await f.CreateClient().PostAsJsonAsync($"/api/awards/programmes/{s.ProgrammeId}/nominations",
            TestAwards.Nomination(s.CategoryId, "Sam Hero", citation: string.Join(' ', Enumerable.Repeat("brave", 11))));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("11 words", problem.GetProperty("errors").GetProperty("citation")[0].GetString());
        Assert.Equal(0, await StoredAsync(f));
    }

    [Fact]
    public async Task A_programme_says_whether_nominations_are_open_now_by_the_services_clock()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);
        var client = f.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        Assert.True((await client.GetFromJsonAsync<Platform.Awards.Programmes.ProgrammeView>($"/api/awards/programmes/{s.ProgrammeId}", Json.Options, ct))!.NominationsOpenNow);
        f.Time.Advance(TimeSpan.FromDays(1));
        Assert.False((await client.GetFromJsonAsync<Platform.Awards.Programmes.ProgrammeView>($"/api/awards/programmes/{s.ProgrammeId}", Json.Options, ct))!.NominationsOpenNow);
        var listed = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/awards/programmes", Json.Options, ct);
        Assert.False(listed.GetProperty("items")[0].GetProperty("nominationsOpenNow").GetBoolean());
    }

    [Fact]
    public async Task Missing_consent_and_a_bad_email_are_each_named()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);

        var response = await f.CreateClient().PostAsJsonAsync($"/api/awards/programmes/{s.ProgrammeId}/nominations", new
        {
            categoryId = s.CategoryId,
            nominee = new { name = "Sam" },
            citation = "Brave.",
            nominator = new { name = "Nina", email = "not-an-email", relationship = "Neighbour" },
            consent = false,
        });

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("consent", out _));
        Assert.True(errors.TryGetProperty("nominator.email", out _));
        Assert.Equal(0, await StoredAsync(f));
    }

    [Fact]
    public async Task A_nomination_outside_the_window_is_refused_naming_the_rule_and_nothing_is_stored()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);
        f.Time.Advance(TimeSpan.FromDays(1));

        var response = await f.CreateClient().PostAsJsonAsync($"/api/awards/programmes/{s.ProgrammeId}/nominations", TestAwards.Nomination(s.CategoryId, "Sam Hero"));

        Assert.Equal("nomination-window", (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());
        Assert.Equal(0, await StoredAsync(f));
    }

    [Fact]
    public async Task Nominations_of_the_same_person_in_a_category_are_grouped_under_one_nominee_even_when_they_race()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);
        var client = f.CreateClient();

        // Spelt differently by each nominator; sent at once, so two requests race to create the nominee.
        var created = await Task.WhenAll(
            TestAwards.NominateAsync(client, s, TestAwards.Nomination(s.CategoryId, "Jo O'Neill", "Northside Youth Club", "a@example.org")),
            TestAwards.NominateAsync(client, s, TestAwards.Nomination(s.CategoryId, "jo  oneill", "NORTHSIDE youth club", "b@example.org")),
            TestAwards.NominateAsync(client, s, TestAwards.Nomination(s.CategoryId, "Jó O’Neill", "Northside Youth Club.", "c@example.org")));
        await TestAwards.NominateAsync(client, s, TestAwards.Nomination(s.CategoryId, "Jo O'Neill", "Southside Scouts", "d@example.org"));

        var groups = await f.WithDbAsync(db => db.Nominations.GroupBy(n => n.NomineeId).Select(g => g.Count()).ToListAsync());
        Assert.Equal([1, 3], groups.Order());
        var grouped = (await f.CreateStaffClient().GetFromJsonAsync<Paged<Screening.NomineeGroup>>($"/api/awards/categories/{s.CategoryId}/nominees", Json.Options))!.Items;
        Assert.Equal(created.Select(c => c.Nomination.Id).Order(), grouped!.Single(g => g.Nominations.Count == 3).Nominations.Select(n => n.Id).Order());
    }

    [Fact]
    public async Task The_acknowledgement_carries_the_manage_link_which_withdraws_only_while_nominations_are_open()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);
        var client = f.CreateClient();
        var first = await TestAwards.NominateAsync(client, s, TestAwards.Nomination(s.CategoryId, "Sam Hero"));
        var second = await TestAwards.NominateAsync(client, s, TestAwards.Nomination(s.CategoryId, "Kit Helper"));

        var received = await f.PublishedAsync<NominationReceived>(m => m.NominationId == first.Nomination.Id);
        Assert.Equal((first.ManageToken, "nina@example.org", "Unsung Hero"), (received.ManageToken, received.NominatorEmail, received.CategoryName));

        var withdrawn = await client.DeleteAsync($"/api/awards/nominations/{received.ManageToken}");
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.True((await client.GetFromJsonAsync<NominationReceipt>($"/api/awards/nominations/{first.ManageToken}", Json.Options))!.Withdrawn);

        f.Time.Advance(TimeSpan.FromDays(1));
        var late = await client.DeleteAsync($"/api/awards/nominations/{second.ManageToken}");
        Assert.Equal("nomination-window", (await late.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(NominationStatus.Received, await f.WithDbAsync(db => db.Nominations.Where(n => n.Id == second.Nomination.Id).Select(n => n.Status).FirstAsync()));

        var unknown = await client.GetAsync($"/api/awards/nominations/{new string('A', 43)}");
        Assert.Equal("manage-link", (await unknown.ProblemAsync(HttpStatusCode.NotFound)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Staff_merge_a_near_duplicate_into_the_nominee_it_duplicates()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);
        var (nomineeId, _, _) = await TestAwards.EligibleAsync(f, s, "Joanne Smith");
        var near = await TestAwards.NominateAsync(f.CreateClient(), s, TestAwards.Nomination(s.CategoryId, "Jo Smith"));

        var merged = await f.CreateStaffClient().PostAsJsonAsync($"/api/awards/nominations/{near.Nomination.Id}/screening",
            new { outcome = "MergedDuplicate", mergeIntoNomineeId = nomineeId });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var ineligible = await f.CreateStaffClient().PostAsJsonAsync($"/api/awards/nominations/{near.Nomination.Id}/screening", new { outcome = "Ineligible" });
        Assert.True((await ineligible.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));

        var group = (await f.CreateStaffClient().GetFromJsonAsync<Paged<Screening.NomineeGroup>>($"/api/awards/categories/{s.CategoryId}/nominees", Json.Options))!.Items
            .Single(g => g.Id == nomineeId);
        Assert.Equal([NominationStatus.Eligible, NominationStatus.Merged], group.Nominations.Select(n => n.Status));
    }
}
