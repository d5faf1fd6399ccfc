using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.ReferenceData;
using Platform.ServiceDefaults.Serialization;
using Platform.Volunteers.Infrastructure;
using Platform.ServiceDefaults.Text;

namespace Platform.Volunteers.Roles;

/// <summary>A role as an organisation writes it (create, or edit while Draft or Open).</summary>
public sealed record RoleRequest(
    string? Title,
    [MultiLineText] string? Description,
    RoleCategory? Category,
    string? District,
    string? Location,
    bool Remote,
    IReadOnlyList<string>? Skills,
    string? TimeCommitment,
    IReadOnlyList<Availability>? Availability,
    int? MinimumAge,
    BackgroundCheck? BackgroundCheck,
    int? Places,
    DateOnly? ClosesOn,
    bool? SendAlerts = null)
{
    public const int MaxPlaces = 1000;

    public ValidationErrors Validate(Districts districts, DateOnly today)
    {
        var errors = new ValidationErrors();
        Text.Required(errors, "title", Title, Limits.Title);
        Text.Required(errors, "description", Description, Limits.LongText);
        errors.AddIf(Category is null, "category", $"'category' is required: {string.Join(", ", EnumSpelling.Names<RoleCategory>())}.");
        errors.AddIf(districts.Find(District) is null, "district", districts.NotADistrict(District));
        Text.Optional(errors, "location", Location, Limits.ShortText);
        errors.AddIf(!Remote && string.IsNullOrWhiteSpace(Location), "location", "A role that is not remote needs a 'location'.");
        SkillList.Normalise(errors, "skills", Skills);
        Text.Required(errors, "timeCommitment", TimeCommitment, Limits.ShortText);
        errors.AddIf(MinimumAge is null or < 14 or > 99, "minimumAge", "'minimumAge' is required, 14 to 99.");
        errors.AddIf(BackgroundCheck is null, "backgroundCheck", $"'backgroundCheck' is required: {string.Join(", ", EnumSpelling.Names<BackgroundCheck>())}.");
        errors.AddIf(Places is null or < 1 or > MaxPlaces, "places", $"'places' is required, 1 to {MaxPlaces}.");
        errors.AddIf(ClosesOn is { } c && c < today, "closesOn", "'closesOn' is in the past.");
        return errors;
    }

    public void ApplyTo(VolunteerRole role, Districts districts)
    {
        role.Title = Title!.Trim();
        role.Description = Description!.Trim();
        role.Category = Category!.Value;
        role.District = districts.Find(District)!;
        role.Location = Text.Trimmed(Location);
        role.Remote = Remote;
        role.Skills = SkillList.Normalise(new ValidationErrors(), "skills", Skills);
        role.TimeCommitment = TimeCommitment!.Trim();
        role.Availability = (Availability ?? []).Distinct().ToList();
        role.MinimumAge = MinimumAge!.Value;
        role.BackgroundCheck = BackgroundCheck!.Value;
        role.Places = Places!.Value;
        role.ClosesOn = ClosesOn;
        // Left out, it keeps what it was (on for a new role), so an edit from a client that never heard of it changes nothing.
        if (SendAlerts is { } sendAlerts) role.SendAlerts = sendAlerts;
    }
}
