using Platform.ServiceDefaults.Problems;

namespace Platform.Volunteers.Infrastructure;

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class Paging
{
    public const int MaxPageSize = 100;

    public static void Check(ValidationErrors errors, int page, int pageSize)
    {
        errors.AddIf(page < 1, "page", "'page' starts at 1.");
        errors.AddIf(pageSize is < 1 or > MaxPageSize, "pageSize", $"'pageSize' must be 1 to {MaxPageSize}.");
    }
}
