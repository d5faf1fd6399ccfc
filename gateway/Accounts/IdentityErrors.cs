using Microsoft.AspNetCore.Identity;

namespace Platform.Gateway.Accounts;

internal static class IdentityErrors
{
    /// <summary>Identity's error codes grouped as validation errors on the field they concern.</summary>
    public static IDictionary<string, string[]> ToDictionary(IdentityResult result, string field = "password") =>
        new Dictionary<string, string[]>
        {
            [field] = result.Errors.Select(e => e.Description).ToArray(),
        };
}
