namespace Platform.Awards.Programmes;

/// <summary>One year's Community Safety Hero Awards. The Awards issue fills in windows, categories and the ceremony.</summary>
public sealed class AwardsProgramme
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Year { get; init; }
    public required string Title { get; set; }
    public DateTimeOffset NominationsOpen { get; set; }
    public DateTimeOffset NominationsClose { get; set; }
}
