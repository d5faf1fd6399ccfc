using Platform.ServiceDefaults.Health;
using Platform.Web.Api;
using Platform.Web.Site;

var builder = WebApplication.CreateBuilder(args);

builder.AddHostingDefaults();     // telemetry, health, discovery, resilient HTTP (ServiceDefaults)
builder.Services.AddSite();       // options, Razor Pages, antiforgery, forwarded headers from the gateway
builder.Services.AddPlatformApi(); // the gateway's APIs, called as the visitor's agent

var app = builder.Build();

app.UseSiteErrors();              // friendly pages with a reference id, never a stack trace
app.UseSiteSecurityHeaders();     // CSP without unsafe-inline, no referrer, no framing
app.MapDefaultHealthEndpoints();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();

await app.RunAsync();

public partial class Program;
