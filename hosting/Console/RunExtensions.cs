using Aspire.Hosting;

namespace Platform.AppHost.Hosting;

public static class RunExtensions
{
    /// <summary>Runs the app; a problem a person must fix ends the run with its one sentence, not a stack trace.</summary>
    public static int RunOrExplain(this DistributedApplication app)
    {
        try
        {
            app.Run();
            return 0;
        }
        catch (Exception e) when (SetupProblem(e) is { } problem)
        {
            Console.Error.WriteLine(problem.Message);
            return 1;
        }
    }

    internal static PlatformSetupException? SetupProblem(Exception? e) => e switch
    {
        null => null,
        PlatformSetupException problem => problem,
        AggregateException aggregate => aggregate.InnerExceptions.Select(SetupProblem).FirstOrDefault(p => p is not null),
        _ => SetupProblem(e.InnerException),
    };
}
