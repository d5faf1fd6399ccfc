using Microsoft.Extensions.Configuration;
using Platform.AppHost.Hosting;

// The platform's app model: one line per resource, WithReference/WaitFor for every edge (design.md). The servers are
// Debian's packages run as Aspire resources of our own (hosting/); on a machine with Docker, Aspire.Hosting.PostgreSQL
// and Aspire.Hosting.RabbitMQ's AddPostgres/AddRabbitMQ take the same arguments and give the same connection strings.
var builder = DistributedApplication.CreateBuilder(args);
builder.ConfigureLocalRun();
// ./platform up --replicas N: N copies of every project, each project still at one address (README, "Scale-out").
var replicas = builder.Configuration.GetValue("replicas", 1);

var messaging = builder.AddRabbitMQ("messaging");
// Each service connects to the broker as itself: its own queues and events, and only the events it subscribes to.
var eventsBus = messaging.AddServiceUser("events");
var volunteersBus = messaging.AddServiceUser("volunteers");
var awardsBus = messaging.AddServiceUser("awards", BrokerSubscriptions.Awards);
var notificationsBus = messaging.AddServiceUser("notifications", BrokerSubscriptions.Notifications);
var gatewayBus = messaging.AddServiceUser("gateway");
// Each database comes with a login that owns it and nothing else; the superuser stays with the AppHost.
var postgres = builder.AddPostgres("postgres");
var eventsDb = postgres.AddDatabase("eventsdb");
var volunteersDb = postgres.AddDatabase("volunteersdb");
var awardsDb = postgres.AddDatabase("awardsdb");
var notificationsDb = postgres.AddDatabase("notificationsdb");
var gatewayDb = postgres.AddDatabase("gatewaydb");
// ./platform bench all: mail goes to a server the bench runs (Postfix's smtp-sink), given as ConnectionStrings:mail,
// so the fan-out is measured against a sink faster than the service; otherwise to the local sink tests read.
IResourceBuilder<IResourceWithConnectionString> mail = builder.Configuration.GetConnectionString("mail") is not null
    ? builder.AddConnectionString("mail")
    : builder.AddSmtpSink("mail");

// The gateway signs the internal token every service validates (design.md, "Identity at the edge"): ES256, the private
// half to the gateway (and the dashboard's dead-letter commands, which act as it), the public half to every service.
var (internalTokenKey, internalTokenPublicKey) = builder.AddGeneratedKeyPair("internal-token-key");
// The first staff account's password (admin@platform.local), shown once to whoever runs the platform first.
var staffPassword = builder.AddGeneratedParameter("gateway-staff-password", bytes: 18, showOnce: true);
// The web site's key at the edge: with it the gateway counts the site's API calls against each visitor's address.
var siteEdgeKey = builder.AddGeneratedParameter("site-edge-key");

// The public web site: reached through the gateway at "/", and calling the platform through the gateway like any client.
var web = builder.AddProject<Projects.Web>("web").WithLoopbackHttpEndpoint(replicas: replicas)
    .WithEnvironment("Site__EdgeKey", siteEdgeKey);
// Its copies sign forms with one Data Protection key ring, kept in the data folder (web/Site/SiteKeys; deploy/k8s mounts a Secret).
if (builder.ExecutionContext.IsRunMode) web.WithEnvironment("DataProtection__KeysFolder", builder.GetDataFolder().For("web-keys"));

var events = builder.AddProject<Projects.Events>("events").WithLoopbackHttpEndpoint(replicas: replicas)
    .WithReference(eventsDb).WaitFor(eventsDb)
    .WithReference(eventsBus, "messaging").WaitFor(messaging)
    .WithEnvironment("InternalToken__PublicKey", internalTokenPublicKey)
    .WithDeadLetterCommands(internalTokenKey);

var volunteers = builder.AddProject<Projects.Volunteers>("volunteers").WithLoopbackHttpEndpoint(replicas: replicas)
    .WithReference(volunteersDb).WaitFor(volunteersDb)
    .WithReference(volunteersBus, "messaging").WaitFor(messaging)
    .WithEnvironment("InternalToken__PublicKey", internalTokenPublicKey)
    .WithDeadLetterCommands(internalTokenKey);

var awards = builder.AddProject<Projects.Awards>("awards").WithLoopbackHttpEndpoint(replicas: replicas)
    .WithReference(awardsDb).WaitFor(awardsDb)
    .WithReference(awardsBus, "messaging").WaitFor(messaging)
    .WithEnvironment("InternalToken__PublicKey", internalTokenPublicKey)
    .WithDeadLetterCommands(internalTokenKey);

var notifications = builder.AddProject<Projects.Notifications>("notifications").WithLoopbackHttpEndpoint(replicas: replicas)
    .WithReference(notificationsDb).WaitFor(notificationsDb)
    .WithReference(notificationsBus, "messaging").WaitFor(messaging)
    .WithReference(mail).WaitFor(mail)
    .WithEnvironment("InternalToken__PublicKey", internalTokenPublicKey)
    .WithDeadLetterCommands(internalTokenKey);

// Link secrets in events (manage, volunteer and check-in tokens) are sealed by the service that makes them for
// Notifications alone (messaging/LinkSecrets): one key per publisher, held by it and by Notifications.
foreach (var (publisher, service) in new[] { ("events", events), ("volunteers", volunteers), ("awards", awards) })
{
    var linkKey = builder.AddGeneratedParameter($"{publisher}-link-key-1");
    service.WithLinkSecretKey($"{publisher}-1", linkKey, sealWith: true);
    notifications.WithLinkSecretKey($"{publisher}-1", linkKey);
}

var gateway = builder.AddProject<Projects.Gateway>("gateway").WithLoopbackHttpEndpoint(port: builder.Configuration.GetValue("gateway-port", 8080), replicas: replicas)
    .WithReference(gatewayDb).WaitFor(gatewayDb)
    .WithReference(gatewayBus, "messaging").WaitFor(messaging)
    .WithReference(events).WaitFor(events)
    .WithReference(volunteers).WaitFor(volunteers)
    .WithReference(awards).WaitFor(awards)
    .WithReference(notifications).WaitFor(notifications)
    .WithEnvironment("InternalToken__SigningKey", internalTokenKey)
    .WithEnvironment("Accounts__BootstrapStaff__Password", staffPassword)
    // Each gateway allows its share of every rate limit (gateway/RateLimits).
    .WithEnvironment("RateLimits__Replicas", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture))
    .WithReference(web)
    .WithEnvironment("Site__EdgeKey", siteEdgeKey);
web.WithReference(gateway);
// The gateway's link secrets (invitation and password-reset tokens), sealed like the services' above.
var gatewayLinkKey = builder.AddGeneratedParameter("gateway-link-key-1");
gateway.WithLinkSecretKey("gateway-1", gatewayLinkKey, sealWith: true);
notifications.WithLinkSecretKey("gateway-1", gatewayLinkKey);
// Links in emails lead to the site's pages, at the gateway's address.
notifications.WithEnvironment("Notifications__PublicBaseUrl", gateway.GetEndpoint("http"));
// The results link in WinnersAnnounced (told to subscribers) too.
awards.WithEnvironment("Awards__PublicBaseUrl", gateway.GetEndpoint("http"));

return builder.Build().RunOrExplain();
