using Platform.Messaging;
using Platform.Volunteers.Extensions;
using Platform.Volunteers.Roles;
using Platform.Volunteers.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapRolesApi();
app.MapDeadLetterEndpoints();

await app.MigrateDatabaseAsync<VolunteersDbContext>();
await app.RunAsync();

public partial class Program;
