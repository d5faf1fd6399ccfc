namespace Platform.AppHost.Hosting;

/// <summary>A problem a person fixes (a missing package, a port in use, a data folder in use): its message is one
/// sentence saying what to do, printed without a stack trace.</summary>
public sealed class PlatformSetupException(string message) : Exception(message);
