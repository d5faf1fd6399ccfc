using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Events.ChangeNotices;

/// <summary>
/// A change to a published event's day that delegates are still to be told of. One per event: a further change before
/// it is sent moves <see cref="DueAt"/> on and keeps <see cref="Before"/>, so changes made in quick succession reach each
/// delegate as one notice with the final state.
/// </summary>
public sealed class ChangeNotice
{
    public Guid EventId { get; init; }

    /// <summary>The notice's own id: Notifications' delivery key, so each delegate gets this notice once.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The day as delegates were last told it (before the first change of this round).</summary>
    public required ScheduleSnapshot Before { get; init; }

    /// <summary>When the changes are taken to have settled: the last change plus <c>Events:ChangeNoticeSettle</c>.</summary>
    public DateTimeOffset DueAt { get; set; }
}

internal sealed class ChangeNoticeModel : IEntityTypeConfiguration<ChangeNotice>
{
    public void Configure(EntityTypeBuilder<ChangeNotice> e)
    {
        e.ToTable("change_notice");
        e.HasKey(x => x.EventId);
        // jsonb through System.Text.Json, as Session.Facilitators: the snake-case convention would rename an owned type's properties.
        e.Property(x => x.Before)
            .HasColumnType("jsonb")
            .HasConversion(
                v => Json(v),
                v => JsonSerializer.Deserialize<ScheduleSnapshot>(v, JsonSerializerOptions.Web)!);
        e.HasIndex(x => x.DueAt);
    }

    public static string Json(ScheduleSnapshot snapshot) => JsonSerializer.Serialize(snapshot, JsonSerializerOptions.Web);
}
