using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Identity;

namespace Platform.ServiceDefaults.Clock;

public static class ClockExtensions
{
    /// <summary>
    /// Registers the service's <see cref="TimeProvider"/>: the system clock, or, when <c>Clock:Adjustable</c> is set in
    /// Development (the test platform), an <see cref="AdjustableClock"/>. Services must not register their own.
    /// </summary>
    internal static void AddPlatformClock(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ClockOptions.SectionName).Get<ClockOptions>() ?? new ClockOptions();
        if (!options.Adjustable)
        {
            builder.Services.TryAddSingleton(TimeProvider.System);
            return;
        }

        if (!builder.Environment.IsDevelopment())
            throw new InvalidOperationException("Clock:Adjustable is only for a test platform (the Development environment).");
        var clock = new AdjustableClock(TimeProvider.System);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IClockChanges>(clock);
    }

    /// <summary><c>GET /testing/clock</c> and <c>POST /testing/clock {"advanceBy": "45.00:00:00"}</c>, staff only, when adjustable.</summary>
    internal static void MapPlatformClock(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<AdjustableClock>() is null) return;
        var clock = endpoints.MapGroup("/testing/clock").RequireAuthorization(PlatformPolicies.Staff).ExcludeFromDescription();
        clock.MapGet("", (AdjustableClock c) => new ClockState(c.GetUtcNow(), c.Offset));
        clock.MapPost("", (AdvanceClock request, AdjustableClock c) =>
        {
            if (request.AdvanceBy < TimeSpan.Zero)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["advanceBy"] = ["The clock only moves forward."] });
            c.Advance(request.AdvanceBy);
            return Results.Ok(new ClockState(c.GetUtcNow(), c.Offset));
        });
    }

    /// <summary>
    /// Waits <paramref name="interval"/>, or less if a test moves the clock meanwhile: the loop shape for time-driven
    /// background work (<c>while (!stopping) { await DoDueWork(); await time.DelayAsync(interval, clockChanges, stopping); }</c>).
    /// </summary>
    public static async Task DelayAsync(this TimeProvider time, TimeSpan interval, IClockChanges? changes, CancellationToken cancellationToken)
    {
        using var either = changes is null
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, changes.Moved);
        try
        {
            await Task.Delay(interval, time, either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { }
    }

    private sealed record AdvanceClock(TimeSpan AdvanceBy);

    private sealed record ClockState(DateTimeOffset Now, TimeSpan Offset);
}
