namespace Platform.Events.CheckIn;

/// <summary>A delegate scanned in at one session of the programme. One row per delegate and session.</summary>
public sealed class SessionAttendance
{
    public Guid RegistrationId { get; init; }
    public Guid SessionId { get; init; }
    public DateTimeOffset CheckedInAt { get; init; }
}
