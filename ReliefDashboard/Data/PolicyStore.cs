using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Data;

/// <summary>Reads the stored policy settings; every rule sees the stored values, never literals.</summary>
public static class PolicyStore
{
    public static async Task<StatusPolicy> LoadStatusPolicyAsync(ReliefDbContext db, CancellationToken ct = default) =>
        StatusPolicy.FromSettings(await LoadValuesAsync(db, ct));

    /// <summary>Every stored setting by key, for the policies that read several (assessment, scorecard, supervision).</summary>
    public static Task<Dictionary<string, string>> LoadValuesAsync(ReliefDbContext db, CancellationToken ct = default) =>
        db.PolicySettings.AsNoTracking().ToDictionaryAsync(p => p.Key, p => p.Value, ct);
}
