using System.Net.Mail;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Infrastructure;
using Platform.Awards.Judging;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Problems;

namespace Platform.Awards.Screening;

public sealed record NomineeContactRequest(string? ContactEmail);

public sealed record NomineeContactView(Guid NomineeId, string? ContactEmail, DateTimeOffset? ConfirmedAt, string? ConfirmedBy);

/// <summary>
/// Staff confirm the address a nominee is written to, having checked it (nominators each propose one, and anyone can
/// nominate): until then the nominee is written to at no address. An empty address clears it.
/// </summary>
public static class NomineeContactApi
{
    public static IEndpointRouteBuilder MapNomineeContactApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPut("/api/awards/nominees/{nomineeId:guid}/contact", SetAsync).WithTags("Screening").RequireAuthorization(PlatformPolicies.Staff)
            .WithName("ConfirmNomineeContact").WithSummary("Confirm (or clear) the address the nominee is written to; nominators' proposals are only proposals")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesAuthorizationFailures();
        return routes;
    }

    private static async Task<Results<Ok<NomineeContactView>, ValidationProblem, ProblemHttpResult>> SetAsync(
        Guid nomineeId, NomineeContactRequest request, ClaimsPrincipal user, AwardsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var email = Text.Trimmed(request.ContactEmail);
        var errors = new ValidationErrors();
        Text.Optional(errors, "contactEmail", email, Limits.Email);
        errors.AddIf(email is not null && !(MailAddress.TryCreate(email, out var parsed) && parsed.Address == email), "contactEmail",
            "'contactEmail' is not a valid email address.");
        if (errors.Any) return errors.ToProblem();

        var nominee = await db.Nominees.FirstOrDefaultAsync(n => n.Id == nomineeId, ct);
        if (nominee is null) return RuleProblem.NotFound($"Nominee {nomineeId}");
        if (await JudgingSecrecy.CheckAsync(db, nominee.CategoryId, user, time, ct) is { } judging) return RuleProblem.Create(StatusCodes.Status403Forbidden, JudgingSecrecy.Rule, judging);

        nominee.ContactEmail = email;
        nominee.ContactConfirmedAt = email is null ? null : time.GetUtcNow();
        nominee.ContactConfirmedBy = email is null ? null : user.GetSubject();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new NomineeContactView(nominee.Id, nominee.ContactEmail, nominee.ContactConfirmedAt, nominee.ContactConfirmedBy));
    }
}
