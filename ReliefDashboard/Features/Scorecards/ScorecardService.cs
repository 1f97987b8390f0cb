using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Overview;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Scorecards;

public sealed record PeriodInfo(PeriodRef Ref, bool Closed, DateTime TakenAt);

public sealed record CloseResult(bool Ok, string? Error, IReadOnlyList<string> Commended, IReadOnlyList<string> Accountable)
{
    public static CloseResult Fail(string error) => new(false, error, [], []);
}

/// <summary>
/// The town scorecards. The live month is scored from the dashboard's shared figures; past months are read as
/// the monthly job stored them; a quarter or year is stored when it is closed and read as stored ever after.
/// </summary>
public sealed class ScorecardService(
    IDbContextFactory<ReliefDbContext> dbFactory,
    DashboardFeed feed,
    CurrentUser current,
    DistrictWrite writes,
    TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    /// <summary>Who may close a period: the administrator and the supervisors (督查).</summary>
    public static bool CanClose(UserScope scope) => scope.Role is Roles.Admin or Roles.Supervisor;

    public async Task<IReadOnlyList<PeriodInfo>> PeriodsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.ScorePeriods.AsNoTracking()
            .Select(p => new { p.Kind, p.Year, p.Number, p.Closed, p.TakenAt }).ToListAsync(ct);
        return stored.Select(p => new PeriodInfo(new PeriodRef(p.Kind, p.Year, p.Number), p.Closed, p.TakenAt))
            .OrderByDescending(p => p.Ref.EndsOn).ThenByDescending(p => p.Ref.Kind).ToList();
    }

    /// <summary>By the URL's key: empty for the live month; null for a key that names no stored period.</summary>
    public async Task<ScoreSheet?> SheetAsync(string? key, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(key) ? await LiveAsync(ct)
        : PeriodRef.TryParse(key, out var period) ? await SheetAsync(period, ct)
        : null;

    /// <summary>The live month, or the stored period; null when that period has not been stored.</summary>
    public async Task<ScoreSheet?> SheetAsync(PeriodRef? period, CancellationToken ct = default)
    {
        if (period is null || period == PeriodRef.MonthOf(Today))
        {
            return await LiveAsync(ct);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sheet = await StoredAsync(db, period.Value, ct);
        if (sheet is null)
        {
            return null;
        }
        var previous = await StoredAsync(db, period.Value.Previous, ct);
        if (previous is null && period.Value.Kind != PeriodKind.Month)
        {
            previous = await StoredAsync(db, PeriodRef.MonthOf(period.Value.Previous.EndsOn), ct);
        }
        return sheet with { Previous = previous };
    }

    public async Task<ScoreSheet> LiveAsync(CancellationToken ct = default)
    {
        var figures = await feed.GetAsync();
        return await LiveAsync(figures, ct);
    }

    /// <summary>The live month from figures the page already holds (a dashboard push), with last month-end to compare.</summary>
    public async Task<ScoreSheet> LiveAsync(DistrictFigures figures, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sheet = ScoreSheets.Live(figures);
        return sheet with { Previous = await StoredAsync(db, sheet.Period.Previous, ct) };
    }

    private static async Task<ScoreSheet?> StoredAsync(ReliefDbContext db, PeriodRef p, CancellationToken ct) =>
        await LoadAsync(db, p, ct) is { } stored ? ScoreSheets.FromStored(stored, ScoreSheets.ColumnsOf(stored)) : null;

    /// <summary>A stored period with its rows and cells, or null.</summary>
    private static Task<ScorePeriod?> LoadAsync(ReliefDbContext db, PeriodRef p, CancellationToken ct) =>
        db.ScorePeriods.AsNoTracking().AsSplitQuery().Include(s => s.Rows).ThenInclude(r => r.Cells)
            .FirstOrDefaultAsync(s => s.Kind == p.Kind && s.Year == p.Year && s.Number == p.Number, ct);

    /// <summary>Quarters and years that have ended, whose last month-end is scored, and that are not yet closed.</summary>
    public async Task<IReadOnlyList<PeriodRef>> ClosableAsync(CancellationToken ct = default)
    {
        var periods = await PeriodsAsync(ct);
        var months = periods.Where(p => p.Ref.Kind == PeriodKind.Month).Select(p => p.Ref.EndsOn).ToHashSet();
        var closed = periods.Where(p => p.Closed).Select(p => p.Ref).ToHashSet();
        var candidates = months.SelectMany(end => new[]
        {
            end.Month % 3 == 0 ? new PeriodRef(PeriodKind.Quarter, end.Year, end.Month / 3) : (PeriodRef?)null,
            end.Month == 12 ? new PeriodRef(PeriodKind.Year, end.Year, 0) : null,
        }).Where(p => p is not null).Select(p => p!.Value);
        return candidates.Where(p => !closed.Contains(p) && p.EndsOn < Today).OrderByDescending(p => p.EndsOn).ThenByDescending(p => p.Kind).ToList();
    }

    /// <summary>What closing would put on each list, drawn as <see cref="CloseAsync"/> would draw it; null when it cannot close.</summary>
    public async Task<CloseResult?> PreviewCloseAsync(PeriodRef period, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await EndOfAsync(db, period, ct) is { } end ? new CloseResult(true, null, end.Commended, end.Accountable) : null;
    }

    /// <summary>The period's last month-end as stored, with the lists today's list rules draw from it.</summary>
    private sealed record PeriodEnd(ScorePeriod Month, ScoreSheet Sheet, ScorecardPolicy Policy, Dictionary<int, Verdict> Verdicts)
    {
        public List<string> Commended => Sheet.Towns.Where(t => Verdicts.GetValueOrDefault(t.TownId)?.Commendation is not null).Select(t => t.Town).ToList();

        public List<string> Accountable => Sheet.Towns.Where(t => Verdicts.GetValueOrDefault(t.TownId)?.Accountability is not null).Select(t => t.Town).ToList();
    }

    private static async Task<PeriodEnd?> EndOfAsync(ReliefDbContext db, PeriodRef period, CancellationToken ct)
    {
        var month = await LoadAsync(db, PeriodRef.MonthOf(period.EndsOn), ct);
        if (month is null)
        {
            return null;
        }
        var settings = await PolicyStore.LoadValuesAsync(db, ct);
        var policy = ScorecardPolicy.FromSettings(settings);
        var sheet = ScoreSheets.FromStored(month, ScoreSheets.ColumnsOf(month));
        var verdicts = ScoreSheets.Verdicts(sheet.Towns, policy);
        // Falsification confirmed within the period puts the town on the accountability list, whatever its scores.
        var falsified = await Falsifications.BetweenAsync(db, period.Previous.EndsOn.AddDays(1), period.EndsOn, ct);
        foreach (var town in falsified.GroupBy(f => f.TownId))
        {
            var reason = Falsifications.Reason(town)!;
            verdicts[town.Key] = verdicts.GetValueOrDefault(town.Key) is { } v
                ? v with { Accountability = v.Accountability is null ? reason : $"{v.Accountability}；{reason}", Commendation = null }
                : new Verdict(null, reason);
        }
        return new PeriodEnd(month, sheet, policy, verdicts);
    }

    /// <summary>
    /// Closes a quarter or a year: stores the scores of its last month-end as the period's scores, with the
    /// commendation and accountability lists drawn by today's list rules. Nothing is ever rescored afterwards.
    /// </summary>
    public async Task<CloseResult> CloseAsync(PeriodRef period, CancellationToken ct = default)
    {
        var scope = await current.GetAsync();
        (IReadOnlyList<string> Commended, IReadOnlyList<string> Accountable) lists = ([], []);
        var written = await writes.CommitAsync(period, new WriteRequest(ChangeKind.Figures, "考核", $"关闭考核期 {period.Label}"), scope, async w =>
        {
            var db = w.Db;
            if (!CanClose(scope))
            {
                return Refusal.Forbidden($"关闭考核期 {period.Label}", "无权操作：只有管理员或督查人员可以关闭考核期。本次操作已记录。");
            }
            if (period.Kind == PeriodKind.Month)
            {
                return Refusal.Invalid("月度考核由系统每月自动快照，只能关闭季度或年度考核期");
            }
            if (period.EndsOn >= Today)
            {
                return Refusal.Invalid($"{period.Label}尚未结束（{period.EndsOn:yyyy年M月d日}截止），结束后才能关闭");
            }
            if (await db.ScorePeriods.AnyAsync(p => p.Kind == period.Kind && p.Year == period.Year && p.Number == period.Number, ct))
            {
                return Refusal.Invalid($"{period.Label}已经关闭，不能重复关闭");
            }
            var endMonth = PeriodRef.MonthOf(period.EndsOn);
            if (await EndOfAsync(db, period, ct) is not { } end)
            {
                return Refusal.Invalid($"缺少{endMonth.Label}的月末考核快照，无法关闭{period.Label}");
            }
            var (month, sheet, policy, verdicts) = (end.Month, end.Sheet, end.Policy, end.Verdicts);
            var now = w.Now;
            var stored = ScoreSheets.ToStored(sheet with { Period = period, Verdicts = verdicts }, now);
            stored.Closed = true;
            stored.ClosedAt = now;
            stored.ClosedBy = scope.Name;
            stored.Rules = $"{month.Rules}（按{endMonth.Label}月末得分）；名单规则：{DescribeLists(policy)}";
            db.ScorePeriods.Add(stored);
            var (commended, accountable) = (end.Commended, end.Accountable);
            w.Log(ActivityLog.Kinds.Admin, $"关闭考核期：{period.Label}",
                $"表彰：{(commended.Count == 0 ? "无" : string.Join("、", commended))}；问责：{(accountable.Count == 0 ? "无" : string.Join("、", accountable))}");
            lists = (commended, accountable);
            return null;
        }, ct);
        // The write turn and the unique index make a second close of the same period fail here, not silently.
        return written.Ok ? new CloseResult(true, null, lists.Commended, lists.Accountable)
            : CloseResult.Fail(written.Status == WriteStatus.Failed ? $"{period.Label}刚刚已被他人关闭，请刷新后查看" : written.Problems[0]);
    }

    public static string DescribeLists(ScorecardPolicy p)
    {
        var commend = p.CommendAllGreen
            ? $"各项指标均为绿色且总分不低于{p.CommendMinTotal:0.#}分的镇街列入表彰名单"
            : $"总分不低于{p.CommendMinTotal:0.#}分的镇街列入表彰名单";
        var account = new List<string>();
        if (p.AccountRedTotal)
        {
            account.Add("总分为红色档");
        }
        if (p.AccountRedIndicators > 0)
        {
            account.Add($"红色指标达到{p.AccountRedIndicators}项");
        }
        return commend + "；" + (account.Count == 0 ? "不设问责名单" : string.Join("或", account) + "的镇街列入问责名单");
    }


    public static string MonthList(IEnumerable<PeriodRef> months) => string.Join(", ", months.Select(m => m.Key.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>A period to close must be a real quarter or year.</summary>
public sealed class PeriodRefValidator : FluentValidation.AbstractValidator<PeriodRef>
{
    public PeriodRefValidator()
    {
        RuleFor(p => p.Year).InclusiveBetween(2000, 2100).WithMessage("考核年份不正确");
        RuleFor(p => p.Number).Must((p, n) => p.Kind switch
        {
            PeriodKind.Quarter => n is >= 1 and <= 4,
            PeriodKind.Month => n is >= 1 and <= 12,
            _ => true,
        }).WithMessage("考核期不正确");
    }
}
