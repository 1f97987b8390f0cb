using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Features.Overview;

/// <summary>
/// The dashboard's reads: two GROUP BY queries that SQLite answers from indexes, the town names and the settings.
/// Nothing here loads a household.
/// </summary>
public static class DashboardQueries
{
    public static async Task<DistrictFigures> LoadAsync(
        ReliefDbContext db, DateOnly today, DateTime? lastChangedAt, MonthHistory? previousHistory = null, CancellationToken ct = default)
    {
        var live = await db.Households
            .GroupBy(h => new { h.TownId, h.ChannelMask, h.Status, h.IndustryMask, h.EmploymentMask })
            .Select(g => new LiveGroup(
                g.Key.TownId,
                g.Key.ChannelMask,
                g.Key.Status,
                g.Key.IndustryMask,
                g.Key.EmploymentMask,
                g.Count(),
                g.Count(h => h.HasLabour),
                g.Sum(h => h.LabourMembers),
                g.Sum(h => h.EmployedLabourMembers),
                g.Count(h => h.LocalLabourMembers > 0),
                g.Sum(h => h.WorkersInDistrict),
                g.Sum(h => h.WorkersInProvince),
                g.Sum(h => h.WorkersOutsideProvince)))
            .ToListAsync(ct);

        var history = await HistoryAsync(db, today, previousHistory, ct);
        var towns = await db.Towns.AsNoTracking().OrderBy(t => t.Id).Select(t => new TownName(t.Id, t.Name)).ToListAsync(ct);
        var settings = await db.PolicySettings.AsNoTracking().ToDictionaryAsync(p => p.Key, p => p.Value, ct);
        lastChangedAt ??= await db.Audit.OrderByDescending(a => a.Id).Select(a => (DateTime?)a.At).FirstOrDefaultAsync(ct);

        return new DistrictFigures(live, history, towns, AssessmentPolicy.FromSettings(settings), today, DateTime.UtcNow, lastChangedAt);
    }

    private static async Task<MonthHistory> HistoryAsync(ReliefDbContext db, DateOnly today, MonthHistory? previous, CancellationToken ct)
    {
        var from = Months.CompletedBefore(today, MonthlyFiguresService.HistoryMonths)[0];
        var taken = await db.FigureMonths.Where(m => m.Month >= from)
            .GroupBy(m => 1).Select(g => new { Count = g.Count(), Last = g.Max(m => m.TakenAt) }).FirstOrDefaultAsync(ct);
        var version = taken is null ? $"{from:yyyy-MM}|0" : $"{from:yyyy-MM}|{taken.Count}|{taken.Last:O}";
        if (previous?.Version == version)
        {
            return previous;
        }

        var rows = await db.MonthlyFigures
            .Where(f => f.Month >= from)
            .GroupBy(f => new { f.Month, f.TownId, f.ChannelMask })
            .Select(g => new MonthGroup(
                g.Key.Month,
                g.Key.TownId,
                g.Key.ChannelMask,
                g.Sum(f => f.Households),
                g.Sum(f => f.Status == HouseholdStatus.Met ? f.Households : 0),
                g.Sum(f => f.Status == HouseholdStatus.AtRisk ? f.Households : 0),
                g.Sum(f => f.Status == HouseholdStatus.InProgress ? f.Households : 0),
                g.Sum(f => f.Status == HouseholdStatus.NoMeasure ? f.Households : 0),
                g.Sum(f => f.Status == HouseholdStatus.SafetyNet ? f.Households : 0),
                g.Sum(f => f.LabourHouseholds),
                g.Sum(f => f.LabourMembers),
                g.Sum(f => f.EmployedLabourMembers),
                g.Sum(f => f.LocalCoveredHouseholds)))
            .ToListAsync(ct);
        return new MonthHistory(version, rows.GroupBy(r => r.Month).ToDictionary(g => g.Key, g => (IReadOnlyList<MonthGroup>)g.ToList()));
    }
}
