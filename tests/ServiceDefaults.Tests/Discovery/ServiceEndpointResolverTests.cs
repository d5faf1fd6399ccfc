using Microsoft.Extensions.Configuration;
using Platform.ServiceDefaults.Discovery;

namespace Platform.ServiceDefaults.Tests.Discovery;

public sealed class ServiceEndpointResolverTests
{
    private static ServiceEndpointResolver ResolverWith(params (string Key, string Value)[] entries) =>
        new(new ConfigurationBuilder()
            .AddInMemoryCollection(entries.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)))
            .Build());

    [Theory]
    [InlineData("http://events/api/events/42?page=2", "http://127.0.0.1:5101/api/events/42?page=2")]
    [InlineData("https+http://events/api/events", "http://127.0.0.1:5101/api/events")]
    [InlineData("http://_http.events/api/events", "http://127.0.0.1:5101/api/events")]
    public void Rewrites_logical_names_to_the_configured_address_keeping_path_and_query(string request, string expected)
    {
        var resolver = ResolverWith(("services:events:http:0", "http://127.0.0.1:5101"));

        Assert.Equal(new Uri(expected), resolver.ResolveRequestUri(new Uri(request)));
    }

    [Fact]
    public void Https_plus_http_prefers_https_when_both_are_configured()
    {
        var resolver = ResolverWith(
            ("services:events:http:0", "http://127.0.0.1:5101"),
            ("services:events:https:0", "https://127.0.0.1:5443"));

        Assert.Equal(new Uri("https://127.0.0.1:5443/x"), resolver.ResolveRequestUri(new Uri("https+http://events/x")));
        Assert.Equal(new Uri("http://127.0.0.1:5101/x"), resolver.ResolveRequestUri(new Uri("http://events/x")));
    }

    [Fact]
    public void Unknown_service_throws_naming_the_missing_configuration_key()
    {
        var resolver = ResolverWith(("services:events:http:0", "http://127.0.0.1:5101"));

        var error = Assert.Throws<InvalidOperationException>(() => resolver.ResolveRequestUri(new Uri("http://awards/api/awards")));

        Assert.Contains("services:awards:http:0", error.Message);
        Assert.Contains("services__awards__http__0", error.Message);
    }

    [Theory]
    [InlineData("http://localhost:5000/x")]
    [InlineData("http://127.0.0.1:5000/x")]
    [InlineData("https://mail.example.org/x")]
    public void Real_host_names_and_addresses_pass_through(string request)
    {
        var resolver = ResolverWith();

        Assert.Equal(new Uri(request), resolver.ResolveRequestUri(new Uri(request)));
    }

    [Fact]
    public void Resolve_returns_null_for_an_unconfigured_service()
    {
        var resolver = ResolverWith(("services:events:http:0", "http://127.0.0.1:5101"));

        Assert.Null(resolver.Resolve("volunteers"));
        Assert.Equal(new Uri("http://127.0.0.1:5101"), resolver.Resolve("events", "https+http"));
    }
}
