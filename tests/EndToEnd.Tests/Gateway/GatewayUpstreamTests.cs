using System.Diagnostics;
using System.Net;

namespace Platform.EndToEnd.Tests.Gateway;

[Collection(DisturbsPlatformCollection.Name)]
public sealed class GatewayUpstreamTests(PlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stopped_service_is_503_problem_details_and_traffic_resumes_when_it_returns()
    {
        const string Path = "/api/awards/programmes";
        using (var before = await platform.Gateway.GetAsync(Path, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await platform.App.StopResourceAsync("awards");
        try
        {
            using var stopped = await platform.Gateway.GetAsync(Path, Cancel);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, stopped.StatusCode);
            var problem = await stopped.ProblemAsync();
            Assert.Contains("awards", problem.GetProperty("detail").GetString());
            Assert.True(stopped.Headers.Contains("X-Request-Id"));
        }
        finally
        {
            await platform.App.StartResourceAsync("awards", Cancel);
        }

        await platform.App.WaitForResourceHealthyAsync("awards", Cancel);
        // The gateway's active health check (every 5 s) brings the destination back.
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var response = await platform.Gateway.GetAsync(Path, Cancel);
            status = response.StatusCode;
            if (status != HttpStatusCode.OK) await Task.Delay(500, Cancel);
        }
        while (status != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task The_gateway_serves_each_services_openapi_document_and_the_swagger_ui()
    {
        using var ui = await platform.Gateway.GetAsync("/docs/index.html", Cancel);
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);

        foreach (var service in new[] { "events", "volunteers", "awards", "notifications" })
        {
            using var document = await platform.Gateway.GetAsync($"/openapi/services/{service}.json", Cancel);
            Assert.Equal(HttpStatusCode.OK, document.StatusCode);
            Assert.Contains($"/api/{service}", await document.Content.ReadAsStringAsync(Cancel));
        }
    }
}
