using Microsoft.AspNetCore.Mvc.ModelBinding;
using Platform.Web.Api;
using Platform.Web.Site;

namespace Platform.Web.Events;

/// <summary>
/// The event's choice rule checked on the page (how many workshops), and the API's refusals of a set of choices put
/// in plain English next to the checkboxes. The API checks the rule again, with overlaps and places.
/// </summary>
public static class ChoiceCheck
{
    public static void Check(ModelStateDictionary modelState, string key, ChoiceRules rules, int workshops, IReadOnlyCollection<Guid> chosen)
    {
        if (workshops == 0) return;
        var count = chosen.Distinct().Count();
        if (count < rules.MinWorkshops || count > rules.MaxWorkshops)
        {
            var want = rules.MinWorkshops == rules.MaxWorkshops
                ? $"{rules.MinWorkshops} workshop{(rules.MinWorkshops == 1 ? "" : "s")}"
                : $"between {rules.MinWorkshops} and {rules.MaxWorkshops} workshops";
            modelState.AddModelError(key, $"Choose {want}; you chose {count}");
        }
    }

    /// <summary>The API's problem with the choices, in the site's words where the rule has a name.</summary>
    public static void AddProblem(ModelStateDictionary modelState, string key, ApiProblem problem, IReadOnlyDictionary<string, string> fields)
    {
        switch (problem.Code)
        {
            case "choices-too-few" or "choices-too-many":
                modelState.AddModelError(key, problem.Detail ?? "Choose the number of workshops the event asks for");
                break;
            case "choices-same-time-slot":
                modelState.AddModelError(key, $"Choose workshops at different times: {problem.Detail}");
                break;
            case "choices-unknown-workshop" or "choices-duplicate":
                modelState.AddModelError(key, "One of the workshops you chose is no longer in the programme. Choose again");
                break;
            case "already-registered":
                modelState.AddModelError("", "This email address is already registered for this event. Use the link in your confirmation email to see, change or cancel that registration");
                break;
            case "event-full":
                modelState.AddModelError("", "Sorry, every place at this event has now been taken");
                break;
            case "registration-window" or "event-status":
                modelState.AddModelError("", "This event is no longer taking registrations");
                break;
            default:
                modelState.AddApiProblem(problem, fields);
                break;
        }
    }
}
