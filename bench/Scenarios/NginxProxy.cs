using System.Diagnostics;

namespace Platform.Bench.Scenarios;

/// <summary>
/// Debian's nginx as a plain reverse proxy to one service, the yardstick for the gateway: a private process on a free
/// loopback port with its configuration in a temporary folder, stopped (and the folder removed) on dispose.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/nginx";
    private readonly string _folder;
    private readonly Process _process;

    private NginxProxy(string folder, Process process, Uri address)
    {
        _folder = folder;
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<NginxProxy> StartAsync(Uri upstream)
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} is missing: apt-get install -y nginx");

        var folder = Directory.CreateTempSubdirectory("bench-nginx-").FullName;
        var port = LocalServer.FreePort();
        // Keep-alive to the upstream (as YARP does), no access log (the gateway writes none either), one worker per core.
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes auto;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                upstream service { server {{upstream.Host}}:{{upstream.Port}}; keepalive 64; }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://service;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                    }
                }
            }
            """);

        var process = LocalServer.Start(Binary, "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;");

        var address = new Uri($"http://127.0.0.1:{port}");
        await LocalServer.WaitUntilListeningAsync(port, process, "nginx");
        return new NginxProxy(folder, process, address);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // "-s quit" signals the master through its pid file; the master then stops its workers.
            using var stop = Process.Start(Binary, ["-p", _folder, "-c", Path.Combine(_folder, "nginx.conf"), "-s", "quit"]);
            await stop.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
