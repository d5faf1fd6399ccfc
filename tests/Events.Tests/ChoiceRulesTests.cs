using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;
using Platform.Events.Waitlists;

namespace Platform.Events.Tests;

public sealed class ChoiceRulesTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static PartnershipEvent TwoOfFour()
    {
        var e = new PartnershipEvent { Title = "Conference", Venue = new Venue { Name = "Hall" }, MinWorkshops = 2, MaxWorkshops = 2 };
        // Two slots, two workshops in each, plus a keynote nobody chooses.
        for (var i = 0; i < 4; i++)
            e.Sessions.Add(new Session { Title = $"W{i}", Kind = SessionKind.Workshop, StartsAt = Start.AddHours(1 + i / 2), EndsAt = Start.AddHours(2 + i / 2), Capacity = 10 });
        e.Sessions.Add(new Session { Title = "Keynote", Kind = SessionKind.Keynote, StartsAt = Start, EndsAt = Start.AddHours(1) });
        return e;
    }

    [Fact]
    public void One_workshop_from_each_slot_passes()
    {
        var e = TwoOfFour();
        Assert.Null(ChoiceRules.Check(e, [e.Sessions[0].Id, e.Sessions[2].Id]));
    }

    [Fact]
    public void Each_broken_rule_is_named()
    {
        var e = TwoOfFour();
        Assert.Equal("choices-too-few", ChoiceRules.Check(e, [e.Sessions[0].Id])?.Rule);
        Assert.Equal("choices-too-many", ChoiceRules.Check(e, [e.Sessions[0].Id, e.Sessions[2].Id, e.Sessions[3].Id])?.Rule);
        Assert.Equal("choices-same-time-slot", ChoiceRules.Check(e, [e.Sessions[0].Id, e.Sessions[1].Id])?.Rule);
        Assert.Equal("choices-duplicate", ChoiceRules.Check(e, [e.Sessions[0].Id, e.Sessions[0].Id])?.Rule);
        Assert.Equal("choices-unknown-workshop", ChoiceRules.Check(e, [e.Sessions[0].Id, Guid.NewGuid()])?.Rule);
        Assert.Equal("choices-unknown-workshop", ChoiceRules.Check(e, [e.Sessions[0].Id, e.Sessions[4].Id])?.Rule);
    }

    [Fact]
    public void Offers_hold_48_hours_but_less_near_the_event_and_never_past_its_start()
    {
        var options = new EventsOptions();
        var starts = Start.AddDays(30);
        Assert.Equal(Start.AddHours(48), OfferHold.ExpiresAt(Start, starts, options));
        Assert.Equal(starts.AddDays(-2).AddHours(4), OfferHold.ExpiresAt(starts.AddDays(-2), starts, options));
        Assert.Equal(starts, OfferHold.ExpiresAt(starts.AddHours(-1), starts, options));
    }
}
