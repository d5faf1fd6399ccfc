namespace Platform.Data;

/// <summary>What a person types into a search box, as an ILIKE pattern that matches it anywhere and literally.</summary>
public static class LikePattern
{
    /// <summary>
    /// Pass it as ILike's escape character: without one, Npgsql writes <c>ESCAPE ''</c> (EF Core's meaning of "none"),
    /// and a typed % or _ would be a wildcard again.
    /// </summary>
    public const string Escape = "\\";

    public static string Containing(string text) =>
        "%" + text.Trim().Replace(Escape, Escape + Escape).Replace("%", Escape + "%").Replace("_", Escape + "_") + "%";
}
