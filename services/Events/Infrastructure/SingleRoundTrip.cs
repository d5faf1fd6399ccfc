using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Events.Infrastructure;

/// <summary>
/// Writes leading statements, then the entities a DbContext has Added, as one <see cref="NpgsqlBatch"/>: one round trip
/// and one implicit transaction, so any error rolls back every statement. The INSERTs come from the EF model (tables,
/// columns, value converters), so the mapping stays in one place. Why not SaveChanges in a transaction: the README,
/// "Capacity, in the database".
/// </summary>
public static class SingleRoundTrip
{
    public static async Task WriteAsync(DbContext db, IReadOnlyList<NpgsqlBatchCommand> leading, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("A single-round-trip write is its own transaction; none may be open.");

        var added = InDependencyOrder(db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList());
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            foreach (var command in leading) batch.BatchCommands.Add(command);
            foreach (var entry in added) batch.BatchCommands.Add(Insert(entry));
            await batch.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        // Written: nothing is left for a later SaveChanges to insert a second time.
        db.ChangeTracker.Clear();
    }

    private static NpgsqlBatchCommand Insert(EntityEntry entry)
    {
        var type = entry.Metadata;
        if (type.GetComplexProperties().Any() || type.GetTableName() is not { } tableName)
            throw new NotSupportedException($"{type.DisplayName()} is not a plain table-mapped entity.");

        var table = StoreObjectIdentifier.Table(tableName, type.GetSchema());
        var command = new NpgsqlBatchCommand();
        var columns = new List<string>();
        foreach (var property in type.GetProperties())
        {
            var value = entry.Property(property.Name);
            // A key the database generates (an identity column) still holds EF's placeholder: leave it to the database.
            if (value.IsTemporary) continue;

            var mapping = property.GetRelationalTypeMapping();
            var providerValue = mapping.Converter is { } converter ? converter.ConvertToProvider(value.CurrentValue) : value.CurrentValue;
            var parameter = new NpgsqlParameter { Value = providerValue ?? DBNull.Value };
            if (mapping.StoreType == "jsonb") parameter.NpgsqlDbType = NpgsqlDbType.Jsonb;
            command.Parameters.Add(parameter);
            columns.Add(Quote(property.GetColumnName(table)!));
        }

        var target = type.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(tableName)}" : Quote(tableName);
        var placeholders = Enumerable.Range(1, columns.Count).Select(i => $"${i}");
        command.CommandText = $"INSERT INTO {target} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", placeholders)})";
        return command;
    }

    /// <summary>Principals before their dependents (a registration before its choices), as foreign keys require.</summary>
    private static List<EntityEntry> InDependencyOrder(List<EntityEntry> entries)
    {
        var ordered = new List<EntityEntry>(entries.Count);
        var pending = new List<EntityEntry>(entries);
        while (pending.Count > 0)
        {
            var pendingTypes = pending.Select(e => e.Metadata).ToHashSet();
            var ready = pending.Where(e => !e.Metadata.GetForeignKeys()
                .Any(fk => fk.PrincipalEntityType != e.Metadata && pendingTypes.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0) throw new InvalidOperationException("The added entities' foreign keys form a cycle.");
            ordered.AddRange(ready);
            pending.RemoveAll(ready.Contains);
        }

        return ordered;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
