using System.Globalization;

namespace ReliefDashboard.Domain;

/// <summary>
/// How the attainment of a town or the district is judged: the target line and the red/amber/green bands the
/// dashboard colours towns by, and whether safety-net households leave the denominator. Stored settings.
/// </summary>
public sealed record AssessmentPolicy
{
    public decimal TargetPercent { get; init; }
    public decimal GreenFromPercent { get; init; }
    public decimal AmberFromPercent { get; init; }
    public bool ExcludeSafetyNet { get; init; }

    public static class Keys
    {
        public const string Target = "assessment.attainment.targetPercent";
        public const string GreenFrom = "assessment.attainment.greenFromPercent";
        public const string AmberFrom = "assessment.attainment.amberFromPercent";
    }

    public static IReadOnlyList<PolicySetting> Defaults { get; } =
    [
        new() { Key = Keys.Target, Value = "100", Label = "达标率目标（%）", Clause = "一、总体目标“全区2524户搬迁群众都有一项稳定脱贫产业或有一人稳定就业”" },
        new() { Key = Keys.GreenFrom, Value = "95", Label = "达标率绿色档下限（%，达到即为较好）", Clause = "四(三) 督查考核：表彰先进（平台口径）" },
        new() { Key = Keys.AmberFrom, Value = "85", Label = "达标率黄色档下限（%，低于即为红色、滞后）", Clause = "四(三) 督查考核：对工作滞后的追究责任（平台口径）" },
    ];

    public static bool IsPercentKey(string key) => key is Keys.Target or Keys.GreenFrom or Keys.AmberFrom;

    public static AssessmentPolicy FromSettings(IReadOnlyDictionary<string, string> values)
    {
        decimal Percent(string key) => decimal.Parse(values[key], NumberStyles.Number, CultureInfo.InvariantCulture);
        return new AssessmentPolicy
        {
            TargetPercent = Percent(Keys.Target),
            GreenFromPercent = Percent(Keys.GreenFrom),
            AmberFromPercent = Percent(Keys.AmberFrom),
            ExcludeSafetyNet = bool.Parse(values[StatusPolicy.Keys.ExcludeSafetyNet]),
        };
    }

    /// <summary>Null when the bands are in order, otherwise why not, in Chinese.</summary>
    public string? Problem() => AmberFromPercent <= GreenFromPercent ? null : "黄色档下限不能高于绿色档下限";

    public Band BandOf(decimal percent) =>
        percent >= GreenFromPercent ? Band.Green : percent >= AmberFromPercent ? Band.Amber : Band.Red;
}

public enum Band
{
    Red = 0,
    Amber = 1,
    Green = 2,
}
