using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Features.Policy;

public sealed class PolicyService(IDbContextFactory<ReliefDbContext> dbFactory)
{
    public async Task<IReadOnlyList<PolicySetting>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.PolicySettings.AsNoTracking().ToListAsync(ct);
        var order = StatusPolicy.Defaults.Select(d => d.Key).ToList();
        return settings.OrderBy(p => order.IndexOf(p.Key) is var i and >= 0 ? i : int.MaxValue).ThenBy(p => p.Key).ToList();
    }
}
