using Npgsql;
using Platform.AppHost.Hosting;

namespace Platform.EndToEnd.Tests;

/// <summary>Reads a service's database directly, to check what a request stored (or did not).</summary>
internal static class PlatformDatabase
{
    public static async Task<long> CountAsync(this DistributedApplication app, string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(app, database);
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Each row as "column=value, …": for a failure message that says what the database held.</summary>
    public static async Task<List<string>> DescribeRowsAsync(this DistributedApplication app, string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(app, database);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            rows.Add(string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : reader.GetValue(i))}")));
        return rows;
    }

    private static async Task<NpgsqlConnection> OpenAsync(DistributedApplication app, string database)
    {
        // Unpooled: a test that cuts a database's sessions (DeadLetterTests) must not leave a dead one in a pool here.
        var unpooled = new NpgsqlConnectionStringBuilder(app.GetConnectionString(database)) { Pooling = false }.ConnectionString;
        var connection = new NpgsqlConnection(unpooled);
        try
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
