using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Jobs;

/// <summary>
/// Time alone changes a status (a job reaches six months, a contract runs out), so once a day every
/// household not yet computed for today is recomputed, in slices, each slice one write through the pipeline
/// (read inside its write turn, so no save can land between the read and the write). Status changes are audited
/// with the rule as source. The refresh does not bump the version, so nobody editing gets a conflict from it.
/// Should a slice still fail, its households are retried one by one, so only the one that failed waits for the next day.
/// </summary>
public sealed class StatusRefreshService(
    IDbContextFactory<ReliefDbContext> dbFactory,
    DistrictWrite writes,
    TimeProvider clock,
    ILogger<StatusRefreshService> logger) : BackgroundService
{
    private const int ChunkSize = 500;

    private static readonly UserScope SystemUser = UserScope.System("系统");

    /// <summary>The day the whole daily run (statuses, payment checks, cross-check, sums check) last finished.</summary>
    public const string DoneKey = "DailyRefresh.Done";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DailyRun.EveryDayAsync(clock, TimeSpan.FromMinutes(5), (today, ct) => DailyAsync(today, ct), logger, "status refresh", stoppingToken);

    /// <summary>
    /// The scheduled run. A restart later the same day recomputes only what is not yet computed for today (nothing,
    /// usually) and skips the whole-district re-checks the morning's run already made.
    /// </summary>
    public async Task DailyAsync(DateOnly today, CancellationToken ct)
    {
        string? done;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            done = await db.SystemInfo.AsNoTracking().Where(i => i.Key == DoneKey).Select(i => i.Value).FirstOrDefaultAsync(ct);
        }
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (done == day)
        {
            var changed = await RecomputeAsync(today, ct, all: false);
            logger.LogInformation("Status refresh for {Date} already ran today; {Count} households recomputed since", today, changed);
            return;
        }
        await RefreshAsync(today, ct);
        await writes.CommitAsync(new WriteRequest(ChangeKind.Figures, HouseholdStatusUpdater.RuleSource, "每日复核完成") { IsBulk = true }, SystemUser, async w =>
        {
            var row = await w.Db.SystemInfo.FirstOrDefaultAsync(i => i.Key == DoneKey, ct);
            if (row is null)
            {
                w.Db.SystemInfo.Add(new SystemInfo { Key = DoneKey, Value = day });
            }
            else
            {
                row.Value = day;
            }
            return null;
        }, ct);
    }

    /// <summary>Recomputes households whose stored status is older than <paramref name="asOf"/>; returns how many changed.</summary>
    public async Task<int> RefreshAsync(DateOnly asOf, CancellationToken ct, bool all = false) =>
        await RecheckAsync(asOf, await RecomputeAsync(asOf, ct, all), ct);

    private async Task<int> RecomputeAsync(DateOnly asOf, CancellationToken ct, bool all)
    {
        var changed = 0;
        var lastId = 0;
        while (true)
        {
            List<int> ids;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                ids = await db.Households.Where(h => h.Id > lastId && (all || h.StatusComputedOn < asOf))
                    .OrderBy(h => h.Id).Select(h => h.Id).Take(ChunkSize).ToListAsync(ct);
            }
            if (ids.Count == 0)
            {
                break;
            }
            lastId = ids[^1];
            var (ok, count) = await RefreshSliceAsync(ids, asOf, ct);
            if (ok)
            {
                changed += count;
                continue;
            }
            foreach (var id in ids)
            {
                var (one, n) = await RefreshSliceAsync([id], asOf, ct);
                changed += n;
                if (!one)
                {
                    logger.LogWarning("Household {HouseholdId} could not be recomputed for {Date}; it is retried at the next run", id, asOf);
                }
            }
        }
        return changed;
    }

    private async Task<int> RecheckAsync(DateOnly asOf, int changed, CancellationToken ct)
    {
        // Payments are re-checked too, so a stored check never outlives a day of missed changes.
        await writes.CommitAsync(new WriteRequest(ChangeKind.Bulk, HouseholdStatusUpdater.RuleSource, "每日补贴规则复核") { IsBulk = true }, SystemUser, async w =>
        {
            w.SkipPaymentChecks = true;
            var rechecked = await BenefitLedger.RefreshAsync(w.Db, BenefitPolicy.FromSettings(await PolicyStore.LoadValuesAsync(w.Db, ct)), null, ct);
            return rechecked > 0 ? null : Refusal.Unchanged;
        }, ct);
        var check = await CrossCheckJob.RunAsync(writes, SystemUser, "每日比对复核", ct);
        // The live sums are checked against a fresh count and restamped for today's visit window.
        await FigureSumsCheck.RunAsync(writes, SystemUser, logger, force: false, ct);
        logger.LogInformation("Status refresh for {Date}: {Count} households changed; cross-check raised {Raised} findings, {Gone} no longer hold",
            asOf, changed, check.Raised, check.Gone);
        return changed;
    }

    private async Task<(bool Ok, int Changed)> RefreshSliceAsync(List<int> ids, DateOnly asOf, CancellationToken ct)
    {
        var changed = 0;
        var written = await writes.CommitAsync(new WriteRequest(ChangeKind.Bulk, HouseholdStatusUpdater.RuleSource, "每日状态重算") { IsBulk = true }, SystemUser, async w =>
        {
            w.AsOf = asOf;
            var policy = await PolicyStore.LoadStatusPolicyAsync(w.Db, ct);
            var households = await w.Db.Households.Where(h => ids.Contains(h.Id) && h.StatusComputedOn <= asOf).WithRecords().ToListAsync(ct);
            changed = households.Count(h => HouseholdStatusUpdater.Recompute(h, asOf, policy));
            // Untouched households need no save and publish nothing.
            return households.Count == 0 ? Refusal.Unchanged : null;
        }, ct);
        return (written.Ok || written.Status == WriteStatus.Unchanged, written.Ok ? changed : 0);
    }
}
