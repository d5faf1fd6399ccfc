using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Platform.Data;

/// <summary>
/// After PostgreSQL restarts, every idle connection in a pool is dead, and Npgsql does not check a connection it hands
/// out (npgsql/npgsql#5073): each would fail one request in turn (up to the pool's size per service) before the pool is
/// fresh. The first command or transaction that finds its connection broken clears the pool instead, so the service
/// is whole again after one failure (answered 503 with Retry-After, nothing changed) whoever meets it first.
/// </summary>
public sealed class ServerRestarts : DbCommandInterceptor, IDbTransactionInterceptor
{
    public static readonly ServerRestarts Instance = new();

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ClearIfBroken(command.Connection, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearIfBroken(command.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => ClearIfBroken(transaction.Connection, eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearIfBroken(transaction.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    /// <summary>The server went away under this connection: it was shut down (57P01-57P03) or the socket broke.</summary>
    public static bool IsBrokenConnection(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" }) return true;
            if (e is NpgsqlException && e.InnerException is IOException or System.Net.Sockets.SocketException) return true;
        }
        return false;
    }

    private static void ClearIfBroken(DbConnection? connection, Exception exception)
    {
        if (connection is NpgsqlConnection npgsql && IsBrokenConnection(exception)) NpgsqlConnection.ClearPool(npgsql);
    }
}
