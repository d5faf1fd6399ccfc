using Platform.Contracts.Awards;
using Platform.Contracts.Events;
using Platform.Contracts.Notifications;

namespace Platform.Messaging.Tests;

/// <summary>An event is acted on only if the broker vouches that the service owning its type published it.</summary>
public sealed class PublisherCheckTests
{
    [Theory]
    [InlineData(typeof(WinnersAnnounced), "awards")]
    [InlineData(typeof(RegistrationConfirmed), "events")]
    [InlineData(typeof(SubscriptionRequested), "notifications")]
    [InlineData(typeof(WidgetCreated), "messaging")]
    [InlineData(typeof(string), null)]
    public void A_types_owner_is_the_service_its_namespace_names(Type type, string? owner) =>
        Assert.Equal(owner, PublisherCheck.OwnerOf(type));

    [Fact]
    public void WinnersAnnounced_is_accepted_from_Awards_only()
    {
        Assert.Null(PublisherCheck.Refusal(typeof(WinnersAnnounced), "awards"));
        Assert.Contains("'events'", PublisherCheck.Refusal(typeof(WinnersAnnounced), "events"));
        Assert.Contains("'platform'", PublisherCheck.Refusal(typeof(WinnersAnnounced), "platform"));
        Assert.Contains("did not say", PublisherCheck.Refusal(typeof(WinnersAnnounced), null));
        Assert.NotNull(PublisherCheck.Refusal(typeof(WinnersAnnounced), "Awards"));
    }
}
