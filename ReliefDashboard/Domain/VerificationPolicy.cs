using System.Globalization;

namespace ReliefDashboard.Domain;

/// <summary>A cross-check rule (比对规则): its key, its name, what it is a sign of, and the lists it reads.</summary>
public sealed record CheckRule(string Key, string Name, FindingKind Kind, string Clause, IReadOnlyList<DepartmentListKind> Reads);

/// <summary>
/// The cross-check rules and the verification loop's settings, stored and editable: which rules run and their
/// thresholds, the two day clocks in working days with the holiday list, the spot-check share.
/// </summary>
public sealed record VerificationPolicy(
    IReadOnlySet<string> Enabled,
    int ContributionMissingMonths,
    int ContributionWindowMonths,
    bool RegistrationRequired,
    decimal DibaoThresholdYuan,
    decimal MedicalThresholdYuan,
    int MedicalWindowMonths,
    decimal VehicleThresholdYuan,
    int BenefitWindowMonths,
    int VisitWithinWorkingDays,
    int ConcludeWithinWorkingDays,
    IReadOnlySet<DateOnly> Holidays,
    decimal SpotSharePercent,
    int SpotMinimum,
    long ListMaxMegabytes)
{
    public const string Prefix = "verify.";

    public static class Rules
    {
        public const string ContributionGap = "contribution-gap";
        public const string NoRegistration = "no-registration";
        public const string Licence = "licence";
        public const string LabourGone = "labour-gone";
        public const string DibaoPay = "dibao-pay";
        public const string MedicalCost = "medical-cost";
        public const string Assets = "assets";
    }

    public static IReadOnlyList<CheckRule> All { get; } =
    [
        new(Rules.ContributionGap, "稳定就业登记已缴社保，但近期社保缴费缺失", FindingKind.Suspect,
            "一、总体目标“一人稳定就业”；四(三) 对弄虚作假的严肃追责：以人社社保缴费数据印证", [DepartmentListKind.SocialInsurance]),
        new(Rules.NoRegistration, "园区、工厂或劳务就业既无就业登记也无社保缴费", FindingKind.Suspect,
            "三(二)至三(四) 就业渠道；以人社就业登记、社保缴费数据印证", [DepartmentListKind.EmploymentRegistration, DepartmentListKind.SocialInsurance]),
        new(Rules.Licence, "自主创业计为产业，但营业执照已注销、吊销或查无登记", FindingKind.Suspect,
            "三(三) 社区工厂及自主创业；以市场监管市场主体登记数据印证", [DepartmentListKind.BusinessRegistration]),
        new(Rules.LabourGone, "计为就业的成员户籍已登记死亡、迁出或服刑", FindingKind.Suspect,
            "一、总体目标；以公安户籍变动数据印证", [DepartmentListKind.RegisterChange]),
        new(Rules.DibaoPay, "享受低保/特困的户，登记的务工收入人均超过低保标准", FindingKind.Suspect,
            "三(八) 社会兜底保障；民政低保认定（收入超标准需核实，不直接认定违规）", [DepartmentListKind.Assistance]),
        new(Rules.MedicalCost, "达标户近期发生高额医疗自付费用", FindingKind.Warning,
            "防止返贫动态监测：医保高额费用（预警来源，非弄虚作假）", [DepartmentListKind.MedicalCost]),
        new(Rules.Assets, "享受补贴或兜底的户名下有商品房、高值车辆或公司股权", FindingKind.Suspect,
            "补贴发放条件；以自然资源、车管、市场监管财产数据印证", [DepartmentListKind.Asset]),
    ];

    public static CheckRule Rule(string key) => All.First(r => r.Key == key);

    public static class Keys
    {
        public static string Enabled(string rule) => $"{Prefix}rule.{rule}.enabled";

        public const string MissingMonths = "verify.contribution.missingMonths";
        public const string WindowMonths = "verify.contribution.windowMonths";
        public const string RegistrationRequired = "verify.registration.required";
        public const string DibaoThreshold = "verify.dibao.thresholdYuan";
        public const string MedicalThreshold = "verify.medical.thresholdYuan";
        public const string MedicalWindow = "verify.medical.windowMonths";
        public const string VehicleThreshold = "verify.asset.vehicleThresholdYuan";
        public const string BenefitWindow = "verify.asset.benefitWindowMonths";
        public const string VisitDays = "verify.clock.visitWorkingDays";
        public const string ConcludeDays = "verify.clock.concludeWorkingDays";
        public const string Holidays = "verify.clock.holidays";
        public const string SpotShare = "verify.spot.sharePercent";
        public const string SpotMinimum = "verify.spot.minimum";
        public const string ListMegabytes = "verify.lists.maxMegabytes";
    }

    public static IReadOnlyList<PolicySetting> Defaults { get; } =
    [
        .. All.Select(r => new PolicySetting { Key = Keys.Enabled(r.Key), Value = "true", Label = $"比对规则·{r.Name}：启用", Clause = r.Clause }),
        new() { Key = Keys.MissingMonths, Value = "2", Label = "比对规则·社保缴费缺失：近期缺缴达到（月）即为疑点", Clause = Rule(Rules.ContributionGap).Clause },
        new() { Key = Keys.WindowMonths, Value = "3", Label = "比对规则·社保缴费缺失：考察最近（月，以已导入的缴费月份为准）", Clause = Rule(Rules.ContributionGap).Clause },
        new() { Key = Keys.RegistrationRequired, Value = "false", Label = "比对规则·就业登记：必须有就业登记（否则有社保缴费即可）", Clause = Rule(Rules.NoRegistration).Clause },
        new() { Key = Keys.DibaoThreshold, Value = "700", Label = "比对规则·低保户务工收入：低保标准（元/人·月）", Clause = Rule(Rules.DibaoPay).Clause },
        new() { Key = Keys.MedicalThreshold, Value = "10000", Label = "比对规则·高额医疗费用：单月自付达到（元）", Clause = Rule(Rules.MedicalCost).Clause },
        new() { Key = Keys.MedicalWindow, Value = "3", Label = "比对规则·高额医疗费用：考察最近（月）", Clause = Rule(Rules.MedicalCost).Clause },
        new() { Key = Keys.VehicleThreshold, Value = "100000", Label = "比对规则·财产：车辆价值超过（元）", Clause = Rule(Rules.Assets).Clause },
        new() { Key = Keys.BenefitWindow, Value = "12", Label = "比对规则·财产：最近（月）内领取过补贴即为享受补贴", Clause = Rule(Rules.Assets).Clause },
        new() { Key = Keys.VisitDays, Value = "5", Label = "核实时限：疑点下发后入户核实（工作日）", Clause = "防止返贫动态监测“5个工作日内入户核实”（平台口径）" },
        new() { Key = Keys.ConcludeDays, Value = "15", Label = "核实时限：疑点下发后核实办结（工作日）", Clause = "防止返贫动态监测“15个工作日内办结”（平台口径）" },
        new() { Key = Keys.Holidays, Value = "2026-01-01,2026-02-16,2026-02-17,2026-02-18,2026-02-19,2026-02-20,2026-04-06,2026-05-01,2026-05-04,2026-05-05,2026-06-19,2026-09-25,2026-10-01,2026-10-02,2026-10-05,2026-10-06,2026-10-07",
            Label = "工作日时限：法定节假日（疑点核实、零就业清零、我的待办共用；不计工作日，逗号分隔）", Clause = "国务院办公厅节假日安排（管理员按年维护）" },
        new() { Key = Keys.SpotShare, Value = "5", Label = "入户抽查：抽取达标户的比例（%）", Clause = "四(三) 督查考核：上级对下级工作抽查（平台口径）" },
        new() { Key = Keys.SpotMinimum, Value = "5", Label = "入户抽查：每次至少抽取（户）", Clause = "四(三) 督查考核（平台口径）" },
        new() { Key = Keys.ListMegabytes, Value = "500", Label = "比对数据：单个文件不超过（MB）", Clause = "系统运行（平台口径）" },
    ];

    public static bool IsVerificationKey(string key) => key.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Whether the cross-check reads the setting, so a change must run it again.</summary>
    public static bool IsReadByRules(string key) => key.StartsWith(Prefix + "rule.", StringComparison.Ordinal)
        || key is Keys.MissingMonths or Keys.WindowMonths or Keys.RegistrationRequired or Keys.DibaoThreshold or Keys.MedicalThreshold
            or Keys.MedicalWindow or Keys.VehicleThreshold or Keys.BenefitWindow;

    public static VerificationPolicy FromSettings(IReadOnlyDictionary<string, string> values)
    {
        int Int(string key) => int.Parse(values[key], CultureInfo.InvariantCulture);
        decimal Dec(string key) => decimal.Parse(values[key], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return new VerificationPolicy(
            All.Where(r => bool.Parse(values[Keys.Enabled(r.Key)])).Select(r => r.Key).ToHashSet(),
            Int(Keys.MissingMonths), Int(Keys.WindowMonths), bool.Parse(values[Keys.RegistrationRequired]),
            Dec(Keys.DibaoThreshold), Dec(Keys.MedicalThreshold), Int(Keys.MedicalWindow), Dec(Keys.VehicleThreshold), Int(Keys.BenefitWindow),
            Int(Keys.VisitDays), Int(Keys.ConcludeDays), ParseHolidays(values[Keys.Holidays]) ?? new HashSet<DateOnly>(),
            Dec(Keys.SpotShare), Int(Keys.SpotMinimum), Int(Keys.ListMegabytes));
    }

    public static VerificationPolicy Default { get; } = FromSettings(Defaults.ToDictionary(s => s.Key, s => s.Value));

    public static IReadOnlySet<DateOnly>? ParseHolidays(string text)
    {
        var days = new HashSet<DateOnly>();
        foreach (var part in text.Split([',', '，', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DateOnly.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return null;
            }
            days.Add(day);
        }
        return days;
    }

    /// <summary>Null when the value fits the setting, otherwise why not, in Chinese.</summary>
    public static string? ValueProblem(string key, string value)
    {
        var text = value.Trim();
        bool IntIn(int min, int max) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max;
        bool MoneyIn(decimal min, decimal max) =>
            decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var m) && m >= min && m <= max && decimal.Round(m, 2) == m;
        return key switch
        {
            Keys.MissingMonths or Keys.WindowMonths or Keys.MedicalWindow => IntIn(1, 12) ? null : "月数应为1至12之间的整数",
            Keys.BenefitWindow => IntIn(1, 36) ? null : "月数应为1至36之间的整数",
            Keys.DibaoThreshold or Keys.MedicalThreshold or Keys.VehicleThreshold => MoneyIn(0, 10_000_000) ? null : "金额应为0至10000000之间的数，最多两位小数（元）",
            Keys.VisitDays or Keys.ConcludeDays => IntIn(1, 60) ? null : "应为1至60之间的工作日数",
            Keys.Holidays => ParseHolidays(text) is null ? "日期格式应为 2026-10-01，多个日期用逗号分隔" : null,
            Keys.SpotShare => MoneyIn(0.1m, 100) ? null : "应为0.1至100之间的百分数",
            Keys.SpotMinimum => IntIn(1, 1000) ? null : "应为1至1000之间的整数",
            Keys.ListMegabytes => IntIn(1, 2000) ? null : "应为1至2000之间的整数（MB）",
            _ => text is "true" or "false" ? null : "应为“是”或“否”",
        };
    }

    /// <summary>Rules between settings.</summary>
    public string? Problem() =>
        ContributionMissingMonths > ContributionWindowMonths ? "社保缺缴月数不能多于考察月数"
        : VisitWithinWorkingDays > ConcludeWithinWorkingDays ? "入户核实时限不能长于办结时限"
        : null;

    /// <summary>Which departments supply a list: its own users may upload it (administrators any).</summary>
    public static IReadOnlyList<string> SourcesOf(DepartmentListKind kind) => kind switch
    {
        DepartmentListKind.SocialInsurance or DepartmentListKind.EmploymentRegistration => ["区人社局"],
        DepartmentListKind.BusinessRegistration => ["区市场监管局"],
        DepartmentListKind.Assistance => ["区民政局"],
        DepartmentListKind.MedicalCost => ["区医保局"],
        DepartmentListKind.RegisterChange => ["区公安分局"],
        _ => ["区自然资源局", "区公安分局"],
    };

    /// <summary>Every department that supplies a list or leads a measure: what a department account may belong to.</summary>
    public static IReadOnlyList<string> Departments { get; } =
        LeadUnits.Channels.Keys.Concat(Enum.GetValues<DepartmentListKind>().SelectMany(SourcesOf)).Distinct().ToList();
}
