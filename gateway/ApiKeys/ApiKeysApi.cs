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
/// Staff manage partners' keys, and organisations' keys on their behalf: create (secret shown once), list, rotate with
/// an overlap, revoke.
/// </summary>
internal static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/gateway/api-keys").WithTags("API keys").RequireAuthorization(PlatformPolicies.Staff);

        group.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("Issue a partner API key (the key is shown once)");
        group.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("Partner API keys, without their secrets");
        group.MapPost("/{id:guid}/rotate", RotateAsync)
            .WithName("RotateApiKey").WithSummary("Replace a key; the old one keeps working for an overlap");
        group.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revoke a key at once");

        return app;
    }

    private static Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateApiKeyRequest request, GatewayDbContext db, TimeProvider time, IOptions<ApiKeyOptions> options,
        CancellationToken cancellationToken) =>
        IssueAsync(request, request.Kind ?? ApiKeyKind.Partner, db, time, options.Value, cancellationToken);

    /// <summary>Staff's issuing and an organisation's own (<see cref="OrganisationKeysApi"/>): the same rules for both.</summary>
    internal static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        CreateApiKeyRequest request, ApiKeyKind kind, GatewayDbContext db, TimeProvider time, ApiKeyOptions settings,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            errors.Add("name", "A name of 1 to 200 characters is required.");
        }

        var allowed = kind == ApiKeyKind.Organisation ? OrganisationKeyScopes.All : ApiKeyScopes.All;
        var scopes = (request.Scopes ?? []).Distinct(StringComparer.Ordinal).ToList();
        var unknown = scopes.Where(s => !allowed.Contains(s)).ToList();
        if (scopes.Count == 0 || unknown.Count > 0)
        {
            errors.Add("scopes", $"At least one scope is required, each one of: {string.Join(", ", allowed.Order())}.");
        }

        var expiresAt = request.ExpiresAt ?? now + settings.DefaultLifetime;
        if (expiresAt <= now || expiresAt > now + settings.MaximumLifetime)
        {
            errors.Add("expiresAt", $"The expiry must be in the future and at most {settings.MaximumLifetime.TotalDays:0} days away.");
        }

        var permits = request.PermitsPerMinute ?? settings.DefaultPermitsPerMinute;
        if (permits < 1 || permits > settings.MaximumPermitsPerMinute)
        {
            errors.Add("permitsPerMinute", $"The rate limit must be between 1 and {settings.MaximumPermitsPerMinute} requests a minute.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == request.OrganisationId, cancellationToken))
        {
            return RuleProblem.NotFound($"Organisation {request.OrganisationId}");
        }

        var (key, entity) = NewKey(name!, request.OrganisationId, kind, string.Join(' ', scopes), permits, now, expiresAt);
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/gateway/api-keys/{entity.Id}", Created(key, entity));
    }

    private static async Task<Ok<Paged<ApiKeyResponse>>> ListAsync(
        GatewayDbContext db, Guid? organisationId, PageRequest paging, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys
            .Where(k => organisationId == null || k.OrganisationId == organisationId)
            .OrderBy(k => k.Id)
            .ToPagedAsync(paging, cancellationToken);
        return TypedResults.Ok(keys.Select(ApiKeyResponse.From));
    }

    private static Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem, ProblemHttpResult>> RotateAsync(
        Guid id, RotateApiKeyRequest? request, GatewayDbContext db, TimeProvider time, IOptions<ApiKeyOptions> options,
        ApiKeyAuthenticator authenticator, CancellationToken cancellationToken) =>
        RotateOneAsync(db.ApiKeys.Where(k => k.Id == id), id, request, "/gateway/api-keys", db, time, options.Value, authenticator, cancellationToken);

    /// <param name="keys">The one key, as far as the caller may see it (an organisation sees only its own).</param>
    /// <param name="location">Where the caller finds its keys: the new key's address is under it.</param>
    internal static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem, ProblemHttpResult>> RotateOneAsync(
        IQueryable<ApiKey> keys, Guid id, RotateApiKeyRequest? request, string location, GatewayDbContext db, TimeProvider time,
        ApiKeyOptions settings, ApiKeyAuthenticator authenticator, CancellationToken cancellationToken)
    {
        var overlap = request?.OverlapSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : settings.DefaultRotationOverlap;
        if (overlap < TimeSpan.Zero || overlap > settings.MaximumRotationOverlap)
        {
            return ValidationErrors.For("overlapSeconds",
                $"The overlap must be between 0 and {settings.MaximumRotationOverlap.TotalSeconds:0} seconds.");
        }

        var old = await keys.SingleOrDefaultAsync(cancellationToken);
        if (old is null)
        {
            return RuleProblem.NotFound($"API key {id}");
        }

        var now = time.GetUtcNow();
        if (!old.IsUsable(now) || old.ReplacedBy is not null)
        {
            return RuleProblem.Conflict("key-not-in-use", "Only a key that is in use (not revoked, expired or already rotated) can be rotated.");
        }

        // The new key inherits everything but the secret; its lifetime restarts so rotation is also renewal.
        var (key, replacement) = NewKey(old.Name, old.OrganisationId, old.Kind, old.Scopes, old.PermitsPerMinute, now,
            now + (old.ExpiresAt - old.CreatedAt));
        old.ReplacedBy = replacement.Id;
        old.ExpiresAt = Min(old.ExpiresAt, now + overlap);
        db.ApiKeys.Add(replacement);
        await db.SaveChangesAsync(cancellationToken);
        authenticator.Evict(old.Prefix);
        return TypedResults.Created($"{location}/{replacement.Id}", Created(key, replacement));
    }

    private static Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, GatewayDbContext db, TimeProvider time, ApiKeyAuthenticator authenticator, CancellationToken cancellationToken) =>
        RevokeOneAsync(db.ApiKeys.Where(k => k.Id == id), id, db, time, authenticator, cancellationToken);

    /// <param name="keys">The one key, as far as the caller may see it (an organisation sees only its own).</param>
    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeOneAsync(
        IQueryable<ApiKey> keys, Guid id, GatewayDbContext db, TimeProvider time, ApiKeyAuthenticator authenticator,
        CancellationToken cancellationToken)
    {
        var key = await keys.SingleOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return RuleProblem.NotFound($"API key {id}");
        }

        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        authenticator.Evict(key.Prefix);
        return TypedResults.NoContent();
    }

    private static (string Key, ApiKey Entity) NewKey(
        string name, Guid organisationId, ApiKeyKind kind, string scopes, int permits, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        var (key, prefix, hash) = ApiKeySecret.Create();
        return (key, new ApiKey
        {
            Prefix = prefix,
            SecretHash = hash,
            Name = name,
            OrganisationId = organisationId,
            Kind = kind,
            Scopes = scopes,
            PermitsPerMinute = permits,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        });
    }

    private static CreatedApiKeyResponse Created(string key, ApiKey entity) => new(
        entity.Id, key, entity.Prefix, entity.Name, entity.OrganisationId, entity.ScopeList(), entity.ExpiresAt, entity.PermitsPerMinute,
        entity.Kind);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
