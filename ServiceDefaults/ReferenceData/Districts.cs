using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.ReferenceData;

/// <summary>The configured districts, matched without regard to case or surrounding spaces.</summary>
public sealed class Districts(IOptions<DistrictOptions> options)
{
    public IReadOnlyList<string> Names => options.Value.Names;

    /// <returns>The configured spelling of <paramref name="value"/>, or null when it is not a district.</returns>
    public string? Find(string? value) =>
        value is null ? null : Names.FirstOrDefault(n => string.Equals(n.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The sentence a validation error gives, naming every allowed value so a client can correct itself.</summary>
    public string NotADistrict(string? value) =>
        // A value too long to be a district is not echoed back: it is not a typo the caller needs to see.
        $"{(value?.Length <= DistrictOptions.MaxLength ? $"'{value}'" : "The value")} is not one of the county's districts: " +
        $"{string.Join(", ", Names)} (GET /api/reference/districts).";

    /// <summary>Adds an error for <paramref name="field"/> unless <paramref name="value"/> is empty or a district.</summary>
    public ValidationErrors CheckOptional(ValidationErrors errors, string field, string? value) =>
        errors.AddIf(!string.IsNullOrWhiteSpace(value) && Find(value) is null, field, NotADistrict(value));
}
