using Platform.Gateway.Accounts;
using Platform.Gateway.ApiKeys;
using Platform.Gateway.Data;
using Platform.Gateway.Edge;
using Platform.Gateway.EdgeIdentity;
using Platform.Gateway.OpenApi;
using Platform.Gateway.RateLimits;
using Platform.Gateway.ReferenceData;
using Platform.Gateway.Routing;
using Platform.Gateway.Site;
using Platform.Messaging;
using Platform.ServiceDefaults.Health;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<GatewayDbContext>("gatewaydb");
// Publishes only (invitation and password-reset emails, which Notifications sends), through the outbox.
builder.AddMessaging<GatewayDbContext>(_ => { });
builder.Services.AddEdgeProtection();
builder.Services.AddEdgeIdentity();
builder.Services.AddAccounts();
builder.Services.AddApiKeys();
builder.Services.AddEdgeRateLimits();
builder.Services.AddServiceRoutes();
builder.Services.AddSiteRoute();
builder.Services.AddOpenApiAggregation();

var app = builder.Build();

app.UseEdgeProtection();
app.MapDefaultEndpoints(HealthDetail.StatusOnly);   // /health is public here: only Healthy or Unhealthy
app.UseEdgeTextRules();
app.UseRateLimiter();

app.MapAccountsApi();
app.MapPasswordResetsApi();
app.MapStaffAccountsApi();
app.MapOrganisationsApi();
app.MapPermissionsApi();
app.MapApiKeysApi();
app.MapOrganisationKeysApi();
app.MapReferenceDataApi();
app.MapOpenApiAggregation();
app.MapApiNotFound();
app.MapServiceRoutes();   // the services under /api, and the web site at /

await app.MigrateDatabaseAsync<GatewayDbContext>();
await app.EnsureBootstrapStaffAsync();
await app.RunAsync();

// Visible to WebApplicationFactory<Program> in the tests.
public partial class Program;
