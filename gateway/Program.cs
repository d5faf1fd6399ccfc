using Platform.Gateway.EdgeIdentity;
using Platform.Gateway.Routing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddEdgeIdentity();
builder.Services.AddServiceRoutes();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapReverseProxy();

app.Run();

// Visible to WebApplicationFactory<Program> in the tests.
public partial class Program;
