using System.Diagnostics;
using OpenTelemetry;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// A database command is exported only as part of work already traced: a request, a message consumed or published, an
/// activity of our own. The services' background passes poll their tables every second or less (outbox, delivery
/// queue, webhooks, job locks); exported, each idle poll was a trace of its own, thousands an hour per service, which
/// buried real traffic in the dashboard and cost it more CPU than the requests did (as probes would, which are not
/// traced either). Runs before the exporter's processor, which skips what is not marked recorded.
/// </summary>
public sealed class IdlePollFilter : BaseProcessor<Activity>
{
    public const string DatabaseSource = "Npgsql";

    public override void OnEnd(Activity data)
    {
        if (data.Source.Name == DatabaseSource && data.Parent is null && data.ParentSpanId == default)
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
    }
}
