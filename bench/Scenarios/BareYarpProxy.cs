using System.Diagnostics;

namespace Platform.Bench.Scenarios;

/// <summary>
/// bench/BareProxy (YARP with nothing else) as a private process on a free loopback port, in front of one service:
/// the second yardstick for the gateway, beside nginx. Stopped on dispose.
/// </summary>
public sealed class BareYarpProxy : IAsyncDisposable
{
    private readonly Process _process;

    private BareYarpProxy(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BareYarpProxy> StartAsync(Uri upstream)
    {
        // Built beside the bench (a project reference), in the same configuration.
        var program = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "BareProxy", "bin",
            new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "BareProxy.dll");
        if (!File.Exists(program))
            throw new InvalidOperationException($"{Path.GetFullPath(program)} is missing: build bench/BareProxy (dotnet build bench -c Release).");

        var port = LocalServer.FreePort();
        var process = LocalServer.Start("dotnet", program, upstream.ToString(), port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await LocalServer.WaitUntilListeningAsync(port, process, "BareProxy");
        return new BareYarpProxy(process, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
