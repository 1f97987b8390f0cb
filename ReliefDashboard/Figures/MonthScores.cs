using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;

namespace ReliefDashboard.Figures;

/// <summary>The month-end scorecards, scored from the stored month-end figures.</summary>
public static class MonthScores
{
    /// <summary>
    /// Scores every month-end that has figures but no scorecard yet, under today's settings, and stores it. Run
    /// by the monthly job after it takes a month and by the demo load; a month once scored is never rescored.
    /// </summary>
    public static async Task<IReadOnlyList<PeriodRef>> ScoreMissingMonthsAsync(ReliefDbContext db, DateTime takenAt, CancellationToken ct = default)
    {
        var figureMonths = await db.FigureMonths.Select(m => m.Month).ToListAsync(ct);
        var scored = (await db.ScorePeriods.Where(p => p.Kind == PeriodKind.Month).Select(p => new { p.Year, p.Number }).ToListAsync(ct))
            .Select(p => new PeriodRef(PeriodKind.Month, p.Year, p.Number)).ToHashSet();
        var missing = figureMonths.Where(m => !scored.Contains(PeriodRef.MonthOf(m))).Order().ToList();
        if (missing.Count == 0)
        {
            return [];
        }
        var settings = await PolicyStore.LoadValuesAsync(db, ct);
        var assessment = AssessmentPolicy.FromSettings(settings);
        var policy = ScorecardPolicy.FromSettings(settings);
        var towns = await db.Towns.AsNoTracking().OrderBy(t => t.Id).Select(t => new TownName(t.Id, t.Name)).ToListAsync(ct);
        foreach (var month in missing)
        {
            var rows = await DashboardQueries.ReadMonthsAsync(db, month, month, ct);
            var tallies = rows.GroupBy(r => r.TownId).ToDictionary(g => g.Key, g => Tally.Sum(g.Select(r => r.Tally)));
            var flags = await FlagCounts.AsOfAsync(db, month, ct);
            var checks = await VerificationCounts.AsOfAsync(db, month, ct);
            var sheet = ScoreSheets.Score(PeriodRef.MonthOf(month), false, month, towns, tallies, assessment, policy, flags, checks);
            db.ScorePeriods.Add(ScoreSheets.ToStored(sheet, takenAt));
        }
        return missing.Select(PeriodRef.MonthOf).ToList();
    }
}
