namespace Platform.ServiceDefaults.Tests.Telemetry;

/// <summary>
/// Reads just enough of OTLP's protobuf (opentelemetry/proto, collector/trace and collector/metrics v1) to list the spans
/// and metric names a test collector received: OpenTelemetry.Proto is not on the feed, and the wire format is small.
/// </summary>
internal static class OtlpProtobuf
{
    public sealed record Span(string Name, int Kind, IReadOnlyDictionary<string, object> Attributes);

    public const int ServerKind = 2;

    // ExportTraceServiceRequest.resource_spans(1) → ResourceSpans.scope_spans(2) → ScopeSpans.spans(2) → Span
    public static IEnumerable<Span> Spans(byte[] request) =>
        from resource in Messages(request, 1)
        from scope in Messages(resource, 2)
        from span in Messages(scope, 2)
        select ReadSpan(span);

    // ExportMetricsServiceRequest.resource_metrics(1) → ResourceMetrics.scope_metrics(2) → ScopeMetrics.metrics(2) → Metric.name(1)
    public static IEnumerable<string> MetricNames(byte[] request) =>
        from resource in Messages(request, 1)
        from scope in Messages(resource, 2)
        from metric in Messages(scope, 2)
        from name in Messages(metric, 1)
        select System.Text.Encoding.UTF8.GetString(name);

    // Span: name(5), kind(6), attributes(9) as KeyValue: key(1), value(2) as AnyValue: string(1), bool(2), int(3)
    private static Span ReadSpan(byte[] span)
    {
        var attributes = new Dictionary<string, object>();
        foreach (var pair in Messages(span, 9))
        {
            var key = System.Text.Encoding.UTF8.GetString(Messages(pair, 1).Single());
            foreach (var field in Fields(Messages(pair, 2).Single()))
            {
                attributes[key] = field.Number switch
                {
                    1 => System.Text.Encoding.UTF8.GetString(field.Bytes!),
                    2 => field.Varint != 0,
                    3 => (long)field.Varint,
                    _ => "(other)",
                };
            }
        }

        var name = System.Text.Encoding.UTF8.GetString(Messages(span, 5).Single());
        var kind = (int)Fields(span).Where(f => f.Number == 6).Select(f => f.Varint).SingleOrDefault();
        return new Span(name, kind, attributes);
    }

    private static IEnumerable<byte[]> Messages(byte[] message, int number) =>
        Fields(message).Where(f => f.Number == number && f.Bytes is not null).Select(f => f.Bytes!);

    private sealed record Field(int Number, ulong Varint, byte[]? Bytes);

    private static List<Field> Fields(byte[] message)
    {
        var fields = new List<Field>();
        var at = 0;
        while (at < message.Length)
        {
            var tag = ReadVarint(message, ref at);
            var number = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0: fields.Add(new Field(number, ReadVarint(message, ref at), null)); break;
                case 1: at += 8; break;
                case 2:
                    var length = (int)ReadVarint(message, ref at);
                    fields.Add(new Field(number, 0, message[at..(at + length)]));
                    at += length;
                    break;
                case 5: at += 4; break;
                default: throw new InvalidDataException($"Wire type {tag & 7} is not used by OTLP.");
            }
        }

        return fields;
    }

    private static ulong ReadVarint(byte[] buffer, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = buffer[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }
}
