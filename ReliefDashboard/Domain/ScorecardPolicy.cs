using System.Globalization;

namespace ReliefDashboard.Domain;

/// <summary>
/// How the towns are assessed (DOMAIN.md §6): which indicators count, their weights, targets, direction and
/// bands, the bands of the weighted total, and the rules that draw the commendation and accountability lists
/// from a closed period. All stored settings; the attainment indicator's target and bands are the dashboard's
/// own (<see cref="AssessmentPolicy"/>), so the league chart and the scorecard never disagree.
/// </summary>
public sealed record ScorecardPolicy(
    IReadOnlyList<IndicatorRule> Rules,
    decimal TotalGreenFrom,
    decimal TotalAmberFrom,
    bool CommendAllGreen,
    decimal CommendMinTotal,
    bool AccountRedTotal,
    int AccountRedIndicators)
{
    public const string Prefix = "scorecard.";

    public static class Fields
    {
        public const string Enabled = "enabled";
        public const string Weight = "weight";
        public const string HigherIsBetter = "higherIsBetter";
        public const string Target = "target";
        public const string GreenFrom = "greenFrom";
        public const string AmberFrom = "amberFrom";
        public const string PointsPerUnit = "pointsPerUnit";
    }

    public static class Keys
    {
        public const string TotalGreenFrom = "scorecard.total.greenFrom";
        public const string TotalAmberFrom = "scorecard.total.amberFrom";
        public const string CommendAllGreen = "scorecard.commend.allIndicatorsGreen";
        public const string CommendMinTotal = "scorecard.commend.minTotal";
        public const string AccountRedTotal = "scorecard.accountability.redTotal";
        public const string AccountRedIndicators = "scorecard.accountability.redIndicators";
    }

    /// <summary>The indicators in the order the scorecard shows them.</summary>
    public static IReadOnlyList<IndicatorKind> Indicators { get; } =
    [
        IndicatorKind.Attainment, IndicatorKind.VerifiedAttainment, IndicatorKind.NoMeasure, IndicatorKind.LabourEmployment,
        IndicatorKind.LocalCoverage, IndicatorKind.FlagsClosedOnTime, IndicatorKind.FindingsOnTime, IndicatorKind.SpotChecksTrue, IndicatorKind.Freshness,
    ];

    public static string Slug(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Attainment => "attainment",
        IndicatorKind.NoMeasure => "noMeasure",
        IndicatorKind.LabourEmployment => "labourEmployment",
        IndicatorKind.LocalCoverage => "localCoverage",
        IndicatorKind.FlagsClosedOnTime => "flagsClosedOnTime",
        IndicatorKind.VerifiedAttainment => "verifiedAttainment",
        IndicatorKind.FindingsOnTime => "findingsOnTime",
        IndicatorKind.SpotChecksTrue => "spotChecksTrue",
        _ => "freshness",
    };

    /// <summary>The stored key of one field of one indicator; attainment's target and bands are the dashboard's.</summary>
    public static string Key(IndicatorKind kind, string field) => (kind, field) switch
    {
        (IndicatorKind.Attainment, Fields.Target) => AssessmentPolicy.Keys.Target,
        (IndicatorKind.Attainment, Fields.GreenFrom) => AssessmentPolicy.Keys.GreenFrom,
        (IndicatorKind.Attainment, Fields.AmberFrom) => AssessmentPolicy.Keys.AmberFrom,
        _ => $"{Prefix}{Slug(kind)}.{field}",
    };

    /// <summary>Counts (households with no measure) rather than percentages.</summary>
    public static bool IsCount(IndicatorKind kind) => kind == IndicatorKind.NoMeasure;

    public static string Name(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Attainment => "达标率",
        IndicatorKind.NoMeasure => "无措施户",
        IndicatorKind.LabourEmployment => "劳动力就业率",
        IndicatorKind.LocalCoverage => "就地就近就业覆盖率",
        IndicatorKind.FlagsClosedOnTime => "督办按期销号率",
        IndicatorKind.VerifiedAttainment => "已核实达标率",
        IndicatorKind.FindingsOnTime => "疑点按期核实率",
        IndicatorKind.SpotChecksTrue => "抽查属实率",
        _ => "数据时效（走访核实率）",
    };

    private sealed record Default(IndicatorKind Kind, bool Enabled, int Weight, bool HigherIsBetter, string Target, string Green, string Amber, string Points, string Clause);

    private static readonly Default[] IndicatorDefaults =
    [
        new(IndicatorKind.Attainment, true, 40, true, "", "", "", "0", "一、总体目标“每户至少有一项稳定脱贫产业或一人稳定就业”"),
        new(IndicatorKind.NoMeasure, true, 20, false, "0", "0", "2", "10", "一、总体目标；零就业家庭动态清零（平台口径）"),
        new(IndicatorKind.LabourEmployment, true, 10, true, "40", "30", "20", "0", "三(二)至三(五) 就业渠道（平台口径）"),
        new(IndicatorKind.LocalCoverage, true, 10, true, "60", "50", "35", "0", "三(一)至三(三) 就地就近就业（平台口径）"),
        new(IndicatorKind.FlagsClosedOnTime, true, 10, true, "100", "90", "70", "0", "四(三) 督查考核：督办整改按期销号（平台口径）"),
        new(IndicatorKind.Freshness, true, 10, true, "100", "90", "70", "0", "四(三) 督查考核：走访核实时效，窗口同“预警：超过此天数未走访核实”（平台口径）"),
        new(IndicatorKind.VerifiedAttainment, true, 0, true, "100", "80", "50", "0", "四(三) 对弄虚作假的严肃追责：经部门数据或入户核实印证的达标（权重0为只展示、不计分）"),
        new(IndicatorKind.FindingsOnTime, true, 5, true, "100", "90", "70", "0", "四(三) 督查考核：比对疑点按期核实办结（平台口径）"),
        new(IndicatorKind.SpotChecksTrue, true, 5, true, "100", "95", "85", "0", "四(三) 对弄虚作假的严肃追责：入户抽查属实（平台口径）"),
    ];

    public static IReadOnlyList<PolicySetting> Defaults { get; } = BuildDefaults();

    private static List<PolicySetting> BuildDefaults()
    {
        var list = new List<PolicySetting>();
        foreach (var d in IndicatorDefaults)
        {
            var name = Name(d.Kind);
            var unit = IsCount(d.Kind) ? "户" : "%";
            void Add(string field, string value, string label)
            {
                if (!Key(d.Kind, field).StartsWith(Prefix, StringComparison.Ordinal))
                {
                    return; // attainment's target and bands are already stored for the dashboard
                }
                list.Add(new PolicySetting { Key = Key(d.Kind, field), Value = value, Label = $"考核指标·{name}：{label}", Clause = d.Clause });
            }
            Add(Fields.Enabled, d.Enabled ? "true" : "false", "纳入镇街考核");
            Add(Fields.Weight, d.Weight.ToString(CultureInfo.InvariantCulture), "权重");
            Add(Fields.HigherIsBetter, d.HigherIsBetter ? "true" : "false", "越高越好（否则越低越好）");
            Add(Fields.Target, d.Target, $"目标值（{unit}）");
            Add(Fields.GreenFrom, d.Green, d.HigherIsBetter ? $"绿色档：达到（{unit}）" : $"绿色档：不超过（{unit}）");
            Add(Fields.AmberFrom, d.Amber, d.HigherIsBetter ? $"黄色档：达到（{unit}，低于即红色）" : $"黄色档：不超过（{unit}，超过即红色）");
            if (!d.HigherIsBetter)
            {
                Add(Fields.PointsPerUnit, d.Points, $"每超目标1{unit}扣分");
            }
        }
        list.AddRange(
        [
            new() { Key = Keys.TotalGreenFrom, Value = "85", Label = "考核总分：绿色档下限（分）", Clause = "四(三) 督查考核：表彰先进（平台口径）" },
            new() { Key = Keys.TotalAmberFrom, Value = "70", Label = "考核总分：黄色档下限（分，低于即红色）", Clause = "四(三) 督查考核：对工作滞后的追究责任（平台口径）" },
            new() { Key = Keys.CommendAllGreen, Value = "true", Label = "表彰名单：各项指标均为绿色", Clause = "四(三) 对工作成效好的镇街予以表彰（平台口径）" },
            new() { Key = Keys.CommendMinTotal, Value = "85", Label = "表彰名单：且总分不低于（分）", Clause = "四(三) 对工作成效好的镇街予以表彰（平台口径）" },
            new() { Key = Keys.AccountRedTotal, Value = "true", Label = "问责名单：总分为红色档", Clause = "四(三) 对措施不落实、工作滞后的追究责任（平台口径）" },
            new() { Key = Keys.AccountRedIndicators, Value = "3", Label = "问责名单：或红色指标达到此项数（0为不按此条）", Clause = "四(三) 对措施不落实、工作滞后的追究责任（平台口径）" },
        ]);
        return list;
    }

    public static bool IsScorecardKey(string key) => key.StartsWith(Prefix, StringComparison.Ordinal);

    public static ScorecardPolicy FromSettings(IReadOnlyDictionary<string, string> values)
    {
        decimal Dec(string key) => decimal.Parse(values[key], NumberStyles.Number, CultureInfo.InvariantCulture);
        bool Bool(string key) => bool.Parse(values[key]);
        var rules = new List<IndicatorRule>();
        foreach (var kind in Indicators)
        {
            if (!Bool(Key(kind, Fields.Enabled)))
            {
                continue;
            }
            var higher = Bool(Key(kind, Fields.HigherIsBetter));
            var points = values.TryGetValue(Key(kind, Fields.PointsPerUnit), out var p) ? decimal.Parse(p, NumberStyles.Number, CultureInfo.InvariantCulture) : 0;
            rules.Add(new IndicatorRule(kind, Dec(Key(kind, Fields.Weight)), higher, Dec(Key(kind, Fields.Target)),
                Dec(Key(kind, Fields.GreenFrom)), Dec(Key(kind, Fields.AmberFrom)), points));
        }
        return new ScorecardPolicy(rules, Dec(Keys.TotalGreenFrom), Dec(Keys.TotalAmberFrom), Bool(Keys.CommendAllGreen),
            Dec(Keys.CommendMinTotal), Bool(Keys.AccountRedTotal), int.Parse(values[Keys.AccountRedIndicators], CultureInfo.InvariantCulture));
    }

    /// <summary>Null when the settings make a scorecard, otherwise why not, in Chinese.</summary>
    public string? Problem()
    {
        if (Rules.Count == 0 || Rules.Sum(r => r.Weight) <= 0)
        {
            return "至少要有一项纳入考核且权重大于0的指标";
        }
        foreach (var r in Rules)
        {
            if (r.HigherIsBetter && r.AmberFrom > r.GreenFrom)
            {
                return $"{Name(r.Indicator)}：越高越好的指标，黄色档不能高于绿色档";
            }
            if (!r.HigherIsBetter && r.AmberFrom < r.GreenFrom)
            {
                return $"{Name(r.Indicator)}：越低越好的指标，黄色档不能低于绿色档";
            }
        }
        return TotalAmberFrom > TotalGreenFrom ? "考核总分的黄色档下限不能高于绿色档下限" : null;
    }

    /// <summary>Why a town goes on the commendation list, or null.</summary>
    public string? CommendationReason(TownScore town)
    {
        if (town.Total is not { } total || total < CommendMinTotal)
        {
            return null;
        }
        // An indicator of weight 0 is shown, not scored: it neither earns nor costs a place on a list.
        var valued = town.Cells.Where(c => c.Band is not null && c.Weight > 0).ToList();
        if (CommendAllGreen && (valued.Count == 0 || valued.Any(c => c.Band != Band.Green)))
        {
            return null;
        }
        return CommendAllGreen ? $"各项指标均为绿色，总分{total:0.0}" : $"总分{total:0.0}，不低于{CommendMinTotal:0.#}";
    }

    /// <summary>Why a town goes on the accountability list, or null.</summary>
    public string? AccountabilityReason(TownScore town)
    {
        var reasons = new List<string>();
        if (AccountRedTotal && town.TotalBand == Band.Red)
        {
            reasons.Add($"总分{town.Total:0.0}为红色档");
        }
        var reds = town.Cells.Where(c => c.Band == Band.Red && c.Weight > 0).Select(c => Name(c.Indicator)).ToList();
        if (AccountRedIndicators > 0 && reds.Count >= AccountRedIndicators)
        {
            reasons.Add($"{reds.Count}项指标为红色（{string.Join("、", reds)}）");
        }
        return reasons.Count == 0 ? null : string.Join("；", reasons);
    }
}
