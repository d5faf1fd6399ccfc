using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Tests.Support;
using Platform.ServiceDefaults.Text;

namespace Platform.ServiceDefaults.Tests.Text;

/// <summary>
/// Every service refuses control characters in what it reads from a request, before its handler runs, even when
/// reached without the gateway: a 400 ValidationProblem naming the field, never a 500 from PostgreSQL.
/// </summary>
public sealed class TextRulesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Nominee(string? Name, IReadOnlyList<string>? Skills);

    private sealed record Nomination(
        string? Name,
        [MultiLineText] string? Citation,
        Nominee? Nominee,
        IReadOnlyDictionary<string, int>? Scores);

    private sealed class Handled
    {
        public int Count;
    }

    private static async Task<(WebApplication App, Handled Handled)> StartAsync()
    {
        var handled = new Handled();
        var app = await TestApp.StartAsync(app =>
        {
            app.MapPost("/nominations", (Nomination nomination) =>
            {
                Interlocked.Increment(ref handled.Count);
                return TypedResults.Ok(nomination);
            });
            app.MapGet("/roles", (string? district) =>
            {
                Interlocked.Increment(ref handled.Count);
                return TypedResults.Ok(district);
            });
            app.MapGet("/roles/{slug}", (string slug) =>
            {
                Interlocked.Increment(ref handled.Count);
                return TypedResults.Ok(slug);
            });
        }, TestApp.WithKey(TestKeys.NewSigningKey()));
        return (app, handled);
    }

    public static TheoryData<string, string> RefusedBodies => new()
    {
        { """{"name": "Ann\u0000Smith"}""", "name" },
        { """{"name": "Ann\nSmith"}""", "name" },
        { """{"name": "Ann\u001bSmith"}""", "name" },
        { """{"name": "Ann\u007fSmith"}""", "name" },
        { """{"name": "Ann\u0085Smith"}""", "name" },
        { """{"citation": "Kept the\u0000 shop open"}""", "citation" },
        { """{"citation": "Rang\u0007 the bell"}""", "citation" },
        { """{"nominee": {"name": "B\u0000"}}""", "nominee.name" },
        { """{"nominee": {"skills": ["first aid", "x\u0000"]}}""", "nominee.skills[1]" },
        { """{"scores": {"impact\u0000": 3}}""", "scores" },
    };

    [Theory]
    [MemberData(nameof(RefusedBodies))]
    public async Task A_json_string_with_a_control_character_is_refused_and_names_the_field(string body, string field)
    {
        var (app, handled) = await StartAsync();
        await using var running = app;

        using var response = await app.GetTestClient().PostAsync(
            "/nominations", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        var errors = await ValidationErrorsFrom(response);
        // A dictionary key is named with its dictionary, however the serializer spells the key's path.
        Assert.True(errors.EnumerateObject().Any(e => e.Name == field || e.Name.StartsWith(field + ".", StringComparison.Ordinal)),
            $"expected an error for {field}: {errors}");
        Assert.Equal(0, handled.Count);
    }

    [Fact]
    public async Task Free_text_keeps_its_line_breaks_and_tabs()
    {
        var (app, handled) = await StartAsync();
        await using var running = app;

        using var response = await app.GetTestClient().PostAsync("/nominations", new StringContent(
            """{"name": "Ann Smith", "citation": "Opened the hall.\r\n\tEvery night.", "nominee": {"name": "B", "skills": ["first aid"]}, "scores": {"impact": 3}}""",
            Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal("Opened the hall.\r\n\tEvery night.", echoed.GetProperty("citation").GetString());
        Assert.Equal(1, handled.Count);
    }

    [Theory]
    [InlineData("/roles?district=a%00b", "district")]
    [InlineData("/roles?district=a%0Ab", "district")]
    [InlineData("/roles?district=a%09b", "district")]
    [InlineData("/roles?district=a%7Fb", "district")]
    [InlineData("/roles?district=ok&page%00=1", "page\\u0000")]
    // A NUL in a path never gets this far: the server refuses the request line itself.
    [InlineData("/roles/a%01b", "slug")]
    [InlineData("/roles/a%1Fb", "slug")]
    public async Task A_query_parameter_or_route_value_with_a_control_character_is_refused(string url, string field)
    {
        var (app, handled) = await StartAsync();
        await using var running = app;

        using var response = await app.GetTestClient().GetAsync(url, Cancel);

        var errors = await ValidationErrorsFrom(response);
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}: {errors}");
        Assert.Equal(0, handled.Count);
    }

    [Theory]
    [InlineData("/roles?district=North%20Town")]
    [InlineData("/roles/north-town")]
    [InlineData("/roles?district=Ynys%20M%C3%B4n")]
    public async Task Ordinary_urls_reach_the_endpoint(string url)
    {
        var (app, handled) = await StartAsync();
        await using var running = app;

        using var response = await app.GetTestClient().GetAsync(url, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, handled.Count);
    }

    [Fact]
    public async Task The_api_document_still_describes_text_as_strings()
    {
        await using var app = await TestApp.StartAsync(app =>
        {
            app.MapOpenApi();
            app.MapPost("/nominations", (Nomination nomination) => TypedResults.Ok(nomination));
        }, TestApp.WithKey(TestKeys.NewSigningKey()));

        var document = JsonDocument.Parse(await app.GetTestClient().GetStringAsync("/openapi/v1.json", Cancel)).RootElement;

        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty("Nomination").GetProperty("properties");
        foreach (var text in new[] { "name", "citation" })
        {
            Assert.Equal(["null", "string"], properties.GetProperty(text).GetProperty("type").EnumerateArray().Select(t => t.GetString()).Order());
        }
    }

    private static async Task<JsonElement> ValidationErrorsFrom(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(TextProblem.Title, problem.GetProperty("title").GetString());
        return problem.GetProperty("errors");
    }
}
