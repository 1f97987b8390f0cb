using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Supervision;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Verification;

/// <summary>A step of the verification loop: which finding, the version the user saw, the step, the words, the visit day.</summary>
public sealed record FindingStepInput(int FindingId, int Version, FindingAction Action, string? Text, DateOnly? VisitedOn = null);

public sealed class FindingStepInputValidator : AbstractValidator<FindingStepInput>
{
    public FindingStepInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Action).Must(a => a is FindingAction.Visit or FindingAction.ConfirmWrong or FindingAction.Explain or FindingAction.Verify or FindingAction.Return)
            .WithMessage("不支持的操作");
        RuleFor(x => x.VisitedOn).NotNull().When(x => x.Action == FindingAction.Visit).WithMessage("请填写入户日期");
        RuleFor(x => x.VisitedOn).Must(d => d <= clock.Today() && d > clock.Today().AddDays(-60)).When(x => x.VisitedOn is not null)
            .WithMessage("入户日期应在今天及之前60天内");
        RuleFor(x => x.Text).Must(t => t?.Trim() is { Length: >= 4 and <= 2000 }).When(x => x.Action == FindingAction.Visit).WithMessage("请填写入户了解的情况（4至2000字）");
        RuleFor(x => x.Text).Must(t => t?.Trim() is { Length: >= 4 and <= 2000 }).When(x => x.Action == FindingAction.ConfirmWrong).WithMessage("请说明核实情况和更正内容（4至2000字）");
        RuleFor(x => x.Text).Must(t => t?.Trim() is { Length: >= 10 and <= 2000 }).When(x => x.Action == FindingAction.Explain).WithMessage("核实不实须说明理由（10至2000字）");
        RuleFor(x => x.Text).Must(t => t?.Trim() is { Length: >= 4 and <= 2000 }).When(x => x.Action == FindingAction.Return).WithMessage("请填写退回理由（4至2000字）");
        RuleFor(x => x.Text).Must(t => t is null || t.Trim().Length <= 2000).When(x => x.Action == FindingAction.Verify).WithMessage("核验意见不能超过2000字");
    }
}

public sealed record FindingResult(bool Ok, string? Error)
{
    public static readonly FindingResult Success = new(true, null);
}

/// <summary>
/// The verification loop (核实闭环). The town's staff visit the home and conclude — 核实属实 only after correcting
/// the record through the normal forms (the cross-check links the correction), 核实不实 only with a reason and
/// evidence — and a supervisor accepts the conclusion or sends it back. Every step checks the user against
/// <see cref="FindingRules"/> and the version the user saw, and is written with its history row in one commit.
/// </summary>
public sealed class FindingService(
    IDbContextFactory<ReliefDbContext> dbFactory,
    CurrentUser current,
    EvidenceStore evidence,
    DistrictWrite writes,
    TimeProvider clock)
{
    public const string Stale = "此疑点已被他人处理，请刷新后查看最新状态";

    public async Task<IReadOnlyList<FindingRow>> ListAsync(FindingFilter filter, int take = 500, CancellationToken ct = default)
    {
        var user = await current.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FindingRows.ListAsync(db, user, clock.Today(), filter, take, ct);
    }

    /// <summary>The finding with its history and evidence, or null (also for a user who may not read it: refused and logged).</summary>
    public async Task<(Finding Finding, IReadOnlyList<VerificationEvidence> Evidence, string Town, string HouseholdCode)?> GetAsync(int id, CancellationToken ct = default)
    {
        var user = await current.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var finding = await db.Findings.AsNoTracking().Include(f => f.Household).Include(f => f.Events.OrderBy(e => e.Id)).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (finding is null)
        {
            return null;
        }
        if (!FindingRules.CanRead(user, finding.TownId))
        {
            await ActivityLogs.WriteAsync(db, clock, user, ActivityLog.Kinds.Denied, $"查看疑点#{id}", null, ct);
            return null;
        }
        var files = await db.VerificationEvidence.AsNoTracking().Where(e => e.FindingId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var town = await db.Towns.AsNoTracking().Where(t => t.Id == finding.TownId).Select(t => t.Name).FirstAsync(ct);
        return (finding, files, town, finding.Household!.Code);
    }

    public Task<FindingResult> VisitAsync(int id, int version, DateOnly visitedOn, string note, CancellationToken ct = default) =>
        StepAsync(new FindingStepInput(id, version, FindingAction.Visit, note, visitedOn), [], ct);

    public Task<FindingResult> ConfirmWrongAsync(int id, int version, string note, CancellationToken ct = default) =>
        StepAsync(new FindingStepInput(id, version, FindingAction.ConfirmWrong, note), [], ct);

    public Task<FindingResult> ExplainAsync(int id, int version, string reason, IReadOnlyList<EvidenceUpload> files, CancellationToken ct = default) =>
        StepAsync(new FindingStepInput(id, version, FindingAction.Explain, reason), files, ct);

    public Task<FindingResult> VerifyAsync(int id, int version, string? note, CancellationToken ct = default) =>
        StepAsync(new FindingStepInput(id, version, FindingAction.Verify, note), [], ct);

    public Task<FindingResult> ReturnAsync(int id, int version, string reason, CancellationToken ct = default) =>
        StepAsync(new FindingStepInput(id, version, FindingAction.Return, reason), [], ct);

    public async Task<FindingResult> StepAsync(FindingStepInput input, IReadOnlyList<EvidenceUpload> files, CancellationToken ct = default)
    {
        var user = await current.GetAsync();
        var what = $"疑点#{input.FindingId} {Labels.Of(input.Action)}";
        List<FlagEvidence> stored = [];
        var written = await writes.CommitAsync(input, new WriteRequest(ChangeKind.Verification, "疑点核实", what), user, async w =>
        {
            var db = w.Db;
            var finding = await db.Findings.FirstOrDefaultAsync(f => f.Id == input.FindingId, ct);
            if (finding is null || !FindingRules.CanRead(user, finding.TownId))
            {
                var missing = $"找不到编号为 {input.FindingId} 的疑点";
                return finding is null ? Refusal.Invalid(missing) : Refusal.Forbidden(what, missing);
            }
            if (FindingRules.Refusal(input.Action, user, finding) is { } refusal)
            {
                var mayAct = input.Action is FindingAction.Verify or FindingAction.Return ? user.Role == Roles.Supervisor : user.CanEdit(finding.TownId);
                return mayAct ? Refusal.Invalid(refusal) : Refusal.Forbidden(what, refusal);
            }
            if (finding.Version != input.Version)
            {
                return Refusal.Conflict(Stale);
            }
            if (input.Action == FindingAction.Explain)
            {
                if (files.Count == 0)
                {
                    return Refusal.Invalid("核实不实须上传佐证材料（如部门出具的说明、入户照片）");
                }
                var settings = await PolicyStore.LoadValuesAsync(db, ct);
                if (EvidenceStore.Problem(files, SupervisionPolicy.FromSettings(settings)) is { } bad)
                {
                    return Refusal.Invalid(bad);
                }
            }
            await ApplyAsync(db, finding, input, user, w.Now, w.Today, clock, ct);
            if (input.Action == FindingAction.Visit)
            {
                // The 入户 step is a home visit: it is kept in the household's visits and moves its last-verified date.
                var household = await db.Households.FirstAsync(h => h.Id == finding.HouseholdId, ct);
                db.Visits.Add(Visits.AddTo(household, new HouseholdVisit
                {
                    VisitedOn = input.VisitedOn!.Value,
                    Kind = VisitKind.Verify,
                    Visitor = user.Name,
                    MetWith = "（见疑点核实记录）",
                    Findings = $"核实疑点：{finding.Subject}。{input.Text?.Trim()}",
                    FindingId = finding.Id,
                    RecordedBy = user.Name,
                    RecordedAt = w.Now,
                }));
            }
            stored = files.Count > 0 ? await evidence.WriteAsync(files, user.Name, w.Now, ct) : [];
            db.VerificationEvidence.AddRange(stored.Select(f => Evidence(f, finding.Id, null)));
            w.TouchedTowns([finding.TownId]);
            return null;
        }, ct);
        if (!written.Ok)
        {
            evidence.Delete(stored);
            return new FindingResult(false, written.Problems[0]);
        }
        return FindingResult.Success;
    }

    /// <summary>
    /// Takes one step on a finding already checked as allowed (<see cref="FindingRules.Refusal"/>) and current: the state,
    /// the dates and the event. Shared with the visit form, whose 核实 visit is the finding's 入户 step.
    /// </summary>
    public static async Task ApplyAsync(ReliefDbContext db, Finding finding, FindingStepInput input, UserScope user, DateTime now, DateOnly today,
        TimeProvider clock, CancellationToken ct)
    {
        var text = input.Text?.Trim();
        var step = new FindingEvent
        {
            FindingId = finding.Id,
            At = now,
            User = user.Name,
            Action = input.Action,
            From = finding.State,
            To = FindingRules.After(input.Action, finding.State),
            Text = input.Action == FindingAction.Visit ? $"{input.VisitedOn:yyyy-MM-dd}入户：{text}" : string.IsNullOrEmpty(text) ? null : text,
        };
        finding.State = step.To;
        finding.Version++;
        switch (input.Action)
        {
            case FindingAction.Visit:
                finding.VisitedOn = input.VisitedOn;
                break;
            case FindingAction.ConfirmWrong or FindingAction.Explain:
                finding.Confirmed = input.Action == FindingAction.ConfirmWrong;
                finding.Reason = text;
                finding.ConcludedOn = today;
                if (finding.Confirmed == true)
                {
                    finding.EnteredBy = await EnteredByAsync(db, finding.HouseholdId, finding.SubjectEntity, finding.SubjectId, clock, ct);
                }
                break;
            case FindingAction.Verify:
                finding.ClosedOn = today;
                break;
            case FindingAction.Return:
                (finding.Confirmed, finding.ConcludedOn) = (null, null);
                break;
        }
        db.FindingEvents.Add(step);
    }

    /// <summary>A stored file's record, for a finding or a spot-checked household.</summary>
    public static VerificationEvidence Evidence(FlagEvidence f, int? findingId, int? spotCheckItemId) => new()
    {
        FindingId = findingId,
        SpotCheckItemId = spotCheckItemId,
        FileName = f.FileName,
        StoredName = f.StoredName,
        ContentType = f.ContentType,
        Size = f.Size,
        Sha256 = f.Sha256,
        UploadedBy = f.UploadedBy,
        UploadedAt = f.UploadedAt,
    };

    /// <summary>Who entered a record, from the audit trail's row that created it: "王某于2026-03-01录入（来源）", or null when none is kept.</summary>
    public static async Task<string?> EnteredByAsync(ReliefDbContext db, int householdId, string entity, int entityId, TimeProvider clock, CancellationToken ct)
    {
        var row = await db.Audit.AsNoTracking()
            .Where(a => a.HouseholdId == householdId && a.Entity == entity && a.EntityId == entityId && a.Action == "新增")
            .OrderBy(a => a.Id).Select(a => new { a.User, a.At, a.Source }).FirstOrDefaultAsync(ct);
        return row is null ? null : $"{row.User}于{clock.ToLocalDate(row.At):yyyy-MM-dd}录入（{row.Source}）";
    }

    /// <summary>An evidence file the user may read, with where its bytes are.</summary>
    public async Task<(VerificationEvidence File, string Path)?> EvidenceAsync(long id, CancellationToken ct = default)
    {
        var user = await current.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.VerificationEvidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (file is null)
        {
            return null;
        }
        var town = file.FindingId is { } findingId
            ? await db.Findings.AsNoTracking().Where(f => f.Id == findingId).Select(f => (int?)f.TownId).FirstOrDefaultAsync(ct)
            : await db.SpotCheckItems.AsNoTracking().Where(i => i.Id == file.SpotCheckItemId).Select(i => (int?)i.TownId).FirstOrDefaultAsync(ct);
        if (town is null || !FindingRules.CanRead(user, town.Value))
        {
            await ActivityLogs.WriteAsync(db, clock, user, ActivityLog.Kinds.Denied, "下载核实佐证材料", file.FileName, ct);
            return null;
        }
        return (file, Path.Combine(evidence.Root, file.StoredName));
    }
}
