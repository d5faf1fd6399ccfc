using Platform.AppHost.Hosting;
using Microsoft.Extensions.Configuration;
using Platform.AppHost.Hosting.ApplicationModel;

// The platform's app model: one line per resource, WithReference/WaitFor for every edge (design.md).
var builder = DistributedApplication.CreateBuilder(args);

var messaging = builder.AddRabbitMQ("messaging");
var postgres = builder.AddPostgres("postgres");
var eventsDb = postgres.AddDatabase("eventsdb");
var volunteersDb = postgres.AddDatabase("volunteersdb");
var awardsDb = postgres.AddDatabase("awardsdb");
var notificationsDb = postgres.AddDatabase("notificationsdb");
var gatewayDb = postgres.AddDatabase("gatewaydb");
var mail = builder.AddSmtpSink("mail");

// The gateway signs the internal token every service validates (design.md, "Identity at the edge").
var internalTokenKey = builder.AddGeneratedSecret("internal-token-signing-key");
// The first staff account's password, generated once, printed by that run, kept under .platform/ (like an Aspire
// secret parameter); the account is admin@platform.local.
var staffPassword = builder.AddGeneratedSecret("gateway-staff-password", bytes: 18, showOnce: true);

var events = builder.AddProject<Projects.Events>("events")
    .WithReference(eventsDb).WaitFor(eventsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("InternalToken__SigningKey", internalTokenKey);

var volunteers = builder.AddProject<Projects.Volunteers>("volunteers")
    .WithReference(volunteersDb).WaitFor(volunteersDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("InternalToken__SigningKey", internalTokenKey);

var awards = builder.AddProject<Projects.Awards>("awards")
    .WithReference(awardsDb).WaitFor(awardsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("InternalToken__SigningKey", internalTokenKey);

var notifications = builder.AddProject<Projects.Notifications>("notifications")
    .WithReference(notificationsDb).WaitFor(notificationsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(mail).WaitFor(mail)
    .WithEnvironment("InternalToken__SigningKey", internalTokenKey);

builder.AddProject<Projects.Gateway>("gateway")
    .WithHttpEndpoint(port: builder.Configuration.GetValue("gateway-port", 8080))
    .WithReference(gatewayDb).WaitFor(gatewayDb)
    .WithReference(events).WaitFor(events)
    .WithReference(volunteers).WaitFor(volunteers)
    .WithReference(awards).WaitFor(awards)
    .WithReference(notifications).WaitFor(notifications)
    .WithEnvironment("InternalToken__SigningKey", internalTokenKey)
    .WithEnvironment("Accounts__BootstrapStaff__Password", staffPassword);

builder.Build().Run();

public partial class Program;
