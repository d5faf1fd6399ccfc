using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Platform.Web.Manage;

internal static class ManageExtensions
{
    /// <summary>
    /// The back office: every page under Pages/Manage needs a signed-in user, and each area's folder the roles its
    /// navigation entry names (<see cref="ManageNavigation"/>); a page marked <see cref="RequiresPermissionAttribute"/>
    /// also that permission, one marked <see cref="StaffOnlyAttribute"/> staff whatever its folder, and one marked <see cref="OpenToAnyoneAttribute"/> (signing in) nothing.
    /// </summary>
    public static IServiceCollection AddManage(this IServiceCollection services)
    {
        services.AddScoped<CurrentManageUser>();
        services.Configure<RazorPagesOptions>(pages =>
        {
            pages.Conventions.AddFolderApplicationModelConvention("/Manage", model =>
            {
                if (model.HandlerType.IsDefined(typeof(OpenToAnyoneAttribute))) return;
                var permission = model.HandlerType.GetCustomAttribute<RequiresPermissionAttribute>()?.Permission;
                var access = model.HandlerType.IsDefined(typeof(StaffOnlyAttribute)) ? ManageAccess.StaffOnly
                    : ManageNavigation.Sections
                        .FirstOrDefault(s => model.ViewEnginePath.StartsWith(s.Folder + "/", StringComparison.OrdinalIgnoreCase))?.Access
                    ?? ManageAccess.SignedIn;
                model.Filters.Add(new ManageAccessFilter(access, permission));
            });
        });
        return services;
    }
}
