using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Households;

/// <summary>
/// The registry's forms: each save goes through <see cref="DistrictWrite"/> (validate → town check → apply → status
/// recomputed → audited → one transaction → published). The household's version guards against lost updates: a save
/// made on an older version is refused with what the other person changed.
/// </summary>
public sealed partial class HouseholdEditService(
    DistrictWrite writes,
    CurrentUser user,
    TimeProvider clock)
{
    public const string FormSource = "表单录入";

    private async Task<SaveResult> EditAsync<TInput>(TInput input, Func<ReliefDbContext, Household, Task<string?>> apply, CancellationToken ct)
        where TInput : HouseholdEditInput
    {
        var scope = await user.GetAsync();
        Household? saved = null;
        SaveResult? conflict = null;
        var written = await writes.CommitAsync(input, new WriteRequest(ChangeKind.HouseholdData, FormSource, "修改户信息"), scope, async w =>
        {
            var household = await LoadGraphAsync(w.Db, input.HouseholdId, ct);
            if (household is null)
            {
                return Refusal.NotFound;
            }
            if (!scope.CanEdit(household.TownId))
            {
                return Refusal.Forbidden($"修改搬迁户 {household.Code}", SaveResult.Forbidden.Errors[0]);
            }
            if (household.Version != input.Version)
            {
                conflict = await ConflictAsync(w.Db, household.Id, input.Version, ct);
                return Refusal.Conflict(conflict.Errors);
            }
            if (await apply(w.Db, household) is { } problem)
            {
                return Refusal.Invalid(problem);
            }
            // The version the user saw is the one the UPDATE must find; a concurrent save makes it match nothing.
            w.Db.Entry(household).Property(h => h.Version).OriginalValue = input.Version;
            household.Version = input.Version + 1;
            saved = household;
            return null;
        }, ct);
        return SaveResult.From(written, () => new SaveResult(SaveOutcome.Saved, [], saved!.Version, saved.Status), input.Version, conflict);
    }

    internal static Task<Household?> LoadGraphAsync(ReliefDbContext db, int householdId, CancellationToken ct) =>
        db.Households.WithRecords().SingleOrDefaultAsync(h => h.Id == householdId, ct);

    /// <summary>Each save bumps the version once, so the saves the user missed are the last (current − seen) form saves.</summary>
    private async Task<SaveResult> ConflictAsync(ReliefDbContext db, int householdId, int seenVersion, CancellationToken ct)
    {
        var current = await db.Households.Where(h => h.Id == householdId).Select(h => h.Version).SingleAsync(ct);
        var missed = Math.Clamp(current - seenVersion, 1, 20);
        var stamps = await db.Audit.Where(a => a.HouseholdId == householdId && a.Source != HouseholdStatusUpdater.RuleSource)
            .Select(a => a.At).Distinct().OrderByDescending(at => at).Take(missed).ToListAsync(ct);
        var since = stamps.Count > 0 ? stamps.Min() : DateTime.MaxValue;
        var rows = await db.Audit.AsNoTracking()
            .Where(a => a.HouseholdId == householdId && a.At >= since && a.Source != HouseholdStatusUpdater.RuleSource)
            .OrderBy(a => a.Id).ToListAsync(ct);
        var changes = rows.Select(a =>
            $"{a.User} 于 {clock.ToLocal(a.At):MM-dd HH:mm:ss} {a.Action}{AuditLabels.Entity(a.Entity)}：{AuditLabels.Field(a.Field)} " +
            $"{AuditLabels.Value(a.Field, a.OldValue) ?? "（空）"} → {AuditLabels.Value(a.Field, a.NewValue) ?? "（空）"}").ToList();
        return new SaveResult(SaveOutcome.Conflict,
            ["保存未成功：在您编辑期间，此户数据已被他人修改。您填写的内容仍保留在表单中，请核对下方他人所做的修改后再次保存。"],
            current, null, changes);
    }

    private static DateOnly? Date(DateTime? value) => value is null ? null : DateOnly.FromDateTime(value.Value);
}
