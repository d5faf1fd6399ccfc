using Npgsql;
using Platform.AppHost.Hosting;

namespace Platform.EndToEnd.Tests;

/// <summary>Reads a service's database directly, to check what a request stored (or did not).</summary>
internal static class PlatformDatabase
{
    public static async Task<long> CountAsync(this DistributedApplication app, string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(app.GetConnectionString(database));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
