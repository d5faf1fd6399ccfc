using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Clock;

namespace Platform.ServiceDefaults.Identity;

public static class InternalTokenAuthentication
{
    /// <summary>Set by the AppHost (as by Aspire's) to the resource name, which is also the gateway's cluster id.</summary>
    private const string ServiceNameKey = "OTEL_SERVICE_NAME";

    /// <summary>
    /// Validates the gateway's internal token (ES256, this service's audience) on every request that carries one and
    /// registers <see cref="PlatformPolicies"/>. Also registers <see cref="InternalTokenIssuer"/> (the gateway mints
    /// with it). A service demands a token on every request (<see cref="GatewayTokenGate"/>).
    /// </summary>
    public static IServiceCollection AddInternalTokenAuthentication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<InternalTokenOptions>()
            .BindConfiguration(InternalTokenOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) => options.ServiceName ??= configuration[ServiceNameKey])
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InternalTokenOptions>, InternalTokenOptionsValidator>());
        services.TryAddSingleton<InternalTokenIssuer>();

        // The cache checks expiry against the same clock as token lifetimes: the wall clock under an adjustable one.
        services.TryAddSingleton(provider => new ValidatedTokenCache(
            provider.GetRequiredService<TimeProvider>() is AdjustableClock adjustable ? adjustable.WallClock : provider.GetRequiredService<TimeProvider>()));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<InternalTokenOptions>, TimeProvider>(ConfigureJwtBearer)
            .Configure<ValidatedTokenCache>((jwt, cache) => jwt.Events = new JwtBearerEvents
            {
                OnMessageReceived = cache.OnMessageReceivedAsync,
                OnTokenValidated = context =>
                {
                    AnonymousCaller.TreatAsNoAccount(context);
                    return cache.OnTokenValidatedAsync(context);
                },
            });

        services.AddAuthorization(options => options.AddPlatformPolicies());
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationPolicyProvider, ScopePolicyProvider>());
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, AnonymousCaller.ChallengeInsteadOfForbid>());

        return services;
    }

    private static void ConfigureJwtBearer(JwtBearerOptions jwt, IOptions<InternalTokenOptions> tokenOptions, TimeProvider time)
    {
        var settings = tokenOptions.Value;
        // Tokens come from the gateway, whose clock a test platform does not move: a service's moved clock would
        // find every fresh token expired. Lifetimes are checked against the wall clock under an adjustable one.
        if (time is AdjustableClock adjustable) time = adjustable.WallClock;

        // Keep "sub", "role", "org_id" as written instead of mapping them to long XML-namespace claim types.
        jwt.MapInboundClaims = false;
        jwt.RequireHttpsMetadata = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            // Only this service's own name: a token minted for another service is refused here.
            ValidAudience = settings.ServiceName,
            // The public half only; the options validator has already refused a start without a usable one.
            IssuerSigningKey = settings.ValidationKey() is { } publicKey && InternalTokenKeys.TryImportPublic(publicKey) is { } key
                ? new ECDsaSecurityKey(key)
                : null,
            ValidAlgorithms = [InternalTokenKeys.Algorithm],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = settings.ClockSkew,
            NameClaimType = PlatformClaims.Subject,
            RoleClaimType = PlatformClaims.Role,

            // IdentityModel reads the wall clock; going through TimeProvider lets tests expire a token.
            LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is { } exp
                       && now < exp.ToUniversalTime() + parameters.ClockSkew
                       && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - parameters.ClockSkew);
            },
        };
    }
}
