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
            // Only a back-office page goes to sign in. A public page can meet the exception only by awaiting a shared read
            // (SharedReads) that a back-office page started with its dead session: it fails like any failed read.
            catch (SignInRequiredException) when (!context.Response.HasStarted && ManageArea.Contains(context.Request.Path))
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
