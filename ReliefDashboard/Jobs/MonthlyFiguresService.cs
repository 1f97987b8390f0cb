using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Jobs;

/// <summary>
/// Takes the month-end figures the trend and "change since last month" read: once a day it looks for completed
/// months of the last two years that have none and reconstructs them from the records. A month once taken is
/// never recomputed, so later edits do not rewrite it. Each month taken is scored for the town scorecards too.
/// </summary>
public sealed class MonthlyFiguresService(
    IDbContextFactory<ReliefDbContext> dbFactory,
    DistrictWrite writes,
    TimeProvider clock,
    ILogger<MonthlyFiguresService> logger) : BackgroundService
{
    public const string Source = "每月自动统计";
    private const int ChunkSize = 1000;

    private static readonly UserScope SystemUser = UserScope.System("系统");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DailyRun.EveryDayAsync(clock, TimeSpan.FromMinutes(15), (today, ct) => TakeMissingAsync(today, ct), logger, "month-end figures", stoppingToken);

    /// <returns>The months taken now.</returns>
    public async Task<IReadOnlyList<DateOnly>> TakeMissingAsync(DateOnly today, CancellationToken ct = default)
    {
        List<DateOnly> missing;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var wanted = Months.CompletedBefore(today, Months.History);
            var taken = await db.FigureMonths.Select(m => m.Month).ToListAsync(ct);
            missing = wanted.Except(taken).ToList();
        }
        var request = new WriteRequest(ChangeKind.Figures, Source, "月末统计快照") { IsBulk = true };
        if (missing.Count == 0)
        {
            // Month-ends taken before scorecards existed are scored once, from their stored figures.
            await writes.CommitAsync(request, SystemUser, async w =>
            {
                var scored = await MonthScores.ScoreMissingMonthsAsync(w.Db, w.Now, ct);
                return scored.Count > 0 ? null : Refusal.Unchanged;
            }, ct);
            return [];
        }

        // The records are read outside the write turn, in slices; only the finished figures are written.
        var history = new MonthlyFiguresBuilder(missing, await ReadPolicyAsync(ct), verifiedFor: missing[^1]);
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
            var first = households[0].Id;
            lastId = households[^1].Id;
            var visits = (await chunkDb.Visits.AsNoTracking().Where(v => v.HouseholdId >= first && v.HouseholdId <= lastId)
                    .Select(v => new { v.HouseholdId, v.VisitedOn }).ToListAsync(ct))
                .ToLookup(v => v.HouseholdId, v => v.VisitedOn);
            households.ForEach(h => history.Add(h, visits[h.Id].ToList()));
        }

        var written = await writes.CommitAsync(request, SystemUser, async w =>
        {
            // Taken by another run meanwhile: nothing to do.
            if (await w.Db.FigureMonths.AnyAsync(m => missing.Contains(m.Month), ct))
            {
                return Refusal.Unchanged;
            }
            w.Db.MonthlyFigures.AddRange(history.Rows);
            w.Db.FigureMonths.AddRange(missing.Select(m => new FigureMonth { Month = m, TakenAt = w.Now, Source = Source }));
            w.OnSaved(() => MonthScores.ScoreMissingMonthsAsync(w.Db, w.Now, ct));
            return null;
        }, ct);
        if (!written.Ok)
        {
            return [];
        }
        logger.LogInformation("Month-end figures taken for {Months}", string.Join(", ", missing.Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))));
        return missing;
    }

    private async Task<StatusPolicy> ReadPolicyAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PolicyStore.LoadStatusPolicyAsync(db, ct);
    }
}
