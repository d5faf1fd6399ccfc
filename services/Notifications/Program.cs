using Platform.Messaging;
using Platform.Notifications.Extensions;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.News;
using Platform.Notifications.Reports;
using Platform.Notifications.Subscriptions;
using Platform.Notifications.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapSubscriptionsApi();
app.MapManageApi();
app.MapNewsApi();
app.MapStaffApi();
app.MapDeadLettersApi();
app.MapWebhooksApi();

await app.MigrateDatabaseAsync<NotificationsDbContext>();
await app.LoadLinkKeyAsync();
await app.RunAsync();

public partial class Program;
