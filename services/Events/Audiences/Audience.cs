namespace Platform.Events.Audiences;

/// <summary>
/// Who may register. Public: anyone. Restricted: addresses at the allowed domains (a council's, a police force's), or
/// anyone given the event's invitation code. InvitationOnly: the named invitees, each with a personal code that works
/// only for their own address.
/// </summary>
public enum Audience { Public, Restricted, InvitationOnly }
