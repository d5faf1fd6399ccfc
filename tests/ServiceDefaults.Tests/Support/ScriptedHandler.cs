namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>The "network": answers each attempt from a script and records what it was sent.</summary>
public sealed class ScriptedHandler(Func<int, HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> script) : HttpMessageHandler
{
    private int _calls;

    public ScriptedHandler(Func<int, HttpResponseMessage> script)
        : this((call, _, _) => Task.FromResult(script(call)))
    {
    }

    public int Calls => Volatile.Read(ref _calls);

    public List<Uri?> RequestUris { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        lock (RequestUris)
        {
            RequestUris.Add(request.RequestUri);
        }

        return script(call, request, cancellationToken);
    }
}
