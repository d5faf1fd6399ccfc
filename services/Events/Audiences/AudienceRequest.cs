using System.Text.RegularExpressions;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Text;

namespace Platform.Events.Audiences;

/// <summary>Who may register for an event; left out, anyone may.</summary>
public sealed partial record AudienceRequest(Audience? Kind, IReadOnlyList<string>? AllowedDomains, string? InvitationCode)
{
    public void Validate(ValidationErrors errors)
    {
        errors.AddIf(Kind is null, "audience.kind", "The audience is required: public, restricted or invitationOnly.");
        var domains = AllowedDomains ?? [];
        errors.AddIf(domains.Count > Limits.AllowedDomains, "audience.allowedDomains", $"At most {Limits.AllowedDomains} domains.");
        for (var i = 0; i < domains.Count && i < Limits.AllowedDomains; i++)
            errors.AddIf(Normalise(domains[i]) is not { } d || !DomainShape().IsMatch(d), $"audience.allowedDomains[{i}]",
                "A domain such as northshire.gov.uk: letters, digits and hyphens in parts separated by dots.");
        Text.Optional(errors, "audience.invitationCode", InvitationCode, Limits.InvitationCode);
        errors.AddIf(InvitationCode is { } code && code.Trim().Length is > 0 and < 6, "audience.invitationCode",
            "An invitation code has at least 6 characters, so it cannot be guessed in a few tries.");
        errors.AddIf(Kind == Audience.Restricted && domains.Count == 0 && string.IsNullOrWhiteSpace(InvitationCode),
            "audience.allowedDomains", "A restricted event needs at least one allowed domain or an invitation code.");
    }

    public void ApplyTo(PartnershipEvent e)
    {
        e.Audience = Kind!.Value;
        e.AllowedDomains = Kind == Audience.Restricted ? (AllowedDomains ?? []).Select(d => Normalise(d)!).Distinct().ToList() : [];
        e.InvitationCode = Kind == Audience.Restricted && !string.IsNullOrWhiteSpace(InvitationCode) ? InvitationCode.Trim() : null;
    }

    /// <summary>What people type: "@Northshire.gov.uk " is northshire.gov.uk.</summary>
    private static string? Normalise(string? domain) => domain?.Trim().TrimStart('@').TrimEnd('.').ToLowerInvariant();

    [GeneratedRegex(@"^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex DomainShape();
}
