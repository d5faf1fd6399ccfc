using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Platform.Gateway.EdgeIdentity;
using Platform.Gateway.Problems;
using Platform.Gateway.Site;

namespace Platform.Gateway.RateLimits;

/// <summary>
/// One global limiter with three kinds of partition: a partner key gets its own limit (requests a minute, as set on
/// the key); anonymous writes are limited per client IP (the socket's address: the gateway is the edge and honours
/// no X-Forwarded-For, except its own web site's: <see cref="VisitorAddress"/>); everything else (public reads,
/// signed-in users, the site's pages, whose writes reach the API and are counted there) is not limited here.
/// </summary>
internal static class EdgeRateLimits
{
    private static readonly PathString LoginPath = "/gateway/accounts/login";
    private static readonly PathString AcceptInvitationPath = "/gateway/accounts/invitations/accept";

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
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions settings)
    {
        if (context.GetEdgeCaller() is { PermitsPerMinute: { } permits } caller)
        {
            return RateLimitPartition.GetFixedWindowLimiter($"key:{caller.Identity.Subject}:{permits}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }

        if (context.GetEdgeCaller() is null && IsWrite(context.Request.Method) && SiteRoute.IsEdgePath(context.Request.Path))
        {
            var address = VisitorAddress.Of(context);
            var isLogin = context.Request.Path.StartsWithSegments(LoginPath) || context.Request.Path.StartsWithSegments(AcceptInvitationPath);
            return RateLimitPartition.GetFixedWindowLimiter(isLogin ? $"login:{address}" : $"ip:{address}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = isLogin ? settings.LoginsPerWindow : settings.PublicWritesPerWindow,
                Window = settings.PublicWriteWindow,
                QueueLimit = 0,
            });
        }

        return RateLimitPartition.GetNoLimiter(string.Empty);
    }

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
