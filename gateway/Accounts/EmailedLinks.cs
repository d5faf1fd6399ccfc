using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;

namespace Platform.Gateway.Accounts;

/// <summary>
/// Why an emailed link (an invitation or a password reset) no longer works, each a problem of its own so the page can
/// say what to do next: a used link cannot be used again, a superseded one was replaced by the newer email, an expired
/// one needs a fresh email. A token that was never issued is a 404.
/// </summary>
internal static class EmailedLinks
{
    public static ProblemHttpResult Unknown(string link) =>
        RuleProblem.Create(StatusCodes.Status404NotFound, $"{link}-link", $"This {link} link is not one we sent; check it was copied whole.");

    /// <returns>The problem with a link that exists, or null while it works.</returns>
    public static ProblemHttpResult? Refusal(string link, DateTimeOffset? usedAt, bool superseded, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        if (usedAt is not null)
            return RuleProblem.Conflict("link-used", $"This {link} link was already used; each works once.");
        if (superseded)
            return RuleProblem.Conflict("link-superseded", $"A newer {link} email was sent; use the link in that one.");
        return now >= expiresAt
            ? RuleProblem.Conflict("link-expired", $"This {link} link has expired; ask for a new one.")
            : null;
    }
}
