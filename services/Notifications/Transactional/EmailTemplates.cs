using System.Collections.Frozen;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using Microsoft.Extensions.Options;
using Platform.Notifications.Delivery;

namespace Platform.Notifications.Transactional;

/// <summary>
/// The Handlebars templates, compiled once: for each message kind a subject, a plain-text and an HTML part, and a
/// footer partial naming the office. The HTML environment escapes every value; the plain-text one must not (an
/// "&amp;amp;" in a text email is a bug), and the subject has its line breaks removed so nothing a registrant typed
/// can add a mail header.
/// </summary>
public sealed partial class EmailTemplates
{
    private const string ResourcePrefix = "Templates.";

    private readonly FrozenDictionary<string, HandlebarsTemplate<object, object>> _templates;
    private readonly OfficeOptions _office;

    public EmailTemplates(IOptions<OfficeOptions> office)
    {
        _office = office.Value;
        var html = Handlebars.Create();
        var text = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        html.RegisterTemplate("footer", Read("footer.html.hbs"));
        text.RegisterTemplate("footer", Read("footer.txt.hbs"));

        var assembly = typeof(EmailTemplates).Assembly;
        _templates = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && !n.StartsWith(ResourcePrefix + "footer.", StringComparison.Ordinal))
            .ToFrozenDictionary(
                n => n[ResourcePrefix.Length..^".hbs".Length],
                n => (n.EndsWith(".html.hbs", StringComparison.Ordinal) ? html : text).Compile(Read(n[ResourcePrefix.Length..])));
    }

    public IEnumerable<string> Kinds => _templates.Keys.Where(k => k.EndsWith(".subject", StringComparison.Ordinal)).Select(k => k[..^".subject".Length]);

    public RenderedEmail Render(string kind, object message)
    {
        var model = new { Message = message, Office = _office };
        return new RenderedEmail(
            SingleLine(Template(kind, "subject")(model)),
            Template(kind, "txt")(model),
            Template(kind, "html")(model));
    }

    /// <summary>Any run of control characters (CR, LF, tabs) becomes one space: a subject is one header line.</summary>
    public static string SingleLine(string value) => ControlCharacters().Replace(value, " ").Trim();

    private HandlebarsTemplate<object, object> Template(string kind, string part) =>
        _templates.TryGetValue($"{kind}.{part}", out var template)
            ? template
            : throw new InvalidOperationException($"There is no {part} template for '{kind}'.");

    private static string Read(string fileName)
    {
        using var stream = typeof(EmailTemplates).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"The template {fileName} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"[\p{Cc}\u2028\u2029]+")]
    private static partial Regex ControlCharacters();
}
