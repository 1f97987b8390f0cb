using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Scorecards;
using ReliefDashboard.Realtime;

namespace ReliefDashboard.Features.Overview;

/// <summary>
/// Takes the month-end figures the trend and "change since last month" read: once a day it looks for completed
/// months of the last two years that have none and reconstructs them from the records. A month once taken is
/// never recomputed, so later edits do not rewrite it. Each month taken is scored for the town scorecards too.
/// </summary>
public sealed class MonthlyFiguresService(
    IDbContextFactory<ReliefDbContext> dbFactory,
    ChangeNotifier notifier,
    TimeProvider clock,
    ILogger<MonthlyFiguresService> logger) : BackgroundService
{
    public const string Source = "每月自动统计";
    private const int ChunkSize = 1000;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DailyRun.EveryDayAsync(clock, TimeSpan.FromMinutes(15), (today, ct) => TakeMissingAsync(today, ct), logger, "month-end figures", stoppingToken);

    /// <returns>The months taken now.</returns>
    public async Task<IReadOnlyList<DateOnly>> TakeMissingAsync(DateOnly today, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var wanted = Months.CompletedBefore(today, Months.History);
        var taken = await db.FigureMonths.Select(m => m.Month).ToListAsync(ct);
        var missing = wanted.Except(taken).ToList();
        if (missing.Count == 0)
        {
            // Month-ends taken before scorecards existed are scored once, from their stored figures.
            if ((await ScorecardService.ScoreMissingMonthsAsync(db, DateTime.UtcNow, ct)).Count > 0)
            {
                notifier.Publish(new DataChange([]));
            }
            return [];
        }

        var history = new MonthlyFiguresBuilder(missing, await PolicyStore.LoadStatusPolicyAsync(db, ct));
        var lastId = 0;
        while (true)
        {
            await using var chunkDb = await dbFactory.CreateDbContextAsync(ct);
            var households = await chunkDb.Households.AsNoTracking().Where(h => h.Id > lastId).OrderBy(h => h.Id)
                .Take(ChunkSize).WithRecords().ToListAsync(ct);
            if (households.Count == 0)
            {
                break;
            }
            lastId = households[^1].Id;
            households.ForEach(history.Add);
        }

        db.MonthlyFigures.AddRange(history.Rows);
        db.FigureMonths.AddRange(missing.Select(m => new FigureMonth { Month = m, TakenAt = DateTime.UtcNow, Source = Source }));
        await db.SaveChangesAsync(ct);
        await ScorecardService.ScoreMissingMonthsAsync(db, DateTime.UtcNow, ct);
        logger.LogInformation("Month-end figures taken for {Months}", string.Join(", ", missing.Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))));
        notifier.Publish(new DataChange([]));
        return missing;
    }
}
