using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Platform.Data.Tests;

/// <summary>
/// What issue 21 saw: visitors at once, half of them searching with a NUL, the others ordinary searches, all through
/// one service's pool as <see cref="NpgsqlDbContextExtensions.AddNpgsqlDbContext{TContext}"/> registers it. The refused
/// searches fail; no ordinary search may.
/// </summary>
public sealed class SharedPoolTests(PostgresServer server)
{
    private const int Rounds = 1200;
    private const int Visitors = 8;

    // A service runs dozens of different statements; each is prepared on each connection at its own moment, and
    // each such moment can be a refused search.
    private const int SearchShapes = 24;

    [Fact]
    public async Task Refused_searches_never_fail_ordinary_searches_on_the_same_pool()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await RoleBoard.SeedAsync(connectionString);
        var builder = ServiceHost.CreateBuilder();
        // A small pool, so each connection serves many visitors in turn, as in a busy service.
        builder.Configuration["ConnectionStrings:roleboard"] =
            new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 4 }.ConnectionString;
        builder.AddNpgsqlDbContext<RoleBoard>("roleboard");
        using var host = builder.Build();

        var failedOrdinary = new ConcurrentQueue<string>();
        var refused = 0;
        for (var round = 0; round < Rounds; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, Visitors).Select(visitor => Task.Run(async () =>
            {
                var withNul = visitor % 2 == 1;
                var district = withNul ? $"District\0{visitor}" : "District 1";
                var shape = round % SearchShapes;
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RoleBoard>();
                try
                {
                    var found = await db.Roles.Where(InDistrict(district, shape)).CountAsync();
                    if (!withNul && found != RoleBoard.RolesPerDistrict) failedOrdinary.Enqueue($"{found} roles");
                }
                catch (Exception e) when (withNul && e is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire })
                {
                    Interlocked.Increment(ref refused);
                }
                catch (Exception e) when (!withNul)
                {
                    failedOrdinary.Enqueue(e.Message);
                }
            })));
        }

        Assert.Equal(Rounds * Visitors / 2, refused);
        Assert.True(failedOrdinary.IsEmpty,
            $"{failedOrdinary.Count} of {Rounds * Visitors / 2} ordinary searches failed, e.g. {failedOrdinary.FirstOrDefault()}");
    }

    /// <summary>
    /// Roles in a district, in one of <see cref="SearchShapes"/> SQL texts: the shape is a constant in the expression,
    /// so EF Core writes it into the SQL instead of a parameter.
    /// </summary>
    private static Expression<Func<Role, bool>> InDistrict(string district, int shape)
    {
        Expression<Func<Role, bool>> inDistrict = r => r.District == district;
        var role = inDistrict.Parameters[0];
        var notShape = Expression.NotEqual(Expression.Property(role, nameof(Role.Id)), Expression.Constant(-1 - shape));
        return Expression.Lambda<Func<Role, bool>>(Expression.AndAlso(inDistrict.Body, notShape), role);
    }
}
