using System.Text;

namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// PostgreSQL folds unquoted names to lower case, so snake_case tables and columns can be queried by hand without
/// quotes. (EFCore.NamingConventions would do this but is not on the package feed.) Explicit names are kept.
/// </summary>
public static class SnakeCaseColumnNames
{
    public static ModelBuilder UseSnakeCaseColumnNames(this ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnName() == property.Name) property.SetColumnName(ToSnakeCase(property.Name));
            }
        }
        return modelBuilder;
    }

    public static string ToSnakeCase(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) result.Append('_');
            result.Append(char.ToLowerInvariant(name[i]));
        }
        return result.ToString();
    }
}
