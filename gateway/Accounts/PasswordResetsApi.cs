using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Gateway;
using Platform.Gateway.Data;
using Platform.Gateway.Site;
using Platform.Messaging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Secrets;

namespace Platform.Gateway.Accounts;

/// <summary>
/// Forgotten passwords: a request emails the account a single-use, expiring link (through Notifications, via the
/// outbox), and the link's token sets a new password, ending every session of the account. Both sit under
/// /gateway/accounts/password, so the edge limits them per address with the other credential writes.
/// </summary>
internal static class PasswordResetsApi
{
    public static IEndpointRouteBuilder MapPasswordResetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/gateway/accounts/password/reset").WithTags("Accounts").AllowAnonymous();
        group.MapPost("", RequestAsync)
            .WithName("RequestPasswordReset").WithSummary("Email a password-reset link to the account at this address, if there is one (202 either way)");
        group.MapPost("/complete", CompleteAsync)
            .WithName("ResetPassword").WithSummary("Set a new password with the emailed link's token; every session of the account ends");
        return app;
    }

    private static async Task<Results<Accepted, ValidationProblem>> RequestAsync(
        PasswordResetRequest request, GatewayDbContext db, UserManager<GatewayUser> users, IIntegrationEventOutbox outbox,
        TimeProvider time, IOptions<AccountOptions> options, CancellationToken cancellationToken)
    {
        var email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            return ValidationErrors.For("email", "A valid email address is required.");
        }

        // The same answer whether or not the address has an account, is disabled, or was sent a link a moment ago:
        // the form tells nobody who has an account.
        var user = await users.FindByEmailAsync(email);
        var now = time.GetUtcNow();
        var settings = options.Value;
        if (user is { DisabledAt: null })
        {
            var since = now - settings.PasswordResetInterval;
            if (!await db.PasswordResets.AnyAsync(r => r.UserId == user.Id && r.CreatedAt > since, cancellationToken))
            {
                var token = BearerSecret.Create("pwr_");
                var reset = new PasswordReset
                {
                    UserId = user.Id,
                    TokenHash = BearerSecret.Hash(token),
                    CreatedAt = now,
                    ExpiresAt = now + settings.PasswordResetLifetime,
                };
                db.PasswordResets.Add(reset);
                outbox.Add(new PasswordResetRequested(user.Id, user.Email!, token, reset.ExpiresAt) { OccurredAt = now });
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> CompleteAsync(
        CompletePasswordResetRequest request, HttpContext context, GatewayDbContext db, UserManager<GatewayUser> users,
        SessionTokens sessions, LoginThrottle throttle, TimeProvider time, CancellationToken cancellationToken)
    {
        var hash = BearerSecret.Hash(request.ResetToken ?? string.Empty);
        var reset = await db.PasswordResets.SingleOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
        var user = reset is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == reset.UserId, cancellationToken);
        if (reset is null || user is null || user.DisabledAt is not null)
        {
            return EmailedLinks.Unknown("password reset");
        }

        var superseded = await db.PasswordResets.AnyAsync(r => r.UserId == reset.UserId && r.CreatedAt > reset.CreatedAt, cancellationToken);
        var now = time.GetUtcNow();
        if (EmailedLinks.Refusal("password reset", reset.UsedAt, superseded, reset.ExpiresAt, now) is { } refused)
        {
            return refused;
        }

        var password = request.Password ?? string.Empty;
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        if (errors.Count > 0)
        {
            return IdentityErrors.Of(IdentityResult.Failed([.. errors])).ToProblem();
        }

        // One save for the new hash and the spent link; Identity's concurrency stamp makes the second of two racing
        // uses of the same link fail here rather than set a password twice.
        reset.UsedAt = now;
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            return EmailedLinks.Refusal("password reset", now, false, reset.ExpiresAt, now)!;
        }

        // Whoever knew the old password is signed out everywhere, and the owner may sign in at once.
        await sessions.EndAllAsync(user.Id, cancellationToken);
        await throttle.SucceededAsync(LoginThrottle.Normalise(user.Email), VisitorAddress.Of(context), cancellationToken);
        return TypedResults.NoContent();
    }
}
