using Platform.Messaging;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Events.ChangeNotices;

/// <summary>Wakes the sender when a notice is due at once (a withdrawn workshop), instead of waiting for its next round.</summary>
public sealed class ChangeNoticeSignal : WakeSignal, IWakesPeriodicJob
{
    public void NoticeDue() => Nudge();
}
