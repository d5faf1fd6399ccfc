using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.Paging;

/// <summary>The paging every list endpoint shares: bounds, the page shape, and its OpenAPI description.</summary>
public sealed class PageRequestTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly List<int> FortyFive = [.. Enumerable.Range(1, 45)];

    private static Task<WebApplication> StartAsync(string environment = "Development") =>
        TestApp.StartAsync(app =>
        {
            app.MapOpenApi();
            app.MapGet("/numbers", (PageRequest paging) => TypedResults.Ok(Paged<int>.Of(FortyFive, paging)));
        }, TestApp.WithKey(TestKeys.NewSigningKey()), environment: environment);

    private static async Task<JsonElement> GetAsync(HttpClient client, string query, HttpStatusCode expected)
    {
        using var response = await client.GetAsync("/numbers" + query, Cancel);
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
    }

    [Fact]
    public async Task Without_parameters_it_is_the_first_page_of_twenty_with_the_total()
    {
        await using var app = await StartAsync();
        var page = await GetAsync(app.GetTestClient(), "", HttpStatusCode.OK);

        Assert.Equal(Enumerable.Range(1, 20), page.GetProperty("items").EnumerateArray().Select(i => i.GetInt32()));
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(PageRequest.DefaultPageSize, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(45, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_last_page_holds_the_rest_and_a_page_past_it_is_empty()
    {
        await using var app = await StartAsync();
        var client = app.GetTestClient();

        var last = await GetAsync(client, "?page=3&pageSize=20", HttpStatusCode.OK);
        Assert.Equal([41, 42, 43, 44, 45], last.GetProperty("items").EnumerateArray().Select(i => i.GetInt32()));
        var past = await GetAsync(client, "?page=10000&pageSize=100", HttpStatusCode.OK);
        Assert.Empty(past.GetProperty("items").EnumerateArray());
        Assert.Equal(45, past.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?page=-1", "page")]
    [InlineData("?page=2147483647", "page")]
    [InlineData("?page=10001", "page")]
    [InlineData("?page=99999999999", "page")]
    [InlineData("?page=two", "page")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=-5", "pageSize")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?pageSize=1.5", "pageSize")]
    public async Task Out_of_bounds_or_unreadable_is_a_400_naming_the_field(string query, string field)
    {
        foreach (var environment in new[] { "Development", "Production" })
        {
            await using var app = await StartAsync(environment);
            using var response = await app.GetTestClient().GetAsync("/numbers" + query, Cancel);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
            Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
            Assert.True(problem.TryGetProperty("traceId", out _));
        }
    }

    [Fact]
    public async Task Both_bad_fields_are_named_at_once()
    {
        await using var app = await StartAsync();
        var problem = await GetAsync(app.GetTestClient(), "?page=0&pageSize=1000", HttpStatusCode.BadRequest);
        Assert.Equal(["page", "pageSize"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task The_operation_documents_page_and_page_size_with_their_bounds_and_the_400()
    {
        await using var app = await StartAsync();
        var document = JsonDocument.Parse(await app.GetTestClient().GetStringAsync("/openapi/v1.json", Cancel)).RootElement;
        var operation = document.GetProperty("paths").GetProperty("/numbers").GetProperty("get");

        var parameters = operation.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["page", "pageSize"], parameters.Keys.Order());
        Assert.All(parameters.Values, p => Assert.Equal("query", p.GetProperty("in").GetString()));
        Assert.Equal(PageRequest.MaxPage, parameters["page"].GetProperty("schema").GetProperty("maximum").GetInt32());
        Assert.Equal(PageRequest.MaxPageSize, parameters["pageSize"].GetProperty("schema").GetProperty("maximum").GetInt32());
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _));
    }
}
