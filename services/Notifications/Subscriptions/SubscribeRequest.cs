using System.Net.Mail;

namespace Platform.Notifications.Subscriptions;

/// <summary>Body of <c>POST /api/notifications/subscriptions</c>.</summary>
public sealed record SubscribeRequest(string? Email, IReadOnlyList<string>? Topics, string? Frequency);

/// <summary>A request that passed validation: topics and frequency are catalogue values, the email is well formed.</summary>
public sealed record ValidSubscribeRequest(string Email, IReadOnlyList<string> Topics, string Frequency);

public static class SubscribeRequestValidation
{
    private const int MaxEmailLength = 254;

    /// <summary>Returns the valid request, or the errors keyed by the JSON field name for a ValidationProblem.</summary>
    public static (ValidSubscribeRequest? Request, Dictionary<string, string[]> Errors) Validate(SubscribeRequest request)
    {
        var errors = new Dictionary<string, string[]>();

        var email = request.Email?.Trim() ?? string.Empty;
        if (email.Length == 0)
        {
            errors["email"] = ["An email address is required."];
        }
        else if (email.Length > MaxEmailLength || !IsPlainAddress(email))
        {
            errors["email"] = ["This is not a valid email address."];
        }

        var topics = (request.Topics ?? []).Select(t => t?.Trim().ToLowerInvariant() ?? string.Empty).Distinct().ToList();
        if (topics.Count == 0)
        {
            errors["topics"] = ["Choose at least one topic."];
        }
        else if (topics.Where(t => !SubscriptionCatalog.Topics.Contains(t)).ToList() is { Count: > 0 } unknown)
        {
            errors["topics"] = [$"Unknown topic(s): {string.Join(", ", unknown)}. Choose from: {string.Join(", ", SubscriptionCatalog.Topics)}."];
        }

        var frequency = request.Frequency?.Trim().ToLowerInvariant() ?? string.Empty;
        if (!SubscriptionCatalog.Frequencies.Contains(frequency))
        {
            errors["frequency"] = [$"Frequency must be one of: {string.Join(", ", SubscriptionCatalog.Frequencies)}."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ValidSubscribeRequest(email, topics.Order(StringComparer.Ordinal).ToList(), frequency), errors);
    }

    // MailAddress accepts display-name forms ("Ann <ann@x.org>"); only a bare address that round-trips is allowed.
    private static bool IsPlainAddress(string email) =>
        MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal);
}
