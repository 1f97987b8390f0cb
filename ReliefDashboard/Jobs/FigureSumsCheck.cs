using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Jobs;

/// <summary>What the daily check of the live sums found: rows that had drifted from a fresh count, and whether it restamped them.</summary>
public sealed record FigureSumsReport(IReadOnlyList<string> Drift, bool Rebuilt, DateOnly Since, bool FirstBuild = false);

/// <summary>
/// Once a day (after the status refresh) and on the operator's command: counts the live sums again from the
/// households, compares them with the stored rows, logs any row that drifted, and rewrites them stamped for today.
/// One write through the pipeline, so a save cannot land between the count and the rewrite.
/// </summary>
public static class FigureSumsCheck
{
    public static async Task<FigureSumsReport> RunAsync(DistrictWrite writes, UserScope user, ILogger logger, bool force, CancellationToken ct)
    {
        var report = new FigureSumsReport([], false, default);
        await writes.CommitAsync(new WriteRequest(ChangeKind.Bulk, "汇总核对", "每日汇总核对") { IsBulk = true }, user, async w =>
        {
            var since = FigureSums.VerifiedSince(w.Today, await PolicyStore.LoadStatusPolicyAsync(w.Db, ct));
            var stamp = await FigureSums.StampAsync(w.Db, ct);
            var drift = stamp is null ? [] : await FigureSums.DriftAsync(w.Db, ct);
            report = new FigureSumsReport(drift, force || stamp != since || drift.Count > 0, since, stamp is null);
            if (!report.Rebuilt)
            {
                return Refusal.Unchanged;
            }
            await FigureSums.RebuildAsync(w.Db, since, null, ct);
            return null;
        }, ct);
        if (report.Drift.Count > 0)
        {
            logger.LogWarning("The live sums had drifted from the households in {Count} rows; rebuilt. First: {Rows}",
                report.Drift.Count, string.Join(" | ", report.Drift.Take(5)));
        }
        return report;
    }
}
