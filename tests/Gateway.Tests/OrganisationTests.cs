using System.Net;
using System.Net.Http.Json;

namespace Platform.Gateway.Tests;

/// <summary>Adding partner organisations: a name is one organisation's.</summary>
public sealed class OrganisationTests : StaffGatewayTest
{
    // The fuzz suite found this (2026-12-01, FUZZ_SEED=2036978864): the same name sent twice at once passed the look-up
    // for both, and the unique index's refusal of the second came back as a 500.
    [Fact]
    public async Task The_same_name_sent_many_times_at_once_adds_one_organisation_and_answers_the_rest_409()
    {
        var name = $"Harbourside Residents' Association {Guid.NewGuid():N}"[..48];
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using var response = await Staff.PostAsJsonAsync("/gateway/organisations", new { name }, TestContext.Current.CancellationToken);
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType);
        }));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.StatusCode);
            Assert.Equal("application/problem+json", a.MediaType);
        });
    }
}
