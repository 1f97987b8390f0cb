using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Realtime;

namespace ReliefDashboard.Features.Households;

/// <summary>
/// Every change to a household goes through here: validate → check against the database → save with audit
/// rows in one transaction (the household's version guards against lost updates) → recompute the status →
/// tell every open page.
/// </summary>
public sealed partial class HouseholdEditService(
    IDbContextFactory<ReliefDbContext> dbFactory,
    IServiceProvider validators,
    ChangeNotifier notifier,
    CurrentUser user,
    TimeProvider clock,
    ILogger<HouseholdEditService> logger)
{
    public const string FormSource = "表单录入";

    private DateOnly Today => clock.Today();

    private async Task<SaveResult> EditAsync<TInput>(TInput input, Func<ReliefDbContext, Household, Task<string?>> apply, CancellationToken ct)
        where TInput : HouseholdEditInput
    {
        var validation = await validators.GetRequiredService<IValidator<TInput>>().ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var household = await LoadGraphAsync(db, input.HouseholdId, ct);
        if (household is null)
        {
            return SaveResult.NotFound;
        }
        var scope = await user.GetAsync();
        if (!scope.CanEdit(household.TownId))
        {
            db.ChangeTracker.Clear();
            await ActivityLogs.WriteAsync(db, scope, ActivityLog.Kinds.Denied, $"修改搬迁户 {household.Code}", typeof(TInput).Name, ct);
            return SaveResult.Forbidden;
        }
        if (household.Version != input.Version)
        {
            return await ConflictAsync(db, household.Id, input.Version, ct);
        }
        if (await apply(db, household) is { } problem)
        {
            return SaveResult.Invalid(problem);
        }

        // The version the user saw is the one the UPDATE must find; a concurrent save makes it match nothing.
        db.Entry(household).Property(h => h.Version).OriginalValue = input.Version;
        household.Version = input.Version + 1;
        var policy = await PolicyStore.LoadStatusPolicyAsync(db, ct);
        HouseholdStatusUpdater.Recompute(household, Today, policy);
        try
        {
            await db.SaveWithAuditAsync(scope.Name, FormSource, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return await ConflictAsync(fresh, household.Id, input.Version, ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
        {
            // The transaction rolled back: nothing was written, and the form keeps what the user typed.
            logger.LogError(ex, "Saving household {HouseholdId} failed", household.Id);
            return SaveResult.Invalid("保存失败：数据库暂时无法写入，本次修改未保存。您填写的内容仍在表单中，请稍后再试。");
        }
        await RefreshBenefitChecksAsync(db, household.Id, ct);
        notifier.Publish(new DataChange([household.Id]));
        return new SaveResult(SaveOutcome.Saved, [], household.Version, household.Status);
    }

    /// <summary>
    /// A changed job or industry can make a recorded payment eligible or not. The save has already committed; a
    /// failure here leaves the stored check stale until the daily refresh, which is logged, not shown as a failed save.
    /// </summary>
    private async Task RefreshBenefitChecksAsync(ReliefDbContext db, int householdId, CancellationToken ct)
    {
        try
        {
            if (await db.Benefits.AnyAsync(b => b.HouseholdId == householdId, ct))
            {
                var policy = BenefitPolicy.FromSettings(await PolicyStore.LoadValuesAsync(db, ct));
                await Benefits.BenefitLedger.RefreshAsync(db, policy, [householdId], ct);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
        {
            logger.LogWarning(ex, "Re-checking the payments of household {HouseholdId} failed; the daily refresh will", householdId);
        }
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
