using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Gateway.Data;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;

namespace Platform.Gateway.ApiKeys;

/// <summary>
/// A voluntary organisation's users manage the keys that act as their organisation: issue (secret shown once), list,
/// rotate, revoke. Only people: a key cannot issue or revoke keys (403), so a leaked key cannot make itself a successor.
/// </summary>
internal static class OrganisationKeysApi
{
    public static IEndpointRouteBuilder MapOrganisationKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/gateway/organisation/api-keys").WithTags("API keys")
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser()
                .RequireClaim(PlatformClaims.Role, PlatformClaims.Roles.Organisation)
                .RequireAssertion(context => context.User.GetOrganisationId() is not null && !KeyCallers.IsKey(context.User)));

        group.MapPost("/", CreateAsync).WithName("CreateOrganisationApiKey")
            .WithSummary("Issue a key that acts as your organisation (the key is shown once)");
        group.MapGet("/", ListAsync).WithName("ListOrganisationApiKeys").WithSummary("Your organisation's keys, without their secrets");
        group.MapPost("/{id:guid}/rotate", RotateAsync).WithName("RotateOrganisationApiKey")
            .WithSummary("Replace one of your organisation's keys (the new key is shown once); the old one keeps working for an overlap");
        group.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeOrganisationApiKey").WithSummary("Revoke one of your organisation's keys at once");
        return app;
    }

    private static Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateOrganisationKeyRequest request, ClaimsPrincipal user, GatewayDbContext db, TimeProvider time,
        IOptions<ApiKeyOptions> options, CancellationToken cancellationToken) =>
        ApiKeysApi.IssueAsync(
            new CreateApiKeyRequest(request.Name, Organisation(user), request.Scopes, request.ExpiresAt, PermitsPerMinute: null),
            ApiKeyKind.Organisation, db, time, options.Value, cancellationToken);

    private static async Task<Ok<Paged<ApiKeyResponse>>> ListAsync(
        ClaimsPrincipal user, GatewayDbContext db, PageRequest paging, CancellationToken cancellationToken)
    {
        var keys = await OwnKeys(user, db).OrderBy(k => k.Id).ToPagedAsync(paging, cancellationToken);
        return TypedResults.Ok(keys.Select(ApiKeyResponse.From));
    }

    private static Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem, ProblemHttpResult>> RotateAsync(
        Guid id, RotateApiKeyRequest? request, ClaimsPrincipal user, GatewayDbContext db, TimeProvider time,
        IOptions<ApiKeyOptions> options, ApiKeyAuthenticator authenticator, CancellationToken cancellationToken) =>
        ApiKeysApi.RotateOneAsync(OwnKeys(user, db).Where(k => k.Id == id), id, request, "/gateway/organisation/api-keys",
            db, time, options.Value, authenticator, cancellationToken);

    private static Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, ClaimsPrincipal user, GatewayDbContext db, TimeProvider time, ApiKeyAuthenticator authenticator,
        CancellationToken cancellationToken) =>
        ApiKeysApi.RevokeOneAsync(OwnKeys(user, db).Where(k => k.Id == id), id, db, time, authenticator, cancellationToken);

    // Partner keys staff issued to the same organisation are staff's to manage: only its organisation keys are listed.
    private static IQueryable<ApiKey> OwnKeys(ClaimsPrincipal user, GatewayDbContext db)
    {
        var organisation = Organisation(user);
        return db.ApiKeys.Where(k => k.OrganisationId == organisation && k.Kind == ApiKeyKind.Organisation);
    }

    private static Guid Organisation(ClaimsPrincipal user) =>
        user.GetOrganisationId() ?? throw new InvalidOperationException("The policy admits only callers with an organisation id.");
}
