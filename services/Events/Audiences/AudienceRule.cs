using System.Security.Cryptography;
using System.Text;
using Platform.Events.Catalogue;

namespace Platform.Events.Audiences;

/// <summary>Why a registration is refused before any place is taken: the rule's name and a sentence for the person.</summary>
public sealed record AudienceRefusal(string Rule, string Detail);

/// <summary>Whether an address may register for an event, judged before the registration's write.</summary>
public static class AudienceRule
{
    public const string Restricted = "audience-restricted";
    public const string InvitationRequired = "invitation-required";
    public const string InvitationNotYours = "invitation-not-yours";

    /// <param name="invitation">The invitee whose personal code the request carried, when the event is invitation-only and the code was found.</param>
    public static AudienceRefusal? Check(PartnershipEvent e, string email, string? invitationCode, Invitation? invitation) => e.Audience switch
    {
        Audience.Restricted when IsAllowedDomain(e.AllowedDomains, email) || CodeMatches(e.InvitationCode, invitationCode) => null,
        Audience.Restricted => new AudienceRefusal(Restricted, RestrictedRefusal(e, email)),
        Audience.InvitationOnly when invitation is null => new AudienceRefusal(InvitationRequired,
            "This event is by invitation only: register from the personal link in your invitation."),
        // A forwarded link cannot register anyone but the person it was made for.
        Audience.InvitationOnly when !string.Equals(invitation.Email, email.Trim(), StringComparison.OrdinalIgnoreCase) =>
            new AudienceRefusal(InvitationNotYours,
                "This invitation is personal: it registers only the address it was sent to. Ask the organiser for an invitation of your own."),
        _ => null,
    };

    /// <summary>The part of an address after its last @, lower case, without a trailing dot.</summary>
    public static string DomainOf(string email)
    {
        var at = email.LastIndexOf('@');
        return (at < 0 ? "" : email[(at + 1)..]).Trim().TrimEnd('.').ToLowerInvariant();
    }

    /// <summary>The domain itself or any subdomain of it: police.uk admits northshire.police.uk, never notpolice.uk.</summary>
    public static bool IsAllowedDomain(IEnumerable<string> allowed, string email)
    {
        var domain = DomainOf(email);
        return domain.Length > 0 && allowed.Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal));
    }

    /// <summary>Case and surrounding spaces do not matter (a code is read out and typed); compared in constant time.</summary>
    public static bool CodeMatches(string? expected, string? given) =>
        !string.IsNullOrEmpty(expected) && !string.IsNullOrWhiteSpace(given)
        && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(expected.Trim().ToUpperInvariant()), Encoding.UTF8.GetBytes(given.Trim().ToUpperInvariant()));

    private static string RestrictedRefusal(PartnershipEvent e, string email)
    {
        var domain = DomainOf(email);
        var domains = string.Join(", ", e.AllowedDomains);
        var code = string.IsNullOrEmpty(e.InvitationCode) ? "" : ", or with the invitation code the organiser gave you";
        return domains.Length == 0
            ? "This event is open only to holders of the organiser's invitation code."
            : $"This event is open only to addresses at {domains}{code}; {(domain.Length == 0 ? "this address" : domain)} is not one of them.";
    }
}
