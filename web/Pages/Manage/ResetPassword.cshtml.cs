using Platform.Web.Api;
using Platform.Web.Manage;

namespace Platform.Web.Pages.Manage;

/// <summary>Where a password-reset email leads: a new password, after which every other session of the account ends.</summary>
[OpenToAnyone]
public sealed class ResetPasswordModel(PlatformApi api) : ChoosePasswordPage(api)
{
    protected override string Path => "gateway/accounts/password/reset/complete";

    protected override object Body(string token, string password) => new { resetToken = token, password };
}
