using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Events.CheckIn;

internal sealed class SessionAttendanceModel : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> e)
    {
        e.ToTable("session_attendance");
        e.HasKey(x => new { x.SessionId, x.RegistrationId });
    }
}
