using System.Security.Cryptography;
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

/// <summary>A draw: which town, what share of its attained households (null: the setting), which seed (null: a new one), who checks.</summary>
public sealed record SpotDrawInput(int TownId, decimal? SharePercent, int? Seed, IReadOnlyList<string> CheckerUserIds);

public sealed class SpotDrawInputValidator : AbstractValidator<SpotDrawInput>
{
    public SpotDrawInputValidator()
    {
        RuleFor(x => x.SharePercent).Must(s => s is null || (s >= 0.1m && s <= 100)).WithMessage("抽查比例应为0.1至100之间的百分数");
        RuleFor(x => x.Seed).Must(s => s is null || s >= 0).WithMessage("随机种子应为非负整数");
        RuleFor(x => x.CheckerUserIds).NotEmpty().WithMessage("请至少选择一名核查人员");
        RuleFor(x => x.CheckerUserIds).Must(c => c.Count <= 50).WithMessage("核查人员最多50名");
    }
}

/// <summary>A spot-check visit's result: the measures found false are named by "Employment:12" or "Industry:7".</summary>
public sealed record SpotResultInput(int ItemId, int Version, SpotResult Result, DateOnly VisitedOn, string Notes, IReadOnlyList<string> FalseMeasures);

public sealed class SpotResultInputValidator : AbstractValidator<SpotResultInput>
{
    public SpotResultInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Result).IsInEnum().WithMessage("请选择抽查结论");
        RuleFor(x => x.VisitedOn).Must(d => d <= clock.Today() && d > clock.Today().AddDays(-60)).WithMessage("入户日期应在今天及之前60天内");
        RuleFor(x => x.Notes).Must(n => n.Trim().Length is >= 4 and <= 2000).WithMessage("请填写入户核查情况（4至2000字）");
        RuleFor(x => x.FalseMeasures).NotEmpty().When(x => x.Result == SpotResult.PartlyFalse).WithMessage("部分不实须勾选不实的措施");
        RuleFor(x => x.FalseMeasures).Empty().When(x => x.Result == SpotResult.True).WithMessage("结论为属实时不能勾选不实的措施");
    }
}

public sealed record SpotCheckRow(int Id, int TownId, string Town, int Seed, decimal SharePercent, int Population, int Sample, int Done, int False,
    string DrawnBy, DateOnly DrawnOn);

public sealed record SpotItemRow(int Id, int HouseholdId, string Code, string HeadName, Channel Stratum, string? Checker, string? CheckerUserId, SpotResult? Result,
    DateOnly? VisitedOn, string? Notes, string? FalseMeasures, string? EnteredBy, int Version);

/// <summary>A counting measure of a sampled household, to tick as false.</summary>
public sealed record SpotMeasure(string Key, string Text);

/// <summary>
/// Spot checks (入户抽查): a supervisor draws a reproducible, stratified sample of a town's attained households and
/// assigns checkers; each visit's result confirms the household's counting measures (入户核实) or marks the false
/// ones (核实不实, they stop counting and the status is recomputed), naming from the audit trail who entered them.
/// </summary>
public sealed class SpotCheckService(
    IDbContextFactory<ReliefDbContext> dbFactory,
    CurrentUser current,
    EvidenceStore evidence,
    DistrictWrite writes,
    TimeProvider clock)
{
    public const string Stale = "此户的抽查结果已被他人录入，请刷新后查看";

    public async Task<IReadOnlyList<(string Id, string Name)>> CheckersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Supervisor).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var ids = await db.UserRoles.AsNoTracking().Where(r => r.RoleId == role).Select(r => r.UserId).ToListAsync(ct);
        return (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.IsDisabled).OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).ToList();
    }

    public async Task<(bool Ok, string? Error, int? Id)> DrawAsync(SpotDrawInput input, CancellationToken ct = default)
    {
        var user = await current.GetAsync();
        SpotCheck? drawn = null;
        var written = await writes.CommitAsync(input, new WriteRequest(ChangeKind.Verification, "入户抽查", "抽取入户抽查样本"), user, async w =>
        {
            if (user.Role != Roles.Supervisor)
            {
                return Refusal.Forbidden("抽取入户抽查样本", "只有督查人员可以抽取入户抽查样本");
            }
            var town = await w.Db.Towns.AsNoTracking().FirstOrDefaultAsync(t => t.Id == input.TownId, ct);
            if (town is null)
            {
                return Refusal.Invalid("所选镇街不存在");
            }
            var checkers = (await CheckersAsync(ct)).Where(c => input.CheckerUserIds.Contains(c.Id)).ToList();
            if (checkers.Count != input.CheckerUserIds.Distinct().Count())
            {
                return Refusal.Invalid("所选核查人员须为在用的督查账号");
            }
            var policy = VerificationPolicy.FromSettings(await PolicyStore.LoadValuesAsync(w.Db, ct));
            var share = input.SharePercent ?? policy.SpotSharePercent;
            var seed = input.Seed ?? RandomNumberGenerator.GetInt32(1, int.MaxValue);
            var population = await SpotPopulation.OfTownAsync(w.Db, input.TownId, ct);
            if (population.Count == 0)
            {
                return Refusal.Invalid($"{town.Name}目前没有达标户可供抽查");
            }
            var sample = SpotDraw.Draw(population, SpotDraw.SampleSize(population.Count, share, policy.SpotMinimum), seed);
            var check = new SpotCheck
            {
                TownId = town.Id,
                Seed = seed,
                SharePercent = share,
                Population = population.Count,
                DrawnBy = user.Name,
                DrawnAt = w.Now,
                DrawnOn = w.Today,
                Items = sample.Select((s, i) => new SpotCheckItem
                {
                    HouseholdId = s.HouseholdId,
                    TownId = town.Id,
                    Stratum = s.Stratum,
                    CheckerUserId = checkers[i % checkers.Count].Id,
                    Checker = checkers[i % checkers.Count].Name,
                }).ToList(),
            };
            w.Db.SpotChecks.Add(check);
            w.Log(ActivityLog.Kinds.Admin, $"入户抽查：{town.Name}", $"从{population.Count}户达标户中按{share}%抽取{sample.Count}户（随机种子{seed}）");
            w.TouchedTowns([town.Id]);
            drawn = check;
            return null;
        }, ct);
        return written.Ok ? (true, null, drawn!.Id) : (false, written.Problems[0], null);
    }

    public async Task<IReadOnlyList<SpotCheckRow>> ListAsync(CancellationToken ct = default)
    {
        var user = await current.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.SpotChecks.AsNoTracking();
        if (user.Role == Roles.TownStaff)
        {
            query = query.Where(c => c.TownId == user.TownId);
        }
        else if (!user.ReadsWholeDistrict)
        {
            return [];
        }
        return await query.OrderByDescending(c => c.Id).Take(200).Select(c => new SpotCheckRow(c.Id, c.TownId, c.Town!.Name, c.Seed, c.SharePercent, c.Population,
            c.Items.Count, c.Items.Count(i => i.Result != null), c.Items.Count(i => i.Result == SpotResult.False || i.Result == SpotResult.PartlyFalse),
            c.DrawnBy, c.DrawnOn)).ToListAsync(ct);
    }

    public async Task<(SpotCheckRow Check, IReadOnlyList<SpotItemRow> Items)?> GetAsync(int id, CancellationToken ct = default)
    {
        var user = await current.GetAsync();
        var row = (await ListAsync(ct)).FirstOrDefault(c => c.Id == id);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (row is null)
        {
            if (await db.SpotChecks.AnyAsync(c => c.Id == id, ct))
            {
                await ActivityLogs.WriteAsync(db, clock, user, ActivityLog.Kinds.Denied, $"查看入户抽查#{id}", null, ct);
            }
            return null;
        }
        var items = await db.SpotCheckItems.AsNoTracking().Where(i => i.SpotCheckId == id).OrderBy(i => i.Household!.Code)
            .Select(i => new SpotItemRow(i.Id, i.HouseholdId, i.Household!.Code, i.Household.HeadName, i.Stratum, i.Checker, i.CheckerUserId, i.Result, i.VisitedOn,
                i.Notes, i.FalseMeasures, i.EnteredBy, i.Version)).ToListAsync(ct);
        return (row, items);
    }

    /// <summary>The counting measures active on the day, as a checker ticks them.</summary>
    public async Task<IReadOnlyList<SpotMeasure>> MeasuresAsync(int householdId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return CountingMeasures(await LoadAsync(db, householdId, ct), clock.Today(), await PolicyStore.LoadStatusPolicyAsync(db, ct))
            .Select(m => new SpotMeasure(KeyOf(m), Describe(m))).ToList();
    }

    private static Task<Household> LoadAsync(ReliefDbContext db, int householdId, CancellationToken ct) =>
        db.Households.Include(h => h.Members).Include(h => h.Employments).Include(h => h.Industries).AsSplitQuery().FirstAsync(h => h.Id == householdId, ct);

    private static IEnumerable<Measure> CountingMeasures(Household h, DateOnly day, StatusPolicy policy) =>
        h.Employments.Cast<Measure>().Concat(h.Industries).Where(m => m.IsActiveOn(day) && StatusRules.Counts(m, policy)).OrderBy(m => m.StartDate);

    private static string KeyOf(Measure m) => $"{(m is Employment ? nameof(Employment) : nameof(Industry))}:{m.Id}";

    private static string Describe(Measure m) => m switch
    {
        Employment e => $"{e.Member?.Name}在{e.Employer}就业（{Labels.Of(e.Channel)}，自{e.StartDate:yyyy-MM-dd}）",
        Industry i => $"{i.Type}（{Labels.Of(i.Channel)}，自{i.StartDate:yyyy-MM-dd}）",
        _ => Labels.Of(m.Channel),
    };

    public async Task<(bool Ok, string? Error)> RecordAsync(SpotResultInput input, IReadOnlyList<EvidenceUpload> files, CancellationToken ct = default)
    {
        var user = await current.GetAsync();
        List<FlagEvidence> stored = [];
        var written = await writes.CommitAsync(input, new WriteRequest(ChangeKind.HouseholdData, "入户抽查", "录入入户抽查结果"), user, async w =>
        {
            var db = w.Db;
            var item = await db.SpotCheckItems.FirstOrDefaultAsync(i => i.Id == input.ItemId, ct);
            if (item is null)
            {
                return Refusal.Invalid("找不到该抽查户");
            }
            if (user.Role != Roles.Supervisor)
            {
                return Refusal.Forbidden($"录入入户抽查结果#{item.Id}", "只有督查核查人员可以录入抽查结果");
            }
            if (item.Version != input.Version)
            {
                return Refusal.Conflict(Stale);
            }
            if (files.Count > 0 && EvidenceStore.Problem(files, SupervisionPolicy.FromSettings(await PolicyStore.LoadValuesAsync(db, ct))) is { } bad)
            {
                return Refusal.Invalid(bad);
            }
            var household = await LoadAsync(db, item.HouseholdId, ct);
            var counting = CountingMeasures(household, input.VisitedOn, await PolicyStore.LoadStatusPolicyAsync(db, ct)).ToList();
            var unknown = input.FalseMeasures.Except(counting.Select(KeyOf)).ToList();
            if (unknown.Count > 0)
            {
                return Refusal.Invalid("勾选的措施不是该户入户当日有效的达标措施，请刷新后重新勾选");
            }
            var falseOnes = input.Result == SpotResult.False ? counting : counting.Where(m => input.FalseMeasures.Contains(KeyOf(m))).ToList();
            if (input.Result == SpotResult.PartlyFalse && falseOnes.Count == counting.Count)
            {
                return Refusal.Invalid("所有措施均不实的，结论应选“不实”");
            }
            if (input.Result != SpotResult.True && falseOnes.Count == 0)
            {
                return Refusal.Invalid("该户入户当日没有有效的达标措施，无法认定不实的措施");
            }
            foreach (var m in counting)
            {
                var now = falseOnes.Contains(m) ? MeasureVerification.Disproved : MeasureVerification.VisitConfirmed;
                if (m.Verification != now)
                {
                    db.Audit.Add(new AuditEntry
                    {
                        At = w.Now,
                        User = user.Name,
                        Source = "入户抽查",
                        HouseholdId = household.Id,
                        Entity = m is Employment ? nameof(Employment) : nameof(Industry),
                        EntityId = m.Id,
                        Subject = Describe(m),
                        Action = "修改",
                        Field = "核实状态",
                        OldValue = Labels.Of(m.Verification),
                        NewValue = Labels.Of(now),
                    });
                    m.Verification = now;
                }
            }
            db.Visits.Add(Visits.AddTo(household, new HouseholdVisit
            {
                VisitedOn = input.VisitedOn,
                Kind = VisitKind.SpotCheck,
                Visitor = user.Name,
                MetWith = "（见抽查记录）",
                Findings = Trim($"入户抽查结论：{Labels.Of(input.Result)}。{input.Notes.Trim()}", 2000),
                SpotCheckItemId = item.Id,
                RecordedBy = user.Name,
                RecordedAt = w.Now,
            }));
            var entered = new List<string>();
            foreach (var m in falseOnes)
            {
                var by = await FindingService.EnteredByAsync(db, household.Id, m is Employment ? nameof(Employment) : nameof(Industry), m.Id, clock, ct);
                entered.Add($"{Describe(m)}：{by ?? "录入人无记录"}");
            }
            item.Result = input.Result;
            item.VisitedOn = input.VisitedOn;
            item.Notes = input.Notes.Trim();
            item.RecordedBy = user.Name;
            item.RecordedAt = w.Now;
            item.FalseMeasures = falseOnes.Count == 0 ? null : Trim(string.Join("；", falseOnes.Select(Describe)), 1000);
            item.EnteredBy = entered.Count == 0 ? null : Trim(string.Join("；", entered), 500);
            item.Version++;
            stored = files.Count > 0 ? await evidence.WriteAsync(files, user.Name, w.Now, ct) : [];
            db.VerificationEvidence.AddRange(stored.Select(f => FindingService.Evidence(f, null, item.Id)));
            w.Touched([household.Id]);
            return null;
        }, ct);
        if (!written.Ok)
        {
            evidence.Delete(stored);
            return (false, written.Problems[0]);
        }
        return (true, null);
    }

    /// <summary>Moves a sampled household to another checker before its visit.</summary>
    public async Task<(bool Ok, string? Error)> AssignAsync(int itemId, int version, string checkerUserId, CancellationToken ct = default)
    {
        var user = await current.GetAsync();
        var written = await writes.CommitAsync(new WriteRequest(ChangeKind.Verification, "入户抽查", "分配核查人员"), user, async w =>
        {
            if (user.Role != Roles.Supervisor)
            {
                return Refusal.Forbidden("分配核查人员", "只有督查人员可以分配核查人员");
            }
            var item = await w.Db.SpotCheckItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
            var checker = (await CheckersAsync(ct)).FirstOrDefault(c => c.Id == checkerUserId);
            if (item is null || checker.Id is null)
            {
                return Refusal.Invalid("抽查户或核查人员不存在");
            }
            if (item.Version != version || item.Result is not null)
            {
                return Refusal.Conflict(Stale);
            }
            (item.CheckerUserId, item.Checker) = (checker.Id, checker.Name);
            item.Version++;
            return null;
        }, ct);
        return written.Ok ? (true, null) : (false, written.Problems[0]);
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
