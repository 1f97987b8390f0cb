using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Data;

/// <summary>Reads the stored policy settings; every rule sees the stored values, never literals.</summary>
public static class PolicyStore
{
    public static async Task<StatusPolicy> LoadStatusPolicyAsync(ReliefDbContext db, CancellationToken ct = default)
    {
        var values = await db.PolicySettings.AsNoTracking().ToDictionaryAsync(p => p.Key, p => p.Value, ct);
        return StatusPolicy.FromSettings(values);
    }
}
