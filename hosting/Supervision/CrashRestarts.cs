using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.AppHost.Hosting.Supervision;

/// <summary>
/// The AppHost starts everything and watches it: a service or server whose process ends by itself with a failure (a
/// crash, <c>kill -9</c>, the OOM killer) is started again after a short pause, as systemd's Restart=on-failure would.
/// What a person stopped with the dashboard's Stop stays stopped: the Stop and Restart commands are wrapped to say so
/// before they act, because DCP reports a stopped process and a killed one alike (a terminal state and an exit code).
/// A resource that keeps crashing is left ended after <see cref="CrashRestartPolicy.MaxRestarts"/> tries in
/// <see cref="CrashRestartPolicy.Window"/>, for a person to read its log; each restart is a line in the resource's own
/// console log on the dashboard. Each copy of a replicated project (./platform up --replicas N) is watched and started
/// again on its own, by its instance id: a command on the resource would act on every copy, the one still serving too.
/// </summary>
public static class CrashRestarts
{
    public static IDistributedApplicationBuilder RestartCrashedResources(this IDistributedApplicationBuilder builder, CrashRestartPolicy? policy = null)
    {
        policy ??= new CrashRestartPolicy();
        Supervisor? supervisor = null;
        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
        {
            var supervised = e.Model.Resources.Where(r => r is ProjectResource or ExecutableResource).ToList();
            supervisor = new Supervisor(e.Services, policy, supervised);
            _ = supervisor.WatchAsync(e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            return Task.CompletedTask;
        });
        // The lifecycle commands are added as the orchestrator prepares each resource, after BeforeStartEvent.
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>((e, ct) =>
        {
            supervisor?.WrapHandCommands(e.Resource);
            return Task.CompletedTask;
        });
        return builder;
    }

    private sealed class Supervisor(IServiceProvider services, CrashRestartPolicy policy, IReadOnlyList<IResource> supervised)
    {
        private readonly ConcurrentDictionary<ResourceCommandAnnotation, bool> _wrapped = new();
        private readonly ConcurrentDictionary<string, bool> _stoppedByHand = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, bool> _restarting = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _restarts = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, string?> _lastState = new(StringComparer.OrdinalIgnoreCase);
        private readonly ResourceLoggerService _logs = services.GetRequiredService<ResourceLoggerService>();
        private readonly TimeProvider _time = services.GetService<TimeProvider>() ?? TimeProvider.System;

        /// <summary>The dashboard's Stop and Restart (and the tests' calls of them) mark the resource before they act.</summary>
        public void WrapHandCommands(IResource resource)
        {
            if (!supervised.Contains(resource)) return;
            foreach (var command in resource.Annotations.OfType<ResourceCommandAnnotation>()
                         .Where(c => c.Name == KnownResourceCommands.StopCommand || c.Name == KnownResourceCommands.RestartCommand)
                         .Where(c => !_wrapped.ContainsKey(c)).ToList())
            {
                resource.Annotations.Remove(command);
                var wrapped = new ResourceCommandAnnotation(command.Name, command.DisplayName, command.UpdateState,
                    async context =>
                    {
                        // Whichever name the command came by: a copy's own id, or the resource's name (every copy, or its only one).
                        _stoppedByHand[context.ResourceName] = true;
                        return await command.ExecuteCommand(context);
                    },
                    command.DisplayDescription, command.Arguments, command.ConfirmationMessage, command.IconName, command.IconVariant,
                    command.IsHighlighted, command.Visibility, command.ValidateArguments);
                _wrapped[wrapped] = true;
                resource.Annotations.Add(wrapped);
            }
        }

        public async Task WatchAsync(CancellationToken stopping)
        {
            var notifications = services.GetRequiredService<ResourceNotificationService>();
            try
            {
                await foreach (var update in notifications.WatchAsync(stopping))
                {
                    if (!supervised.Contains(update.Resource)) continue;
                    var instance = update.ResourceId;
                    var state = update.Snapshot.State?.Text;
                    var previous = _lastState.TryGetValue(instance, out var p) ? p : null;
                    _lastState[instance] = state;
                    if (state == KnownResourceStates.Running)
                    {
                        // Running again, whoever started it: from now on an unexpected end is a crash again. Only a start
                        // counts: a health report re-sends Running, and one sent between a Stop and its effect cleared the
                        // mark, so the stopped sink was restarted (seen in a full test run on a busy machine).
                        if (previous == KnownResourceStates.Running) continue;
                        _stoppedByHand.TryRemove(instance, out _);
                        _stoppedByHand.TryRemove(update.Resource.Name, out _);
                        continue;
                    }

                    if (!Ended(state) || Ended(previous) || stopping.IsCancellationRequested) continue;
                    if (StoppedByHand(instance, update.Resource.Name) || _restarting.ContainsKey(instance)) continue;
                    if (update.Snapshot.ExitCode == 0) continue; // ended by itself and said all was well
                    _ = RestartAsync(update.Resource, instance, update.Snapshot.ExitCode, stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
        }

        private static bool Ended(string? state) =>
            state is not null && state != KnownResourceStates.FailedToStart
            && (KnownResourceStates.TerminalStates.Contains(state) || state == "Terminated");

        private bool StoppedByHand(string instance, string resourceName) =>
            _stoppedByHand.ContainsKey(instance) || _stoppedByHand.ContainsKey(resourceName);

        private async Task RestartAsync(IResource resource, string instance, int? exitCode, CancellationToken stopping)
        {
            // The resource's name in what a person reads; a copy's own name where there are several.
            var name = resource.TryGetLastAnnotation<ReplicaAnnotation>(out var copies) && copies.Replicas > 1 ? instance : resource.Name;
            var log = _logs.GetLogger(resource);
            var why = $"ended unexpectedly (exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"})";
            _restarting[instance] = true;
            try
            {
                // A start can fail too: a copy of the gateway killed with a copy of a service it waits for found that copy
                // ended (not yet started again) and would not start. Each failed start is another try, from the same budget.
                while (NextTry(instance) is { } attempt)
                {
                    var delay = TimeSpan.FromTicks(policy.FirstDelay.Ticks * (1L << (attempt - 1)));
                    log.LogWarning("[supervisor] {Resource} {Why}; starting it again in {Delay} (restart {Attempt} of at most {Max} within {Window})",
                        name, why, delay, attempt, policy.MaxRestarts, policy.Window);
                    await Task.Delay(delay, _time, stopping);
                    if (StoppedByHand(instance, resource.Name)) return; // a person took over meanwhile
                    var commands = services.GetRequiredService<ResourceCommandService>();
                    var result = await commands.ExecuteCommandAsync(instance, KnownResourceCommands.StartCommand, stopping);
                    if (result.Success)
                    {
                        log.LogInformation("[supervisor] {Resource} started again", name);
                        return;
                    }
                    log.LogError("[supervisor] {Resource} could not be started again: {Message}", name, result.Message);
                    why = "could not be started";
                }

                log.LogError("[supervisor] {Resource} {Why}, after {Count} restarts within {Window}: left stopped. Read its log, then press Start.",
                    name, why, policy.MaxRestarts, policy.Window);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                log.LogError(e, "[supervisor] {Resource} could not be started again", name);
            }
            finally
            {
                _restarting.TryRemove(instance, out _);
            }
        }

        /// <summary>The number of this restart within the policy's window, or null once the window's restarts are spent.</summary>
        private int? NextTry(string instance)
        {
            var now = _time.GetUtcNow();
            var recent = _restarts.GetOrAdd(instance, _ => new Queue<DateTimeOffset>());
            lock (recent)
            {
                while (recent.Count > 0 && now - recent.Peek() > policy.Window) recent.Dequeue();
                if (recent.Count >= policy.MaxRestarts) return null;
                recent.Enqueue(now);
                return recent.Count;
            }
        }
    }
}

/// <summary>How crashed resources are started again: after <see cref="FirstDelay"/>, doubling, at most <see cref="MaxRestarts"/> in <see cref="Window"/>.</summary>
public sealed record CrashRestartPolicy
{
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);
    public int MaxRestarts { get; init; } = 5;
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(10);
}
