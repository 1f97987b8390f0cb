using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Overview;
using ReliefDashboard.Features.Scorecards;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Cli;

/// <summary>
/// Every town's scorecard for one period: the live month as a change reaches it (the dashboard's SQL plus the
/// scoring), a month-end scored from its stored figures (what the monthly job and a close cost), and a stored
/// period read back for the page.
/// </summary>
public static class ScorecardBench
{
    public static async Task RunAsync(IDbContextFactory<ReliefDbContext> factory, int runs)
    {
        var today = CommandLine.Clock.Today();
        var month = Months.CompletedBefore(today, 1)[0];
        Console.WriteLine();
        Console.WriteLine($"{"scorecard",-44} {"median ms",10} {"max ms",10} {"alloc MB",9}");
        MonthHistory? history = null;
        await BenchTimer.TimeAsync("live month: a change → every town scored", runs, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var figures = await DashboardQueries.LoadAsync(db, today, CommandLine.Clock.GetUtcNow().UtcDateTime, null, history);
            history = figures.History;
            var sheet = ScoreSheets.Live(figures);
            return $"{sheet.Towns.Count} towns × {sheet.Columns.Count} indicators, average total {sheet.AverageTotal}";
        });
        await BenchTimer.TimeAsync($"month-end {month:yyyy-MM} scored from its figures", runs, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var settings = await PolicyStore.LoadValuesAsync(db);
            var towns = await db.Towns.AsNoTracking().Select(t => new TownName(t.Id, t.Name)).ToListAsync();
            var rows = await DashboardQueries.ReadMonthsAsync(db, month, month, default);
            var tallies = rows.GroupBy(r => r.TownId).ToDictionary(g => g.Key, g => Tally.Sum(g.Select(r => r.Tally)));
            var sheet = ScoreSheets.Score(PeriodRef.MonthOf(month), false, month, towns, tallies,
                AssessmentPolicy.FromSettings(settings), ScorecardPolicy.FromSettings(settings), await Figures.FlagCounts.AsOfAsync(db, month));
            return $"{rows.Count:N0} figure rows → {sheet.Towns.Count} towns";
        });
        await BenchTimer.TimeAsync("a stored period read back", runs, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var p = await db.ScorePeriods.AsNoTracking().AsSplitQuery().Include(s => s.Rows).ThenInclude(r => r.Cells)
                .OrderByDescending(s => s.EndsOn).FirstAsync();
            var sheet = ScoreSheets.FromStored(p, ScoreSheets.ColumnsOf(p));
            return $"{p.Ref.Label}: {sheet.Towns.Count} towns";
        });
    }
}
