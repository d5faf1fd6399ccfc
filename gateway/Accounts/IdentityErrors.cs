using Microsoft.AspNetCore.Identity;
using Platform.ServiceDefaults.Problems;

namespace Platform.Gateway.Accounts;

internal static class IdentityErrors
{
    /// <summary>Identity's errors as field errors on the field they concern.</summary>
    public static ValidationErrors Of(IdentityResult result, string field = "password")
    {
        var errors = new ValidationErrors();
        foreach (var error in result.Errors) errors.Add(field, error.Description);
        return errors;
    }
}
