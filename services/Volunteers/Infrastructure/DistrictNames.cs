namespace Platform.Volunteers.Infrastructure;

/// <summary>The county's districts and unitary areas (configured), matched without regard to case.</summary>
public static class DistrictNames
{
    /// <returns>The configured spelling of <paramref name="value"/>, or null when it is not a district.</returns>
    public static string? Find(IReadOnlyList<string> known, string? value) =>
        value is null ? null : known.FirstOrDefault(k => string.Equals(k, value.Trim(), StringComparison.OrdinalIgnoreCase));
}
