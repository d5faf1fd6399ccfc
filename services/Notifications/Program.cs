using Platform.Messaging;
using Platform.Notifications.Extensions;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Subscriptions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapSubscriptionsApi();
app.MapDeadLetterEndpoints();

await app.MigrateDatabaseAsync<NotificationsDbContext>();
await app.RunAsync();

public partial class Program;
