using Aspire.Hosting.ApplicationModel;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// What the end-to-end platform runs with beyond the AppHost's own model: settings a test needs to see behaviour in
/// seconds rather than days. One platform serves every test, so each feature's settings are listed here.
/// </summary>
internal static class TestPlatformSettings
{
    public static void Apply(IDistributedApplicationTestingBuilder options)
    {
        // Metrics every 10 s rather than Aspire's 1 s for a developer watching the dashboard: no test reads them (TraceTests
        // read traces, still sent every second), and each export serialises every instrument of every project.
        foreach (var project in options.Resources.OfType<ProjectResource>())
            options.CreateResourceBuilder(project).WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "10000");

        // Services whose background work follows the clock accept a moved clock (ServiceDefaults' adjustable clock).
        foreach (var service in new[] { "events", "volunteers", "awards", "notifications" })
            options.WithProjectEnvironment(service, "Clock__Adjustable", "true");
        // Awards: the embargo sweeper also wakes when the clock moves; a short interval covers a move made mid-pass.
        options.WithProjectEnvironment("awards", "Awards__EmbargoSweepInterval", "00:00:02");

        // Notifications sends at most 40 emails a second here, so a burst lasts long enough for the SMTP outage test to
        // stop the sink in the middle of it; a short circuit break lets it resume promptly.
        options.WithProjectEnvironment("notifications", "Notifications__Delivery__MessagesPerSecond", "40");
        options.WithProjectEnvironment("notifications", "Notifications__Delivery__BreakDuration", "00:00:02");
        // A killed Notifications' claimed messages lapse to the next sender after the shortest lease allowed, so the
        // fault suite's kill mid-fan-out (Faults/) finishes in seconds rather than the default lease's minutes.
        options.WithProjectEnvironment("notifications", "Notifications__Delivery__ClaimLease", "00:00:30");

        // Partners' webhooks: the tests' receivers listen on loopback over http (refused in production); the first retry
        // and the timeout are short so a failing or hanging receiver is seen within seconds.
        options.WithProjectEnvironment("notifications", "Notifications__Webhooks__AllowLoopback", "true");
        options.WithProjectEnvironment("notifications", "Notifications__Webhooks__FirstRetryDelay", "00:00:01");
        options.WithProjectEnvironment("notifications", "Notifications__Webhooks__Timeout", "00:00:03");

        // Every test signs in as the one first staff account, so the whole suite's staff writes are one user's: far
        // more than a person makes in a minute. The per-user write limit itself is tested in Gateway.Tests.
        options.WithProjectEnvironment("gateway", "RateLimits__SignedInWritesPerWindow", "100000");
    }

    /// <summary>Sets one project's setting (e.g. <c>("events", "Waitlist__HoldPeriod", "00:00:05")</c>), as WithEnvironment would.</summary>
    public static IDistributedApplicationTestingBuilder WithProjectEnvironment(this IDistributedApplicationTestingBuilder builder, string project, string key, string value)
    {
        var resource = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == project);
        builder.CreateResourceBuilder(resource).WithEnvironment(key, value);
        return builder;
    }
}
