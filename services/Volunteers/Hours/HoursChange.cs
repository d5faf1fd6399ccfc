using Platform.ServiceDefaults.Problems;

namespace Platform.Volunteers.Hours;

/// <summary>What logging or deciding hours came to; the API classes say it in HTTP.</summary>
public abstract record HoursChange
{
    private HoursChange()
    {
    }

    /// <summary>The entry as it now stands.</summary>
    public sealed record Made(HoursEntry Entry) : HoursChange;

    /// <summary>The request names impossible hours (each field's reason).</summary>
    public sealed record Invalid(ValidationErrors Errors) : HoursChange;

    /// <summary>No such volunteer or entry in the caller's organisation: <paramref name="What"/> names it.</summary>
    public sealed record NotFound(string What) : HoursChange;

    /// <summary>The volunteer or the entry as it stands does not allow it.</summary>
    public sealed record Refused(string Rule, string Reason) : HoursChange;
}
