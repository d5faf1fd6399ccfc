using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Gateway;
using Platform.Data;
using Platform.Gateway.Data;
using Platform.Messaging;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Secrets;

namespace Platform.Gateway.Accounts;

/// <summary>
/// Staff register organisations and invite their users (and other staff); the invitee is emailed a single-use,
/// expiring link (InvitationIssued, through the outbox to Notifications) and chooses a password with its token.
/// </summary>
internal static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/gateway").WithTags("Organisations").RequireAuthorization(PlatformPolicies.Staff);
        staff.MapPost("/organisations", CreateAsync).WithName("CreateOrganisation").WithSummary("Add a partner organisation");
        staff.MapGet("/organisations", ListAsync).WithName("ListOrganisations").WithSummary("Partner organisations");
        staff.MapPost("/accounts/invitations", InviteAsync)
            .WithName("InviteOrganisationUser").WithSummary("Invite a user into an organisation, or with role staff a member of staff: the link is emailed to them");

        app.MapPost("/gateway/accounts/invitations/accept", AcceptAsync).WithTags("Accounts").AllowAnonymous()
            .WithName("AcceptInvitation").WithSummary("Accept an invitation and choose a password");
        return app;
    }

    private static async Task<Results<Created<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateOrganisationRequest request, GatewayDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            return ValidationErrors.For("name", "A name of 1 to 200 characters is required.");
        }

        if (await db.Organisations.AnyAsync(o => o.Name == name, cancellationToken))
        {
            return Exists(name);
        }

        var organisation = new Organisation { Name = name, CreatedAt = time.GetUtcNow() };
        db.Organisations.Add(organisation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // The same name sent twice at once: the look-up above passed for both, the unique index let one in. Asked
            // again rather than read from the error, which each database words its own way.
            db.ChangeTracker.Clear();
            if (await db.Organisations.AnyAsync(o => o.Name == name, cancellationToken)) return Exists(name);
            throw;
        }

        return TypedResults.Created($"/gateway/organisations/{organisation.Id}",
            new OrganisationResponse(organisation.Id, organisation.Name, organisation.CreatedAt));
    }

    private static ProblemHttpResult Exists(string name) =>
        RuleProblem.Conflict("organisation-exists", $"An organisation named '{name}' already exists.");

    private static async Task<Ok<Paged<OrganisationResponse>>> ListAsync(GatewayDbContext db, PageRequest paging, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Organisations.OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new OrganisationResponse(o.Id, o.Name, o.CreatedAt))
            .ToPagedAsync(paging, cancellationToken));

    private static async Task<Results<Created<InvitationResponse>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        InviteRequest request, HttpContext context, GatewayDbContext db, UserManager<GatewayUser> users, TimeProvider time,
        IOptions<AccountOptions> options, IIntegrationEventOutbox outbox, CancellationToken cancellationToken)
    {
        var email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            return ValidationErrors.For("email", "A valid email address is required.");
        }

        var role = request.Role ?? PlatformClaims.Roles.Organisation;
        string? organisationName = null;
        if (role == PlatformClaims.Roles.Staff)
        {
            if (request.OrganisationId is not null)
            {
                return ValidationErrors.For("organisationId", "A member of staff belongs to no organisation.");
            }
        }
        else if (role != PlatformClaims.Roles.Organisation)
        {
            return ValidationErrors.For("role", $"The role is {PlatformClaims.Roles.Organisation} (the default) or {PlatformClaims.Roles.Staff}.");
        }
        else if (request.OrganisationId is null)
        {
            return ValidationErrors.For("organisationId", "The organisation the user joins is required (or the role staff).");
        }
        else if (await db.Organisations.Where(o => o.Id == request.OrganisationId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken) is { } name)
        {
            organisationName = name;
        }
        else
        {
            return RuleProblem.NotFound($"Organisation {request.OrganisationId}");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return RuleProblem.Conflict("account-exists", "An account with this email address already exists.");
        }

        var token = BearerSecret.Create("inv_");
        var now = time.GetUtcNow();
        var invitation = new Invitation
        {
            TokenHash = BearerSecret.Hash(token),
            Email = email,
            OrganisationId = role == PlatformClaims.Roles.Staff ? null : request.OrganisationId,
            Role = role,
            InvitedBy = Guid.TryParse(context.User.GetSubject(), out var staffId) ? staffId : Guid.Empty,
            CreatedAt = now,
            ExpiresAt = now + options.Value.InvitationLifetime,
        };
        db.Invitations.Add(invitation);
        // Saved with the invitation, so an accepted invitation always gets its email; any earlier one to the address
        // stops working (superseded), so inviting again is how staff resend.
        outbox.Add(new InvitationIssued(invitation.Id, email, role, organisationName, token, invitation.ExpiresAt) { OccurredAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/gateway/accounts/invitations/{invitation.Id}",
            new InvitationResponse(invitation.Id, email, invitation.OrganisationId, invitation.ExpiresAt, invitation.Role));
    }

    private static async Task<Results<Created<AccountResponse>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        AcceptInvitationRequest request, GatewayDbContext db, UserManager<GatewayUser> users, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var hash = BearerSecret.Hash(request.InvitationToken ?? string.Empty);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
        {
            return EmailedLinks.Unknown("invitation");
        }

        var now = time.GetUtcNow();
        var address = invitation.Email.ToLowerInvariant();
        var superseded = await db.Invitations.AnyAsync(i => i.Email.ToLower() == address && i.CreatedAt > invitation.CreatedAt, cancellationToken);
        if (EmailedLinks.Refusal("invitation", invitation.AcceptedAt, superseded, invitation.ExpiresAt, now) is { } refused)
        {
            return refused;
        }

        var user = new GatewayUser
        {
            Id = Guid.CreateVersion7(),
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            Role = invitation.Role,
            OrganisationId = invitation.OrganisationId,
            CreatedAt = now,
        };
        var result = await users.CreateAsync(user, request.Password ?? string.Empty);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
                ? IdentityErrors.Of(result).ToProblem()
                : RuleProblem.Conflict("account-exists", string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        invitation.AcceptedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created("/gateway/accounts/me", AccountResponse.Of(user));
    }
}
