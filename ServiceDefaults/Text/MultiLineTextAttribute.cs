namespace Platform.ServiceDefaults.Text;

/// <summary>
/// Marks a request's free-text property (a description, a news body, a citation, a reason, a postal address) whose
/// value may hold line breaks and tabs. Everything else is single-line text: see <see cref="ControlCharacters"/>.
/// On a positional record, put it on the parameter: <c>record EventRequest([MultiLineText] string? Description)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class MultiLineTextAttribute : Attribute;
