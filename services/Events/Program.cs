using Platform.Messaging;
using Platform.Events.Extensions;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapCatalogueApi();
app.MapDeadLetterEndpoints();

await app.MigrateDatabaseAsync<EventsDbContext>();
await app.RunAsync();

public partial class Program;
