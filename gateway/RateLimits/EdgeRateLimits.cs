using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Platform.Gateway.EdgeIdentity;
using Platform.Gateway.Problems;
using Platform.Gateway.Site;

namespace Platform.Gateway.RateLimits;

/// <summary>
/// One global limiter, chained from three, each applying to every caller whoever is signed in:
/// <list type="bullet">
/// <item>credentials (login, invitation acceptance, password change) per client address;</item>
/// <item>credentials per account: a password change per signed-in subject (a login's account is in its body, which
/// <see cref="Accounts.LoginThrottle"/> counts);</item>
/// <item>traffic: a partner key's own limit on everything it sends; a signed-in user's writes per subject; anonymous
/// writes per client address.</item>
/// </list>
/// The address is the socket's (the gateway is the edge and honours no X-Forwarded-For, except its own web site's:
/// <see cref="VisitorAddress"/>). Public reads and the site's pages are not limited here (the site's writes reach the
/// API and are counted there).
/// </summary>
internal static class EdgeRateLimits
{
    private static readonly PathString LoginPath = "/gateway/accounts/login";
    private static readonly PathString AcceptInvitationPath = "/gateway/accounts/invitations/accept";
    private static readonly PathString PasswordPath = "/gateway/accounts/password";

    public static IServiceCollection AddEdgeRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, options) =>
        {
            var settings = options.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => CredentialsByAddress(context, settings)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => CredentialsByAccount(context, settings)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Traffic(context, settings)));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> CredentialsByAddress(HttpContext context, RateLimitOptions settings) =>
        IsCredentialWrite(context.Request)
            ? Window($"credentials:{VisitorAddress.Of(context)}", settings.LoginsPerWindow, settings)
            : RateLimitPartition.GetNoLimiter(string.Empty);

    private static RateLimitPartition<string> CredentialsByAccount(HttpContext context, RateLimitOptions settings) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(PasswordPath)
        && context.GetEdgeCaller() is { } caller
            ? Window($"password:{caller.Identity.Subject}", settings.LoginsPerWindow, settings)
            : RateLimitPartition.GetNoLimiter(string.Empty);

    private static RateLimitPartition<string> Traffic(HttpContext context, RateLimitOptions settings)
    {
        var caller = context.GetEdgeCaller();
        if (caller is { PermitsPerMinute: { } permits })
        {
            return RateLimitPartition.GetFixedWindowLimiter($"key:{caller.Identity.Subject}:{permits}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.ShareOf(permits),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }

        // Credential writes are limited above, apart from other writes, so a burst of sign-ups from one office cannot
        // keep its staff from signing in.
        if (!IsWrite(context.Request.Method) || !SiteRoute.IsEdgePath(context.Request.Path) || IsCredentialWrite(context.Request))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        return caller is null
            ? Window($"ip:{VisitorAddress.Of(context)}", settings.PublicWritesPerWindow, settings)
            : Window($"subject:{caller.Identity.Subject}", settings.SignedInWritesPerWindow, settings);
    }

    private static RateLimitPartition<string> Window(string partition, int permits, RateLimitOptions settings) =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.ShareOf(permits),
            Window = settings.PublicWriteWindow,
            QueueLimit = 0,
        });

    private static bool IsCredentialWrite(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments(LoginPath) || request.Path.StartsWithSegments(AcceptInvitationPath) || request.Path.StartsWithSegments(PasswordPath));

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var detail = "Too many requests; try again later.";
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail = $"Too many requests; try again in {seconds} s.";
        }

        await EdgeProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests", detail);
    }
}
