using Npgsql;

namespace Platform.EndToEnd.Tests.Notifications;

/// <summary>
/// Confirmed "volunteering" subscribers of one district written straight into Notifications' database: the sign-up
/// flow has tests of its own, and fan-out tests need hundreds of subscribers at once.
/// </summary>
public static class ConfirmedSubscribers
{
    public static async Task InsertAsync(DistributedApplication app, IReadOnlyList<string> addresses, string district, CancellationToken cancellationToken)
    {
        // Unpooled: a test that restarts PostgreSQL must not leave this process a dead pooled connection.
        var unpooled = new NpgsqlConnectionStringBuilder(app.GetConnectionString("notificationsdb")) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync(cancellationToken);
        await using var batch = connection.CreateBatch();
        foreach (var address in addresses)
        {
            var id = Guid.NewGuid();
            var subscriber = new NpgsqlBatchCommand(
                "INSERT INTO subscriber (id, email, normalized_email, created_at) VALUES (@id, @e, @n, now())");
            subscriber.Parameters.AddWithValue("id", id);
            subscriber.Parameters.AddWithValue("e", address);
            subscriber.Parameters.AddWithValue("n", address.ToLowerInvariant());
            batch.BatchCommands.Add(subscriber);
            var subscription = new NpgsqlBatchCommand("""
                INSERT INTO subscription (id, subscriber_id, topics, districts, frequency, status, created_at, confirmed_at, confirm_by, digest_through)
                VALUES (@id, @s, ARRAY['volunteering'], ARRAY[@d], 'immediately', 'Confirmed', now(), now() - interval '1 minute', now(), now())
                """);
            subscription.Parameters.AddWithValue("id", Guid.NewGuid());
            subscription.Parameters.AddWithValue("s", id);
            subscription.Parameters.AddWithValue("d", district);
            batch.BatchCommands.Add(subscription);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
