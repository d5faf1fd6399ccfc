using Microsoft.AspNetCore.Mvc.ModelBinding;
using Platform.Web.Api;
using Platform.Web.Site;

namespace Platform.Web.EmailUpdates;

/// <summary>What a person gets wrong on the choices, in GOV.UK's words; the API still decides the rest.</summary>
public static class ChoicesValidation
{
    public static void Check(ModelStateDictionary modelState, ChoicesForm form, bool withEmail)
    {
        if (withEmail)
        {
            var email = form.Email?.Trim() ?? "";
            if (email.Length == 0)
                modelState.AddModelError("Form.Email", "Enter your email address");
            else if (email.Length > 254 || !email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@'))
                modelState.AddModelError("Form.Email", "Enter an email address in the correct format, like name@example.com");
        }

        if (form.Topics.Count == 0)
            modelState.AddModelError("Form.Topics", "Select at least one topic");
        if (string.IsNullOrWhiteSpace(form.Frequency))
            modelState.AddModelError("Form.Frequency", "Select how often you want to hear from us");
    }

    public static void AddProblem(ModelStateDictionary modelState, ApiProblem problem) =>
        modelState.AddApiProblem(problem, EmailUpdatesApi.Fields);
}
