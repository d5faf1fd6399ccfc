using System.Text;
using System.Text.Json.Nodes;
using Platform.EndToEnd.Tests.Text;

namespace Platform.EndToEnd.Tests.Hardening;

/// <summary>What was wrong with a fuzzed request, on purpose.</summary>
internal enum Mutation
{
    MalformedJson,
    WrongType,
    MissingField,
    ExtraField,
    LongString,
    ControlCharacter,
    BoundaryNumber,
    BoundaryDate,
    RandomIds,
    BadPathParameter,
    BadQueryValue,
    WrongContentType,
}

/// <summary>One fuzzed request, with everything needed to send it again by hand.</summary>
internal sealed record FuzzRequest(ApiOperation Operation, Mutation Mutation, string What, HttpMethod Method, string Url, string? Body, string? ContentType)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Url);
        if (Body is not null)
        {
            message.Content = new StringContent(Body, Encoding.UTF8);
            message.Content.Headers.ContentType = ContentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(ContentType);
        }

        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "no body" : Body.Length > 300 ? $"{Body[..300]}… ({Body.Length:N0} chars)" : Body;
        var url = Url.Length > 300 ? $"{Url[..300]}… ({Url.Length:N0} chars)" : Url;
        return $"{Mutation} ({What}): {Method} {url} [{ContentType ?? "no content type"}] {body}";
    }
}

/// <summary>
/// Builds fuzzed requests from an operation's OpenAPI description: a plausible request (path, required and some optional
/// query parameters, a body from its schema) with one thing made wrong. Everything comes from the given Random, so a
/// seed gives the same requests again.
/// </summary>
internal static class FuzzRequests
{
    private const string HugeNumber = "@@huge-number@@";
    private const int LongBody = 100 * 1024;
    // URLs travel in the request line, which Kestrel caps at 8 KB before any code of ours runs (a bare 414).
    private const int LongUrlPart = 2 * 1024;

    private static readonly string[] Malformed =
        ["{", "{\"a\":", "[1, 2", "nul", "{\"x\": 01}", "\"unterminated", "{}}", "{'single': 1}", "{\"a\": 1,}", "\uFEFF{\"a\"}", "<xml/>", "{\"a\": NaN}"];

    private static readonly JsonNode?[] OddValues =
        [JsonValue.Create(123), JsonValue.Create(true), JsonValue.Create("text"), new JsonArray(), new JsonObject(), null, JsonValue.Create(-1.5)];

    private static readonly string[] Boundaries =
        ["0", "-1", "2147483647", "-2147483648", "2147483648", "9223372036854775807", "-9223372036854775809", "1e308", "-1e308", "1e-400", "0.5", HugeNumber];

    private static readonly string[] Dates =
        ["0001-01-01", "9999-12-31", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "0001-01-01T00:00:00+14:00",
         "9999-12-31T23:59:59-14:00", "1970-01-01T00:00:00Z", "2030-02-30", "2030-06-01T25:00:00Z", "P1D", "-1", "0",
         "2030-06-01T10:00:00+01:00", "2030-06-01T10:00:00-05:30"];

    // NUL is left out of paths: Kestrel refuses a decoded NUL in a path before any code of ours runs (a bare 400).
    private static readonly string[] BadPathValues =
        ["not-a-guid", "00000000-0000-0000-0000-000000000000", "..", "a/b", "\u0001", " ", "ä€😀", "-1", "99999999999999999999", "%", "null", "{id}"];

    private static readonly string[] BadQueryValues =
        ["", "abc", "-1", "0", "99999999999999999999", "2147483648", "[]", "null", "%zz", "1e308", "2030-13-45", "true", "\u0000", "not-a-guid"];

    // A lone surrogate is no control character, but text no encoder can write as UTF-8.
    private static readonly string[] Controls = ["\u0000", "\u0001", "\u0008", "\u000B", "\u001B", "\u007F", "\u0085", "\u009F", "\u2028", "\uD800", "\uDFFF"];

    private static readonly string[] ContentTypes = ["text/plain", "application/x-www-form-urlencoded", "application/xml", "application/json; charset=utf-16", "multipart/form-data"];

    /// <param name="things">Real ids and valid bodies: used for half the requests (never real ids for an operation that
    /// ends something, so the things last the run), so a request wrong in one place reaches as deep as it can.</param>
    public static FuzzRequest Build(ApiOperation operation, Mutation mutation, Random random, Things? things = null)
    {
        var real = things is not null && random.Next(2) == 0 && !EndsSomething(operation);
        var pathValues = operation.PathParameters.ToDictionary(p => p, p => real ? things!.PathValue(operation, p) : PlausiblePathValue(operation, p, random));
        var query = new List<(string Name, string Value)>();
        foreach (var parameter in operation.QueryParameters)
        {
            if ((bool?)parameter["required"] == true || random.Next(3) == 0)
                query.Add(((string)parameter["name"]!, Text(BadTextRequests.Sample(parameter["schema"], operation.Schemas, random: random))));
        }

        var schema = operation.BodySchema;
        var body = schema is null ? null
            : things?.Body(operation) is { } valid && random.Next(3) != 0 ? valid
            : BadTextRequests.Sample(schema, operation.Schemas, random: random);
        var bodyText = body?.ToJsonString();
        var contentType = body is null ? null : "application/json";
        string what;

        switch (mutation)
        {
            case Mutation.MalformedJson:
                bodyText = Pick(random, Malformed);
                contentType = "application/json";
                what = "unreadable JSON";
                break;
            case Mutation.WrongType:
                if (body is not null && Leaves(body).ToList() is { Count: > 0 } leaves && random.Next(4) != 0)
                {
                    var (path, node) = Pick(random, leaves);
                    var odd = OddValues.Where(v => v?.GetValueKind() != node?.GetValueKind()).ToArray();
                    Replace(node!, Pick(random, odd)?.DeepClone());
                    what = $"{path} of the wrong type";
                }
                else
                {
                    body = Pick(random, OddValues)?.DeepClone();
                    what = "the body of the wrong type";
                }

                bodyText = body?.ToJsonString() ?? "null";
                contentType = "application/json";
                break;
            case Mutation.MissingField:
                if (body is not null && Members(body).ToList() is { Count: > 0 } members && random.Next(3) != 0)
                {
                    var (path, parent, name) = Pick(random, members);
                    parent.Remove(name);
                    bodyText = body.ToJsonString();
                    what = $"{path} left out";
                }
                else if (random.Next(2) == 0)
                {
                    bodyText = "{}";
                    contentType = "application/json";
                    what = "an empty object";
                }
                else
                {
                    bodyText = null;
                    contentType = null;
                    what = "no body";
                }

                break;
            case Mutation.ExtraField:
            {
                var target = body is null ? null : Objects(body).ToList() is { Count: > 0 } objects ? Pick(random, objects) : null;
                if (target is null)
                {
                    body = new JsonObject();
                    target = body.AsObject();
                }

                var name = Pick(random, new[] { "unexpected", "$type", "__proto__", "id", "Id", "role", "organisationId" });
                target[name] = Pick(random, OddValues)?.DeepClone();
                bodyText = body!.ToJsonString();
                contentType = "application/json";
                what = $"an extra '{name}'";
                break;
            }

            case Mutation.LongString:
                what = PoisonText(body, query, pathValues, random, (text, inUrl) => LongText(random, inUrl ? LongUrlPart : LongBody));
                bodyText = body?.ToJsonString();
                break;
            case Mutation.ControlCharacter:
            {
                var control = Pick(random, Controls);
                what = PoisonText(body, query, pathValues, random, (text, _) => text[..(text.Length / 2)] + control + text[(text.Length / 2)..]);
                what += $" with U+{(int)control[0]:X4}";
                bodyText = body?.ToJsonString();
                break;
            }

            case Mutation.BoundaryNumber:
            {
                var number = Pick(random, Boundaries);
                var numbers = body is null ? [] : Leaves(body).Where(l => l.Node?.GetValueKind() == System.Text.Json.JsonValueKind.Number).ToList();
                var numericQuery = query.Select((q, i) => i).Where(i => IsNumeric(operation, query[i].Name)).ToList();
                if (numbers.Count > 0 && (numericQuery.Count == 0 || random.Next(2) == 0))
                {
                    var (path, node) = Pick(random, numbers);
                    Replace(node!, JsonValue.Create(HugeNumber));
                    bodyText = body!.ToJsonString().Replace($"\"{HugeNumber}\"", number == HugeNumber ? new string('9', 400) : number, StringComparison.Ordinal);
                    what = $"{path} = {number}";
                }
                else
                {
                    var name = numericQuery.Count > 0 ? query[Pick(random, numericQuery)].Name
                        : operation.QueryParameters.Select(p => (string)p["name"]!).DefaultIfEmpty("page").First();
                    query.RemoveAll(q => q.Name == name);
                    query.Add((name, number == HugeNumber ? new string('9', 400) : number));
                    bodyText = body?.ToJsonString();
                    what = $"?{name}={number}";
                }

                break;
            }

            case Mutation.BoundaryDate:
            {
                var date = Pick(random, Dates);
                var dates = body is null ? [] : Leaves(body).Where(l => l.Node is JsonValue v && v.TryGetValue<string>(out var t) && LooksLikeDate(t)).ToList();
                var dateQuery = query.Select((q, i) => i).Where(i => LooksLikeDate(query[i].Value)).ToList();
                if (dates.Count > 0 && (dateQuery.Count == 0 || random.Next(3) != 0))
                {
                    var (path, node) = Pick(random, dates);
                    Replace(node!, JsonValue.Create(date));
                    what = $"{path} = {date}";
                }
                else if (dateQuery.Count > 0)
                {
                    var i = Pick(random, dateQuery);
                    query[i] = (query[i].Name, date);
                    what = $"?{query[i].Name}={date}";
                }
                else if (operation.QueryParameters.Where(p => ((string?)p["schema"]?["format"])?.StartsWith("date", StringComparison.Ordinal) == true)
                             .Select(p => (string)p["name"]!).ToList() is { Count: > 0 } dateNames)
                {
                    var name = Pick(random, dateNames);
                    query.Add((name, date));
                    what = $"?{name}={date}";
                }
                else
                {
                    what = "no date to change (sent as planned)";
                }

                bodyText = body?.ToJsonString();
                break;
            }

            case Mutation.RandomIds:
                foreach (var name in pathValues.Keys.ToList())
                    pathValues[name] = random.Next(4) == 0 ? Guid.Empty.ToString() : IsGuid(operation, name) ? BadTextRequests.RandomGuid(random).ToString() : RandomToken(random);
                if (body is not null)
                {
                    foreach (var (_, node) in Leaves(body).Where(l => l.Node is JsonValue v && v.TryGetValue<string>(out var s) && Guid.TryParse(s, out _)).ToList())
                        Replace(node!, JsonValue.Create(random.Next(4) == 0 ? Guid.Empty.ToString() : BadTextRequests.RandomGuid(random).ToString()));
                    bodyText = body.ToJsonString();
                }

                what = "ids nobody has";
                break;
            case Mutation.BadPathParameter:
                if (pathValues.Count > 0)
                {
                    var name = Pick(random, pathValues.Keys.ToList());
                    pathValues[name] = random.Next(6) == 0 ? LongText(random, LongUrlPart) : Pick(random, BadPathValues);
                    what = $"path {{{name}}} = {Shown(pathValues[name])}";
                }
                else
                {
                    what = "no path parameter (sent as planned)";
                }

                break;
            case Mutation.BadQueryValue:
            {
                var value = Pick(random, BadQueryValues);
                var names = operation.QueryParameters.Select(p => (string)p["name"]!).ToList();
                var name = names.Count > 0 && random.Next(5) != 0 ? Pick(random, names) : "unexpected";
                query.RemoveAll(q => q.Name == name);
                query.Add((name, value));
                if (random.Next(4) == 0) query.Add((name, value + "2"));
                what = $"?{name}={Shown(value)}";
                break;
            }

            case Mutation.WrongContentType:
                contentType = Pick(random, ContentTypes);
                bodyText ??= "a=1";
                what = $"sent as {contentType}";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation));
        }

        var url = operation.Path(p => pathValues[p]);
        if (query.Count > 0)
            url += "?" + string.Join('&', query.Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value)}"));
        return new FuzzRequest(operation, mutation, what, operation.Method, url, bodyText, bodyText is null ? null : contentType ?? "application/json");
    }

    private static readonly string[] Endings = ["/cancel", "/close", "/leave", "/withdraw", "/logout", "/erasures", "/publish", "/announce",
        "/shortlist", "/winner", "/rotate", "/unsubscribe", "/reject", "/pause"];

    private static bool EndsSomething(ApiOperation operation) =>
        operation.Method == HttpMethod.Delete || Endings.Any(e => operation.Template.EndsWith(e, StringComparison.Ordinal));

    private static string PlausiblePathValue(ApiOperation operation, string name, Random random) =>
        IsGuid(operation, name) ? BadTextRequests.RandomGuid(random).ToString()
        : Text(BadTextRequests.Sample(operation.ParameterSchema(name), operation.Schemas, random: random)) is { Length: > 0 } sample && sample != "Sample text" ? sample
        : RandomToken(random);

    private static bool LooksLikeDate(string text) =>
        text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-' && text[7] == '-';

    private static bool IsGuid(ApiOperation operation, string name) =>
        (string?)operation.ParameterSchema(name)?["format"] == "uuid";

    private static bool IsNumeric(ApiOperation operation, string name) =>
        operation.ParameterSchema(name)?["type"] is { } type && type.ToJsonString() is var t && (t.Contains("integer", StringComparison.Ordinal) || t.Contains("number", StringComparison.Ordinal));

    /// <summary>Puts <paramref name="poison"/>'s text into one string of the body, the query or the path.</summary>
    private static string PoisonText(JsonNode? body, List<(string Name, string Value)> query, Dictionary<string, string> pathValues, Random random,
        Func<string, bool, string> poison)
    {
        var strings = body is null ? [] : Leaves(body).Where(l => l.Node is JsonValue v && v.TryGetValue<string>(out _)).ToList();
        var place = random.Next(strings.Count > 0 ? 4 : 2);
        if (place >= 2 || (query.Count == 0 && pathValues.Count == 0))
        {
            if (strings.Count == 0) return "no text to change (sent as planned)";
            var (path, node) = Pick(random, strings);
            Replace(node!, JsonValue.Create(poison(node!.GetValue<string>(), false)));
            return path;
        }

        if (place == 0 && query.Count > 0 || pathValues.Count == 0)
        {
            var i = random.Next(query.Count);
            query[i] = (query[i].Name, poison(query[i].Value, true));
            return $"?{query[i].Name}";
        }

        var name = Pick(random, pathValues.Keys.ToList());
        pathValues[name] = poison(pathValues[name], true);
        return $"path {{{name}}}";
    }

    private static string LongText(Random random, int length)
    {
        var alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éßæ";
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[r.Next(alphabet.Length)];
        });
    }

    private static string RandomToken(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "x",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString().Trim('"'),
    };

    private static string Shown(string value) => value.Length > 40 ? $"{value[..20]}… ({value.Length:N0} chars)" : value;

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Every value that is not an object or array, by its path.</summary>
    private static IEnumerable<(string Path, JsonNode? Node)> Leaves(JsonNode node, string path = "")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    var at = path.Length == 0 ? name : $"{path}.{name}";
                    if (value is JsonObject or JsonArray)
                        foreach (var leaf in Leaves(value, at)) yield return leaf;
                    else if (value is not null)
                        yield return (at, value);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonObject or JsonArray)
                        foreach (var leaf in Leaves(a[i]!, $"{path}[{i}]")) yield return leaf;
                    else if (a[i] is not null)
                        yield return ($"{path}[{i}]", a[i]);
                }

                break;
        }
    }

    private static IEnumerable<(string Path, JsonObject Parent, string Name)> Members(JsonNode node, string path = "")
    {
        if (node is JsonObject o)
        {
            foreach (var (name, value) in o.ToList())
            {
                var at = path.Length == 0 ? name : $"{path}.{name}";
                yield return (at, o, name);
                if (value is not null)
                    foreach (var member in Members(value, at)) yield return member;
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
                if (a[i] is not null)
                    foreach (var member in Members(a[i]!, $"{path}[{i}]")) yield return member;
        }
    }

    private static IEnumerable<JsonObject> Objects(JsonNode node) =>
        node switch
        {
            JsonObject o => new[] { o }.Concat(o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Objects)),
            JsonArray a => a.OfType<JsonNode>().SelectMany(Objects),
            _ => [],
        };

    /// <summary>Replaces a leaf in place (never the root: a body with leaves is an object or an array).</summary>
    private static void Replace(JsonNode node, JsonNode? value)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = value;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = value;
                break;
        }
    }
}
