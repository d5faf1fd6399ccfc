using Npgsql;

namespace Platform.Data.Tests;

/// <summary>
/// Why the platform does not let Npgsql prepare statements automatically. Npgsql (10.0.0 to 10.0.3 at least) marks an
/// automatically prepared statement as prepared as soon as PostgreSQL accepts its Parse. When the same execution's
/// Bind is then refused (a parameter PostgreSQL cannot take, such as a NUL: 22021), the Describe that would have told
/// Npgsql the statement's columns is skipped, and Npgsql keeps a "prepared" statement with no row description. The next
/// execution of that SQL on the same pooled connection, whoever makes it, reads the first row where it expects the end
/// of the command: "Received unexpected backend message DataRow". The connection is then broken and replaced.
/// </summary>
public sealed class AutoPreparationTests(PostgresServer server)
{
    // Npgsql's default AutoPrepareMinUsages: the fifth execution of a statement is the one that prepares it.
    private const int PreparingExecution = 5;

    [Fact]
    public async Task A_refused_parameter_on_the_preparing_execution_breaks_the_next_execution_with_auto_preparation_on()
    {
        var outcomes = await ExecuteWithRefusalAtAsync(PreparingExecution, maxAutoPrepare: 64);

        // If this starts passing, Npgsql has fixed its bookkeeping: automatic preparation could come back (see
        // NpgsqlDbContextExtensions), with registration-rush measured again.
        var next = outcomes[PreparingExecution];
        Assert.StartsWith("Received unexpected backend message DataRow", next);
    }

    [Theory]
    [InlineData(PreparingExecution - 1)]
    [InlineData(PreparingExecution)]
    [InlineData(PreparingExecution + 1)]
    public async Task With_the_platforms_settings_a_refused_parameter_fails_alone(int refusedAt)
    {
        var outcomes = await ExecuteWithRefusalAtAsync(refusedAt, maxAutoPrepare: null);

        for (var i = 0; i < outcomes.Count; i++)
        {
            Assert.Equal(i + 1 == refusedAt ? "22021" : "ok", outcomes[i]);
        }
    }

    /// <summary>
    /// Runs one statement eight times on a pool of one connection, the execution <paramref name="refusedAt"/> with a
    /// NUL in its parameter; "ok", a SQL state, or the message of any other failure for each.
    /// </summary>
    private async Task<List<string>> ExecuteWithRefusalAtAsync(int refusedAt, int? maxAutoPrepare)
    {
        var platform = new NpgsqlConnectionStringBuilder(
            Microsoft.Extensions.Hosting.NpgsqlDbContextExtensions.WithPlatformDefaults(await server.CreateDatabaseAsync()))
        {
            MaxPoolSize = 1,
        };
        if (maxAutoPrepare is { } max) platform.MaxAutoPrepare = max;
        await RoleBoard.SeedAsync(platform.ConnectionString);
        await using var dataSource = NpgsqlDataSource.Create(platform.ConnectionString);

        var outcomes = new List<string>();
        for (var execution = 1; execution <= 8; execution++)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
                await using var search = new NpgsqlCommand("""SELECT "Id", "Title" FROM "Roles" WHERE "District" = $1""", connection);
                search.Parameters.Add(new NpgsqlParameter { Value = execution == refusedAt ? "District\0 1" : "District 1" });
                await using var reader = await search.ExecuteReaderAsync(TestContext.Current.CancellationToken);
                var rows = 0;
                while (await reader.ReadAsync(TestContext.Current.CancellationToken)) rows++;
                outcomes.Add(rows == RoleBoard.RolesPerDistrict ? "ok" : $"{rows} rows");
            }
            catch (PostgresException e)
            {
                outcomes.Add(e.SqlState);
            }
            catch (Exception e)
            {
                // Npgsql reports the lost protocol step as a bare Exception, not an NpgsqlException.
                outcomes.Add(e.Message);
            }
        }

        return outcomes;
    }
}
