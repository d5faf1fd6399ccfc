using Platform.Awards.Nominating;

namespace Platform.Awards.Tests;

public sealed class NomineeKeyTests
{
    [Theory]
    [InlineData("Jo O'Neill", "Northside Youth Club", "  jo   oneill ", "NORTHSIDE YOUTH CLUB.")]
    [InlineData("Zoë Brontë", null, "Zoe Bronte", "")]
    [InlineData("Ann-Marie Lee", "St. Mark's", "annmarie lee", "st marks")]
    public void Spelling_case_accents_and_punctuation_do_not_make_a_different_nominee(string name, string? organisation, string otherName, string? otherOrganisation) =>
        Assert.Equal(NomineeKey.Of(name, organisation), NomineeKey.Of(otherName, otherOrganisation));

    [Theory]
    [InlineData("Jo Smith", "Northside Youth Club", "Jo Smith", "Southside Scouts")]
    [InlineData("Jo Smith", null, "Joanne Smith", null)]
    [InlineData("Jo Smith", "", "Jos Mith", "")]
    public void A_different_name_or_organisation_is_a_different_nominee(string name, string? organisation, string otherName, string? otherOrganisation) =>
        Assert.NotEqual(NomineeKey.Of(name, organisation), NomineeKey.Of(otherName, otherOrganisation));
}
