using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Scorecards;

/// <summary>What each indicator means in words, what its numerator and denominator count, and where the households behind it are listed.</summary>
public static class IndicatorInfo
{
    public static string Formula(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Attainment => "（达标户 ＋ 预警户）÷ 应达标户；兜底户按“兜底户不计入达标率分母”口径处理",
        IndicatorKind.NoMeasure => "没有任何有效帮扶措施的搬迁户户数；超过目标每户按设定扣分",
        IndicatorKind.LabourEmployment => "当前在岗的劳动力人数 ÷ 劳动力人数（弱劳动力按口径计入）",
        IndicatorKind.LocalCoverage => "有成员在区内就业的有劳动力户 ÷ 有劳动力的户",
        IndicatorKind.FlagsClosedOnTime => "按期（截止日当天或之前）销号的督办件 ÷ 已到期或已销号的督办件",
        _ => "规定天数内（见“预警：超过此天数未走访核实”）走访核实过的户 ÷ 搬迁户",
    };

    public static string NumeratorLabel(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Attainment => "达标户＋预警户",
        IndicatorKind.NoMeasure => "无措施户",
        IndicatorKind.LabourEmployment => "在岗劳动力（人）",
        IndicatorKind.LocalCoverage => "区内就业的有劳动力户",
        IndicatorKind.FlagsClosedOnTime => "按期销号件",
        _ => "按期核实户",
    };

    public static string DenominatorLabel(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Attainment => "应达标户",
        IndicatorKind.NoMeasure => "—",
        IndicatorKind.LabourEmployment => "劳动力（人）",
        IndicatorKind.LocalCoverage => "有劳动力的户",
        IndicatorKind.FlagsClosedOnTime => "应销号件",
        _ => "搬迁户",
    };

    /// <summary>Why a cell has no value, in words.</summary>
    public static string NoValue(IndicatorKind kind) => kind switch
    {
        IndicatorKind.FlagsClosedOnTime => "暂无：该镇街尚无到期的督办件",
        IndicatorKind.Freshness => "暂无：该月未统计核实户",
        IndicatorKind.LabourEmployment or IndicatorKind.LocalCoverage => "不适用：该镇街无劳动力",
        _ => "不适用：该镇街无应达标户",
    };

    /// <summary>The registry filtered to the town's households behind the number (today's households), or null.</summary>
    public static string? DrillUrl(IndicatorKind kind, int townId) => kind switch
    {
        IndicatorKind.Attainment => $"households?town={townId}&gap={RegistryGap.Unmet}",
        IndicatorKind.NoMeasure => $"households?town={townId}&status={HouseholdStatus.NoMeasure}",
        IndicatorKind.LabourEmployment => $"households?town={townId}&gap={RegistryGap.IdleLabour}",
        IndicatorKind.LocalCoverage => $"households?town={townId}&gap={RegistryGap.NoLocalJob}",
        IndicatorKind.Freshness => $"households?town={townId}&gap={RegistryGap.Unverified}",
        IndicatorKind.FlagsClosedOnTime => $"flags?view=All&town={townId}",
        _ => null,
    };

    public static string DrillLabel(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Attainment => "未达标户",
        IndicatorKind.NoMeasure => "无措施户",
        IndicatorKind.LabourEmployment => "有劳动力未就业户",
        IndicatorKind.LocalCoverage => "无就地就近就业户",
        IndicatorKind.Freshness => "超期未核实户",
        IndicatorKind.FlagsClosedOnTime => "该镇街督办件",
        _ => "",
    };
}
