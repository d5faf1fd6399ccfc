using Platform.Messaging;
using Platform.Awards.Extensions;
using Platform.Awards.Programmes;
using Platform.Awards.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapProgrammesApi();
app.MapDeadLetterEndpoints();

await app.MigrateDatabaseAsync<AwardsDbContext>();
await app.RunAsync();

public partial class Program;
