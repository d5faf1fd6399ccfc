using Platform.Web.Api;
using Platform.Web.Manage;

namespace Platform.Web.Pages.Manage;

/// <summary>Where an invitation email leads: the invitee chooses a password, and their account exists from then on.</summary>
[OpenToAnyone]
public sealed class InvitationModel(PlatformApi api) : ChoosePasswordPage(api)
{
    protected override string Path => "gateway/accounts/invitations/accept";

    protected override object Body(string token, string password) => new { invitationToken = token, password };
}
