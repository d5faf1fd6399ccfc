using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Telemetry;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.Telemetry;

/// <summary>The secret of an emailed link never leaves a service in a span: not a server span's path, not a client span's URL.</summary>
public sealed class TokenRedactionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task Exported_spans_carry_no_link_token_in_their_path_or_url()
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        var collectorBuilder = WebApplication.CreateSlimBuilder();
        collectorBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var collector = collectorBuilder.Build();
        collector.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue((context.Request.Path.Value!, body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
        });
        await collector.StartAsync(Cancel);

        var configuration = TestApp.WithKey(TestKeys.NewSigningKey());
        configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Urls.First();
        configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        configuration["OTEL_SERVICE_NAME"] = "events";
        configuration["OTEL_BSP_SCHEDULE_DELAY"] = "100";

        // A route whose parameter is named as a token, and one whose short code is not token-shaped but still named so.
        var (manage, code, called) = (NewToken(), "ABCD2345", NewToken());
        var outgoing = $"{collector.Urls.First()}/api/volunteers/volunteering/{called}/hours";
        await using var app = await TestApp.StartAsync(a =>
        {
            a.MapGet("/api/events/registrations/{token}", (string token) => Results.Ok());
            a.MapGet("/check-in/{checkInToken}", (string checkInToken) => Results.Ok());
            a.MapGet("/calls-out", async (IHttpClientFactory clients) =>
            {
                using var response = await clients.CreateClient().GetAsync(new Uri(outgoing));
                return Results.Ok();
            });
        }, configuration, configureServices: s => s.AddHttpClient());
        var client = app.GetTestClient();
        foreach (var path in new[] { $"/api/events/registrations/{manage}", $"/check-in/{code}", "/calls-out" })
        {
            using var response = await client.GetAsync(path, Cancel);
            response.EnsureSuccessStatusCode();
        }

        OtlpProtobuf.Span[] Spans() => [.. received.Where(r => r.Path == "/v1/traces").SelectMany(r => OtlpProtobuf.Spans(r.Body))];
        (string Attribute, string Value)[] expected =
        [
            ("url.path", "/api/events/registrations/{token}"),
            ("url.path", "/check-in/{token}"),
            ("url.full", $"{collector.Urls.First()}/api/volunteers/volunteering/{{token}}/hours"),
        ];
        // Waits for the spans asserted on, not for a count: the collector's own requests (in this process, so seen by
        // the app's listener) are server spans too, and the client span may come in a later batch than they do.
        bool AllExported() => expected.All(e => Spans().Any(s => s.Attributes.GetValueOrDefault(e.Attribute) as string == e.Value));
        for (var i = 0; i < 200 && !AllExported(); i++)
        {
            await Task.Delay(50, Cancel);
        }

        var spans = Spans();
        var attributes = spans.SelectMany(s => s.Attributes.Values.OfType<string>().Append(s.Name)).ToList();
        foreach (var (attribute, value) in expected) Assert.Contains(value, spans.Select(s => s.Attributes.GetValueOrDefault(attribute)));
        foreach (var secret in new[] { manage, code, called })
        {
            Assert.DoesNotContain(attributes, a => a.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("/api/events/events/0194f9a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b", "/api/events/events/0194f9a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b")]
    [InlineData("/api/notifications/news/a-long-lower-case-slug-of-a-news-post", "/api/notifications/news/a-long-lower-case-slug-of-a-news-post")]
    [InlineData("/volunteering/you/Zk3xP0-q_7bYtR9mWcLa2vN8sJ4hE6uD1fGiKoQyT5A/hours", "/volunteering/you/{token}/hours")]
    public void Ids_and_words_stay_and_token_shaped_segments_go(string path, string expected) =>
        Assert.Equal(expected, TokenRedaction.RedactPath(path));
}
