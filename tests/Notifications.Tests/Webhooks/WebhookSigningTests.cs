using Microsoft.AspNetCore.Http;
using Platform.Notifications.Webhooks;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Platform.Notifications.Tests.Webhooks;

/// <summary>Our signatures, checked by the Standard Webhooks reference library rather than by our own code.</summary>
public sealed class WebhookSigningTests
{
    [Fact]
    public void The_reference_library_accepts_our_signature_and_refuses_a_changed_body()
    {
        var secret = WebhookSignature.NewSecret();
        const string body = """{"type":"role.opened","timestamp":"2026-12-01T10:00:00+00:00","data":{"roleId":"x"}}""";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var headers = new HeaderDictionary
        {
            [WebhookSignature.IdHeader] = "msg_1",
            [WebhookSignature.TimestampHeader] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [WebhookSignature.SignatureHeader] = WebhookSignature.Sign(secret, "msg_1", timestamp, body),
        };

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        new StandardWebhook(secret).Verify(body, headers);
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(secret).Verify(body.Replace("x", "y", StringComparison.Ordinal), headers));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(WebhookSignature.NewSecret()).Verify(body, headers));
    }
}
