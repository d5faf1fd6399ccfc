using System.Text.Json;
using Platform.Web.Api;
using Platform.Web.Events;

namespace Platform.Web.Tests;

/// <summary>What the registration form sends Events, and how the site reads Events' two kinds of success.</summary>
public sealed class RegistrationFormTests
{
    [Fact]
    public void The_form_sends_the_kinds_once_each_the_photography_answer_and_the_code_trimmed()
    {
        var form = new RegistrationForm
        {
            Name = " Alex Officer ", Email = " alex@northshire.gov.uk ", Sector = Sector.Council,
            AccessNeedKinds = [AccessNeed.HearingLoop, AccessNeed.StepFreeAccess, AccessNeed.HearingLoop],
            DietaryRequirementKinds = [DietaryRequirement.Halal],
            AccessNeeds = " Seat near the front ", Photography = true, InvitationCode = "  TRAIN-2026 ",
        };

        var request = form.ToRequest();

        Assert.Equal([AccessNeed.HearingLoop, AccessNeed.StepFreeAccess], request.AccessNeedKinds);
        Assert.Equal([DietaryRequirement.Halal], request.DietaryRequirementKinds);
        Assert.True(request.ConsentToPhotography);
        Assert.Equal("TRAIN-2026", request.InvitationCode);
        Assert.Equal(("Alex Officer", "alex@northshire.gov.uk", "Seat near the front"), (request.Name, request.Email, request.AccessibilityNeeds));
    }

    [Fact]
    public void An_empty_code_is_not_sent_and_photography_is_no_unless_the_visitor_says_yes()
    {
        var request = new RegistrationForm { InvitationCode = "   " }.ToRequest();

        Assert.Null(request.InvitationCode);
        Assert.False(request.ConsentToPhotography);
        Assert.Empty(request.AccessNeedKinds);
    }

    [Fact]
    public void The_request_names_the_kinds_as_Events_spells_them()
    {
        var json = JsonSerializer.Serialize(new RegistrationForm
        {
            AccessNeedKinds = [AccessNeed.SignLanguageInterpreter], DietaryRequirementKinds = [DietaryRequirement.GlutenFree],
        }.ToRequest(), ApiJson.Options);

        using var sent = JsonDocument.Parse(json);
        Assert.Equal("signLanguageInterpreter", sent.RootElement.GetProperty("accessNeedKinds")[0].GetString());
        Assert.Equal("glutenFree", sent.RootElement.GetProperty("dietaryRequirementKinds")[0].GetString());
        Assert.True(sent.RootElement.TryGetProperty("consentToPhotography", out _));
        Assert.True(sent.RootElement.TryGetProperty("invitationCode", out _));
    }

    [Fact]
    public void A_202_from_a_full_event_reads_as_a_place_in_the_queue()
    {
        const string accepted = """{"eventId":"0193a3c0-0000-7000-8000-000000000001","email":"wait@example.org","position":3,"queuedAt":"2026-12-01T09:00:00+00:00"}""";

        var answer = JsonSerializer.Deserialize<RegistrationAnswer>(accepted, ApiJson.Options)!;

        Assert.True(answer.Waitlisted);
        Assert.Equal((3, "wait@example.org"), (answer.Position, answer.Email));
    }

    [Fact]
    public void A_201_reads_as_the_registration_and_not_as_a_queue()
    {
        const string created = """
            {"registration":{"id":"0193a3c0-0000-7000-8000-000000000002","eventId":"0193a3c0-0000-7000-8000-000000000001",
             "eventTitle":"Training day","name":"Alex","email":"alex@northshire.gov.uk","organisation":"","sector":"council","role":"",
             "accessibilityNeeds":"","dietaryNeeds":"","consentToDelegateList":false,"status":"confirmed","checkInCode":"ABCD1234",
             "manageTokenExpiresAt":"2026-12-31T00:00:00+00:00","choices":[],"emailConfirmed":false,"confirmByAt":null,
             "consentToPhotography":true,"accessNeedKinds":["hearingLoop"],"dietaryRequirementKinds":[],"checkedInAt":null},
             "replayed":false}
            """;

        var answer = JsonSerializer.Deserialize<RegistrationAnswer>(created, ApiJson.Options)!;

        Assert.False(answer.Waitlisted);
        Assert.Equal("alex@northshire.gov.uk", answer.Registration!.Email);
        Assert.Equal([AccessNeed.HearingLoop], answer.Registration.AccessNeedKinds);
    }
}
