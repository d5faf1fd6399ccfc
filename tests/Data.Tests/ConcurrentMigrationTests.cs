using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Platform.Data.Tests;

/// <summary>
/// Copies of a service started together each migrate the same database on start (a two-replica platform's start, where
/// one copy of Awards stopped with "column already exists" and the gateway, waiting for it, failed to start). Every copy
/// must start, and each migration must be applied once.
/// </summary>
public sealed class ConcurrentMigrationTests(PostgresServer server)
{
    private const int Copies = 4;

    [Fact]
    public async Task Copies_migrating_one_database_at_once_all_start_and_apply_each_migration_once()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var copies = Enumerable.Range(0, Copies).Select(_ =>
        {
            var builder = ServiceHost.CreateWebBuilder();
            builder.Configuration["ConnectionStrings:ledger"] = connectionString;
            builder.AddNpgsqlDbContext<Ledger>("ledger");
            return builder.Build();
        }).ToList();

        try
        {
            await Task.WhenAll(copies.Select(copy => Task.Run(() => copy.MigrateDatabaseAsync<Ledger>())));
        }
        finally
        {
            foreach (var copy in copies) await copy.DisposeAsync();
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var applied = new NpgsqlCommand("""SELECT string_agg("MigrationId", ',' ORDER BY "MigrationId") FROM "__EFMigrationsHistory" """, connection);
        Assert.Equal("20260101000001_Entries,20260101000002_Amount,20260101000003_Note", await applied.ExecuteScalarAsync());
    }
}

/// <summary>A database with three migrations, each slow enough for copies started together to meet in them.</summary>
public sealed class Ledger(DbContextOptions<Ledger> options) : DbContext(options);

[DbContext(typeof(Ledger))]
[Migration("20260101000001_Entries")]
public sealed class LedgerEntries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("SELECT pg_sleep(0.3); CREATE TABLE entry (id int PRIMARY KEY);");
}

[DbContext(typeof(Ledger))]
[Migration("20260101000002_Amount")]
public sealed class LedgerAmount : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("SELECT pg_sleep(0.3); ALTER TABLE entry ADD amount int;");
}

[DbContext(typeof(Ledger))]
[Migration("20260101000003_Note")]
public sealed class LedgerNote : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("SELECT pg_sleep(0.3); ALTER TABLE entry ADD note text;");
}
