namespace Platform.AppHost.Hosting.Processes;

/// <summary>How to launch one child: what, with which arguments and environment, where, and as whom.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public Dictionary<string, string?> Environment { get; init; } = [];
    public string? WorkingDirectory { get; init; }

    /// <summary>Run as this user (PostgreSQL refuses to run as root).</summary>
    public string? UserName { get; init; }

    public override string ToString() => $"{FileName} {string.Join(' ', Arguments)}";
}
