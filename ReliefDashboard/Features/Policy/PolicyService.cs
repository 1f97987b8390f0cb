using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Features.Policy;

public sealed class PolicyService(IDbContextFactory<ReliefDbContext> dbFactory)
{
    public async Task<IReadOnlyList<PolicySetting>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PolicySettings.AsNoTracking().OrderBy(p => p.Key).ToListAsync(ct);
    }
}
