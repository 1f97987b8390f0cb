using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Figures;

/// <summary>What a spot check is drawn from: a town's attained households, each in its stratum (<see cref="SpotDraw.StratumOf"/>).</summary>
public static class SpotPopulation
{
    public static async Task<List<(int HouseholdId, Channel Stratum)>> OfTownAsync(ReliefDbContext db, int townId, CancellationToken ct)
    {
        var rows = await db.Households.AsNoTracking()
            .Where(h => h.TownId == townId && (h.Status == HouseholdStatus.Met || h.Status == HouseholdStatus.AtRisk))
            .Select(h => new { h.Id, Mask = h.IndustryMask | h.EmploymentMask }).ToListAsync(ct);
        return rows.Select(r => (r.Id, SpotDraw.StratumOf(r.Mask))).ToList();
    }
}
