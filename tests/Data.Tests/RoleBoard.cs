using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Platform.Data.Tests;

public sealed class Role
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string District { get; set; }
}

/// <summary>The smallest service-shaped database: roles searched by district, as the Volunteers search does.</summary>
public sealed class RoleBoard(DbContextOptions<RoleBoard> options) : DbContext(options)
{
    public const int RolesPerDistrict = 10;

    public DbSet<Role> Roles => Set<Role>();

    public static async Task SeedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var seed = new NpgsqlCommand(
            $"""
            CREATE TABLE "Roles" ("Id" int PRIMARY KEY, "Title" text NOT NULL, "District" text NOT NULL);
            INSERT INTO "Roles" SELECT g, 'Role ' || g, 'District ' || (g % 5) FROM generate_series(1, {5 * RolesPerDistrict}) g;
            """, connection);
        await seed.ExecuteNonQueryAsync();
    }
}
