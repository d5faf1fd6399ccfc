using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Platform.Web.Pages;

/// <summary>The home page: each area's latest (view components in the areas' folders) around a short welcome.</summary>
public sealed class IndexModel : PageModel
{
}
