using System.Net.Sockets;
using RabbitMQ.Client.Exceptions;

namespace Platform.Messaging;

/// <summary>
/// Which failed publishes say nothing about the row. An unreachable or restarting broker fails every row alike, and
/// parking rows for it would reorder a whole outage's events; anything else (a body or type that cannot be read, a
/// refusal the broker gives this message only) fails the same row again and again, and is what parking is for.
/// </summary>
internal static class OutboxFailures
{
    // AMQP replies that close only the channel, about what was published: access refused, not found, precondition failed.
    private static readonly ushort[] MessageRefusals = [403, 404, 406];

    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case OperationInterruptedException interrupted:
                    return interrupted.ShutdownReason is not { } reason || !MessageRefusals.Contains(reason.ReplyCode);
                case OperationCanceledException or TimeoutException or SocketException or IOException
                    or BrokerUnreachableException or ConnectFailureException or MassTransit.ConnectionException:
                    return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTransient)) return true;
        }

        return false;
    }
}
