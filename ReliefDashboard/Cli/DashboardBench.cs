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
    public static async Task RunAsync(IDbContextFactory<ReliefDbContext> factory, int runs, int townId)
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
        Console.WriteLine($"{"dashboard",-44} {"median ms",10} {"max ms",10} {"alloc MB",9}");
        await BenchTimer.TimeAsync("first load, with 24 month-ends", runs, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            figures = await DashboardQueries.LoadAsync(db, today, CommandLine.Clock.GetUtcNow().UtcDateTime, null);
            return $"{figures.Live.Count:N0} live groups, {figures.History.Rows:N0} month rows";
        });
        await BenchTimer.TimeAsync("recompute after a burst of changes", runs, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            figures = await DashboardQueries.LoadAsync(db, today, CommandLine.Clock.GetUtcNow().UtcDateTime, null, figures.History);
            return $"{figures.Live.Count:N0} live groups; month-ends unchanged, kept";
        });
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
        await BenchTimer.TimeAsync("a change, to the leader's redrawn dashboard", runs, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var all = await DashboardQueries.LoadAsync(db, today, CommandLine.Clock.GetUtcNow().UtcDateTime, null, figures.History);
            var view = DashboardView.For(all, users[0].Item2);
            _ = (KpiTiles.Build(view), TownCharts.TownLeague(view), TownCharts.StatusByTown(view), OverviewCharts.ChannelMix(view),
                OverviewCharts.Workplaces(view), OverviewCharts.AttainmentTrend(DashboardView.TrendFor(all, users[0].Item2, []), view.Policy));
            return $"attainment {view.Now.AttainmentPercent(view.Policy)}%";
        });
    }
}
