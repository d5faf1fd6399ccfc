namespace Platform.Awards.Infrastructure;

/// <summary>Text length limits shared by the schema and the request validation, so the two never disagree.</summary>
public static class Limits
{
    public const int Title = 200;
    public const int Name = 200;
    public const int Email = 254;
    public const int ShortText = 500;
    public const int LongText = 2000;
    /// <summary>Characters, whatever the category's word limit: a citation of 2000 very long "words" is still bounded.</summary>
    public const int Citation = 20_000;
    public const int CriterionKey = 40;
    public const int MaxCriteria = 12;
    public const int MaxWordLimit = 2000;
}
