using System.ComponentModel.DataAnnotations;

namespace Platform.Notifications.Transactional;

/// <summary>
/// Who the emails come from, as the footer of every transactional email names it. Bound from
/// <c>Notifications:Office</c>; each county's office sets its own.
/// </summary>
public sealed class OfficeOptions
{
    public const string SectionName = "Notifications:Office";

    [Required, StringLength(120)]
    public string CountyName { get; set; } = "Safer Communities Partnership";

    [Required, EmailAddress]
    public string ContactEmail { get; set; } = "contact@safer-communities.local";

    /// <summary>The time zone delegates read times in; events are stored in UTC.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/London";
}
