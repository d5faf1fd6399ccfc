using Platform.Events.Audiences;
using Platform.Events.Catalogue;

namespace Platform.Events.Tests;

/// <summary>The audience rule on its own: which addresses and codes an event takes.</summary>
public sealed class AudienceRuleTests
{
    private static PartnershipEvent Event(Audience audience, string[] domains, string? code = null) => new()
    {
        Title = "Training day", Venue = new Venue { Name = "Town Hall" }, Audience = audience, AllowedDomains = [.. domains], InvitationCode = code,
    };

    [Theory]
    [InlineData("officer@northshire.gov.uk", true)]
    [InlineData("Officer@NORTHSHIRE.GOV.UK ", true)]
    [InlineData("pc.smith@northshire.police.uk", true)]
    [InlineData("someone@gmail.com", false)]
    [InlineData("someone@notpolice.uk", false)]
    [InlineData("someone@northshire.gov.uk.evil.com", false)]
    [InlineData("no-at-sign", false)]
    public void A_restricted_event_takes_its_domains_and_their_subdomains_only(string email, bool taken)
    {
        var e = Event(Audience.Restricted, ["northshire.gov.uk", "police.uk"]);
        Assert.Equal(taken, AudienceRule.Check(e, email, null, null) is null);
    }

    [Fact]
    public void The_refusal_names_the_allowed_domains_and_the_address_domain()
    {
        var refusal = AudienceRule.Check(Event(Audience.Restricted, ["northshire.gov.uk"], "TRAIN-2027"), "someone@gmail.com", null, null);
        Assert.NotNull(refusal);
        Assert.Equal(AudienceRule.Restricted, refusal.Rule);
        Assert.Contains("northshire.gov.uk", refusal.Detail);
        Assert.Contains("gmail.com", refusal.Detail);
        Assert.Contains("invitation code", refusal.Detail);
    }

    [Theory]
    [InlineData("TRAIN-2027", true)]
    [InlineData(" train-2027 ", true)]
    [InlineData("TRAIN-2028", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_holder_of_the_code_is_taken_from_any_domain(string? code, bool taken)
    {
        var e = Event(Audience.Restricted, ["northshire.gov.uk"], "TRAIN-2027");
        Assert.Equal(taken, AudienceRule.Check(e, "volunteer@gmail.com", code, null) is null);
    }

    [Fact]
    public void An_invitation_registers_only_its_own_address()
    {
        var e = Event(Audience.InvitationOnly, []);
        var invitation = new Invitation { Name = "Pat", Email = "pat@example.org", CodeHash = [1] };

        Assert.Equal(AudienceRule.InvitationRequired, AudienceRule.Check(e, "pat@example.org", null, null)?.Rule);
        Assert.Equal(AudienceRule.InvitationNotYours, AudienceRule.Check(e, "friend@example.org", "code", invitation)?.Rule);
        Assert.Null(AudienceRule.Check(e, "PAT@example.org", "code", invitation));
    }

    [Fact]
    public void A_public_event_takes_anyone()
    {
        Assert.Null(AudienceRule.Check(Event(Audience.Public, []), "anyone@gmail.com", null, null));
    }
}
