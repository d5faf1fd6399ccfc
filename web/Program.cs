using Platform.ServiceDefaults.Health;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Site;

var builder = WebApplication.CreateBuilder(args);

builder.AddHostingDefaults();     // telemetry, health, discovery, resilient HTTP (ServiceDefaults)
builder.Services.AddSite();       // options, Razor Pages, antiforgery, forwarded headers from the gateway
builder.Services.AddSiteKeys(builder.Configuration); // one Data Protection key ring for every copy of the site
builder.Services.AddPlatformApi(); // the gateway's APIs, called as the visitor's agent
builder.Services.AddManage();      // the back office at /manage: who may open which folder

var app = builder.Build();

app.UseSiteErrors();              // friendly pages with a reference id, never a stack trace
app.UseSiteSecurityHeaders();     // CSP without unsafe-inline, no referrer, no framing
app.UseManageSignIn();            // a back-office session the gateway no longer knows: sign in again
app.MapDefaultHealthEndpoints();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();

await app.RunAsync();

public partial class Program;
