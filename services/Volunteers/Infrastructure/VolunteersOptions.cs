using Microsoft.Extensions.Options;

namespace Platform.Volunteers.Infrastructure;

/// <summary>Bound from section "Volunteers" and validated at start.</summary>
public sealed class VolunteersOptions
{
    public const string SectionName = "Volunteers";

    /// <summary>A volunteer with no logged activity (hours, check-ins) for this long is flagged at risk.</summary>
    public TimeSpan LapsePeriod { get; set; } = TimeSpan.FromDays(45);

    /// <summary>After a re-engagement message, no other goes to the same volunteer for this long.</summary>
    public TimeSpan ReengagementCoolOff { get; set; } = TimeSpan.FromDays(90);

    /// <summary>A check-in scoring at or below this (1 to 5) counts as low satisfaction.</summary>
    public int LowSatisfactionScore { get; set; } = 2;

    /// <summary>How long before a background check or qualification lapses the volunteer and organisation are told.</summary>
    public TimeSpan ExpiryReminderBefore { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often each active volunteer is asked the check-in question (the first after this long of service).</summary>
    public TimeSpan CheckInInterval { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long a check-in link works.</summary>
    public TimeSpan CheckInLinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a volunteer's own link works. Each check-in invitation carries a fresh link (the old one stops working),
    /// so an active volunteer always holds a working one; a link copied from an old email, a shared inbox or a lost phone
    /// stops working within this long. 120 days: one check-in interval and the check-in link's lifetime, so the link
    /// outlives the invitation that replaces it, even one answered late.
    /// </summary>
    public TimeSpan VolunteerLinkLifetime { get; set; } = TimeSpan.FromDays(120);

    /// <summary>
    /// A volunteer record gets at most one fresh link on request (by email address) per this long: the form then cannot
    /// flood a mailbox, nor keep replacing a link the volunteer is using.
    /// </summary>
    public TimeSpan FreshLinkInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the time-driven work (closing dates, expiry, lapse, tenure milestones) runs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an applicant's manage link works after the application was made.</summary>
    public TimeSpan ManageLinkLifetime { get; set; } = TimeSpan.FromDays(365);

    public IEnumerable<string> Validate()
    {
        if (LapsePeriod <= TimeSpan.Zero) yield return "Volunteers:LapsePeriod must be positive.";
        if (ReengagementCoolOff <= TimeSpan.Zero) yield return "Volunteers:ReengagementCoolOff must be positive.";
        if (LowSatisfactionScore is < 1 or > 4) yield return "Volunteers:LowSatisfactionScore must be 1 to 4.";
        if (ExpiryReminderBefore <= TimeSpan.Zero) yield return "Volunteers:ExpiryReminderBefore must be positive.";
        if (CheckInInterval <= TimeSpan.Zero) yield return "Volunteers:CheckInInterval must be positive.";
        if (CheckInLinkLifetime <= TimeSpan.Zero) yield return "Volunteers:CheckInLinkLifetime must be positive.";
        if (VolunteerLinkLifetime <= CheckInInterval)
            yield return "Volunteers:VolunteerLinkLifetime must be longer than Volunteers:CheckInInterval, or links lapse between the invitations that renew them.";
        if (FreshLinkInterval < TimeSpan.Zero) yield return "Volunteers:FreshLinkInterval must not be negative.";
        if (SweepInterval <= TimeSpan.Zero) yield return "Volunteers:SweepInterval must be positive.";
        if (ManageLinkLifetime <= TimeSpan.Zero) yield return "Volunteers:ManageLinkLifetime must be positive.";
    }
}

/// <summary>Fails start-up with every broken option named, rather than a generic message.</summary>
internal sealed class VolunteersOptionsValidator : IValidateOptions<VolunteersOptions>
{
    public ValidateOptionsResult Validate(string? name, VolunteersOptions options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
