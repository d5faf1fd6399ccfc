using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Platform.Volunteers.Infrastructure;

public static class DbExceptions
{
    public static bool IsCheckViolation(this DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.CheckViolation };

    public static bool IsUniqueViolation(this DbUpdateException e, string? constraint = null) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p
        && (constraint is null || p.ConstraintName == constraint);
}
