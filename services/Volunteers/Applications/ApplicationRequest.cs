using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.ReferenceData;
using Platform.ServiceDefaults.Serialization;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Roles;
using Platform.ServiceDefaults.Text;

namespace Platform.Volunteers.Applications;

/// <summary>A member of the public applying for a role. No account: the manage link comes back by email.</summary>
public sealed record ApplicationRequest(
    string? Name,
    string? Email,
    string? Phone,
    AgeBand? AgeBand,
    IReadOnlyList<Availability>? Availability,
    IReadOnlyList<string>? Skills,
    string? District,
    [MultiLineText] string? Motivation,
    [MultiLineText] string? Experience,
    bool Consent)
{
    public ValidationErrors Validate(Districts districts)
    {
        var errors = new ValidationErrors();
        Text.Required(errors, "name", Name, Limits.Name);
        Text.Email(errors, "email", Email);
        Text.Optional(errors, "phone", Phone, Limits.Phone);
        errors.AddIf(AgeBand is null, "ageBand", $"'ageBand' is required: {string.Join(", ", EnumSpelling.Names<AgeBand>())}.");
        errors.AddIf(Availability is null || Availability.Count == 0, "availability",
            $"Say when you can volunteer: {string.Join(", ", EnumSpelling.Names<Availability>())}.");
        SkillList.Normalise(errors, "skills", Skills);
        districts.CheckOptional(errors, "district", District);
        Text.Required(errors, "motivation", Motivation, Limits.LongText);
        Text.Optional(errors, "experience", Experience, Limits.LongText);
        errors.AddIf(!Consent, "consent", "Consent to the organisation holding these details is required to apply.");
        return errors;
    }

    /// <summary>The youngest age in the band is what counts against a role's minimum age.</summary>
    public static int YoungestIn(AgeBand band) => band switch
    {
        Applications.AgeBand.Under16 => 0,
        Applications.AgeBand.From16To17 => 16,
        Applications.AgeBand.From18To24 => 18,
        Applications.AgeBand.From25To34 => 25,
        Applications.AgeBand.From35To49 => 35,
        Applications.AgeBand.From50To64 => 50,
        _ => 65,
    };

    public VolunteerApplication ToApplication(VolunteerRole role, byte[] tokenHash, DateTimeOffset tokenExpiresAt, Districts districts, DateTimeOffset now) =>
        new()
        {
            RoleId = role.Id,
            OrganisationId = role.OrganisationId,
            Name = Name!.Trim(),
            Email = Email!.Trim(),
            Phone = Text.Trimmed(Phone),
            AgeBand = AgeBand!.Value,
            Availability = (Availability ?? []).Distinct().ToList(),
            Skills = SkillList.Normalise(new ValidationErrors(), "skills", Skills),
            District = districts.Find(District) ?? "",
            Motivation = Motivation!.Trim(),
            Experience = Text.Trimmed(Experience),
            Consent = Consent,
            ManageTokenHash = tokenHash,
            ManageTokenExpiresAt = tokenExpiresAt,
            CreatedAt = now,
            UpdatedAt = now,
        };
}

/// <summary>The organisation moving an application (or the applicant withdrawing it).</summary>
public sealed record StageChangeRequest(ApplicationStage? Stage, [MultiLineText] string? Reason);

public sealed record WithdrawRequest([MultiLineText] string? Reason);
