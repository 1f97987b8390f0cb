using ReliefDashboard.Checks;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Jobs;

/// <summary>
/// The cross-check of the whole district as one bulk write: after a rule's setting changes, and every day after the
/// status refresh (a registration's end date or a job's sixth month moves findings without any record changing).
/// </summary>
public static class CrossCheckJob
{
    public static async Task<CheckRun> RunAsync(DistrictWrite writes, UserScope user, string why, CancellationToken ct)
    {
        var run = CheckRun.Nothing;
        await writes.CommitAsync(new WriteRequest(ChangeKind.Verification, "部门数据比对", why) { IsBulk = true }, user, async w =>
        {
            var settings = await PolicyStore.LoadValuesAsync(w.Db, ct);
            run = await CrossCheck.RunAsync(w.Db, w.Transaction, new CheckRequest(w.AsOf, w.Now, StatusPolicy.FromSettings(settings), VerificationPolicy.FromSettings(settings),
                null, user.Name, _ => $"{why}：按{w.Today:yyyy-MM-dd}的记录与部门数据，疑点条件已不再成立"), ct);
            w.SkipCrossCheck = true;
            return run == CheckRun.Nothing ? Refusal.Unchanged : null;
        }, ct);
        return run;
    }
}
