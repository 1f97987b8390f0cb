using ReliefDashboard.Domain;

namespace ReliefDashboard.Data;

public static class ActivityLogs
{
    public static async Task WriteAsync(ReliefDbContext db, UserScope user, string kind, string target, string? detail, CancellationToken ct)
    {
        db.Activity.Add(new ActivityLog { At = DateTime.UtcNow, User = user.Name, Kind = kind, Target = target, Detail = detail });
        await db.SaveChangesAsync(ct);
    }
}
