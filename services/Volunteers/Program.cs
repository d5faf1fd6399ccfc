using Platform.Messaging;
using Platform.Volunteers.Applications;
using Platform.Volunteers.Credentials;
using Platform.Volunteers.Extensions;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Organisations;
using Platform.Volunteers.Oversight;
using Platform.Volunteers.PartnerFigures;
using Platform.Volunteers.Retention;
using Platform.Volunteers.Roles;
using Platform.Volunteers.Volunteering;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapRoleSearchApi();              // public: search open roles (staff: every role)
app.MapApplyApi();                   // public: apply; manage link: follow, withdraw, matching roles
app.MapVolunteerLinkApi();           // volunteer's link: log hours, check in, leave, matching roles
app.MapCheckInApi();                 // periodic check-in link: answer the satisfaction question
app.MapOrganisationsApi();           // organisation: its profile; staff: approve organisations
app.MapOrganisationRolesApi();       // organisation: its roles
app.MapPipelineApi();                // organisation: its recruitment pipeline
app.MapOrganisationVolunteersApi();  // organisation: its volunteers, hours, status, at-risk list
app.MapCredentialsApi();             // organisation: background checks and qualifications
app.MapRetentionApi();               // staff and organisation: retention figures
app.MapOversightApi();               // staff: overview and at-risk volunteers across every organisation
app.MapVolunteerFiguresApi();       // partners, organisations and staff: own and county figures, small counts suppressed
app.MapDeadLettersApi();

await app.MigrateDatabaseAsync<VolunteersDbContext>();
await app.RunAsync();

public partial class Program;
