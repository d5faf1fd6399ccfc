using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;

namespace Platform.Events.Tests;

/// <summary>The place-claim function lives in Registrations/PlaceClaim.sql; migrations put it in the database.</summary>
public sealed class PlaceClaimMigrationTests(PostgresServer postgres)
{
    [Fact]
    public void The_newest_migration_that_loads_PlaceClaim_sql_was_made_for_its_current_text()
    {
        var newest = typeof(EventsDbContext).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetField("PlaceClaimSha256") is not null)
            .OrderBy(t => t.GetCustomAttribute<MigrationAttribute>()!.Id, StringComparer.Ordinal)
            .Last();

        var madeFor = (string)newest.GetField("PlaceClaimSha256")!.GetRawConstantValue()!;

        Assert.True(StatementSha256() == madeFor,
            $"PlaceClaim.sql changed since {newest.Name}: add a migration (dotnet ef migrations add <Name> --project services/Events) " +
            $"whose Up is migrationBuilder.Sql(PlaceClaim.Sql), with PlaceClaimSha256 = \"{StatementSha256()}\".");
    }

    [Fact]
    public async Task A_migrated_database_runs_the_function_as_PlaceClaim_sql_writes_it()
    {
        await using var factory = await EventsFactory.StartAsync(postgres);

        var stored = await factory.WithDbAsync(db => db.Database
            .SqlQuery<string>($"SELECT prosrc AS \"Value\" FROM pg_proc WHERE proname = 'claim_registration_places'").ToListAsync());

        var body = PlaceClaim.Sql.Split("$$")[1];
        Assert.Equal(body, Assert.Single(stored));
    }

    /// <summary>Of the statement only: the comments above it may change without a migration.</summary>
    private static string StatementSha256()
    {
        var statement = PlaceClaim.Sql[PlaceClaim.Sql.IndexOf("CREATE OR REPLACE FUNCTION", StringComparison.Ordinal)..];
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(statement)));
    }
}
