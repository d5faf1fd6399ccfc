using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Contracts.Volunteers;

namespace Platform.Messaging.Tests;

/// <summary>
/// A link's secret travels from its publisher to Notifications sealed (messaging/LinkSecrets): it opens only with a key
/// of the service that owns the event, only in the event, type and field it was sealed for, and not once changed.
/// </summary>
public sealed class LinkSecretsTests
{
    private static readonly string EventsKey = NewKey();
    private static readonly string VolunteersKey = NewKey();

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static LinkSecrets Secrets(string? sealWith = "events-1", params (string Id, string Key)[] keys) =>
        new(Options.Create(new LinkSecretOptions
        {
            SealWith = sealWith,
            Keys = (keys.Length == 0 ? [("events-1", EventsKey), ("volunteers-1", VolunteersKey)] : keys).ToDictionary(k => k.Id, k => k.Key),
        }));

    private static RegistrationConfirmed Confirmed(string token = "manage-secret-abc") => new(
        Guid.CreateVersion7(), Guid.CreateVersion7(), "Safer Streets", DateTimeOffset.UtcNow, "Dee", "dee@example.org", token,
        DateTimeOffset.UtcNow.AddDays(30), "K7Q2ZP", [], "BEGIN:VCALENDAR");

    [Fact]
    public void A_sealed_secret_is_ciphertext_in_a_versioned_form_and_opens_to_the_secret()
    {
        var plain = Confirmed();
        var sealedEvent = Secrets().Seal(plain);

        Assert.StartsWith("ls1.events-1.", sealedEvent.ManageToken);
        Assert.DoesNotContain("manage-secret-abc", sealedEvent.ManageToken);
        Assert.Equal("manage-secret-abc", plain.ManageToken); // the event given is left as it was
        Assert.NotEqual(sealedEvent.ManageToken, Secrets().Seal(plain).ManageToken); // a fresh nonce each time
        Assert.Equal(plain with { }, Secrets(sealWith: null).Open(sealedEvent));
    }

    [Fact]
    public void A_changed_byte_anywhere_is_refused()
    {
        var sealedEvent = Secrets().Seal(Confirmed());
        var token = sealedEvent.ManageToken;
        foreach (var at in new[] { token.Length - 1, token.Length - 20, "ls1.events-1.".Length + 2 })
        {
            var changed = token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..];
            Assert.Throws<LinkSecretRefusedException>(() => Secrets().Open(sealedEvent with { ManageToken = changed }));
        }

        Assert.Throws<LinkSecretRefusedException>(() => Secrets().Open(sealedEvent with { ManageToken = token[..^4] }));
        Assert.Throws<LinkSecretRefusedException>(() => Secrets().Open(sealedEvent with { ManageToken = "ls2" + token[3..] }));
        Assert.Throws<LinkSecretRefusedException>(() => Secrets().Open(sealedEvent with { ManageToken = "manage-secret-abc" }));
    }

    [Fact]
    public void A_sealed_secret_moved_to_another_message_type_or_field_is_refused()
    {
        var secrets = Secrets();
        var sealedEvent = secrets.Seal(Confirmed());

        // Another registration's confirmation (same type and field, another event).
        Assert.Throws<LinkSecretRefusedException>(() => secrets.Open(secrets.Seal(Confirmed()) with { ManageToken = sealedEvent.ManageToken }));
        // Another type with a field of the same name, keeping the event id.
        var offer = new PlaceOffered(Guid.CreateVersion7(), Guid.CreateVersion7(), "Safer Streets", "Dee", "dee@example.org", Guid.CreateVersion7(),
            "Workshop", DateTimeOffset.UtcNow, sealedEvent.ManageToken)
        { EventId = sealedEvent.EventId };
        Assert.Throws<LinkSecretRefusedException>(() => secrets.Open(offer));

        // Another field of the same message: the volunteer link's ciphertext given as the check-in link.
        var volunteers = Secrets("volunteers-1");
        var due = volunteers.Seal(new CheckInDue(Guid.CreateVersion7(), Guid.CreateVersion7(), "Org", "Role", "Val", "val@example.org", "check-in-secret",
            DateTimeOffset.UtcNow, "volunteer-secret", DateTimeOffset.UtcNow));
        Assert.Equal("check-in-secret", volunteers.Open(due).CheckInToken);
        Assert.Equal("volunteer-secret", volunteers.Open(due).VolunteerToken);
        Assert.Throws<LinkSecretRefusedException>(() => volunteers.Open(due with { CheckInToken = due.VolunteerToken! }));
    }

    [Fact]
    public void Only_a_key_of_the_service_that_owns_the_event_seals_or_opens_it()
    {
        // Volunteers' key cannot seal an Events event...
        Assert.Throws<InvalidOperationException>(() => Secrets("volunteers-1").Seal(Confirmed()));
        // ...nor open one that names it, even though the key is held.
        var plain = Confirmed();
        var forged = LinkSecretFormat.Seal("manage-secret-abc", "volunteers-1", Convert.FromBase64String(VolunteersKey), typeof(RegistrationConfirmed), plain.EventId, nameof(plain.ManageToken));
        Assert.Throws<LinkSecretRefusedException>(() => Secrets().Open(plain with { ManageToken = forged }));
        // A key Notifications does not hold.
        var sealedEvent = Secrets().Seal(plain);
        Assert.Throws<LinkSecretRefusedException>(() => Secrets(null, ("volunteers-1", VolunteersKey)).Open(sealedEvent));
        Assert.Throws<LinkSecretRefusedException>(() => Secrets(null, ("events-1", NewKey())).Open(sealedEvent));
    }

    [Fact]
    public void Keys_rotate_what_the_old_key_sealed_still_opens_while_both_are_held()
    {
        var newKey = NewKey();
        var old = Secrets("events-1", ("events-1", EventsKey)).Seal(Confirmed());
        var rotated = Secrets("events-2", ("events-1", EventsKey), ("events-2", newKey));
        var fresh = rotated.Seal(Confirmed());

        Assert.StartsWith("ls1.events-2.", fresh.ManageToken);
        Assert.Equal("manage-secret-abc", rotated.Open(old).ManageToken);
        Assert.Equal("manage-secret-abc", rotated.Open(fresh).ManageToken);
        Assert.Throws<LinkSecretRefusedException>(() => Secrets(null, ("events-2", newKey)).Open(old));
    }

    [Fact]
    public void An_absent_optional_secret_stays_absent()
    {
        var offer = new PlaceOffered(Guid.CreateVersion7(), Guid.CreateVersion7(), "Safer Streets", "Dee", "dee@example.org", Guid.CreateVersion7(), "Workshop", DateTimeOffset.UtcNow);
        Assert.Null(Secrets().Open(Secrets().Seal(offer)).ManageToken);
    }

    [Theory]
    [InlineData("Events-1", "k", null)]
    [InlineData("events", "k", null)]
    [InlineData("events-1", "short", null)]
    [InlineData("events-1", "k", "events-2")]
    public void Keys_and_their_ids_are_checked_at_start(string id, string key, string? sealWith)
    {
        var options = new LinkSecretOptions { Keys = { [id] = key == "k" ? EventsKey : Convert.ToBase64String(new byte[16]) }, SealWith = sealWith };
        Assert.True(new LinkSecretOptionsValidator().Validate(null, options).Failed);
        Assert.True(new LinkSecretOptionsValidator().Validate(null, new LinkSecretOptions { Keys = { ["events-1"] = EventsKey }, SealWith = "events-1" }).Succeeded);
    }

    [Fact]
    public void A_service_that_publishes_link_secrets_cannot_start_without_its_own_key()
    {
        var events = new LinkSecretSealingRequired(BrokerAddress.Parse("amqp://events:pw@127.0.0.1:5672"));
        Assert.Contains("RegistrationConfirmed", events.Validate(null, new LinkSecretOptions()).FailureMessage);
        Assert.True(events.Validate(null, new LinkSecretOptions { Keys = { ["volunteers-1"] = VolunteersKey }, SealWith = "volunteers-1" }).Failed);
        Assert.True(events.Validate(null, new LinkSecretOptions { Keys = { ["events-1"] = EventsKey }, SealWith = "events-1" }).Succeeded);
        // Notifications publishes none: it needs no key to seal with.
        Assert.True(new LinkSecretSealingRequired(BrokerAddress.Parse("amqp://notifications:pw@127.0.0.1:5672")).Validate(null, new LinkSecretOptions()).Succeeded);
    }

    [Fact]
    public async Task An_unsent_outbox_row_holds_only_the_sealed_secret()
    {
        await using var database = new TestDatabase();
        await using var services = database.BuildServices(settings: new()
        {
            ["Messaging:LinkSecrets:Keys:events-1"] = EventsKey,
            ["Messaging:LinkSecrets:SealWith"] = "events-1",
        }, backgroundRelay: false);
        var plain = Confirmed();
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>().Add(plain);
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var row = await database.QueryAsync(services, db => db.Set<OutboxMessage>().SingleAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain("manage-secret-abc", row.Body);
        var stored = (RegistrationConfirmed)System.Text.Json.JsonSerializer.Deserialize(row.Body, typeof(RegistrationConfirmed), OutboxMessageTypes.JsonOptions)!;
        Assert.Equal("manage-secret-abc", Secrets(sealWith: null).Open(stored).ManageToken);
    }
}
