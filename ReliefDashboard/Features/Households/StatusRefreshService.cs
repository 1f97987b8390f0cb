using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Realtime;

namespace ReliefDashboard.Features.Households;

/// <summary>
/// Time alone changes a status (a job reaches six months, a contract runs out), so once a day every
/// household not yet computed for today is recomputed. Status changes are audited with the rule as source.
/// The refresh does not bump the version, so nobody editing gets a conflict from it, but a user's save that
/// lands in between wins: that chunk is skipped, the save has already recomputed the household.
/// </summary>
public sealed class StatusRefreshService(
    IDbContextFactory<ReliefDbContext> dbFactory,
    ChangeNotifier notifier,
    TimeProvider clock,
    ILogger<StatusRefreshService> logger) : BackgroundService
{
    private const int ChunkSize = 500;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DailyRun.EveryDayAsync(clock, TimeSpan.FromMinutes(5), (today, ct) => RefreshAsync(today, ct), logger, "status refresh", stoppingToken);

    /// <summary>Recomputes households whose stored status is older than <paramref name="asOf"/>; returns how many changed.</summary>
    public async Task<int> RefreshAsync(DateOnly asOf, CancellationToken ct, bool all = false)
    {
        var changed = new List<int>();
        var lastId = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var ids = await db.Households.Where(h => h.Id > lastId && (all || h.StatusComputedOn < asOf))
                .OrderBy(h => h.Id).Select(h => h.Id).Take(ChunkSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }
            lastId = ids[^1];
            var policy = await PolicyStore.LoadStatusPolicyAsync(db, ct);
            var households = await db.Households.Where(h => ids.Contains(h.Id)).WithRecords().ToListAsync(ct);
            var chunkChanged = households.Where(h => HouseholdStatusUpdater.Recompute(h, asOf, policy))
                .Select(h => h.Id).ToList();
            try
            {
                await db.SaveWithAuditAsync("系统", HouseholdStatusUpdater.RuleSource, ct);
                changed.AddRange(chunkChanged);
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("A user saved during the status refresh; households {First}..{Last} keep the status that save computed", ids[0], lastId);
            }
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Payments are re-checked too, so a stored check never outlives a day of missed changes.
            var rechecked = await Benefits.BenefitLedger.RefreshAsync(db, BenefitPolicy.FromSettings(await PolicyStore.LoadValuesAsync(db, ct)), null, ct);
            if (rechecked > 0 && changed.Count == 0)
            {
                notifier.Publish(new DataChange([]));
            }
        }
        if (changed.Count > 0)
        {
            notifier.Publish(new DataChange(changed));
        }
        logger.LogInformation("Status refresh for {Date}: {Count} households changed", asOf, changed.Count);
        return changed.Count;
    }
}
