using Npgsql;

namespace Platform.AppHost.Hosting.Postgres;

/// <summary>
/// A login per service database that owns that database and nothing else: a leaked service environment then opens
/// one service's data, not the cluster. The superuser only runs this, from the AppHost. Idempotent, run at every
/// start: it creates what is missing, sets the password from the data folder's secrets, and hands the login whatever
/// an earlier platform (which ran every service as the superuser) left owned by someone else in the database, so
/// migrations run as the owner keep working on data kept across runs.
/// </summary>
public static class PostgresLogins
{
    public static async Task ProvisionAsync(string adminConnectionString, string database, string owner, string password, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(ct);
            var role = Identifier(owner);
            // Identifiers and a password cannot be parameters in DDL; the names come from the app model and the password
            // from our own generator, and both are quoted anyway.
            var exists = await ScalarAsync(connection, "SELECT 1 FROM pg_roles WHERE rolname = @name", owner, ct) is not null;
            await ExecuteAsync(connection,
                $"{(exists ? "ALTER" : "CREATE")} ROLE {role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD {Literal(password)}", ct);
            var db = Identifier(database);
            if (await ScalarAsync(connection, "SELECT 1 FROM pg_database WHERE datname = @name", database, ct) is null)
                await ExecuteAsync(connection, $"CREATE DATABASE {db} OWNER {role}", ct);
            else
                await ExecuteAsync(connection, $"ALTER DATABASE {db} OWNER TO {role}", ct);
            // Other services' logins may not even connect (the owner's own rights are implicit).
            await ExecuteAsync(connection, $"REVOKE ALL ON DATABASE {db} FROM PUBLIC", ct);
        }

        admin.Database = database;
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await ExecuteAsync(connection, TakeOverObjectsSql(owner), ct);
        }
    }

    /// <summary>Tables, views, free-standing sequences, functions, types and schemas not owned by <paramref name="owner"/>.</summary>
    private static string TakeOverObjectsSql(string owner) => $$"""
        DO $$
        DECLARE
            r record;
            target oid := (SELECT oid FROM pg_roles WHERE rolname = {{Literal(owner)}});
        BEGIN
            FOR r IN SELECT nspname FROM pg_namespace
                     WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\_%' AND nspowner NOT IN (target, 'pg_database_owner'::regrole) LOOP
                EXECUTE format('ALTER SCHEMA %I OWNER TO %I', r.nspname, {{Literal(owner)}});
            END LOOP;
            FOR r IN SELECT c.oid::regclass AS object, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname NOT IN ('information_schema') AND n.nspname NOT LIKE 'pg\_%' AND c.relowner <> target
                       AND (c.relkind IN ('r', 'p', 'v', 'm', 'f')
                            OR (c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))) LOOP
                EXECUTE format(CASE r.relkind WHEN 'S' THEN 'ALTER SEQUENCE %s OWNER TO %I' WHEN 'm' THEN 'ALTER MATERIALIZED VIEW %s OWNER TO %I'
                                              WHEN 'v' THEN 'ALTER VIEW %s OWNER TO %I' ELSE 'ALTER TABLE %s OWNER TO %I' END, r.object, {{Literal(owner)}});
            END LOOP;
            FOR r IN SELECT p.oid::regprocedure AS object FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE n.nspname NOT IN ('information_schema') AND n.nspname NOT LIKE 'pg\_%' AND p.proowner <> target
                       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
                EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.object, {{Literal(owner)}});
            END LOOP;
            FOR r IN SELECT t.oid::regtype AS object FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                     WHERE n.nspname NOT IN ('information_schema') AND n.nspname NOT LIKE 'pg\_%' AND t.typowner <> target
                       AND t.typtype IN ('e', 'd', 'r') AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e') LOOP
                EXECUTE format('ALTER TYPE %s OWNER TO %I', r.object, {{Literal(owner)}});
            END LOOP;
        END
        $$;
        """;

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, string name, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
