using Platform.Awards.Ceremonies;
using Platform.Awards.Extensions;
using Platform.Awards.Infrastructure;
using Platform.Awards.Judging;
using Platform.Awards.Nominating;
using Platform.Awards.Programmes;
using Platform.Awards.Results;
using Platform.Awards.Screening;
using Platform.Awards.Suggestions;
using Platform.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapProgrammesApi();          // public: programmes, categories, rubrics; partners: figures; staff: create
app.MapNominationApi();          // public: nominate
app.MapManageNominationApi();    // public with a manage token: view, withdraw
app.MapPublicResultsApi();       // public: winners once the embargo lifts
app.MapCeremoniesApi();          // staff: the events read model
app.MapScreeningApi();           // staff: nominees grouped, screening
app.MapNomineeContactApi();      // staff: confirm the address a nominee is written to
app.MapPanelsApi();              // staff: panels and progress
app.MapJudgingApi();             // judges (staff or organisation users on a panel)
app.MapResultsApi();             // staff: ranking, shortlist, winners, lifting the embargo
app.MapSuggestionsApi();         // staff: volunteers' milestones
app.MapDeadLettersApi();

await app.MigrateDatabaseAsync<AwardsDbContext>();
await app.RunAsync();

public partial class Program;
