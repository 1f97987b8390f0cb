using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Realtime;

namespace ReliefDashboard.Features.Supervision;

public sealed record FlagInput(
    int? TownId,
    string? Department,
    string Reason,
    IndicatorKind? Indicator,
    string RequiredAction,
    DateOnly Deadline,
    FlagSeverity Severity,
    IReadOnlyList<int> HouseholdIds,
    string? SuggestionKey = null);

public sealed record FlagResult(bool Ok, string? Error, int? FlagId = null)
{
    public static FlagResult Fail(string error) => new(false, error);
}

public enum FlagView
{
    Mine,
    Overdue,
    All,
}

public sealed record FlagRow(
    int Id,
    string Addressee,
    int? TownId,
    string Reason,
    IndicatorKind? Indicator,
    FlagSeverity Severity,
    FlagState State,
    DateOnly Deadline,
    bool Overdue,
    int Households,
    string RaisedBy,
    DateTime RaisedAt,
    DateOnly? ClosedOn);

/// <summary>
/// Supervision flags (督办) and their workflow. Every step is checked against <see cref="FlagRules"/> for the
/// signed-in user, against the version the user saw (two people cannot both act on one state), and written with
/// its history row in one save; a refused step writes nothing but the security log.
/// </summary>
public sealed class FlagService(
    IDbContextFactory<ReliefDbContext> dbFactory,
    CurrentUser current,
    EvidenceStore evidence,
    ChangeNotifier notifier,
    TimeProvider clock)
{
    public const string Stale = "此督办件已被他人处理，请刷新后查看最新状态";

    private DateOnly Today => clock.Today();

    public async Task<FlagResult> RaiseAsync(FlagInput input, CancellationToken ct = default)
    {
        var scope = await current.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (FlagRules.Refusal(FlagAction.Raise, null, scope, null) is { } refusal)
        {
            await ActivityLogs.WriteAsync(db, scope, ActivityLog.Kinds.Denied, "下发督办", input.Reason, ct);
            return FlagResult.Fail(refusal);
        }
        if (await ProblemAsync(db, input, ct) is { } problem)
        {
            return FlagResult.Fail(problem);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var flag = new SupervisionFlag
        {
            TownId = input.TownId,
            Department = input.TownId is null ? input.Department : null,
            Reason = input.Reason.Trim(),
            Indicator = input.Indicator,
            RequiredAction = input.RequiredAction.Trim(),
            Deadline = input.Deadline,
            Severity = input.Severity,
            State = FlagState.Open,
            RaisedBy = scope.Name,
            RaisedAt = now,
            SuggestionKey = input.SuggestionKey,
            Households = input.HouseholdIds.Distinct().Select(id => new FlagHousehold { HouseholdId = id }).ToList(),
        };
        flag.Events.Add(new FlagEvent { At = now, User = scope.Name, Action = FlagAction.Raise, To = FlagState.Open, Text = flag.RequiredAction });
        db.Flags.Add(flag);
        await db.SaveChangesAsync(ct);
        notifier.Publish(new DataChange([]));
        return new FlagResult(true, null, flag.Id);
    }

    private async Task<string?> ProblemAsync(ReliefDbContext db, FlagInput input, CancellationToken ct)
    {
        if (input.TownId is null == string.IsNullOrWhiteSpace(input.Department))
        {
            return "请选择被督办的镇街或牵头部门（二选一）";
        }
        if (input.TownId is { } town && !await db.Towns.AnyAsync(t => t.Id == town, ct))
        {
            return "所选镇街不存在";
        }
        if (input.TownId is null && !LeadUnits.Channels.ContainsKey(input.Department!.Trim()))
        {
            return "所选牵头部门不存在";
        }
        if (input.Reason.Trim().Length is < 4 or > 1000)
        {
            return "督办事由应为4至1000字";
        }
        if (input.RequiredAction.Trim().Length is < 4 or > 1000)
        {
            return "整改要求应为4至1000字";
        }
        if (input.Deadline < Today || input.Deadline > Today.AddDays(365))
        {
            return "整改期限应在今天至一年之内";
        }
        var ids = input.HouseholdIds.Distinct().ToList();
        if (ids.Count > 500)
        {
            return "一件督办最多关联500户";
        }
        if (ids.Count > 0)
        {
            var found = await db.Households.Where(h => ids.Contains(h.Id)).Select(h => new { h.Id, h.TownId }).ToListAsync(ct);
            if (found.Count != ids.Count)
            {
                return "关联的搬迁户有的不存在";
            }
            if (input.TownId is { } t && found.Any(h => h.TownId != t))
            {
                return "关联的搬迁户须属于被督办的镇街";
            }
        }
        return null;
    }

    public Task<FlagResult> AcknowledgeAsync(int id, int version, CancellationToken ct = default) =>
        StepAsync(id, version, FlagAction.Acknowledge, null, [], ct);

    public Task<FlagResult> AnswerAsync(int id, int version, string response, IReadOnlyList<EvidenceUpload> files, CancellationToken ct = default) =>
        StepAsync(id, version, FlagAction.Answer, response, files, ct);

    public Task<FlagResult> CloseAsync(int id, int version, string? note, CancellationToken ct = default) =>
        StepAsync(id, version, FlagAction.Close, note, [], ct);

    public Task<FlagResult> ReturnAsync(int id, int version, string reason, CancellationToken ct = default) =>
        StepAsync(id, version, FlagAction.Return, reason, [], ct);

    private async Task<FlagResult> StepAsync(int id, int version, FlagAction action, string? text, IReadOnlyList<EvidenceUpload> files, CancellationToken ct)
    {
        var scope = await current.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var flag = await db.Flags.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (flag is null || !FlagRules.CanRead(scope, flag))
        {
            if (flag is not null)
            {
                await ActivityLogs.WriteAsync(db, scope, ActivityLog.Kinds.Denied, $"督办件#{id} {Labels.Of(action)}", null, ct);
            }
            return FlagResult.Fail($"找不到编号为 {id} 的督办件");
        }
        if (FlagRules.Refusal(action, flag.State, scope, flag) is { } refusal)
        {
            if (!FlagRules.IsAddressee(scope, flag) && scope.Role != Roles.Supervisor)
            {
                await ActivityLogs.WriteAsync(db, scope, ActivityLog.Kinds.Denied, $"督办件#{id} {Labels.Of(action)}", null, ct);
            }
            return FlagResult.Fail(refusal);
        }
        if (flag.Version != version)
        {
            return FlagResult.Fail(Stale);
        }
        var words = text?.Trim();
        switch (action)
        {
            case FlagAction.Answer when words is not { Length: >= 4 and <= 2000 }:
                return FlagResult.Fail("请填写整改情况（4至2000字）");
            case FlagAction.Return when words is not { Length: >= 4 and <= 2000 }:
                return FlagResult.Fail("请填写退回理由（4至2000字）");
            case FlagAction.Close when words is { Length: > 2000 }:
                return FlagResult.Fail("核验意见不能超过2000字");
        }
        if (files.Count > 0)
        {
            var settings = await PolicyStore.LoadValuesAsync(db, ct);
            if (EvidenceStore.Problem(files, SupervisionPolicy.FromSettings(settings)) is { } bad)
            {
                return FlagResult.Fail(bad);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var step = new FlagEvent { FlagId = flag.Id, At = now, User = scope.Name, Action = action, From = flag.State, To = FlagRules.After(action), Text = string.IsNullOrEmpty(words) ? null : words };
        flag.State = step.To;
        flag.Version++;
        if (action == FlagAction.Close)
        {
            flag.ClosedOn = Today;
        }
        db.FlagEvents.Add(step);
        var stored = files.Count > 0 ? await evidence.WriteAsync(files, scope.Name, now, ct) : [];
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            foreach (var file in stored)
            {
                file.FlagId = flag.Id;
                file.EventId = step.Id;
            }
            db.FlagEvidence.AddRange(stored);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            evidence.Delete(stored);
            return FlagResult.Fail(Stale);
        }
        catch
        {
            evidence.Delete(stored);
            throw;
        }
        notifier.Publish(new DataChange([]));
        return new FlagResult(true, null, flag.Id);
    }

    public async Task<SupervisionFlag?> GetAsync(int id, CancellationToken ct = default)
    {
        var scope = await current.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var flag = await db.Flags.AsNoTracking().AsSplitQuery()
            .Include(f => f.Town)
            .Include(f => f.Households).ThenInclude(h => h.Household)
            .Include(f => f.Events.OrderBy(e => e.Id))
            .Include(f => f.Evidence)
            .FirstOrDefaultAsync(f => f.Id == id, ct);
        if (flag is not null && !FlagRules.CanRead(scope, flag))
        {
            // An outsider opening a flag (a guessed link): refused and recorded, and shown as not found.
            await ActivityLogs.WriteAsync(db, scope, ActivityLog.Kinds.Denied, $"查看督办件#{id}", null, ct);
            return null;
        }
        return flag;
    }

    /// <summary>An evidence file the user may read (they may read its flag), with where its bytes are.</summary>
    public async Task<(FlagEvidence File, string Path)?> EvidenceAsync(long evidenceId, CancellationToken ct = default)
    {
        var scope = await current.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.FlagEvidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId, ct);
        if (file is null)
        {
            return null;
        }
        var flag = await db.Flags.AsNoTracking().Include(f => f.Town).FirstOrDefaultAsync(f => f.Id == file.FlagId, ct);
        if (flag is null || !FlagRules.CanRead(scope, flag))
        {
            await ActivityLogs.WriteAsync(db, scope, ActivityLog.Kinds.Denied, $"下载督办件#{file.FlagId}的佐证材料", file.FileName, ct);
            return null;
        }
        return (file, evidence.PathOf(file));
    }

    /// <summary>The flags a user may see: their own (per role), the overdue ones, or all, newest first.</summary>
    public async Task<IReadOnlyList<FlagRow>> ListAsync(FlagView view, int? townId = null, FlagState? state = null, CancellationToken ct = default)
    {
        var scope = await current.GetAsync();
        var today = Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Visible(db.Flags.AsNoTracking(), scope);
        query = view switch
        {
            FlagView.Overdue => query.Where(f => f.State != FlagState.Closed && f.Deadline < today),
            FlagView.Mine when scope.Role == Roles.Supervisor => query.Where(f => f.RaisedBy == scope.Name),
            _ => query,
        };
        if (townId is { } town)
        {
            query = query.Where(f => f.TownId == town);
        }
        if (state is { } s)
        {
            query = query.Where(f => f.State == s);
        }
        var rows = await query.OrderByDescending(f => f.Id).Take(500).Select(f => new
        {
            f.Id,
            Town = f.Town != null ? f.Town.Name : null,
            f.Department,
            f.TownId,
            f.Reason,
            f.Indicator,
            f.Severity,
            f.State,
            f.Deadline,
            Households = f.Households.Count,
            f.RaisedBy,
            f.RaisedAt,
            f.ClosedOn,
        }).ToListAsync(ct);
        return rows.Select(r => new FlagRow(r.Id, r.Town ?? r.Department ?? "", r.TownId, r.Reason, r.Indicator, r.Severity, r.State, r.Deadline,
            r.State != FlagState.Closed && r.Deadline < today, r.Households, r.RaisedBy, r.RaisedAt, r.ClosedOn)).ToList();
    }

    public async Task<SupervisionPolicy> PolicyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return SupervisionPolicy.FromSettings(await PolicyStore.LoadValuesAsync(db, ct));
    }

    public async Task<IReadOnlyList<(int Id, string Name)>> TownsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Towns.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name)).ToList();
    }

    /// <summary>Household codes typed or pasted (any separator) to ids; the codes not found are returned to be shown.</summary>
    /// <summary>The codes of households, in code order, for the raise dialog's household box.</summary>
    public async Task<IReadOnlyList<string>> CodesOfAsync(IReadOnlyList<int> householdIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).OrderBy(h => h.Code).Select(h => h.Code).ToListAsync(ct);
    }

    public async Task<(IReadOnlyList<int> Ids, IReadOnlyList<string> Unknown)> ResolveCodesAsync(string? text, CancellationToken ct = default)
    {
        var codes = (text ?? "").Split([',', '，', ';', '；', ' ', '\n', '\r', '\t', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct().Take(501).ToList();
        if (codes.Count == 0)
        {
            return ([], []);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Households.AsNoTracking().Where(h => codes.Contains(h.Code)).Select(h => new { h.Id, h.Code }).ToListAsync(ct);
        return (found.Select(f => f.Id).ToList(), codes.Except(found.Select(f => f.Code)).ToList());
    }

    public static IQueryable<SupervisionFlag> Visible(IQueryable<SupervisionFlag> flags, UserScope scope) => scope.Role switch
    {
        Roles.TownStaff => flags.Where(f => f.TownId == scope.TownId),
        Roles.Department => flags.Where(f => f.Department == scope.Department),
        _ => scope.ReadsWholeDistrict ? flags : flags.Where(f => false),
    };
}
