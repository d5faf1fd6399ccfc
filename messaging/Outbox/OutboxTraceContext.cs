using System.Diagnostics;

namespace Platform.Messaging;

/// <summary>
/// Carries the W3C trace context from the request that raised an event to the relay that publishes it later,
/// possibly after a restart, so the consumer's spans join the original trace rather than starting a new one.
/// </summary>
internal static class OutboxTraceContext
{
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    private static readonly ActivitySource Source = new("Platform.Messaging");

    public static void Capture(IDictionary<string, string> headers)
    {
        var current = Activity.Current;
        if (current is null || current.IdFormat != ActivityIdFormat.W3C || current.Id is null)
        {
            return;
        }

        headers[TraceParentHeader] = current.Id;
        if (!string.IsNullOrEmpty(current.TraceStateString))
        {
            headers[TraceStateHeader] = current.TraceStateString;
        }
    }

    /// <summary>
    /// Starts the relay's publish activity as a child of the stored context; MassTransit's own send activity
    /// then nests under it and propagates it over the broker.
    /// </summary>
    public static Activity? StartPublishActivity(IReadOnlyDictionary<string, string> headers, string messageType)
    {
        if (!headers.TryGetValue(TraceParentHeader, out var traceParent))
        {
            return null;
        }

        headers.TryGetValue(TraceStateHeader, out var traceState);
        if (!ActivityContext.TryParse(traceParent, traceState, out var parent))
        {
            return null;
        }

        var name = $"outbox publish {messageType}";
        // Without a listener the source returns null; a bare Activity still gives MassTransit a parent to inherit.
        return Source.StartActivity(name, ActivityKind.Producer, parent)
            ?? new Activity(name).SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags).Start();
    }
}
