using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Overview;
using ReliefDashboard.Features.Scorecards;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Supervision;

/// <summary>
/// A flag the rules propose. <see cref="Key"/> names the rule and its subject (a town, a town's indicator);
/// <see cref="Facts"/> fingerprints what the rule found, so a dismissal holds until the facts change.
/// </summary>
public sealed record Suggestion(
    string Key,
    string Facts,
    string Rule,
    int TownId,
    string Town,
    IndicatorKind? Indicator,
    string Reason,
    string RequiredAction,
    FlagSeverity Severity,
    IReadOnlyList<int> HouseholdIds);

/// <summary>
/// The suggestion rules of issue 6, each switched by a setting: a red indicator on the live scorecard; no-measure
/// households past the clearance clock; at-risk households; and the suspect-data rules of DOMAIN.md §8. Computed
/// on demand with a few queries; a suggestion already raised as an unclosed flag, or dismissed on the same facts,
/// is not offered.
/// </summary>
public sealed class SuggestionService(
    IDbContextFactory<ReliefDbContext> dbFactory,
    DashboardFeed feed,
    CurrentUser current,
    DistrictWrite writes,
    TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    public async Task<IReadOnlyList<Suggestion>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await PolicyStore.LoadValuesAsync(db, ct);
        var policy = SupervisionPolicy.FromSettings(settings);
        var towns = await db.Towns.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var all = new List<Suggestion>();

        if (policy.SuggestRedIndicators)
        {
            all.AddRange(RedIndicators(await feed.GetAsync()));
        }
        all.AddRange(await ClearanceAsync(db, policy, settings, towns, ct));
        if (policy.SuggestAtRisk)
        {
            var atRisk = await db.Households.AsNoTracking().Where(h => h.Status == HouseholdStatus.AtRisk).Select(h => new { h.Id, h.TownId }).ToListAsync(ct);
            all.AddRange(atRisk.GroupBy(h => h.TownId).Select(g => PerTown("risk", g.Key, towns, g.Select(h => h.Id),
                n => $"{n}户处于预警（达标措施即将到期或超期未走访核实）", "逐户走访核实，续接即将到期的措施", FlagSeverity.General, "预警户")));
        }
        if (policy.SuggestSuspectData)
        {
            all.AddRange(await SuspectAsync(db, towns, ct));
        }

        var raised = await db.Flags.AsNoTracking().Where(f => f.State != FlagState.Closed && f.SuggestionKey != null).Select(f => f.SuggestionKey!).ToListAsync(ct);
        // A flag raised on a town's indicator by hand (from its scorecard) answers that indicator's suggestion too.
        raised.AddRange((await db.Flags.AsNoTracking().Where(f => f.State != FlagState.Closed && f.TownId != null && f.Indicator != null)
            .Select(f => new { f.TownId, f.Indicator }).ToListAsync(ct)).Select(f => RedKey(f.TownId!.Value, f.Indicator!.Value)));
        var dismissed = (await db.SuggestionDismissals.AsNoTracking().Select(d => new { d.Key, d.Facts }).ToListAsync(ct)).Select(d => (d.Key, d.Facts)).ToHashSet();
        return all.Where(s => !raised.Contains(s.Key) && !dismissed.Contains((s.Key, s.Facts)))
            .OrderByDescending(s => s.Severity).ThenBy(s => s.TownId).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
    }

    private static string RedKey(int townId, IndicatorKind indicator) => $"red:{townId}:{indicator}";

    private static IEnumerable<Suggestion> RedIndicators(DistrictFigures figures)
    {
        var sheet = ScoreSheets.Live(figures);
        foreach (var town in sheet.Towns)
        {
            foreach (var cell in town.Cells.Where(c => c.Band == Band.Red))
            {
                yield return new Suggestion(RedKey(town.TownId, cell.Indicator), sheet.Period.Key, "红色指标", town.TownId, town.Town, cell.Indicator,
                    $"{sheet.Period.Label}{ScorecardPolicy.Name(cell.Indicator)}为红色（{ScoreSheet.Format(cell.Indicator, cell.Value)}，目标{ScoreSheet.FormatTarget(cell.Indicator, cell.Target)}）",
                    $"分析{ScorecardPolicy.Name(cell.Indicator)}滞后原因，制定并落实整改措施", FlagSeverity.Serious, []);
            }
        }
    }

    /// <summary>No-measure households past the clearance clock (<see cref="NoMeasureClocks"/>, in working days).</summary>
    private async Task<IEnumerable<Suggestion>> ClearanceAsync(ReliefDbContext db, SupervisionPolicy policy, IReadOnlyDictionary<string, string> settings,
        IReadOnlyDictionary<int, string> towns, CancellationToken ct)
    {
        var late = (await NoMeasureClocks.LoadAsync(db, clock, null, ct, settings)).Where(c => c.ClearDue < Today);
        return late.GroupBy(r => r.TownId).Select(g => PerTown("clear", g.Key, towns, g.Select(r => r.HouseholdId),
            n => $"{n}户无措施超过{policy.ClearWithinDays}个工作日未清零（应{policy.HelpWithinDays}个工作日内入户帮扶、{policy.ClearWithinDays}个工作日内清零）",
            "逐户落实至少一项稳定产业或一人稳定就业，限期清零", FlagSeverity.Urgent, "零就业未清零", IndicatorKind.NoMeasure));
    }

    private sealed record SuspectRule(string Kind, string Label, string Sql, string Action);

    /// <summary>DOMAIN.md §8 疑点数据, each a query for the households it finds.</summary>
    private static IEnumerable<SuspectRule> SuspectRules(DateOnly today)
    {
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var monthStart = new DateOnly(today.Year, today.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        const string Active = "(x.EndDate IS NULL OR x.EndDate >= '{0}') AND x.StartDate <= '{0}'";
        var active = string.Format(CultureInfo.InvariantCulture, Active, day);
        yield return new("duplicate-id", "同一身份证号出现在两户",
            """
            SELECT DISTINCT m.HouseholdId AS Value FROM Members m
            WHERE m.EndedOn IS NULL AND m.IdNumber IN
                (SELECT IdNumber FROM Members WHERE EndedOn IS NULL GROUP BY IdNumber HAVING COUNT(DISTINCT HouseholdId) > 1)
            """, "核实重复的身份证号，纠正错录或重复登记");
        yield return new("id-mismatch", "出生日期或性别与身份证号不符",
            """
            SELECT DISTINCT m.HouseholdId AS Value FROM Members m
            WHERE m.EndedOn IS NULL AND length(m.IdNumber) = 18
              AND (substr(m.IdNumber, 7, 8) <> replace(m.BirthDate, '-', '')
                   OR ((CAST(substr(m.IdNumber, 17, 1) AS INTEGER) % 2 = 1) <> (m.Sex = 1)))
            """, "对照身份证核实成员的出生日期和性别");
        yield return new("low-wage", "月工资在0至100元之间",
            $"SELECT DISTINCT x.HouseholdId AS Value FROM Employments x WHERE {active} AND x.MonthlyPay > 0 AND x.MonthlyPay < 10000",
            "核实务工收入，纠正错录的工资");
        yield return new("no-labour-job", "无劳动能力的成员登记了就业",
            $"SELECT DISTINCT x.HouseholdId AS Value FROM Employments x JOIN Members m ON m.Id = x.MemberId WHERE {active} AND m.LabourCapacity = {(int)LabourCapacity.None}",
            "核实该成员的劳动能力和就业情况");
        yield return new("met-same-month", "本月才开始的唯一措施即认定达标",
            $"""
            SELECT h.Id AS Value FROM Households h
            WHERE h.Status = {(int)HouseholdStatus.Met}
              AND NOT EXISTS (SELECT 1 FROM Employments x WHERE x.HouseholdId = h.Id AND {active} AND x.StartDate < '{monthStart}')
              AND NOT EXISTS (SELECT 1 FROM Industries x WHERE x.HouseholdId = h.Id AND {active} AND x.StartDate < '{monthStart}')
            """, "入户核实措施是否真实、稳定，防止突击达标");
    }

    private async Task<IEnumerable<Suggestion>> SuspectAsync(ReliefDbContext db, IReadOnlyDictionary<int, string> towns, CancellationToken ct)
    {
        var found = new List<Suggestion>();
        foreach (var rule in SuspectRules(Today))
        {
            var ids = await db.Database.SqlQueryRaw<int>(rule.Sql).ToListAsync(ct);
            if (ids.Count == 0)
            {
                continue;
            }
            var byTown = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).Select(h => new { h.Id, h.TownId }).ToListAsync(ct);
            found.AddRange(byTown.GroupBy(h => h.TownId).Select(g => PerTown($"suspect-{rule.Kind}", g.Key, towns, g.Select(h => h.Id),
                n => $"疑点数据：{n}户{rule.Label}", rule.Action, FlagSeverity.Serious, $"疑点数据·{rule.Label}")));
        }

        // A benefit over its cap, granted twice or to the ineligible (DOMAIN.md §8): the same check that refuses one at entry.
        var stored = await db.Benefits.AsNoTracking().Where(b => b.Breaches > 0 && b.VoidedAt == null)
            .Select(b => new { b.TownId, b.HouseholdId, b.Breaches }).ToListAsync(ct);
        var breaches = stored
            .SelectMany(b => Enum.GetValues<ViolationKind>().Where(k => (b.Breaches & BenefitLedger.Bit(k)) != 0).Select(k => (b.TownId, b.HouseholdId, Kind: k)))
            .Distinct();
        foreach (var group in breaches.GroupBy(b => (b.TownId, b.Kind)))
        {
            var label = $"补贴{Labels.Of(group.Key.Kind)}";
            found.Add(PerTown($"suspect-benefit-{group.Key.Kind}", group.Key.TownId, towns, group.Select(b => b.HouseholdId).Distinct(),
                n => $"疑点数据：{n}户补贴发放{Labels.Of(group.Key.Kind)}（{BenefitViolationClauses(group.Key.Kind)}）",
                "逐笔核实违规发放的补贴，追回多发资金或补齐依据，并在补贴台账中作废错误记录", FlagSeverity.Serious, $"疑点数据·{label}"));
        }
        return found;
    }

    private static string BenefitViolationClauses(ViolationKind kind) => kind switch
    {
        ViolationKind.OverCap => "三(一)、三(三) 累计不超过上限",
        ViolationKind.Duplicate => "不能重复享受",
        _ => "不符合发放条件",
    };

    private static Suggestion PerTown(string rule, int townId, IReadOnlyDictionary<int, string> towns, IEnumerable<int> households,
        Func<int, string> reason, string action, FlagSeverity severity, string label, IndicatorKind? indicator = null)
    {
        var ids = households.Order().ToList();
        return new Suggestion($"{rule}:{townId}", Fingerprint(ids), label, townId, towns.GetValueOrDefault(townId, ""), indicator,
            $"{towns.GetValueOrDefault(townId, "")}{reason(ids.Count)}", action, severity, ids);
    }

    private static string Fingerprint(IEnumerable<int> ids) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(",", ids))))[..32];

    /// <summary>A supervisor sets a suggestion aside, with why; it returns only when its facts change.</summary>
    public async Task<FlagResult> DismissAsync(Suggestion suggestion, string reason, CancellationToken ct = default)
    {
        var scope = await current.GetAsync();
        var input = new DismissInput(suggestion.Key, suggestion.Facts, reason);
        var written = await writes.CommitAsync(input, new WriteRequest(ChangeKind.Flag, "督办建议", "忽略督办建议"), scope, w =>
        {
            if (scope.Role != Roles.Supervisor)
            {
                return Task.FromResult<Refusal?>(Refusal.Forbidden("忽略督办建议", "只有督查人员可以处理督办建议"));
            }
            w.Db.SuggestionDismissals.Add(new SuggestionDismissal
            {
                Key = suggestion.Key,
                Facts = suggestion.Facts,
                Reason = reason.Trim(),
                User = scope.Name,
                At = w.Now,
            });
            return Task.FromResult<Refusal?>(null);
        }, ct);
        return written.Ok ? new FlagResult(true, null) : FlagResult.Fail(written.Problems[0]);
    }
}

/// <summary>A suggestion set aside: which one, the facts it stood on, and why.</summary>
public sealed record DismissInput(string Key, string Facts, string Reason);

public sealed class DismissInputValidator : FluentValidation.AbstractValidator<DismissInput>
{
    public DismissInputValidator()
    {
        RuleFor(x => x.Reason).Must(r => r.Trim().Length is >= 4 and <= 500).WithMessage("请填写忽略理由（4至500字）");
    }
}
