using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Overview;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Cli;

/// <summary>
/// Every number and chart of the dashboard: the shared recomputation a burst of changes costs, each kind of
/// user's tiles and charts from it, and the two together as one change reaches the leading group's screen.
/// </summary>
public static class DashboardBench
{
    public static async Task RunAsync(IDbContextFactory<ReliefDbContext> factory, string file, int runs, int townId)
    {
        var today = CommandLine.Clock.Today();
        DistrictFigures figures = default!;
        var users = new[]
        {
            ("leading group", new UserScope("bench", "领导小组", Roles.LeadingGroup, null, null)),
            ("town staff", new UserScope("bench", "镇街", Roles.TownStaff, townId, null)),
            ("department", new UserScope("bench", "区人社局", Roles.Department, null, "区人社局")),
        };

        Console.WriteLine();
        // The limit: the live sums read raw, with the month-ends' GROUP BY for the first load. Beside it, for scale,
        // the GROUP BY over every household the sums stand for (what each change cost before they were kept).
        const string Sums = "SELECT * FROM FigureSums";
        const string Months = "SELECT Month, TownId, ChannelMask, SUM(Households) FROM MonthlyFigures GROUP BY Month, TownId, ChannelMask";
        using var limit = new BenchLimit(file);
        Console.WriteLine(BenchLimit.Header("dashboard"));
        limit.Print("for scale: GROUP BY over households", runs,
            "SELECT TownId, ChannelMask, Status, IndustryMask, EmploymentMask, COUNT(*), SUM(HasLabour), SUM(LabourMembers), SUM(EmployedLabourMembers), "
            + "SUM(LocalLabourMembers > 0), SUM(WorkersInDistrict), SUM(WorkersInProvince), SUM(WorkersOutsideProvince), SUM(LastVerifiedOn >= date('now', '-90 days')) "
            + "FROM Households GROUP BY TownId, ChannelMask, Status, IndustryMask, EmploymentMask");
        await limit.TimeAsync("first load, with 24 month-ends", runs, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            figures = await DashboardQueries.LoadAsync(db, today, CommandLine.Clock.GetUtcNow().UtcDateTime, null);
            return $"{figures.Live.Count:N0} live groups, {figures.History.Rows:N0} month rows";
        }, Sums + "; " + Months);
        await limit.TimeAsync("recompute after a burst of changes", runs, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            figures = await DashboardQueries.LoadAsync(db, today, CommandLine.Clock.GetUtcNow().UtcDateTime, null, figures.History);
            return $"{figures.Live.Count:N0} live groups; month-ends unchanged, kept";
        }, Sums);
        foreach (var (name, scope) in users)
        {
            await BenchTimer.TimeAsync($"one user's tiles + 5 charts ({name})", runs, () =>
            {
                var view = DashboardView.For(figures, scope);
                var parts = new object[]
                {
                    KpiTiles.Build(view), TownCharts.TownLeague(view), TownCharts.StatusByTown(view), OverviewCharts.ChannelMix(view),
                    OverviewCharts.Workplaces(view), OverviewCharts.AttainmentTrend(DashboardView.TrendFor(figures, scope, [townId]), view.Policy),
                };
                return Task.FromResult($"{view.Now.Households:N0} households, {parts.Length} parts");
            });
        }
        await limit.TimeAsync("a change, to the leader's redrawn dashboard", runs, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var all = await DashboardQueries.LoadAsync(db, today, CommandLine.Clock.GetUtcNow().UtcDateTime, null, figures.History);
            var view = DashboardView.For(all, users[0].Item2);
            _ = (KpiTiles.Build(view), TownCharts.TownLeague(view), TownCharts.StatusByTown(view), OverviewCharts.ChannelMix(view),
                OverviewCharts.Workplaces(view), OverviewCharts.AttainmentTrend(DashboardView.TrendFor(all, users[0].Item2, []), view.Policy));
            return $"attainment {view.Now.AttainmentPercent(view.Policy)}%";
        }, Sums);
    }
}
