using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.Tests.Transactional;

/// <summary>
/// The Events consumers through the real app and MassTransit's in-memory harness, against PostgreSQL. The harness
/// runs without the inbox filter, so what stops a repeat here is the delivery key alone.
/// </summary>
public sealed class EventsConsumersTests : IAsyncDisposable
{
    private readonly NotificationsFactory _factory = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_replayed_registration_confirmation_sends_one_email_with_the_calendar()
    {
        var confirmed = EventsEmailsTests.Confirmed(email: "Dee@Example.org");

        // Two broker messages (a replay gets a new message id, so the inbox cannot catch it) for one event.
        await _factory.PublishAsOwnerAsync(confirmed);
        await _factory.WaitForEmailsAsync(1, TimeSpan.FromSeconds(2));
        await _factory.PublishAsOwnerAsync(confirmed);
        await _factory.PublishAsOwnerAsync(EventsEmailsTests.Confirmed(email: "ed@example.org"));
        await _factory.WaitForEmailsAsync(2, TimeSpan.FromSeconds(2));

        var toDee = Assert.Single(_factory.Emails.Sent, s => s.To == "Dee@Example.org");
        Assert.Equal("text/calendar; method=PUBLISH", Assert.Single(toDee.Email.Attachments).MediaType);
        Assert.Equal(2, _factory.Emails.Sent.Count);
        var deliveries = await _factory.WithDbAsync(db => db.Deliveries.Where(d => d.SourceEventId == confirmed.EventId).ToListAsync());
        var delivery = Assert.Single(deliveries);
        Assert.Equal(("dee@example.org", EventsEmails.RegistrationConfirmedKind, DeliveryStatus.Sent), (delivery.Recipient, delivery.Kind, delivery.Status));
    }

    [Fact]
    public async Task A_manage_token_opens_only_in_the_confirmation_it_was_sealed_for()
    {
        var genuine = EventsEmailsTests.Confirmed(email: "gus@example.org");
        var sealedGenuine = _factory.Sealed(genuine);
        // Its ciphertext moved into another delegate's confirmation, and a token sent in clear: neither is mailed.
        var moved = _factory.Sealed(EventsEmailsTests.Confirmed(email: "mallory@example.org")) with { ManageToken = sealedGenuine.ManageToken };
        var clear = EventsEmailsTests.Confirmed(email: "clara@example.org");

        _ = _factory.Server;
        var bus = _factory.Services.GetRequiredService<IBus>();
        await bus.Publish(moved, Cancel);
        await bus.Publish(clear, Cancel);
        await bus.Publish(sealedGenuine, Cancel);
        await _factory.WaitForEmailsAsync(1, TimeSpan.FromSeconds(2));

        var sent = Assert.Single(_factory.Emails.Sent);
        Assert.Equal("gus@example.org", sent.To);
        Assert.Contains("registrations/" + Uri.EscapeDataString(genuine.ManageToken), sent.Email.TextBody);
        Assert.DoesNotContain(sealedGenuine.ManageToken, sent.Email.TextBody);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Deliveries.CountAsync(d => d.SourceEventId == moved.EventId || d.SourceEventId == clear.EventId, Cancel)));
    }

    [Fact]
    public async Task An_event_cancellation_emails_each_registrant_once_even_when_replayed()
    {
        var cancelled = new PartnershipEventCancelled(Guid.CreateVersion7(), "Safer Streets", DateTimeOffset.UtcNow.AddDays(10),
        [
            new Registrant(Guid.CreateVersion7(), "Ann", "ann@example.org"),
            new Registrant(Guid.CreateVersion7(), "Bo", "bo@example.org"),
            new Registrant(Guid.CreateVersion7(), "Ann again", "ANN@example.org"),
        ]);

        // Each copy is split into one message per address (Ann once), relayed through the outbox.
        await _factory.PublishAsOwnerAsync(cancelled);
        await _factory.WaitForEmailsAsync(2, TimeSpan.FromSeconds(2));
        await _factory.PublishAsOwnerAsync(cancelled);
        await NotificationsFactory.WaitForAsync(async () => await _factory.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt != null)) >= 4);
        await _factory.WaitForEmailsAsync(2, TimeSpan.FromSeconds(2));

        Assert.Equal(["ann@example.org", "bo@example.org"], _factory.Emails.Sent.Select(s => s.To).Order());
        Assert.All(_factory.Emails.Sent, s => Assert.StartsWith("Event cancelled: Safer Streets", s.Email.Subject));
        Assert.Equal(2, await _factory.WithDbAsync(db => db.Deliveries.CountAsync(d => d.SourceEventId == cancelled.EventId && d.Status == DeliveryStatus.Sent)));
    }

    [Fact]
    public async Task A_reminder_reaches_every_registrant_with_the_venue_and_london_time()
    {
        var startsAt = new DateTimeOffset(2026, 6, 10, 8, 0, 0, TimeSpan.Zero);
        await _factory.PublishAsOwnerAsync(new PartnershipEventReminderDue(Guid.CreateVersion7(), "Safer Streets", "County Hall", startsAt,
            [new Registrant(Guid.CreateVersion7(), "Ann", "ann@example.org"), new Registrant(Guid.CreateVersion7(), "Bo", "bo@example.org")]));
        await _factory.WaitForEmailsAsync(2, TimeSpan.FromSeconds(2));

        Assert.Equal(["ann@example.org", "bo@example.org"], _factory.Emails.Sent.Select(s => s.To).Order());
        Assert.All(_factory.Emails.Sent, s =>
        {
            Assert.Equal("Reminder: Safer Streets on Wednesday 10 June 2026, 09:00 BST", s.Email.Subject);
            Assert.Contains("County Hall", s.Email.TextBody);
        });
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
