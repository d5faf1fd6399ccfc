namespace Platform.ServiceDefaults.Clock;

public sealed class ClockOptions
{
    public const string SectionName = "Clock";

    /// <summary>
    /// A clock that staff can move forward (<c>POST /testing/clock</c>), so a test platform sees a 45-day lapse or a
    /// ceremony time pass in seconds. Refused outside the Development environment.
    /// </summary>
    public bool Adjustable { get; set; }
}
