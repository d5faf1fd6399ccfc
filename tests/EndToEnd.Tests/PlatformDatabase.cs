using Npgsql;
using Platform.AppHost.Hosting;

namespace Platform.EndToEnd.Tests;

/// <summary>Reads a service's database directly, to check what a request stored (or did not).</summary>
internal static class PlatformDatabase
{
    public static async Task<long> CountAsync(this DistributedApplication app, string database, string sql, params (string Name, object Value)[] parameters)
    {
        // Unpooled: a test that cuts a database's sessions (DeadLetterTests) must not leave a dead one in a pool here.
        var unpooled = new NpgsqlConnectionStringBuilder(app.GetConnectionString(database)) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
