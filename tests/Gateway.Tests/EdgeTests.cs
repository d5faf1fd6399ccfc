using System.Net.Http.Json;
using System.Net;

namespace Platform.Gateway.Tests;

public sealed class EdgeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_well_formed_request_id_is_kept_and_a_malformed_one_replaced()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = upstream.Address });
        var client = gateway.CreateClient();

        var kept = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        kept.Headers.Add("X-Request-Id", "partner-abc.123");
        using var first = await client.SendAsync(kept, Cancel);
        var replaced = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        replaced.Headers.TryAddWithoutValidation("X-Request-Id", "<script>alert(1)</script>");
        using var second = await client.SendAsync(replaced, Cancel);

        Assert.Equal("partner-abc.123", Assert.Single(first.Headers.GetValues("X-Request-Id")));
        var generated = Assert.Single(second.Headers.GetValues("X-Request-Id"));
        Assert.Matches("^[0-9a-f]{32}$", generated);
        Assert.Equal(["partner-abc.123", generated], upstream.Received.Select(r => r.Headers["X-Request-Id"]));
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_no_server_banner()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = upstream.Address });

        using var response = await gateway.CreateClient().GetAsync("/api/events", Cancel);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Cors_allows_configured_origins_only()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["notifications"] = upstream.Address },
            settings: new Dictionary<string, string> { ["Edge:AllowedOrigins:0"] = "https://www.pcc.example" });
        var client = gateway.CreateClient();

        using var allowed = await client.SendAsync(Preflight("https://www.pcc.example"), Cancel);
        using var refused = await client.SendAsync(Preflight("https://evil.example"), Cancel);

        Assert.Equal("https://www.pcc.example", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Empty(upstream.Received);

        static HttpRequestMessage Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/api/notifications/subscriptions");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type");
            return request;
        }
    }

    [Fact]
    public async Task An_oversized_body_is_413_and_never_reaches_the_service()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["notifications"] = upstream.Address },
            settings: new Dictionary<string, string> { ["Edge:MaxRequestBodyBytes"] = "2048" });

        using var response = await gateway.CreateClient().PostAsync("/api/notifications/subscriptions",
            new ByteArrayContent(new byte[4096]), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, (await response.ProblemAsync()).GetProperty("status").GetInt32());
        Assert.Empty(upstream.Received);
    }

    [Fact]
    public async Task Public_writes_are_limited_per_client_with_429_and_retry_after()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["notifications"] = upstream.Address },
            settings: new Dictionary<string, string> { ["RateLimits:PublicWritesPerWindow"] = "2" });
        var client = gateway.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.PostAsync("/api/notifications/subscriptions", new StringContent("{}"), Cancel);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await client.PostAsync("/api/notifications/subscriptions", new StringContent("{}"), Cancel);
        using var read = await client.GetAsync("/api/notifications/topics", Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many", (await limited.ProblemAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        // Logins are counted apart, so the sign-up burst above has not locked staff out.
        Assert.NotEmpty(await gateway.LoginAsync(client));
    }

    [Fact]
    public async Task Logins_are_limited_per_address_even_for_a_caller_who_is_signed_in()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["notifications"] = upstream.Address },
            settings: new Dictionary<string, string> { ["RateLimits:LoginsPerWindow"] = "3" });
        var client = gateway.CreateClient();
        var session = await gateway.LoginAsync(client);

        // A signed-in caller spraying passwords at other accounts (each a different one: the per-account throttle is not what stops it).
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/gateway/accounts/login")
            {
                Content = JsonContent.Create(new { email = $"someone-{attempt}@platform.local", password = "a guessed password" }),
            }.As(session);
            using var response = await client.SendAsync(request, Cancel);
            statuses.Add(response.StatusCode);
        }

        // The first login (above) and two guesses fit the window of three; the third guess does not.
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Password_changes_are_limited_per_account_from_whatever_address()
    {
        const string edgeKey = "the-web-sites-edge-key-of-32-characters-or-more";
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["notifications"] = upstream.Address },
            settings: new Dictionary<string, string> { ["RateLimits:LoginsPerWindow"] = "3", ["Site:EdgeKey"] = edgeKey });
        var client = gateway.CreateClient();
        var session = await gateway.LoginAsync(client);

        // Each attempt names another address (the site's key makes the gateway believe it), so no address's window fills.
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/gateway/accounts/password")
            {
                Content = JsonContent.Create(new { currentPassword = $"guess number {attempt}!", newPassword = "a much longer new passphrase" }),
            }.As(session);
            request.Headers.Add("X-Site-Key", edgeKey);
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{attempt}");
            using var response = await client.SendAsync(request, Cancel);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_signed_in_users_writes_are_limited_per_user()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = upstream.Address },
            settings: new Dictionary<string, string> { ["RateLimits:SignedInWritesPerWindow"] = "2", ["RateLimits:PublicWritesPerWindow"] = "100" });
        var client = gateway.CreateClient();
        var staff = await gateway.LoginAsync(client);

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = JsonContent.Create(new { }) }.As(staff), Cancel);
            statuses.Add(response.StatusCode);
        }

        using var read = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/events").As(staff), Cancel);
        using var anonymousWrite = await client.PostAsync("/api/events", JsonContent.Create(new { }), Cancel);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        // The public's own window is the address's, apart from the user's.
        Assert.Equal(HttpStatusCode.OK, anonymousWrite.StatusCode);
        // Two writes, the read and the public write; the refused write never reached the service.
        Assert.Equal(4, upstream.Received.Count);
    }

    [Fact]
    public async Task A_public_write_with_the_sites_edge_key_counts_against_the_visitor_it_names_and_without_the_key_against_the_socket()
    {
        const string edgeKey = "the-web-sites-edge-key-of-32-characters-or-more";
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["notifications"] = upstream.Address },
            settings: new Dictionary<string, string> { ["RateLimits:PublicWritesPerWindow"] = "1", ["Site:EdgeKey"] = edgeKey });
        var client = gateway.CreateClient();

        async Task<HttpStatusCode> WriteAsync(string? key, string forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/subscriptions") { Content = new StringContent("{}") };
            if (key is not null) request.Headers.Add("X-Site-Key", key);
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await client.SendAsync(request, Cancel);
            return response.StatusCode;
        }

        // With the key: each named visitor has a window of their own, spent by them alone.
        Assert.Equal(HttpStatusCode.OK, await WriteAsync(edgeKey, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await WriteAsync(edgeKey, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await WriteAsync(edgeKey, "203.0.113.2"));
        // Without it (or with a wrong one) X-Forwarded-For is ignored: every such write spends the connection's window.
        Assert.Equal(HttpStatusCode.OK, await WriteAsync(null, "203.0.113.3"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await WriteAsync(null, "203.0.113.4"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await WriteAsync("not-the-key-" + edgeKey, "203.0.113.5"));
        Assert.Equal(3, upstream.Received.Count);
    }

    [Fact]
    public async Task An_unreachable_service_is_503_problem_details()
    {
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = $"http://127.0.0.1:{FreePort()}" });

        using var response = await gateway.CreateClient().GetAsync("/api/events", Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains("events", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("127.0.0.1", problem.GetRawText());
    }

    [Fact]
    public async Task A_service_that_does_not_answer_in_time_is_504_problem_details()
    {
        await using var upstream = await FakeUpstream.StartAsync(delay: TimeSpan.FromSeconds(5));
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = upstream.Address },
            settings: new Dictionary<string, string> { ["Edge:UpstreamTimeout"] = "00:00:01" });

        using var response = await gateway.CreateClient().GetAsync("/api/events", Cancel);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal(504, (await response.ProblemAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_encoded_slash_does_not_escape_its_route()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["notifications"] = upstream.Address });

        using var response = await gateway.CreateClient().GetAsync("/api/notifications/..%2F..%2Fadmin%2Fdead-letters", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("/api/notifications/", Assert.Single(upstream.Received).Path);
    }

    [Fact]
    public async Task The_swagger_ui_lists_every_service_document()
    {
        await using var gateway = new GatewayFactory(new Dictionary<string, string>());
        var client = gateway.CreateClient();

        using var ui = await client.GetAsync("/docs/index.html", Cancel);
        using var own = await client.GetAsync("/openapi/gateway.json", Cancel);
        using var missing = await client.GetAsync("/openapi/services/events.json", Cancel);
        using var unknown = await client.GetAsync("/openapi/services/nope.json", Cancel);

        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Contains("/gateway/api-keys", await own.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
