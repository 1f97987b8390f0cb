using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Data;

public static class ActivityLogs
{
    /// <summary>The same refusal again within this time is the same attempt (a page renders twice: prerendered, then live).</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromSeconds(30);

    /// <summary>One row per attempt: a refusal of the same user and target just recorded is not written twice.</summary>
    public static async Task WriteAsync(ReliefDbContext db, TimeProvider clock, UserScope user, string kind, string target, string? detail, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (kind == ActivityLog.Kinds.Denied)
        {
            var since = now - RepeatWindow;
            if (await db.Activity.AnyAsync(a => a.At >= since && a.Kind == kind && a.User == user.Name && a.Target == target && a.Detail == detail, ct))
            {
                return;
            }
        }
        db.Activity.Add(new ActivityLog { At = now, User = user.Name, Kind = kind, Target = target, Detail = detail });
        await db.SaveChangesAsync(ct);
    }
}
