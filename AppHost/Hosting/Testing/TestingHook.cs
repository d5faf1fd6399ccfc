namespace Platform.AppHost.Hosting.Testing;

/// <summary>
/// Lets a test run the AppHost's own Program.cs: while a hook is set, CreateBuilder takes the test's options and
/// Build() hands the app to the test instead of running it (the way Aspire.Hosting.Testing captures the model).
/// </summary>
internal sealed class TestingHook(HostingOptions options)
{
    private static readonly AsyncLocal<TestingHook?> Active = new();
    private readonly TaskCompletionSource<DistributedApplication> _built = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TestingHook? Current => Active.Value;
    public HostingOptions Options { get; } = options;
    public Task<DistributedApplication> Built => _built.Task;

    public static void Set(TestingHook? hook) => Active.Value = hook;
    public void OnBuilt(DistributedApplication app) => _built.TrySetResult(app);
    public void OnFailed(Exception e) => _built.TrySetException(e);

    /// <summary>Thrown from Run() to unwind the entry point once the app has been handed over.</summary>
    public sealed class EntryPointCompleted() : Exception("The app model was handed to the testing builder.");
}
