using System.ComponentModel.DataAnnotations;

namespace Platform.Events.Infrastructure;

/// <summary>Bound from section "Events" and validated at start.</summary>
public sealed class EventsOptions
{
    public const string SectionName = "Events";

    /// <summary>How long a freed workshop place is held for the first waiting delegate.</summary>
    public TimeSpan OfferHold { get; set; } = TimeSpan.FromHours(48);

    /// <summary>The shorter hold used when the event is close, so a place is not held until it is too late to use.</summary>
    public TimeSpan ShortOfferHold { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Within this long of the start, offers use <see cref="ShortOfferHold"/>.</summary>
    public TimeSpan ShortHoldWithin { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// How long a new registration's places are held before the delegate confirms their address by opening the
    /// emailed link. A day covers a delegate who registers in the evening and reads their mail the next morning;
    /// anyone filling an event with addresses they do not own loses those places within the day, to the waitlist.
    /// </summary>
    public TimeSpan ConfirmationHold { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The hold within <see cref="ShortHoldWithin"/> of the start: a delegate registering then is at their mail, and every place counts.</summary>
    public TimeSpan ShortConfirmationHold { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often the waitlist promoter looks for expired offers even when nothing signalled it.</summary>
    public TimeSpan PromotionInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long before the start registrants are reminded (PartnershipEventReminderDue).</summary>
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often the reminder scheduler looks for events coming up.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long after the last change to an event's day its delegates are told: changes made in quick succession (a
    /// time, then the venue) reach them as one notice with the final state.
    /// </summary>
    public TimeSpan ChangeNoticeSettle { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the change notices that have settled are looked for.</summary>
    public TimeSpan ChangeNoticeInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an Idempotency-Key is remembered; a retry later than this registers again.</summary>
    public TimeSpan IdempotencyKeyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long after its manage link expires (at the event's end) a delegate may still use it for what comes after
    /// the event: the feedback survey, a certificate of attendance, the delegate list. Changing or cancelling a
    /// registration still ends with the event.
    /// </summary>
    public TimeSpan FollowUpLinkFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Right-hand side of iCalendar UIDs; must stay the same for ever, or calendars duplicate entries.</summary>
    [Required, RegularExpression(@"^[a-z0-9.-]+$")]
    public string CalendarDomain { get; set; } = "events.safer-communities.police.uk";

    public IEnumerable<string> Validate()
    {
        if (OfferHold <= TimeSpan.Zero) yield return "Events:OfferHold must be positive.";
        if (ShortOfferHold <= TimeSpan.Zero || ShortOfferHold > OfferHold)
            yield return "Events:ShortOfferHold must be positive and no longer than Events:OfferHold.";
        if (ShortHoldWithin < TimeSpan.Zero) yield return "Events:ShortHoldWithin must not be negative.";
        if (ConfirmationHold <= TimeSpan.Zero) yield return "Events:ConfirmationHold must be positive.";
        if (ShortConfirmationHold <= TimeSpan.Zero || ShortConfirmationHold > ConfirmationHold)
            yield return "Events:ShortConfirmationHold must be positive and no longer than Events:ConfirmationHold.";
        if (PromotionInterval <= TimeSpan.Zero) yield return "Events:PromotionInterval must be positive.";
        if (IdempotencyKeyRetention <= TimeSpan.Zero) yield return "Events:IdempotencyKeyRetention must be positive.";
        if (ReminderBefore <= TimeSpan.Zero) yield return "Events:ReminderBefore must be positive.";
        if (ReminderInterval <= TimeSpan.Zero) yield return "Events:ReminderInterval must be positive.";
        if (FollowUpLinkFor < TimeSpan.Zero) yield return "Events:FollowUpLinkFor must not be negative.";
        if (ChangeNoticeSettle < TimeSpan.Zero) yield return "Events:ChangeNoticeSettle must not be negative.";
        if (ChangeNoticeInterval <= TimeSpan.Zero) yield return "Events:ChangeNoticeInterval must be positive.";
    }
}

/// <summary>Fails start-up with every broken option named, rather than a generic message.</summary>
internal sealed class EventsOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<EventsOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, EventsOptions options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Success
            : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
    }
}
