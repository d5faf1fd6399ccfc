using System.Diagnostics;
using Npgsql;

namespace Platform.Data;

/// <summary>
/// A database command is traced only as part of some work already traced: a request, a message consumed or published,
/// an activity of our own. The services' background passes poll their tables every second or less (outbox, delivery
/// queue, webhooks, job locks); traced, each idle poll was a trace of its own, thousands an hour per service, which
/// buried real traffic in the dashboard and cost it more CPU than the requests did (as probes would, which are not
/// traced either: ServiceDefaults' telemetry).
/// </summary>
public static class DatabaseTracing
{
    public static void OnlyWithinTracedWork(NpgsqlTracingOptionsBuilder tracing) => tracing
        .ConfigureCommandFilter(static _ => Activity.Current is not null)
        .ConfigureBatchFilter(static _ => Activity.Current is not null);

    /// <summary>Applies <see cref="OnlyWithinTracedWork"/> to a data source being built.</summary>
    public static NpgsqlDataSourceBuilder WithPlatformTracing(this NpgsqlDataSourceBuilder builder) =>
        builder.ConfigureTracing(OnlyWithinTracedWork);
}
