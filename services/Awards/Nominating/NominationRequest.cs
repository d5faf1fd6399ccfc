using Platform.Awards.Categories;
using Platform.Awards.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Text;

namespace Platform.Awards.Nominating;

public sealed record NomineeRequest(string? Name, string? Organisation, string? District, string? ContactEmail);

public sealed record NominatorRequest(string? Name, string? Email, string? Relationship);

/// <summary>A nomination from the public or a partner; no account: the manage link comes back by email.</summary>
public sealed record NominationRequest(Guid? CategoryId, NomineeRequest? Nominee, [MultiLineText] string? Citation, NominatorRequest? Nominator, bool Consent)
{
    /// <summary>Checks the request on its own; the citation's word limit needs the category, checked after.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.AddIf(CategoryId is null, "categoryId", "The category is required.");
        if (Nominee is null) errors.Add("nominee", "The nominee is required.");
        else
        {
            Text.Required(errors, "nominee.name", Nominee.Name, Limits.Name);
            Text.Optional(errors, "nominee.organisation", Nominee.Organisation, Limits.Name);
            Text.Optional(errors, "nominee.district", Nominee.District, Limits.Name);
            Text.Email(errors, "nominee.contactEmail", Nominee.ContactEmail, required: false);
        }
        Text.Required(errors, "citation", Citation, Limits.Citation);
        if (Nominator is null) errors.Add("nominator", "The nominator is required.");
        else
        {
            Text.Required(errors, "nominator.name", Nominator.Name, Limits.Name);
            Text.Email(errors, "nominator.email", Nominator.Email);
            Text.Required(errors, "nominator.relationship", Nominator.Relationship, Limits.ShortText);
        }
        errors.AddIf(!Consent, "consent", "The nominator must confirm they may share these details and that the nominee may be contacted.");
        return errors;
    }

    public ValidationErrors ValidateFor(AwardCategory category)
    {
        var errors = new ValidationErrors();
        var words = Text.WordCount(Citation!);
        errors.AddIf(words > category.CitationWordLimit, "citation",
            $"The citation has {words} words; '{category.Name}' allows at most {category.CitationWordLimit}.");
        return errors;
    }

    public Nomination ToNomination(Guid programmeId, Guid nomineeId, byte[] tokenHash, DateTimeOffset tokenExpiresAt, DateTimeOffset now) => new()
    {
        ProgrammeId = programmeId,
        CategoryId = CategoryId!.Value,
        NomineeId = nomineeId,
        NomineeName = Nominee!.Name!.Trim(),
        NomineeOrganisation = Text.Trimmed(Nominee.Organisation),
        NomineeDistrict = Text.Trimmed(Nominee.District),
        NomineeContact = Text.Trimmed(Nominee.ContactEmail),
        Citation = Citation!.Trim(),
        NominatorName = Nominator!.Name!.Trim(),
        NominatorEmail = Nominator.Email!.Trim(),
        NominatorRelationship = Nominator.Relationship!.Trim(),
        Consent = Consent,
        ManageTokenHash = tokenHash,
        ManageTokenExpiresAt = tokenExpiresAt,
        Status = NominationStatus.Received,
        SubmittedAt = now,
    };
}
