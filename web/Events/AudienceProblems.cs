using Microsoft.AspNetCore.Mvc.ModelBinding;
using Platform.Web.Api;

namespace Platform.Web.Events;

/// <summary>
/// Events' refusals of who may come (a restricted event's domains or code, an invitation-only event's personal link)
/// put next to the field that decides it: the address, or the code when the visitor gave one.
/// </summary>
public static class AudienceProblems
{
    /// <summary>True when the problem was one of the audience's and is now on the form.</summary>
    public static bool TryAdd(ModelStateDictionary modelState, ApiProblem problem, RegistrationForm form)
    {
        var gaveCode = !string.IsNullOrWhiteSpace(form.InvitationCode);
        switch (problem.Code)
        {
            case "audience-restricted":
                // Events' sentence names the domains it takes and the one it did not; it reads as it is.
                modelState.AddModelError("Form.Email", problem.Detail ?? "This event is not open to this email address");
                if (gaveCode)
                    modelState.AddModelError("Form.InvitationCode", "This is not the event's invitation code. Check it against the one the organiser gave you");
                return true;
            case "invitation-required":
                modelState.AddModelError("Form.InvitationCode", gaveCode
                    ? "This invitation code is not recognised. Use the link in your invitation, or ask the organiser for a new one"
                    : "This event is by invitation only. Enter the code from your invitation, or register from its link");
                return true;
            case "invitation-not-yours":
                modelState.AddModelError("Form.Email", "This invitation is personal: use the email address it was sent to, or ask the organiser for an invitation of your own");
                return true;
            default:
                return false;
        }
    }
}
