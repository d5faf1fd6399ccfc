using Platform.Events.Audiences;
using Platform.Events.Calendar;
using Platform.Events.Catalogue;
using Platform.Events.Certificates;
using Platform.Events.CheckIn;
using Platform.Events.Contributions;
using Platform.Events.DelegateList;
using Platform.Events.Delegates;
using Platform.Events.Extensions;
using Platform.Events.Feedback;
using Platform.Events.Infrastructure;
using Platform.Events.Managing;
using Platform.Events.Organising;
using Platform.Events.PartnerFigures;
using Platform.Events.Questions;
using Platform.Events.Registrations;
using Platform.Events.Reports;
using Platform.Events.Speakers;
using Platform.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapCatalogueApi();      // public: published events and programmes
app.MapCalendarApi();       // public: iCalendar feed
app.MapRegistrationApi();   // public: register, capacity and waitlists
app.MapManageApi();         // public with a manage token: view, change, cancel, answer offers
app.MapOrganisingApi();     // organisers (staff, or an organisation's users for its own): events and their status
app.MapStaffCancellationApi(); // staff: cancel any registration, audited
app.MapDelegatesApi();      // staff: registrations and each workshop's list and waitlist
app.MapProgrammeApi();      // staff: sessions
app.MapCheckInApi();        // staff: check-in and attendance
app.MapReportsApi();        // staff: registration reports and CSV
app.MapContributionsApi();  // partners offer lightning talks and stands; staff accept; the public line-up
app.MapQuestionsApi();      // delegates ask the panel by their manage link; staff moderate; the chair's list
app.MapFeedbackApi();       // checked-in delegates rate the sessions; staff read figures and CSV
app.MapCertificatesApi();   // training-day certificates by the manage link; anyone verifies a code
app.MapDelegateListApi();   // delegates who agreed see each other (name, organisation, sector)
app.MapSpeakersApi();       // organisers: speakers, shown on the programme with consent
app.MapInvitationsApi();    // organisers: named invitees of an invitation-only event
app.MapEventPartnersApi();    // staff: the partner organisations that co-run an event
app.MapEventFiguresApi();     // partners, organisations and staff: figures by sector and county totals, small counts suppressed
app.MapDeadLettersApi();

await app.MigrateDatabaseAsync<EventsDbContext>();
await app.RunAsync();

public partial class Program;
