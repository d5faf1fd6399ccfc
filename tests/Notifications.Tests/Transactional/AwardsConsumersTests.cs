using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Awards;
using Platform.Messaging;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.Tests.Transactional;

/// <summary>The Awards consumers through the real app and MassTransit's in-memory harness (no inbox: the delivery key alone stops repeats).</summary>
public sealed class AwardsConsumersTests : IAsyncDisposable
{
    private readonly NotificationsFactory _factory = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_replayed_nomination_is_acknowledged_once_with_the_manage_link()
    {
        var received = AwardsEmailsTests.Received(email: "Nina@Example.org");

        await _factory.PublishAsOwnerAsync(received);
        await _factory.WaitForEmailsAsync(1, TimeSpan.FromSeconds(2));
        await _factory.PublishAsOwnerAsync(received);
        await _factory.WaitForEmailsAsync(1, TimeSpan.FromSeconds(2));

        var sent = Assert.Single(_factory.Emails.Sent);
        Assert.Equal("Nina@Example.org", sent.To);
        Assert.Contains("/awards/nominations/tok_en%2B%2F", sent.Email.TextBody);
        Assert.Equal(AwardsEmails.NominationReceivedKind, (await _factory.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.SourceEventId == received.EventId))).Kind);
    }

    [Fact]
    public async Task A_shortlist_tells_each_nominator_and_each_nominee_with_a_contact_once_even_when_replayed()
    {
        var confirmed = new FinalistsConfirmed(Guid.CreateVersion7(), "Hero Awards 2027", Guid.CreateVersion7(), "Unsung Hero",
            DateTimeOffset.UtcNow.AddDays(30), "County Hall",
        [
            new Finalist(Guid.CreateVersion7(), "Sam Hero", null, "sam@example.org",
                [new FinalistNominator("Ann", "ann@example.org"), new FinalistNominator("Bo", "bo@example.org")]),
            // No contact for this nominee; Ann nominated both finalists and hears of each.
            new Finalist(Guid.CreateVersion7(), "Kit Helper", "Youth Club", null, [new FinalistNominator("Ann again", "ANN@example.org")]),
        ]);

        await _factory.PublishAsOwnerAsync(confirmed);
        await _factory.WaitForEmailsAsync(4, TimeSpan.FromSeconds(2));
        await _factory.PublishAsOwnerAsync(confirmed);
        await NotificationsFactory.WaitForAsync(async () => await _factory.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt != null)) >= 8);
        await _factory.WaitForEmailsAsync(4, TimeSpan.FromSeconds(2));

        Assert.Equal(["ANN@example.org", "ann@example.org", "bo@example.org", "sam@example.org"], _factory.Emails.Sent.Select(s => s.To).Order(StringComparer.Ordinal));
        Assert.Equal("You are a finalist: Unsung Hero", Assert.Single(_factory.Emails.Sent, s => s.To == "sam@example.org").Email.Subject);
        Assert.Contains(_factory.Emails.Sent, s => s.Email.Subject == "Kit Helper is a finalist: Unsung Hero");
        Assert.Equal(4, await _factory.WithDbAsync(db => db.Deliveries.CountAsync(d => d.Kind == AwardsEmails.FinalistKind && d.Status == DeliveryStatus.Sent)));
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
