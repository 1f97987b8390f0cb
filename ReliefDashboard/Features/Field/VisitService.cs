using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Features.Supervision;
using ReliefDashboard.Features.Verification;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Field;

/// <summary>What a visit found for one member; a job is checked when <see cref="EmploymentId"/> is set.</summary>
public sealed class VisitMemberInput
{
    public int MemberId { get; set; }
    public bool? AtHome { get; set; }
    public int? EmploymentId { get; set; }
    public bool? StillEmployed { get; set; }
    public decimal? MonthlyPay { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// A home visit as the form (and, later, an offline client) submits it: plain values only, the household's version it
/// was filled against, and the finding it answers if any. The same input goes through the same service whatever sends it.
/// </summary>
public sealed class VisitInput
{
    public int HouseholdId { get; set; }
    public int Version { get; set; }
    public DateTime? VisitedOn { get; set; }
    public VisitKind Kind { get; set; }
    public string MetWith { get; set; } = "";
    public string Findings { get; set; } = "";
    public decimal? MonthlyIncome { get; set; }
    public string? IncomeNote { get; set; }
    public string? NextStep { get; set; }
    public int? FindingId { get; set; }
    public List<VisitMemberInput> Members { get; set; } = [];
}

public sealed class VisitInputValidator : AbstractValidator<VisitInput>
{
    /// <summary>How far back a visit may be entered: one written up after a week in the villages, not last year's.</summary>
    public const int MaxDaysBack = 60;

    public VisitInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.VisitedOn).NotNull().WithMessage("请填写走访日期");
        RuleFor(x => x.VisitedOn).Must(d => d is null || DateOnly.FromDateTime(d.Value) <= clock.Today()).WithMessage("走访日期不能晚于今天");
        RuleFor(x => x.VisitedOn).Must(d => d is null || DateOnly.FromDateTime(d.Value) >= clock.Today().AddDays(-MaxDaysBack))
            .WithMessage($"走访日期不能早于 {MaxDaysBack} 天前，更早的走访请在备注中说明");
        RuleFor(x => x.Kind).IsInEnum().WithMessage("请选择走访类型");
        RuleFor(x => x.Kind).NotEqual(VisitKind.SpotCheck).WithMessage("入户抽查请在“入户抽查”页录入结果");
        RuleFor(x => x.MetWith).NotEmpty().WithMessage("请填写见到的人（如：户主、户主配偶）").MaximumLength(200).WithMessage("见到的人不能超过200个字");
        RuleFor(x => x.Findings).NotEmpty().WithMessage("请填写走访发现的情况").MaximumLength(1000).WithMessage("走访情况不能超过1000个字");
        RuleFor(x => x.MonthlyIncome).InclusiveBetween(0, 1_000_000).When(x => x.MonthlyIncome is not null).WithMessage("家庭月收入应在0至100万元之间");
        RuleFor(x => x.IncomeNote).MaximumLength(500).WithMessage("收入核对说明不能超过500个字");
        RuleFor(x => x.NextStep).MaximumLength(1000).WithMessage("下一步措施不能超过1000个字");
        RuleFor(x => x.Members).Must(m => m.Select(x => x.MemberId).Distinct().Count() == m.Count).WithMessage("同一成员只能填写一次");
        RuleForEach(x => x.Members).ChildRules(m =>
        {
            m.RuleFor(x => x.MonthlyPay).InclusiveBetween(0, 100_000).When(x => x.MonthlyPay is not null).WithMessage("月工资应在0至10万元之间");
            m.RuleFor(x => x.Note).MaximumLength(500).WithMessage("成员情况说明不能超过500个字");
            m.RuleFor(x => x.StillEmployed).Null().When(x => x.EmploymentId is null).WithMessage("未选择岗位时不能填写是否仍在岗");
        });
    }
}

public sealed record VisitResult(bool Ok, IReadOnlyList<string> Errors, int? VisitId = null, HouseholdStatus? Status = null, IReadOnlyList<string>? Ended = null);

/// <summary>
/// Home visits (走访记录) through the one write path. A visit is appended with what was found per member; it moves the
/// household's last-verified date (so an at-risk-because-unvisited household is Met again at once); a member found
/// out of work has the job ended on the visit day by the end form's own rule (<see cref="HouseholdEditService.EndMeasure"/>),
/// and the status follows; a visit made for a finding is that finding's 入户 step. Photos are checked as evidence is
/// (type by content, size by setting) and stored beside the database.
/// </summary>
public sealed class VisitService(
    DistrictWrite writes,
    CurrentUser current,
    EvidenceStore store,
    IDbContextFactory<ReliefDbContext> dbFactory,
    TimeProvider clock)
{
    public const string Source = "入户走访";
    public const string Stale = "保存未成功：在您填写期间，此户数据已被他人修改。请刷新后核对再保存（已填写的内容仍保留）。";

    /// <summary>The photo rule: only jpg and png, the size from the field setting.</summary>
    public static SupervisionPolicy PhotoPolicy(IReadOnlyDictionary<string, string> settings) =>
        SupervisionPolicy.FromSettings(settings) with { EvidenceTypes = ["jpg", "png"], EvidenceMaxMegabytes = FieldPolicy.FromSettings(settings).PhotoMegabytes };

    public async Task<SupervisionPolicy> PhotoPolicyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return PhotoPolicy(await PolicyStore.LoadValuesAsync(db, ct));
    }

    /// <summary>The household's findings a visit can answer (待核实 or 退回), earliest visit day first, as the form lists them.</summary>
    public async Task<IReadOnlyList<(int Id, string Text)>> OpenFindingsAsync(int householdId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Findings.AsNoTracking()
            .Where(f => f.HouseholdId == householdId && (f.State == FindingState.Pending || f.State == FindingState.Returned))
            .OrderBy(f => f.VisitDue).Select(f => new { f.Id, f.Subject, f.Rule }).ToListAsync(ct);
        return rows.Select(f => (f.Id, $"疑点#{f.Id} {VerificationPolicy.Rule(f.Rule).Name}：{f.Subject}")).ToList();
    }

    public async Task<VisitResult> RecordAsync(VisitInput input, IReadOnlyList<EvidenceUpload> photos, CancellationToken ct = default)
    {
        var user = await current.GetAsync();
        List<FlagEvidence> stored = [];
        HouseholdVisit? added = null;
        Household? saved = null;
        var ended = new List<string>();
        var written = await writes.CommitAsync(input, new WriteRequest(ChangeKind.HouseholdData, Source, "记录入户走访"), user, async w =>
        {
            var db = w.Db;
            var h = await HouseholdEditService.LoadGraphAsync(db, input.HouseholdId, ct);
            if (h is null)
            {
                return Refusal.NotFound;
            }
            if (!user.CanEdit(h.TownId))
            {
                return Refusal.Forbidden($"记录搬迁户 {h.Code} 的走访", "无权记录走访：只有本镇街的工作人员可以记录本镇街搬迁户的走访。本次操作已记录。");
            }
            if (h.Version != input.Version)
            {
                return Refusal.Conflict(Stale);
            }
            var settings = await PolicyStore.LoadValuesAsync(db, ct);
            if (photos.Count > 0 && EvidenceStore.Problem(photos, PhotoPolicy(settings)) is { } bad)
            {
                return Refusal.Invalid(bad);
            }
            var day = DateOnly.FromDateTime(input.VisitedOn!.Value);
            var visit = new HouseholdVisit
            {
                VisitedOn = day,
                Kind = input.Kind,
                Visitor = user.Name,
                MetWith = input.MetWith.Trim(),
                Findings = input.Findings.Trim(),
                MonthlyIncome = input.MonthlyIncome,
                IncomeNote = Blank(input.IncomeNote),
                NextStep = Blank(input.NextStep),
                RecordedBy = user.Name,
                RecordedAt = w.Now,
            };
            foreach (var m in input.Members)
            {
                var member = h.Members.SingleOrDefault(x => x.Id == m.MemberId && x.IsActiveOn(day));
                if (member is null)
                {
                    return Refusal.Invalid("走访记录中的成员不属于本户或已注销，请刷新后重新填写");
                }
                Employment? job = null;
                if (m.EmploymentId is { } jobId)
                {
                    job = h.Employments.SingleOrDefault(e => e.Id == jobId && e.MemberId == member.Id);
                    if (job is null || (job.EndDate is { } end && end < day))
                    {
                        return Refusal.Invalid($"{member.Name}的岗位不存在或在走访日前已结束，请刷新后重新填写");
                    }
                    if (m.StillEmployed == false)
                    {
                        // Out of work: the job ends on the visit day by the end form's rule; the pipeline recomputes the status.
                        if (HouseholdEditService.EndMeasure(h, MeasureKind.Employment, job.Id, day) is { } problem)
                        {
                            return Refusal.Invalid($"{member.Name}在{job.Employer}的岗位：{problem}");
                        }
                        ended.Add($"{member.Name}在{job.Employer}的岗位已于 {day:yyyy-MM-dd} 结束");
                    }
                }
                visit.Members.Add(new VisitMemberCheck
                {
                    MemberId = member.Id,
                    MemberName = member.Name,
                    AtHome = m.AtHome,
                    EmploymentId = job?.Id,
                    Employer = job?.Employer,
                    StillEmployed = job is null ? null : m.StillEmployed,
                    MonthlyPay = m.MonthlyPay,
                    Note = Blank(m.Note),
                });
            }
            if (input.FindingId is { } findingId)
            {
                var finding = await db.Findings.FirstOrDefaultAsync(f => f.Id == findingId && f.HouseholdId == h.Id, ct);
                if (finding is null)
                {
                    return Refusal.Invalid("所选疑点不属于本户，请刷新后重新选择");
                }
                if (FindingRules.Refusal(FindingAction.Visit, user, finding) is { } refusal)
                {
                    return Refusal.Invalid(refusal);
                }
                await FindingService.ApplyAsync(db, finding, new FindingStepInput(finding.Id, finding.Version, FindingAction.Visit, visit.Findings, day),
                    user, w.Now, w.Today, clock, ct);
                visit.FindingId = finding.Id;
                w.TouchedTowns([finding.TownId]);
            }
            db.Visits.Add(Visits.AddTo(h, visit));
            stored = photos.Count > 0 ? await store.WriteAsync(photos, user.Name, w.Now, ct) : [];
            visit.Photos.AddRange(stored.Select(f => new VisitPhoto
            {
                FileName = f.FileName,
                StoredName = f.StoredName,
                ContentType = f.ContentType,
                Size = f.Size,
                Sha256 = f.Sha256,
                UploadedBy = f.UploadedBy,
                UploadedAt = f.UploadedAt,
            }));
            // The version the visitor saw is the one the UPDATE must find; a concurrent save makes it match nothing.
            db.Entry(h).Property(x => x.Version).OriginalValue = input.Version;
            h.Version = input.Version + 1;
            added = visit;
            saved = h;
            return null;
        }, ct);
        if (!written.Ok)
        {
            store.Delete(stored);
            return new VisitResult(false, written.Problems);
        }
        return new VisitResult(true, [], added!.Id, saved!.Status, ended);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
