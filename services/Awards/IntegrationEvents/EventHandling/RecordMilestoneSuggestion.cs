using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Infrastructure;
using Platform.Awards.Suggestions;
using Platform.Contracts.Volunteers;

namespace Platform.Awards.IntegrationEvents.EventHandling;

/// <summary>Keeps each volunteer milestone as a suggestion for staff. One per volunteer and milestone, however often it arrives.</summary>
public sealed class RecordMilestoneSuggestion(AwardsDbContext db, TimeProvider time) : IConsumer<MilestoneReached>
{
    public async Task Consume(ConsumeContext<MilestoneReached> context)
    {
        var m = context.Message;
        var milestone = Clip(m.Milestone, Limits.Name);
        if (await db.Suggestions.AnyAsync(s => s.VolunteerId == m.VolunteerId && s.Milestone == milestone, context.CancellationToken)) return;
        db.Suggestions.Add(new VolunteerSuggestion
        {
            VolunteerId = m.VolunteerId,
            OrganisationId = m.OrganisationId,
            // Another service's text: clipped to our columns rather than failing the message for ever.
            OrganisationName = Clip(m.OrganisationName, Limits.Name),
            VolunteerName = Clip(m.Name, Limits.Name),
            Milestone = milestone,
            Description = Clip(m.Description, Limits.LongText),
            ReachedAt = m.ReachedAt,
            District = string.IsNullOrWhiteSpace(m.District) ? null : Clip(m.District, Limits.Name),
            Category = string.IsNullOrWhiteSpace(m.Category) ? null : Clip(m.Category, Limits.Name),
            ReceivedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(context.CancellationToken);
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
