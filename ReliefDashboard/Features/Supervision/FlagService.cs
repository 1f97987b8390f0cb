using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

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

/// <summary>A step on a flag: which flag, the version the user saw, what they do and the words they give.</summary>
public sealed record FlagStepInput(int FlagId, int Version, FlagAction Action, string? Text);

/// <summary>A new flag's own rules; that its town and households exist is checked against the database.</summary>
public sealed class FlagInputValidator : FluentValidation.AbstractValidator<FlagInput>
{
    public FlagInputValidator(TimeProvider clock)
    {
        RuleFor(x => x).Must(x => x.TownId is null != string.IsNullOrWhiteSpace(x.Department)).WithMessage("请选择被督办的镇街或牵头部门（二选一）");
        RuleFor(x => x.Department).Must(d => LeadUnits.Channels.ContainsKey(d!.Trim())).When(x => x.TownId is null && !string.IsNullOrWhiteSpace(x.Department))
            .WithMessage("所选牵头部门不存在");
        RuleFor(x => x.Reason).Must(r => r.Trim().Length is >= 4 and <= 1000).WithMessage("督办事由应为4至1000字");
        RuleFor(x => x.RequiredAction).Must(r => r.Trim().Length is >= 4 and <= 1000).WithMessage("整改要求应为4至1000字");
        RuleFor(x => x.Deadline).Must(d => d >= clock.Today() && d <= clock.Today().AddDays(365)).WithMessage("整改期限应在今天至一年之内");
        RuleFor(x => x.HouseholdIds).Must(ids => ids.Distinct().Count() <= 500).WithMessage("一件督办最多关联500户");
    }
}

public sealed class FlagStepInputValidator : FluentValidation.AbstractValidator<FlagStepInput>
{
    public FlagStepInputValidator()
    {
        RuleFor(x => x.Text).Must(t => t?.Trim() is { Length: >= 4 and <= 2000 }).When(x => x.Action == FlagAction.Answer).WithMessage("请填写整改情况（4至2000字）");
        RuleFor(x => x.Text).Must(t => t?.Trim() is { Length: >= 4 and <= 2000 }).When(x => x.Action == FlagAction.Return).WithMessage("请填写退回理由（4至2000字）");
        RuleFor(x => x.Text).Must(t => t is null || t.Trim().Length <= 2000).When(x => x.Action == FlagAction.Close).WithMessage("核验意见不能超过2000字");
    }
}

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
    DistrictWrite writes,
    TimeProvider clock)
{
    public const string Stale = "此督办件已被他人处理，请刷新后查看最新状态";

    private DateOnly Today => clock.Today();

    public async Task<FlagResult> RaiseAsync(FlagInput input, CancellationToken ct = default)
    {
        var scope = await current.GetAsync();
        SupervisionFlag? raised = null;
        var written = await writes.CommitAsync(input, new WriteRequest(ChangeKind.Flag, "督办", "下发督办"), scope, async w =>
        {
            if (FlagRules.Refusal(FlagAction.Raise, null, scope, null) is { } refusal)
            {
                return Refusal.Forbidden("下发督办", refusal);
            }
            if (await ProblemAsync(w.Db, input, ct) is { } problem)
            {
                return Refusal.Invalid(problem);
            }
            var flag = new SupervisionFlag
            {
                TownId = input.TownId,
                Department = input.TownId is null ? input.Department!.Trim() : null,
                Reason = input.Reason.Trim(),
                Indicator = input.Indicator,
                RequiredAction = input.RequiredAction.Trim(),
                Deadline = input.Deadline,
                Severity = input.Severity,
                State = FlagState.Open,
                RaisedBy = scope.Name,
                RaisedAt = w.Now,
                SuggestionKey = input.SuggestionKey,
                Households = input.HouseholdIds.Distinct().Select(id => new FlagHousehold { HouseholdId = id }).ToList(),
            };
            flag.Events.Add(new FlagEvent { At = w.Now, User = scope.Name, Action = FlagAction.Raise, To = FlagState.Open, Text = flag.RequiredAction });
            w.Db.Flags.Add(flag);
            w.Touched(input.HouseholdIds.Distinct());
            if (input.TownId is { } town)
            {
                w.TouchedTowns([town]);
            }
            raised = flag;
            return null;
        }, ct);
        return written.Ok ? new FlagResult(true, null, raised!.Id) : FlagResult.Fail(written.Problems[0]);
    }

    /// <summary>What only the database can answer: the town, the department and the households exist and belong together.</summary>
    private static async Task<string?> ProblemAsync(ReliefDbContext db, FlagInput input, CancellationToken ct)
    {
        if (input.TownId is { } town && !await db.Towns.AnyAsync(t => t.Id == town, ct))
        {
            return "所选镇街不存在";
        }
        var ids = input.HouseholdIds.Distinct().ToList();
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
        var input = new FlagStepInput(id, version, action, text);
        List<FlagEvidence> stored = [];
        var written = await writes.CommitAsync(input, new WriteRequest(ChangeKind.Flag, "督办", $"督办件#{id} {Labels.Of(action)}"), scope, async w =>
        {
            var db = w.Db;
            var flag = await db.Flags.FirstOrDefaultAsync(f => f.Id == id, ct);
            if (flag is null || !FlagRules.CanRead(scope, flag))
            {
                var missing = $"找不到编号为 {id} 的督办件";
                return flag is null ? Refusal.Invalid(missing) : Refusal.Forbidden($"督办件#{id} {Labels.Of(action)}", missing);
            }
            if (FlagRules.Refusal(action, flag.State, scope, flag) is { } refusal)
            {
                return !FlagRules.IsAddressee(scope, flag) && scope.Role != Roles.Supervisor
                    ? Refusal.Forbidden($"督办件#{id} {Labels.Of(action)}", refusal)
                    : Refusal.Invalid(refusal);
            }
            if (flag.Version != version)
            {
                return Refusal.Conflict(Stale);
            }
            if (files.Count > 0)
            {
                var settings = await PolicyStore.LoadValuesAsync(db, ct);
                if (EvidenceStore.Problem(files, SupervisionPolicy.FromSettings(settings)) is { } bad)
                {
                    return Refusal.Invalid(bad);
                }
            }
            var words = text?.Trim();
            var step = new FlagEvent { FlagId = flag.Id, At = w.Now, User = scope.Name, Action = action, From = flag.State, To = FlagRules.After(action), Text = string.IsNullOrEmpty(words) ? null : words };
            flag.State = step.To;
            flag.Version++;
            if (action == FlagAction.Close)
            {
                flag.ClosedOn = w.Today;
            }
            flag.Events.Add(step);
            // The files are on disk before the commit; a rolled-back step deletes them again below.
            stored = files.Count > 0 ? await evidence.WriteAsync(files, scope.Name, w.Now, ct) : [];
            // The step's id exists once it is saved; the files are linked to it in the same transaction.
            w.OnSaved(() =>
            {
                foreach (var file in stored)
                {
                    file.FlagId = flag.Id;
                    file.EventId = step.Id;
                }
                db.FlagEvidence.AddRange(stored);
            });
            if (flag.TownId is { } town)
            {
                w.TouchedTowns([town]);
            }
            return null;
        }, ct);
        if (!written.Ok)
        {
            evidence.Delete(stored);
            return FlagResult.Fail(written.Problems[0]);
        }
        return new FlagResult(true, null, id);
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
            await ActivityLogs.WriteAsync(db, clock, scope, ActivityLog.Kinds.Denied, $"查看督办件#{id}", null, ct);
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
            await ActivityLogs.WriteAsync(db, clock, scope, ActivityLog.Kinds.Denied, $"下载督办件#{file.FlagId}的佐证材料", file.FileName, ct);
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
