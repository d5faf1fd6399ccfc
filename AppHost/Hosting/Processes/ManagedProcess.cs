using System.Diagnostics;

namespace Platform.AppHost.Hosting.Processes;

/// <summary>
/// A child started in a session of its own (setsid), so its pid is also its process group: one signal reaches
/// everything it spawned (the Erlang VM under rabbitmq-server, postgres backends), and a Ctrl+C in the terminal
/// reaches only the AppHost, which then stops children in order.
/// </summary>
public sealed class ManagedProcess
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ManagedProcess(Process process) => _process = process;

    public int Pid { get; private set; }

    /// <summary>Completes with the exit code once the process has exited and its output has been read to the end.</summary>
    public Task<int> Exited => _exited.Task;

    public static ManagedProcess Start(ProcessSpec spec, Action<string, bool> onOutput)
    {
        var info = new ProcessStartInfo("/usr/bin/setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? System.Environment.CurrentDirectory,
        };
        info.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in spec.Environment) info.Environment[key] = value;
        if (spec.UserName is not null) info.UserName = spec.UserName;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var managed = new ManagedProcess(process);
        var streamsOpen = 2;
        void StreamClosed()
        {
            // Off the reader's callback: WaitForExit waits for that very callback to finish, so calling it here would deadlock.
            if (Interlocked.Decrement(ref streamsOpen) == 0)
                _ = Task.Run(() =>
                {
                    process.WaitForExit();
                    managed._exited.TrySetResult(process.ExitCode);
                });
        }
        // Both streams are read continuously: a child whose pipe fills up blocks.
        process.OutputDataReceived += (_, e) => { if (e.Data is null) StreamClosed(); else onOutput(e.Data, false); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is null) StreamClosed(); else onOutput(e.Data, true); };

        if (Path.IsPathRooted(spec.FileName) && !File.Exists(spec.FileName))
            throw new FileNotFoundException($"'{spec.FileName}' does not exist.", spec.FileName);
        process.Start();
        managed.Pid = process.Id;
        // The child is its own group only once setsid has run in it; until then a signal to the group reaches
        // nothing, and a stop issued at once would leave the child running. Wait for that moment (it is brief).
        var deadline = Environment.TickCount64 + 2000;
        while (!Signals.GroupAlive(managed.Pid) && !process.HasExited && Environment.TickCount64 < deadline) Thread.Sleep(1);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return managed;
    }

    /// <summary>
    /// Asks the whole group to stop with <paramref name="signal"/>, waits up to <paramref name="grace"/>, then kills the
    /// group. Returns once no process of the group is left (or after a last short wait).
    /// </summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (!_exited.Task.IsCompleted) Signals.SendToGroup(Pid, signal);
        await Task.WhenAny(_exited.Task, Task.Delay(grace));
        await KillGroupAsync();
    }

    /// <summary>The last resort: SIGKILL the group and wait for it to disappear, including orphans the leader left.</summary>
    public async Task KillGroupAsync()
    {
        for (var i = 0; i < 100 && Signals.GroupAlive(Pid); i++)
        {
            Signals.SendToGroup(Pid, Signals.SIGKILL);
            await Task.Delay(20);
        }
        await Task.WhenAny(_exited.Task, Task.Delay(TimeSpan.FromSeconds(2)));
    }
}
