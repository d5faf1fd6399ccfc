using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Platform.AppHost.Hosting;

namespace Platform.AppHost.Tests;

/// <summary>Each problem a person must fix before the platform can start ends with one sentence saying what to do.</summary>
public sealed class SetupProblemTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("setup-").FullName;

    [Fact]
    public void A_second_AppHost_on_the_same_data_folder_is_told_to_stop_the_first_or_choose_another_folder()
    {
        using var first = new DataFolderLock(_folder);
        first.Take();
        using var second = new DataFolderLock(_folder);

        Assert.False(second.TryTake());
        var refusal = Assert.Throws<PlatformSetupException>(second.Take);
        Assert.Contains("Another AppHost is already running", refusal.Message);
        Assert.Contains("--data DIR", refusal.Message);
        DataVersionTests.AssertOneSentence(refusal.Message);

        first.Dispose();
        Assert.True(second.TryTake());
    }

    [Fact]
    public void A_missing_server_binary_names_the_package_step()
    {
        var model = new DistributedApplicationModel([new ExecutableResource("search", "/usr/lib/nowhere/bin/search-server", _folder)]);

        var problem = Assert.Single(SetupChecks.MissingPackages(model));

        Assert.Contains("/usr/lib/nowhere/bin/search-server is missing (needed by search)", problem);
        DataVersionTests.AssertOneSentence(problem);
    }

    [Fact]
    public void A_chosen_port_already_in_use_names_the_port_its_owner_and_the_option_to_change_it()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var gateway = new ProjectResource("gateway");
        gateway.Annotations.Add(new EndpointAnnotation(ProtocolType.Tcp, uriScheme: "http", name: "http", port: port, targetPort: port, isProxied: false));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:1" }).Build();

        var problem = Assert.Single(SetupChecks.Problems(new DistributedApplicationModel([gateway]), configuration), p => p.Contains($"Port {port}"));

        Assert.Contains("(gateway) is already in use", problem);
        Assert.Contains("--gateway-port N", problem);
        DataVersionTests.AssertOneSentence(problem);
    }

    [Fact]
    public void The_sentence_is_found_however_deep_Aspire_wrapped_it()
    {
        var problem = new PlatformSetupException("Port 1 (gateway) is already in use: choose another.");
        var wrapped = new AggregateException(new InvalidOperationException("start failed", new AggregateException(new TimeoutException(), problem)));

        Assert.Same(problem, RunExtensions.SetupProblem(wrapped));
        Assert.Null(RunExtensions.SetupProblem(new InvalidOperationException("a bug", new TimeoutException())));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
