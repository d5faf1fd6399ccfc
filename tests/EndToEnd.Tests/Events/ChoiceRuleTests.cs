using System.Net;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Events;

/// <summary>
/// Each workshop-choice rule, broken through the gateway by a member of the public: 422 ProblemDetails naming the
/// rule, and nothing stored.
/// </summary>
public sealed class ChoiceRuleTests(PlatformFixture platform)
{
    public static TheoryData<string> Rules => ["choices-too-few", "choices-too-many", "choices-same-time-slot", "choices-duplicate", "choices-unknown-workshop"];

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task A_registration_breaking_a_choice_rule_is_refused_naming_the_rule_and_stores_nothing(string rule)
    {
        // Six workshops in three time slots (1+2, 3+4, 5+6); delegates pick one or two.
        var e = await platform.PublishEventAsync(capacity: 50, workshopCapacities: [10, 10, 10, 10, 10, 10], minWorkshops: 1, maxWorkshops: 2);
        var w = e.Workshops;
        Guid[] choices = rule switch
        {
            "choices-too-few" => [],
            "choices-too-many" => [w[0], w[2], w[4]],
            "choices-same-time-slot" => [w[0], w[1]],
            "choices-duplicate" => [w[0], w[0]],
            "choices-unknown-workshop" => [w[0], Guid.CreateVersion7()],
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
        var email = Addresses.Unique("rule-breaker");
        using var client = platform.CreatePublicClient();

        using var response = await client.RegisterAsync(e, EventsActors.Delegate(email, choices));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(0, await platform.App.CountAsync("eventsdb", "SELECT count(*) FROM registration WHERE email = @email", ("email", email)));
        Assert.Equal(0, await platform.App.CountAsync("eventsdb",
            "SELECT coalesce(sum(places_taken), 0) FROM session WHERE event_id = @id", ("id", e.Id)));

        // The same delegate with valid choices gets in: the refusal was the rule, not the request.
        var registration = await client.RegisterOkAsync(e, EventsActors.Delegate(email, w[0], w[2]));
        Assert.Equal("confirmed", registration.ChoiceStatus(w[0]));
    }
}
