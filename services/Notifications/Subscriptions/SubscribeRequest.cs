using System.Net.Mail;
using Platform.ServiceDefaults.ReferenceData;

namespace Platform.Notifications.Subscriptions;

/// <summary>Body of <c>POST /api/notifications/subscriptions</c>.</summary>
public sealed record SubscribeRequest(string? Email, IReadOnlyList<string>? Topics, string? Frequency, IReadOnlyList<string>? Districts = null);

/// <summary>Body of <c>PUT /api/notifications/manage/{token}</c>: the new choices (the address cannot change).</summary>
public sealed record ChangeSubscriptionRequest(IReadOnlyList<string>? Topics, string? Frequency, IReadOnlyList<string>? Districts = null);

/// <summary>A request that passed validation: topics and frequency are catalogue values, the email is well formed.</summary>
public sealed record ValidSubscribeRequest(string Email, IReadOnlyList<string> Topics, string Frequency, IReadOnlyList<string> Districts)
{
    public ValidSubscribeRequest(string email, IReadOnlyList<string> topics, string frequency) : this(email, topics, frequency, []) { }
}

public sealed record ValidChoices(IReadOnlyList<string> Topics, string Frequency, IReadOnlyList<string> Districts);

public static class SubscribeRequestValidation
{
    private const int MaxEmailLength = 254;
    private const int MaxDistricts = 20;
    private const int MaxDistrictLength = 100;

    /// <summary>Returns the valid request, or the errors keyed by the JSON field name for a ValidationProblem.</summary>
    public static (ValidSubscribeRequest? Request, Dictionary<string, string[]> Errors) Validate(SubscribeRequest request, Districts knownDistricts)
    {
        var (choices, errors) = ValidateChoices(request.Topics, request.Frequency, request.Districts, knownDistricts);

        var email = request.Email?.Trim() ?? string.Empty;
        if (email.Length == 0)
        {
            errors["email"] = ["An email address is required."];
        }
        else if (email.Length > MaxEmailLength || !IsPlainAddress(email))
        {
            errors["email"] = ["This is not a valid email address."];
        }

        return errors.Count > 0 || choices is null
            ? (null, errors)
            : (new ValidSubscribeRequest(email, choices.Topics, choices.Frequency, choices.Districts), errors);
    }

    public static (ValidChoices? Choices, Dictionary<string, string[]> Errors) ValidateChoices(
        IReadOnlyList<string>? requestedTopics, string? requestedFrequency, IReadOnlyList<string>? requestedDistricts, Districts knownDistricts)
    {
        var errors = new Dictionary<string, string[]>();
        var topics = (requestedTopics ?? []).Select(t => t?.Trim().ToLowerInvariant() ?? string.Empty).Distinct().ToList();
        if (topics.Count == 0)
        {
            errors["topics"] = ["Choose at least one topic."];
        }
        else if (topics.Where(t => !SubscriptionCatalog.Topics.Contains(t)).ToList() is { Count: > 0 } unknown)
        {
            errors["topics"] = [$"Unknown topic(s): {string.Join(", ", unknown)}. Choose from: {string.Join(", ", SubscriptionCatalog.Topics)}."];
        }

        var frequency = requestedFrequency?.Trim().ToLowerInvariant() ?? string.Empty;
        if (!SubscriptionCatalog.Frequencies.Contains(frequency))
        {
            errors["frequency"] = [$"Frequency must be one of: {string.Join(", ", SubscriptionCatalog.Frequencies)}."];
        }

        var districts = (requestedDistricts ?? []).Select(d => d?.Trim() ?? string.Empty).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (districts.Count > MaxDistricts || districts.Any(d => d.Length is 0 or > MaxDistrictLength || d.Any(char.IsControl)))
        {
            errors["districts"] = [$"At most {MaxDistricts} district names of 1 to {MaxDistrictLength} characters."];
        }
        else if (districts.FirstOrDefault(d => knownDistricts.Find(d) is null) is { } unknown)
        {
            errors["districts"] = [knownDistricts.NotADistrict(unknown)];
        }
        else if (districts.Count > 0 && !topics.Any(SubscriptionCatalog.HasDistricts))
        {
            errors["districts"] = [$"Districts narrow only {string.Join(" and ", SubscriptionCatalog.DistrictTopics)}; choose one of those topics or no district."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ValidChoices(topics.Order(StringComparer.Ordinal).ToList(), frequency, districts.Select(d => knownDistricts.Find(d)!).Order(StringComparer.Ordinal).ToList()), errors);
    }

    // MailAddress accepts display-name forms ("Ann <ann@x.org>"); only a bare address that round-trips is allowed.
    public static bool IsPlainAddress(string email) =>
        MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !email.AsSpan().ContainsAny('\r', '\n');
}
