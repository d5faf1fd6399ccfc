using Platform.Messaging;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Events.Waitlists;

/// <summary>Wakes the promoter as soon as a place frees, instead of waiting for its next round (expired offers are found by that round).</summary>
public sealed class WaitlistSignal : WakeSignal, IWakesPeriodicJob
{
    public void PlaceFreed() => Nudge();
}
