using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Identity;

namespace Platform.TestSupport;

/// <summary>
/// A test acting as the gateway in front of one service: an ES256 key pair of its own (the service under test is given
/// only the public half, as the AppHost gives a service), tokens minted for that one service, and, for requests a test
/// sends without a token, the anonymous caller's token the gateway attaches to every public request.
/// </summary>
public sealed class TestGateway
{
    private readonly InternalTokenIssuer _issuer;

    /// <param name="service">The service's name: the one audience it accepts.</param>
    public TestGateway(string service, TimeProvider time)
    {
        Service = service;
        (PrivateKey, PublicKey) = InternalTokenKeys.NewPair();
        _issuer = new InternalTokenIssuer(Options.Create(new InternalTokenOptions { SigningKey = PrivateKey }), time);
    }

    public string Service { get; }

    public string PrivateKey { get; }

    public string PublicKey { get; }

    public string TokenFor(InternalIdentity identity) => _issuer.Issue(identity, Service);

    /// <summary>
    /// Gives the service its public key and name, and puts the anonymous caller's token (minted per request, on the
    /// service's own clock) on every request that comes without an Authorization header, as the gateway does.
    /// </summary>
    public void ConfigureService(IWebHostBuilder builder)
    {
        builder.UseSetting("InternalToken:PublicKey", PublicKey);
        builder.UseSetting("InternalToken:ServiceName", Service);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new AnonymousCallerFilter(this)));
    }

    private sealed class AnonymousCallerFilter(TestGateway gateway) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.Authorization.Count == 0)
                {
                    context.Request.Headers.Authorization = $"Bearer {gateway.TokenFor(InternalIdentity.Anonymous)}";
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
