using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Platform.Notifications.Infrastructure;

/// <summary>
/// PostgreSQL folds unquoted names to lower case, so snake_case columns can be queried by hand without quotes.
/// (EFCore.NamingConventions would do this but is not on the package feed.) Explicitly named columns are kept.
/// </summary>
internal static class SnakeCaseColumnNames
{
    public static void UseSnakeCaseColumnNames(this ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnName() == property.Name)
                {
                    property.SetColumnName(ToSnakeCase(property.Name));
                }
            }
        }
    }

    private static string ToSnakeCase(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                result.Append('_');
            }

            result.Append(char.ToLowerInvariant(name[i]));
        }

        return result.ToString();
    }
}
