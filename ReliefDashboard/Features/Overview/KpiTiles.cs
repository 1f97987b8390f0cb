using System.Globalization;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Overview;

/// <summary>
/// One number on the dashboard: its value, its change since the last month-end, whether that change is good
/// news (null: neither), the household list it opens, and how it is computed.
/// </summary>
public sealed record KpiTile(string Key, string Label, string Value, string Unit, string Change, bool? Rose, bool? Improved, string Href, string Formula);

public static class KpiTiles
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static IReadOnlyList<KpiTile> Build(DashboardView v)
    {
        var now = v.Now;
        var last = v.LastMonth;
        var p = v.Policy;
        var denominator = p.ExcludeSafetyNet ? "应达标户（不含兜底户）" : "全部搬迁户";
        return
        [
            Count("households", "搬迁户", now.Households, last?.Households, null, "households",
                "台账在册的搬迁户"),
            Count("met", "达标户", now.Met, last?.Met, higherIsBetter: true, "households?status=Met",
                "有一项稳定产业或一人稳定就业、且无预警情形的户"),
            Rate("attainment", "达标率", now.AttainmentPercent(p), last?.AttainmentPercent(p), higherIsBetter: true, "households?gap=Unmet",
                $"（达标 {now.Met:N0} + 预警 {now.AtRisk:N0}）÷ {denominator} {now.Denominator(p):N0}；目标 {p.TargetPercent:0.#}%"),
            Rate("verified-attainment", "已核实达标率", now.VerifiedAttainmentPercent(p), last?.VerifiedAttainmentPercent(p), higherIsBetter: true, "verification",
                $"措施经部门数据印证或入户核实的达标户 {now.VerifiedAttained ?? 0:N0} ÷ 应达标户 {now.Denominator(p):N0}"),
            Count("no-measure", "无措施户", now.NoMeasure, last?.NoMeasure, higherIsBetter: false, "households?status=NoMeasure",
                "无任何产业、无任何就业的户，须动态清零"),
            Count("at-risk", "预警户", now.AtRisk, last?.AtRisk, higherIsBetter: false, "households?status=AtRisk",
                "已达标，但措施即将到期或超期未走访核实"),
            Count("safety-net", "兜底户", now.SafetyNet, last?.SafetyNet, null, "households?status=SafetyNet",
                "无劳动能力、由社会保障兜底的户，单列统计"),
            Rate("employment", "劳动力就业率", now.EmploymentPercent, last?.EmploymentPercent, higherIsBetter: true, "households?gap=IdleLabour",
                $"在岗劳动力 {now.EmployedLabourMembers:N0} ÷ 劳动力 {now.LabourMembers:N0} 人"),
            Rate("local", "就地就近就业覆盖率", now.LocalCoveragePercent, last?.LocalCoveragePercent, higherIsBetter: true, "households?gap=NoLocalJob",
                $"有劳动力在区内就业的户 {now.LocalCoveredHouseholds:N0} ÷ 有劳动力户 {now.LabourHouseholds:N0}"),
        ];
    }

    private static KpiTile Count(string key, string label, int now, int? last, bool? higherIsBetter, string href, string formula)
    {
        bool? rose = last is { } l && now != l ? now > l : null;
        var change = last is not { } before ? "上月末无统计"
            : rose is { } up ? $"较上月末 {(up ? "+" : "−")}{Math.Abs(now - before).ToString("N0", Zh)} 户"
            : "较上月末持平";
        return new KpiTile(key, label, now.ToString("N0", Zh), "户", change, rose, Improved(rose, higherIsBetter), href, formula);
    }

    private static KpiTile Rate(string key, string label, decimal? now, decimal? last, bool higherIsBetter, string href, string formula)
    {
        var value = now is { } n ? n.ToString("0.0", Zh) : "—";
        bool? rose = now is { } a && last is { } b && a != b ? a > b : null;
        var change = (now, last) switch
        {
            ({ } a2, { } b2) when rose is { } up => $"较上月末 {(up ? "+" : "−")}{Math.Abs(a2 - b2).ToString("0.0", Zh)} 个百分点",
            ({ }, { }) => "较上月末持平",
            (_, null) => "上月末无统计",
            _ => "暂无数据",
        };
        return new KpiTile(key, label, value, now is null ? "" : "%", change, rose, Improved(rose, higherIsBetter), href, formula);
    }

    /// <summary>Good news when the number moved the way it should; null when it did not move or has no good direction.</summary>
    private static bool? Improved(bool? rose, bool? higherIsBetter) => rose is { } up && higherIsBetter is { } h ? up == h : null;
}
