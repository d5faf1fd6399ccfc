using Platform.ServiceDefaults.Problems;
using FieldText = Platform.ServiceDefaults.Text.Text;

namespace Platform.ServiceDefaults.Tests.Text;

/// <summary>The field checks every service's requests share (they were four copies until they moved here).</summary>
public sealed class FieldTextTests
{
    [Theory]
    [InlineData("ann@example.org")]
    [InlineData("  ann.smith@example.org  ")]
    public void A_bare_address_with_a_dotted_domain_is_an_email(string address)
    {
        var errors = new ValidationErrors();
        FieldText.Email(errors, "email", address);
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("Ann <ann@example.org>")]
    [InlineData("ann@localhost")]
    [InlineData("ann")]
    [InlineData("ann@example.org, bob@example.org")]
    public void Display_names_dotless_hosts_and_lists_are_not_an_email(string address)
    {
        var errors = new ValidationErrors();
        FieldText.Email(errors, "email", address);
        Assert.Equal(["'email' is not a valid email address."], Messages(errors, "email"));
    }

    [Fact]
    public void A_required_email_must_be_given_and_an_optional_one_may_be_left_out()
    {
        var required = new ValidationErrors();
        FieldText.Email(required, "email", "  ");
        Assert.Equal(["'email' is required."], Messages(required, "email"));

        var optional = new ValidationErrors();
        FieldText.Email(optional, "contactEmail", null, required: false);
        Assert.False(optional.Any);
    }

    [Fact]
    public void An_email_longer_than_smtp_carries_is_refused()
    {
        var errors = new ValidationErrors();
        FieldText.Email(errors, "email", new string('a', 250) + "@x.org");
        Assert.Contains("'email' must be at most 254 characters.", Messages(errors, "email"));
    }

    [Fact]
    public void Length_is_measured_after_trimming()
    {
        var errors = new ValidationErrors();
        FieldText.Required(errors, "name", "  " + new string('n', 10) + "  ", maxLength: 10);
        Assert.False(errors.Any);
        FieldText.Optional(errors, "role", new string('r', 11), maxLength: 10);
        Assert.Equal(["'role' must be at most 10 characters."], Messages(errors, "role"));
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("   ", 0)]
    [InlineData("one  two\nthree\tfour", 4)]
    public void Words_are_runs_of_non_space(string? text, int words) => Assert.Equal(words, FieldText.WordCount(text));

    private static string[] Messages(ValidationErrors errors, string field) =>
        errors.ToProblem().ProblemDetails.Errors.TryGetValue(field, out var messages) ? messages : [];
}
