using System.Text.Json;

namespace Platform.Awards.Tests;

public sealed class OpenApiTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_document_lists_the_public_staff_and_judging_operations()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);

        var document = JsonDocument.Parse(await f.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/awards/programmes/{programmeId}/nominations", paths);
        Assert.Contains("/api/awards/nominations/{token}", paths);
        Assert.Contains("/api/awards/programmes/{id}/results", paths);
        Assert.Contains("/api/awards/judging/nominees/{nomineeId}/scores", paths);
        Assert.Contains("/api/awards/categories/{categoryId}/ranking", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/testing", StringComparison.Ordinal));
    }
}
