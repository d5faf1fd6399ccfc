using Microsoft.Extensions.Options;
using Platform.Messaging;
using Platform.ServiceDefaults.Figures;
using Platform.ServiceDefaults.Jobs;
using Platform.Volunteers.Applications;
using Platform.Volunteers.Hours;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Matching;
using Platform.Volunteers.Retention;
using Platform.Volunteers.Sweeps;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Extensions;

internal static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<VolunteersDbContext>("volunteersdb");
        // No consumers: the service only publishes, through its outbox.
        builder.AddMessaging<VolunteersDbContext>(_ => { });

        builder.Services.AddAuthorizationBuilder().AddFiguresReaderPolicy(PartnerFigures.VolunteerFiguresApi.ReadScope);
        builder.Services.AddOptions<VolunteersOptions>()
            .BindConfiguration(VolunteersOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<VolunteersOptions>, VolunteersOptionsValidator>();

        builder.Services.AddScoped<ApplicationTransitions>();
        builder.Services.AddScoped<MilestoneAwards>();
        builder.Services.AddScoped<HoursLog>();
        builder.Services.AddScoped<RoleMatcher>();
        builder.Services.AddScoped<FreshVolunteerLinks>();

        builder.Services.AddScoped<ClosingDates>();
        builder.Services.AddScoped<ExpiryReminders>();
        builder.Services.AddScoped<TenureMilestones>();
        builder.Services.AddScoped<LapseDetection>();
        builder.Services.AddScoped<CheckInInvitations>();
        builder.Services.AddPeriodicJob<VolunteeringSweep, VolunteersOptions>(o => o.SweepInterval);
        return builder;
    }
}
