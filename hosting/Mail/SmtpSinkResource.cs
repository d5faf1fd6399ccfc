using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// An SMTP server that keeps every message as a file (aiosmtpd's Maildir handler), where Aspire would run a MailDev or
/// Mailpit container. Services get ConnectionStrings__{name}=smtp://127.0.0.1:PORT.
/// </summary>
public sealed class SmtpSinkResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "smtp";

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public required string MaildirPath { get; init; }

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"smtp://{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");

    /// <summary>The messages received so far, oldest first. One reader per sink, so each message is read once.</summary>
    public Mailbox Mailbox => field ??= new(MaildirPath);
}
