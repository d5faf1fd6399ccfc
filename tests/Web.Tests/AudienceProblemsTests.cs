using Microsoft.AspNetCore.Mvc.ModelBinding;
using Platform.Web.Api;
using Platform.Web.Events;
using Platform.Web.Site;

namespace Platform.Web.Tests;

/// <summary>Events' refusals of who may come, put next to the field that decides them.</summary>
public sealed class AudienceProblemsTests
{
    private static ApiProblem Problem(string code, string detail = "Events' own sentence.") =>
        new(422, "Unprocessable", detail, new Dictionary<string, string[]>(), code);

    private static ModelStateDictionary Refuse(string code, RegistrationForm form, string detail = "Events' own sentence.")
    {
        var state = new ModelStateDictionary();
        Assert.True(AudienceProblems.TryAdd(state, Problem(code, detail), form));
        return state;
    }

    [Fact]
    public void A_domain_the_event_does_not_take_shows_Events_sentence_at_the_email_address()
    {
        const string detail = "This event is open only to addresses at northshire.gov.uk; gmail.com is not one of them.";
        var state = Refuse("audience-restricted", new RegistrationForm { Email = "me@gmail.com" }, detail);

        Assert.Equal(detail, FormErrors.Of(state, "Form.Email"));
        Assert.Null(FormErrors.Of(state, "Form.InvitationCode"));
    }

    [Fact]
    public void A_wrong_code_at_a_restricted_event_is_also_marked_at_the_code()
    {
        var state = Refuse("audience-restricted", new RegistrationForm { Email = "me@gmail.com", InvitationCode = "GUESS" });

        Assert.NotNull(FormErrors.Of(state, "Form.Email"));
        Assert.StartsWith("This is not the event's invitation code", FormErrors.Of(state, "Form.InvitationCode"));
    }

    [Theory]
    [InlineData(null, "This event is by invitation only")]
    [InlineData("made-up", "This invitation code is not recognised")]
    public void An_invitation_only_event_asks_for_the_code_or_says_it_is_not_recognised(string? code, string expected)
    {
        var state = Refuse("invitation-required", new RegistrationForm { InvitationCode = code });

        Assert.StartsWith(expected, FormErrors.Of(state, "Form.InvitationCode"));
    }

    [Fact]
    public void A_forwarded_invitation_is_refused_at_the_email_address()
    {
        var state = Refuse("invitation-not-yours", new RegistrationForm { Email = "friend@example.org", InvitationCode = "personal" });

        Assert.StartsWith("This invitation is personal", FormErrors.Of(state, "Form.Email"));
    }

    [Fact]
    public void Other_refusals_are_left_to_the_choices_and_the_summary()
    {
        var state = new ModelStateDictionary();

        Assert.False(AudienceProblems.TryAdd(state, Problem("event-full"), new RegistrationForm()));
        Assert.Equal(0, state.ErrorCount);
    }
}
