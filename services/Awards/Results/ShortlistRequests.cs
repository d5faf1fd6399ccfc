namespace Platform.Awards.Results;

public sealed record ShortlistRequest(IReadOnlyList<Guid>? NomineeIds);

public sealed record WinnerRequest(Guid? NomineeId);

public sealed record ShortlistView(Guid CategoryId, DateTimeOffset ConfirmedAt, IReadOnlyList<Guid> Finalists);

/// <summary>Staff only: the confirmed winners and whether the embargo still holds.</summary>
public sealed record EmbargoedResults(Guid ProgrammeId, bool Announced, DateTimeOffset? AnnouncedAt, DateTimeOffset? CeremonyAt, IReadOnlyList<WinnerView> Winners);
