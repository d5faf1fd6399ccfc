namespace Platform.Events.Infrastructure;

/// <summary>Text length limits shared by the schema and the request validation, so the two never disagree.</summary>
public static class Limits
{
    public const int Title = 200;
    public const int Name = 200;
    public const int Address = 500;
    public const int Postcode = 10;
    public const int Email = 254;
    public const int LongText = 2000;
    public const int IdempotencyKey = 100;
    public const int InvitationCode = 100;
    public const int Domain = 253;
    public const int AllowedDomains = 50;
    public const int Biography = 1000;
}
