using Platform.ServiceDefaults.Problems;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Volunteering;
using Platform.ServiceDefaults.Text;

namespace Platform.Volunteers.Retention;

/// <summary>The satisfaction question: "How satisfied are you volunteering here?" 1 to 5, with an optional comment.</summary>
public sealed record CheckInRequest(int? Score, [MultiLineText] string? Comment)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.AddIf(Score is null or < 1 or > 5, "score", "'score' is required, 1 (unhappy) to 5 (very happy).");
        Text.Optional(errors, "comment", Comment, Limits.LongText);
        return errors;
    }

    /// <summary>Records the answer; answering is activity, so it also ends an at-risk flag (the sweep re-reads the score).</summary>
    public CheckIn Record(VolunteersDbContext db, Volunteer v, DateTimeOffset now)
    {
        var checkIn = new CheckIn { VolunteerId = v.Id, Score = Score!.Value, Comment = Text.Trimmed(Comment), At = now };
        db.CheckIns.Add(checkIn);
        v.RecordActivity(now);
        return checkIn;
    }
}

public sealed record CheckInView(Guid Id, int Score, string? Comment, DateTimeOffset At)
{
    public static CheckInView Of(CheckIn c) => new(c.Id, c.Score, c.Comment, c.At);
}
