using System.Diagnostics;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.ServiceDefaults.Tests.Telemetry;

public sealed class IdlePollFilterTests
{
    [Fact]
    public void A_database_command_of_its_own_is_not_recorded_and_one_within_traced_work_and_other_spans_are()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is IdlePollFilter.DatabaseSource or "Work",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var database = new ActivitySource(IdlePollFilter.DatabaseSource);
        using var work = new ActivitySource("Work");
        var filter = new IdlePollFilter();

        Activity Ended(Activity? activity)
        {
            activity!.Stop();
            filter.OnEnd(activity);
            return activity;
        }

        Assert.Null(Activity.Current);
        Assert.False(Ended(database.StartActivity("poll", ActivityKind.Client)).Recorded);
        using (var request = work.StartActivity("request", ActivityKind.Server))
        {
            Assert.True(Ended(database.StartActivity("query", ActivityKind.Client)).Recorded);
            Assert.True(Ended(request).Recorded);
        }
        var remoteParent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        Assert.True(Ended(database.StartActivity("consumed", ActivityKind.Client, remoteParent)).Recorded);
        Assert.True(Ended(work.StartActivity("job", ActivityKind.Internal)).Recorded);
    }
}
