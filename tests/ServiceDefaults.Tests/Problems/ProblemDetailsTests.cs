using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.Problems;

public sealed class ProblemDetailsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Signup(string Email);

    private static Task<WebApplication> StartAsync(string environment) =>
        TestApp.StartAsync(app =>
        {
            app.MapPost("/signups", (Signup signup) => TypedResults.Ok(signup));
            app.MapGet("/validate", () => ValidationErrors.For("email", "An email address is required."));
            app.MapGet("/boom", IResult () => throw new InvalidOperationException("secret internals"));
            // What EF Core throws when the database refuses a connection: the provider's transient error, wrapped.
            app.MapGet("/busy", IResult () => throw new InvalidOperationException("saving failed", new BusyDatabase()));
            app.MapGet("/broken-db", IResult () => throw new BrokenDatabase());
        }, TestApp.WithKey(TestKeys.NewSigningKey()), environment: environment);

    private static async Task<JsonElement> ProblemFrom(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Malformed_json_is_a_400_problem_not_a_500(string environment)
    {
        await using var app = await StartAsync(environment);

        using var response = await app.GetTestClient().PostAsync(
            "/signups", new StringContent("{\"email\": ", Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemFrom(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task Validation_helper_names_the_field()
    {
        await using var app = await StartAsync("Production");

        using var response = await app.GetTestClient().GetAsync("/validate", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemFrom(response);
        Assert.Equal("An email address is required.", problem.GetProperty("errors").GetProperty("email")[0].GetString());
    }

    [Fact]
    public async Task Unhandled_exception_is_a_500_problem_without_internals()
    {
        await using var app = await StartAsync("Production");

        using var response = await app.GetTestClient().GetAsync("/boom", Cancel);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var problem = await ProblemFrom(response);
        Assert.DoesNotContain("secret internals", problem.GetRawText());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task A_transient_database_failure_is_a_503_problem_with_retry_after_not_a_500()
    {
        await using var app = await StartAsync("Production");

        using var busy = await app.GetTestClient().GetAsync("/busy", Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal("1", busy.Headers.RetryAfter?.ToString());
        Assert.DoesNotContain("too many clients", (await ProblemFrom(busy)).GetRawText());

        // A database error that retrying will not fix stays a server error.
        using var broken = await app.GetTestClient().GetAsync("/broken-db", Cancel);
        Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
    }

    private sealed class BusyDatabase() : System.Data.Common.DbException("53300: sorry, too many clients already")
    {
        public override bool IsTransient => true;
    }

    private sealed class BrokenDatabase() : System.Data.Common.DbException("42P01: relation does not exist");

    [Fact]
    public async Task Unknown_path_is_a_404_problem()
    {
        await using var app = await StartAsync("Production");

        using var response = await app.GetTestClient().GetAsync("/nowhere", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await ProblemFrom(response);
    }
}
