using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.ServiceDefaults.Text;

/// <summary>
/// Reads every JSON string a service binds (properties, collection items, dictionary keys and values) through the
/// platform's text rule, so a request with a control character fails while it is read, before any handler runs.
/// Writing is untouched.
/// </summary>
internal sealed class TextJsonConverter(bool multiLine) : JsonConverter<string>
{
    public static readonly TextJsonConverter SingleLine = new(multiLine: false);
    public static readonly TextJsonConverter MultiLine = new(multiLine: true);

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private string? Checked(string? value) =>
        value is null || ControlCharacters.FirstDisallowed(value, multiLine) < 0
            ? value
            : throw new ControlCharacterException(ControlCharacters.Problem(value, multiLine));
}
