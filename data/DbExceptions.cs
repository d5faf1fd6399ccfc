using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Platform.Data;

/// <summary>The PostgreSQL constraint a failed save broke, so a service can answer 409 instead of 500.</summary>
public static class DbExceptions
{
    public static bool IsCheckViolation(this DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.CheckViolation };

    public static bool IsUniqueViolation(this DbUpdateException e, string? constraint = null) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p
        && (constraint is null || p.ConstraintName == constraint);
}
