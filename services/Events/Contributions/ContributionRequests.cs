using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Serialization;
using Platform.ServiceDefaults.Text;

namespace Platform.Events.Contributions;

/// <summary>Staff open (or move the closing date of) the call for one kind of contribution.</summary>
public sealed record CallRequest(ContributionKind? Kind, DateTimeOffset? ClosesAt)
{
    public ValidationErrors Validate(PartnershipEvent e)
    {
        var errors = new ValidationErrors();
        errors.AddIf(Kind is null || !Enum.IsDefined(Kind.Value), "kind", $"The kind is required: {string.Join(" or ", EnumSpelling.Names<ContributionKind>())}.");
        errors.AddIf(ClosesAt is null, "closesAt", "The closing date is required.");
        errors.AddIf(ClosesAt > e.StartsAt, "closesAt", "The call must close before the event starts.");
        return errors;
    }
}

/// <summary>A partner's pitch or stand: what it is, who shows it, and whom to contact.</summary>
public sealed record ContributionRequest(
    ContributionKind? Kind,
    string? Title,
    [MultiLineText] string? Summary,
    string? Organisation,
    string? ContactName,
    string? ContactEmail)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.AddIf(Kind is null || !Enum.IsDefined(Kind.Value), "kind", $"The kind is required: {string.Join(" or ", EnumSpelling.Names<ContributionKind>())}.");
        Text.Required(errors, "title", Title, Limits.Title);
        Text.Required(errors, "summary", Summary, Limits.LongText);
        Text.Required(errors, "organisation", Organisation, Limits.Name);
        Text.Required(errors, "contactName", ContactName, Limits.Name);
        Text.Email(errors, "contactEmail", ContactEmail);
        return errors;
    }

    public Contribution ToContribution(Guid eventId, Guid organisationId, string submittedBy, DateTimeOffset now) => new()
    {
        EventId = eventId,
        Kind = Kind!.Value,
        OrganisationId = organisationId,
        SubmittedBy = submittedBy,
        Title = Title!.Trim(),
        Summary = Summary!.Trim(),
        Organisation = Organisation!.Trim(),
        ContactName = ContactName!.Trim(),
        ContactEmail = ContactEmail!.Trim(),
        SubmittedAt = now,
    };
}

/// <summary>
/// Staff accept a contribution: a lightning talk with its running order and slot, a stand with its allocation.
/// Accepting again moves it (a new running order, slot or stand).
/// </summary>
public sealed record AcceptContributionRequest(int? RunningOrder, DateTimeOffset? SlotStartsAt, DateTimeOffset? SlotEndsAt, string? Allocation)
{
    public const int MaxRunningOrder = 100;

    public ValidationErrors Validate(Contribution contribution, PartnershipEvent e)
    {
        var errors = new ValidationErrors();
        if (contribution.Kind == ContributionKind.LightningTalk)
        {
            errors.AddIf(RunningOrder is null or < 1 or > MaxRunningOrder, "runningOrder",
                $"A lightning talk needs its running order, 1 to {MaxRunningOrder}.");
            errors.AddIf(SlotStartsAt is null, "slotStartsAt", "A lightning talk needs its slot's start.");
            errors.AddIf(SlotEndsAt is null, "slotEndsAt", "A lightning talk needs its slot's end.");
            errors.AddIf(SlotStartsAt >= SlotEndsAt, "slotEndsAt", "The slot must end after it starts.");
            errors.AddIf(SlotStartsAt < e.StartsAt || SlotEndsAt > e.EndsAt, "slotStartsAt", "The slot must fall within the event's times.");
            errors.AddIf(Allocation is not null, "allocation", "Only a stand has an allocation.");
        }
        else
        {
            Text.Required(errors, "allocation", Allocation, Limits.Name);
            errors.AddIf(RunningOrder is not null || SlotStartsAt is not null || SlotEndsAt is not null, "runningOrder",
                "Only a lightning talk has a running order and slot.");
        }
        return errors;
    }

    public void ApplyTo(Contribution contribution, string decidedBy, DateTimeOffset now)
    {
        contribution.Status = ContributionStatus.Accepted;
        contribution.RunningOrder = RunningOrder;
        contribution.SlotStartsAt = SlotStartsAt?.ToUniversalTime();
        contribution.SlotEndsAt = SlotEndsAt?.ToUniversalTime();
        contribution.Allocation = Text.Trimmed(Allocation);
        contribution.DecidedAt = now;
        contribution.DecidedBy = decidedBy;
    }
}
