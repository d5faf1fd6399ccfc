using Platform.AppHost.Hosting.ApplicationModel;

namespace Platform.AppHost.Tests;

public sealed class LogBufferTests
{
    [Fact]
    public void Keeps_the_last_lines_and_numbers_them_so_a_poller_sees_each_line_once()
    {
        var buffer = new LogBuffer(capacity: 3);
        for (var i = 1; i <= 5; i++) buffer.Add($"line {i}", isError: i == 5, DateTimeOffset.UnixEpoch);

        Assert.Equal(["line 3", "line 4", "line 5"], buffer.Tail(10));
        var after = buffer.After(3);
        Assert.Equal([4L, 5L], after.Select(l => l.Sequence));
        Assert.True(after[^1].IsError);
        Assert.Empty(buffer.After(5));
    }

    [Fact]
    public void Finds_the_exception_message_above_a_stack_trace()
    {
        var buffer = new LogBuffer();
        buffer.Add("info: starting", false, DateTimeOffset.UnixEpoch);
        buffer.Add("Unhandled exception. System.InvalidOperationException: ConnectionStrings:eventsdb is not set.", true, DateTimeOffset.UnixEpoch);
        buffer.Add("   at Program.<Main>$(String[] args)", true, DateTimeOffset.UnixEpoch);

        Assert.Contains("ConnectionStrings:eventsdb is not set", buffer.LastExceptionMessage());
        Assert.Null(new LogBuffer().LastExceptionMessage());
    }
}
