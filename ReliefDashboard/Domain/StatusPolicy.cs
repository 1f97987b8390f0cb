namespace ReliefDashboard.Domain;

/// <summary>
/// The thresholds of DOMAIN.md §4 as read from the stored policy settings. The defaults live in one place,
/// <see cref="Defaults"/>, which seeds the settings table; the rules only ever see what is stored.
/// </summary>
public sealed record StatusPolicy
{
    public int StableEmploymentContractMonths { get; init; }
    public int StableEmploymentContinuousMonths { get; init; }
    public int StableIndustryMonths { get; init; }
    public int AtRiskEndingWithinDays { get; init; }
    public int VerificationMaxAgeDays { get; init; }
    public bool PublicWelfarePostStableWhileActive { get; init; }
    public bool ShareIncomeStableWhileActiveAndPaying { get; init; }
    public bool WeakLabourCountsAsLabour { get; init; }
    public IReadOnlySet<Channel> CountingChannels { get; init; } = new HashSet<Channel>();

    public static class Keys
    {
        public const string ContractMonths = "status.stableEmployment.contractMonths";
        public const string ContinuousMonths = "status.stableEmployment.continuousMonths";
        public const string IndustryMonths = "status.stableIndustry.months";
        public const string EndingWithinDays = "status.atRisk.endingWithinDays";
        public const string VerificationDays = "status.atRisk.verificationMaxAgeDays";
        public const string PostWhileActive = "status.publicWelfarePost.stableWhileActive";
        public const string SharesWhilePaying = "status.shares.stableWhileActiveAndPaying";
        public const string WeakLabour = "status.labour.weakCountsAsLabour";
        public const string CountingChannels = "status.countingChannels";
        public const string ExcludeSafetyNet = "status.safetyNet.excludedFromDenominator";
    }

    public static IReadOnlyList<PolicySetting> Defaults { get; } =
    [
        new() { Key = Keys.ContractMonths, Value = "12", Label = "稳定就业：书面合同/协议期限不少于（月）", Clause = "一、总体目标“一人稳定就业”；参照三(二)、三(四)“1年以上劳动合同/协议”" },
        new() { Key = Keys.ContinuousMonths, Value = "6", Label = "稳定就业：或连续就业不少于（月）", Clause = "一、总体目标“一人稳定就业”（方案未明确，平台口径）" },
        new() { Key = Keys.IndustryMonths, Value = "6", Label = "稳定产业：持续经营不少于（月，一个生产周期）", Clause = "一、总体目标“一项稳定脱贫产业”（方案未明确，平台口径）" },
        new() { Key = Keys.EndingWithinDays, Value = "60", Label = "预警：全部达标措施在此天数内到期", Clause = "四(三) 督查考核（方案未明确，平台口径）" },
        new() { Key = Keys.VerificationDays, Value = "90", Label = "预警：超过此天数未走访核实", Clause = "四(三) 督查考核：走访核实时效（平台口径）" },
        new() { Key = Keys.PostWhileActive, Value = "true", Label = "公益性岗位在岗期间即算稳定就业", Clause = "三(五)" },
        new() { Key = Keys.SharesWhilePaying, Value = "true", Label = "光伏、资产收益分红在有效且有收益期间即算稳定产业", Clause = "三(六)、三(七)" },
        new() { Key = Keys.WeakLabour, Value = "true", Label = "弱劳动力计为有劳动能力", Clause = "三、目标任务“有劳动力的搬迁户”口径（平台口径）" },
        new() { Key = Keys.CountingChannels, Value = "1,2,3,4,5,6,7", Label = "计入达标的渠道（第8类兜底保障从不单独达标）", Clause = "一、总体目标；三(一)至三(七)" },
        new() { Key = Keys.ExcludeSafetyNet, Value = "true", Label = "兜底户不计入达标率分母", Clause = "三(八) 社会兜底保障：整户无劳动能力户单列统计" },
    ];

    /// <summary>Whether the status rules read this setting, so that a change to it must recompute every status.</summary>
    public static bool IsReadByRules(string key) => key != Keys.ExcludeSafetyNet && Defaults.Any(d => d.Key == key);

    public static StatusPolicy FromSettings(IReadOnlyDictionary<string, string> values)
    {
        int Int(string key) => int.Parse(values[key], System.Globalization.CultureInfo.InvariantCulture);
        bool Bool(string key) => bool.Parse(values[key]);
        return new StatusPolicy
        {
            StableEmploymentContractMonths = Int(Keys.ContractMonths),
            StableEmploymentContinuousMonths = Int(Keys.ContinuousMonths),
            StableIndustryMonths = Int(Keys.IndustryMonths),
            AtRiskEndingWithinDays = Int(Keys.EndingWithinDays),
            VerificationMaxAgeDays = Int(Keys.VerificationDays),
            PublicWelfarePostStableWhileActive = Bool(Keys.PostWhileActive),
            ShareIncomeStableWhileActiveAndPaying = Bool(Keys.SharesWhilePaying),
            WeakLabourCountsAsLabour = Bool(Keys.WeakLabour),
            CountingChannels = values[Keys.CountingChannels]
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => (Channel)int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
                .Where(c => c != Channel.SafetyNet)
                .ToHashSet(),
        };
    }

    public static StatusPolicy Default { get; } = FromSettings(Defaults.ToDictionary(s => s.Key, s => s.Value));
}
