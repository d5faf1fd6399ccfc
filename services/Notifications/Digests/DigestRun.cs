using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Notifications.Digests;

/// <summary>
/// One scheduled daily or weekly digest: every subscriber on that frequency is sent what was published, in their
/// topics, since their own watermark and up to <see cref="Cutoff"/>. A run that stops midway is found unfinished at
/// the next pass and resumes with the subscribers whose watermark is still behind its cutoff.
/// </summary>
public sealed class DigestRun
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Frequency { get; init; }

    /// <summary>The scheduled local time, in UTC: items published up to it are in this run.</summary>
    public DateTime Cutoff { get; init; }

    public DateTime StartedAt { get; init; }

    public DateTime? CompletedAt { get; set; }

    public int Emails { get; set; }
}

internal sealed class DigestRunModel : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> e)
    {
        e.ToTable("digest_run");
        e.Property(r => r.Frequency).HasMaxLength(16);
        e.HasIndex(r => new { r.Frequency, r.Cutoff }).IsUnique();
    }
}
