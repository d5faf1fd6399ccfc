using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Notifications.News;

internal sealed class NewsPostModel : IEntityTypeConfiguration<NewsPost>
{
    public void Configure(EntityTypeBuilder<NewsPost> e)
    {
        e.ToTable("news_post");
        e.Property(p => p.Title).HasMaxLength(NewsLimits.TitleLength);
        e.Property(p => p.Topic).HasMaxLength(32);
        e.Property(p => p.District).HasMaxLength(NewsLimits.DistrictLength);
        e.Property(p => p.Author).HasMaxLength(200);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(p => new { p.Status, p.PublishedAt });
        e.HasIndex(p => p.SourceEventId).IsUnique();
    }
}

public static class NewsLimits
{
    public const int TitleLength = 200;
    public const int BodyLength = 50_000;
    public const int DistrictLength = 100;
}
