namespace Platform.Volunteers.Infrastructure;

/// <summary>Text length limits shared by the schema and the request validation, so the two never disagree.</summary>
public static class Limits
{
    public const int Title = 200;
    public const int Name = 200;
    public const int Email = 254;
    public const int Phone = 32;
    public const int CharityNumber = 20;
    public const int District = 100;
    public const int Skill = 60;
    public const int Skills = 20;
    public const int ShortText = 500;
    public const int LongText = 4000;
    public const int Reason = 1000;
}
