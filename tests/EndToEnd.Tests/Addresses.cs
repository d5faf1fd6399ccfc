namespace Platform.EndToEnd.Tests;

internal static class Addresses
{
    /// <summary>An address no other test (or earlier run) uses, so mailbox assertions see only this test's mail.</summary>
    public static string Unique(string who) => $"{who}.{Guid.NewGuid():N}@example.org";
}
