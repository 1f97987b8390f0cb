using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Admin;

public sealed class ActivityService(IDbContextFactory<ReliefDbContext> dbFactory, CurrentUser current)
{
    /// <summary>The newest security events (refusals, reveals, administration), for administrators only.</summary>
    public async Task<IReadOnlyList<ActivityLog>?> LatestAsync(string? kind, int take = 500, CancellationToken ct = default)
    {
        if ((await current.GetAsync()).Role != Roles.Admin)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Activity.AsNoTracking();
        if (!string.IsNullOrEmpty(kind))
        {
            query = query.Where(a => a.Kind == kind);
        }
        return await query.OrderByDescending(a => a.Id).Take(take).ToListAsync(ct);
    }
}
