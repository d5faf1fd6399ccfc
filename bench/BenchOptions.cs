namespace Platform.Bench;

/// <summary>Where the platform is and how hard to push; every loop is bounded by <see cref="Duration"/>.</summary>
public sealed record BenchOptions(
    IReadOnlyList<string> Scenarios,
    Uri Gateway,
    Uri Dashboard,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Concurrency,
    int Delegates,
    int? InFlight,
    int Visitors = 50)
{
    /// <summary>The platform's data folder (its secrets.json); by default .platform/ above the current folder.</summary>
    public string? DataFolder { get; init; }

    /// <summary>news-fanout: how many confirmed subscribers the post goes to.</summary>
    public int Subscribers { get; init; } = 20_000;

    /// <summary>news-fanout on its own: the port the platform's ConnectionStrings:mail names, where the bench starts smtp-sink.</summary>
    public int? SmtpSinkPort { get; init; }

    /// <summary>fanout-kill: how many times Notifications is killed during the fan-out (the AppHost restarts it at most five times in ten minutes).</summary>
    public int Kills { get; init; } = 4;

    /// <summary>fanout-kill: a folder where the sink writes each message it takes, to name the emails lost and when they were handed over.</summary>
    public string? SinkDump { get; init; }

    /// <summary>bench all: the sink it started before the platform, shared by every scenario.</summary>
    public Scenarios.PostfixSmtpSink? Sink { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var scenarios = new List<string>();
        var gateway = new Uri("http://127.0.0.1:8080");
        var dashboard = new Uri("http://127.0.0.1:18888");
        var duration = TimeSpan.FromSeconds(10);
        var warmup = TimeSpan.FromSeconds(2);
        var concurrency = 16;
        var delegates = 300;
        int? inFlight = null;
        var visitors = 50;
        string? data = null;
        var subscribers = 20_000;
        int? smtpSinkPort = null;
        var kills = 4;
        string? sinkDump = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--gateway": gateway = new Uri(Next()); break;
                case "--dashboard": dashboard = new Uri(Next()); break;
                case "--seconds": duration = TimeSpan.FromSeconds(double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture)); break;
                case "--warmup": warmup = TimeSpan.FromSeconds(double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture)); break;
                case "--concurrency": concurrency = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--delegates": delegates = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                // registration-rush: how many delegates' requests may be open at once (default: all of them).
                case "--in-flight": inFlight = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                // site: how many visitors browse and register at once.
                case "--visitors": visitors = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--data": data = Path.GetFullPath(Next()); break;
                case "--subscribers": subscribers = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--smtp-sink-port": smtpSinkPort = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--kills": kills = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--sink-dump": sinkDump = Path.GetFullPath(Next()); break;
                default: scenarios.Add(args[i]); break;
            }
        }
        if (!gateway.IsLoopback || !dashboard.IsLoopback)
            throw new ArgumentException("Benchmarks only target the platform on this machine (loopback addresses).");
        if (delegates is < 1 or > 100_000)
            throw new ArgumentException("--delegates must be between 1 and 100000.");
        if (inFlight is < 1)
            throw new ArgumentException("--in-flight must be at least 1.");
        if (visitors is < 1 or > 1_000)
            throw new ArgumentException("--visitors must be between 1 and 1000.");
        if (subscribers is < 1 or > 1_000_000)
            throw new ArgumentException("--subscribers must be between 1 and 1000000.");
        if (kills is < 1 or > 5)
            throw new ArgumentException("--kills must be between 1 and 5 (the AppHost restarts a service at most five times in ten minutes).");
        return new BenchOptions(scenarios, gateway, dashboard, duration, warmup, concurrency, delegates, inFlight, visitors)
        {
            DataFolder = data,
            Subscribers = subscribers,
            SmtpSinkPort = smtpSinkPort,
            Kills = kills,
            SinkDump = sinkDump,
        };
    }
}
