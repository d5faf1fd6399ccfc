using Microsoft.Extensions.Options;
using Platform.Web.Site;

namespace Platform.Web.Api;

/// <summary>
/// Tells the gateway who the site is calling for: the visitor's address (X-Forwarded-For), vouched for by the site's
/// edge key, so a form's public write counts against the same per-address limit as the API. The gateway ignores the
/// address without the key. The visitor's language is passed on too.
/// </summary>
internal sealed class VisitorHeaders(IHttpContextAccessor accessor, IOptions<SiteOptions> options) : DelegatingHandler
{
    public const string EdgeKeyHeader = "X-Site-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(EdgeKeyHeader);
        request.Headers.Add(EdgeKeyHeader, options.Value.EdgeKey);
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } visitor)
        {
            request.Headers.Remove("X-Forwarded-For");
            request.Headers.Add("X-Forwarded-For", visitor.ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
