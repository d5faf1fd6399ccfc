using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Text;

namespace Platform.Events.Speakers;

/// <summary>A speaker's details; <see cref="SessionIds"/> are sessions of the same event.</summary>
public sealed record SpeakerRequest(
    string? Name, string? Role, string? Organisation, [MultiLineText] string? Biography, bool ConsentToPublish,
    IReadOnlyList<Guid>? SessionIds)
{
    public ValidationErrors Validate(PartnershipEvent e)
    {
        var errors = new ValidationErrors();
        Text.Required(errors, "name", Name, Limits.Name);
        Text.Optional(errors, "role", Role, Limits.Name);
        Text.Optional(errors, "organisation", Organisation, Limits.Name);
        Text.Optional(errors, "biography", Biography, Limits.Biography);
        var sessions = SessionIds ?? [];
        errors.AddIf(sessions.Count > 20, "sessionIds", "A speaker speaks at most at 20 sessions.");
        foreach (var (id, i) in sessions.Take(20).Select((id, i) => (id, i)))
            errors.AddIf(e.Sessions.All(s => s.Id != id), $"sessionIds[{i}]", $"{id} is not a session of this event.");
        return errors;
    }

    public void ApplyTo(Speaker s)
    {
        s.Name = Name!.Trim();
        s.Role = Role?.Trim() ?? "";
        s.Organisation = Organisation?.Trim() ?? "";
        s.Biography = Biography?.Trim() ?? "";
        s.ConsentToPublish = ConsentToPublish;
        s.SessionIds = (SessionIds ?? []).Distinct().ToList();
    }
}

/// <summary>A speaker as the programme shows them (organisers also see <see cref="ConsentToPublish"/> false ones).</summary>
public sealed record SpeakerView(
    Guid Id, string Name, string Role, string Organisation, string Biography, bool ConsentToPublish, IReadOnlyList<Guid> SessionIds)
{
    public static SpeakerView Of(Speaker s) => new(s.Id, s.Name, s.Role, s.Organisation, s.Biography, s.ConsentToPublish, s.SessionIds);
}
