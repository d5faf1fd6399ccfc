namespace Platform.Web.Manage;

internal static class ManageSignIn
{
    /// <summary>
    /// A page whose session the gateway no longer knows (<see cref="SignInRequiredException"/>) sends the user to sign in,
    /// forgetting the dead cookie and coming back afterwards: to the same address after a GET, to the page (not the form
    /// post, which cannot be repeated by a redirect) after a POST.
    /// </summary>
    public static WebApplication UseManageSignIn(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (SignInRequiredException) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                ManageSession.Forget(context);
                var back = HttpMethods.IsGet(context.Request.Method)
                    ? context.Request.Path + context.Request.QueryString
                    : context.Request.Path.ToString();
                context.Response.Redirect(ManageArea.SignInUrl(back));
            }
        });
        return app;
    }
}
