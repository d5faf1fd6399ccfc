using Platform.EndToEnd.Tests.Awards;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Site.Awards;

internal static class AwardsSiteProgrammes
{
    /// <summary>A programme open for nominations by the Awards service's clock, with two categories of 30 words.</summary>
    public static async Task<(string Staff, Guid ProgrammeId, Guid CategoryId)> OpenProgrammeForNominationsAsync(this PlatformFixture platform)
    {
        var staff = await platform.LoginAsStaffAsync();
        var now = await platform.AwardsNowAsync();
        var eventId = await platform.PublishCeremonyEventAsync(staff, now.AddDays(60));
        var (programmeId, categoryId) = await platform.CreateProgrammeAsync(staff, eventId, now);
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/awards/programmes/{programmeId}/categories", staff, new
        {
            name = "Volunteer of the Year",
            eligibility = "A volunteer with any partner whose time kept people safer this year.",
            citationWordLimit = 30,
            rubric = new[] { new { key = "impact", name = "Impact", weight = 1 } },
        });
        return (staff, programmeId, categoryId);
    }
}
