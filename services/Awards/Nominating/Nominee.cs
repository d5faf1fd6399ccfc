using System.Globalization;
using System.Text;

namespace Platform.Awards.Nominating;

/// <summary>
/// A person or project nominated in a category, however many times: the unit judges score, conflicts are declared
/// against, and shortlists and winners are made of. Created by the first nomination; later ones with the same
/// <see cref="Key"/> join it.
/// </summary>
public sealed class Nominee
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ProgrammeId { get; init; }
    public Guid CategoryId { get; init; }

    /// <summary>See <see cref="NomineeKey"/>; unique within the category, which is how duplicates meet.</summary>
    public required string Key { get; init; }
    public required string Name { get; init; }
    public string? Organisation { get; set; }
    public string? District { get; set; }
    /// <summary>
    /// Where the nominee is written to (as a finalist): set only by staff at screening, from the addresses nominators
    /// proposed (each nomination's NomineeContact) or their own enquiries. Null until then, and then nobody is written to.
    /// </summary>
    public string? ContactEmail { get; set; }
    public DateTimeOffset? ContactConfirmedAt { get; set; }
    public string? ContactConfirmedBy { get; set; }

    public bool IsFinalist { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// The duplicate-detection key: the nominee's name and organisation, case-, accent-, punctuation- and
/// space-insensitive ("Jo O'Neill, Northside Youth Club" = "jo oneill / NORTHSIDE YOUTH CLUB"). Near misses
/// ("Jo" and "Joanne") are left to staff, who merge them at screening.
/// </summary>
public static class NomineeKey
{
    public static string Of(string name, string? organisation) => $"{Normalise(name)}|{Normalise(organisation ?? "")}";

    private static string Normalise(string value)
    {
        var result = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && result.Length > 0) result.Append(' ');
                result.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (char.IsWhiteSpace(c)) space = true;
        }
        return result.ToString();
    }
}
