using System.Globalization;

namespace ReliefDashboard.Domain;

/// <summary>
/// The plan's money and post numbers (DOMAIN.md §5), stored and editable: the caps, amounts, terms and
/// conditions the benefits ledger enforces, and the targets the policy-implementation page measures against.
/// </summary>
public sealed record BenefitPolicy
{
    public decimal IndustryCap { get; init; }
    public decimal GraduateMonthly { get; init; }
    public int GraduateMinContractMonths { get; init; }
    public decimal SelfEmploymentAward { get; init; }
    public decimal CrossRegionReward { get; init; }
    public int CrossRegionMinContractMonths { get; init; }
    public decimal RangerMonthly { get; init; }
    public int RangerTermMonths { get; init; }
    public int RangerPosts { get; init; }
    public string RangerPostType { get; init; } = "";
    public int UrbanPostsPerYear { get; init; }
    public int UrbanPostFirstYear { get; init; }
    public int UrbanPostYears { get; init; }
    public decimal FactoryRelocatedPercent { get; init; }
    public decimal FactorySqmPerWorker { get; init; }
    public int RentHalvingMonths { get; init; }
    public decimal LoanMin { get; init; }
    public decimal LoanMax { get; init; }
    public decimal PvFirstMegawatts { get; init; }
    public int PvFirstHouseholds { get; init; }
    public decimal PvSecondMegawatts { get; init; }
    public int ParkMinHouseholds { get; init; }
    public int ParkCount { get; init; }

    public static class Keys
    {
        public const string IndustryCap = "benefits.industry.cap";
        public const string GraduateMonthly = "benefits.graduate.monthly";
        public const string GraduateContract = "benefits.graduate.minContractMonths";
        public const string SelfEmploymentAward = "benefits.selfEmployment.award";
        public const string CrossRegionReward = "benefits.crossRegion.reward";
        public const string CrossRegionContract = "benefits.crossRegion.minContractMonths";
        public const string RangerMonthly = "benefits.ranger.monthly";
        public const string RangerTerm = "benefits.ranger.termMonths";
        public const string RangerPosts = "benefits.ranger.posts";
        public const string RangerPostType = "benefits.ranger.postType";
        public const string UrbanPostsPerYear = "benefits.urbanPosts.perYear";
        public const string UrbanPostFirstYear = "benefits.urbanPosts.firstYear";
        public const string UrbanPostYears = "benefits.urbanPosts.years";
        public const string FactoryPercent = "benefits.factory.relocatedPercent";
        public const string FactorySqm = "benefits.factory.sqmPerWorker";
        public const string RentHalvingMonths = "benefits.rentHalving.months";
        public const string LoanMin = "benefits.loan.min";
        public const string LoanMax = "benefits.loan.max";
        public const string PvFirstMegawatts = "benefits.pv.firstMegawatts";
        public const string PvFirstHouseholds = "benefits.pv.firstHouseholds";
        public const string PvSecondMegawatts = "benefits.pv.secondMegawatts";
        public const string ParkMinHouseholds = "benefits.park.minHouseholds";
        public const string ParkCount = "benefits.park.count";
    }

    public const string Prefix = "benefits.";

    public static IReadOnlyList<PolicySetting> Defaults { get; } =
    [
        new() { Key = Keys.IndustryCap, Value = "20000", Label = "产业扶持：园区奖励、产业补助与创业补助历年累计上限（元/户）", Clause = "三(一) 奖励资金和扶贫补助资金历年累计不得超过2万元；三(三) 累计补助不超过2万元" },
        new() { Key = Keys.GraduateMonthly, Value = "1000", Label = "高校毕业生园区就业岗位补贴（元/人·月）", Clause = "三(二) 给予每人每月1000元岗位补贴" },
        new() { Key = Keys.GraduateContract, Value = "12", Label = "岗位补贴：劳动合同不少于（月）", Clause = "三(二) 签订不少于1年的劳动合同，并交纳社会保险" },
        new() { Key = Keys.SelfEmploymentAward, Value = "5000", Label = "门面房以外自主创业以奖代补（元/户，一次性）", Clause = "三(三) 以奖代补的形式补助5000元（不准重复享受）" },
        new() { Key = Keys.CrossRegionReward, Value = "2000", Label = "跨区域就业一次性奖励（元/人）", Clause = "三(四) 一次性奖励就业创业补助资金X元（方案未列金额，按本地口径填写）" },
        new() { Key = Keys.CrossRegionContract, Value = "12", Label = "跨区域就业奖励：务工协议不少于（月）", Clause = "三(四) 与企业签订1年以上正规务工协议且稳定就业" },
        new() { Key = Keys.RangerMonthly, Value = "200", Label = "生态护林员工资（元/人·月）", Clause = "三(五) 工资200元/月" },
        new() { Key = Keys.RangerTerm, Value = "24", Label = "生态护林员聘用期限（月）", Clause = "三(五) 聘用期限2年" },
        new() { Key = Keys.RangerPosts, Value = "50", Label = "新增生态护林员岗位（个）", Clause = "三(五) 新增城镇周围生态护林员公益性岗位50个" },
        new() { Key = Keys.RangerPostType, Value = "生态护林员", Label = "生态护林员岗位在就业记录中的岗位类型", Clause = "三(五)（平台口径）" },
        new() { Key = Keys.UrbanPostsPerYear, Value = "100", Label = "城区每年新增公益专岗（个）", Clause = "三(五) 今后两年每年城区新增公益专岗100个" },
        new() { Key = Keys.UrbanPostFirstYear, Value = "2025", Label = "城区新增公益专岗：计划第一年", Clause = "三(五) “今后两年”（方案未列年份，按本地口径填写）" },
        new() { Key = Keys.UrbanPostYears, Value = "2", Label = "城区新增公益专岗：计划年数", Clause = "三(五) 今后两年" },
        new() { Key = Keys.FactoryPercent, Value = "40", Label = "社区工厂租金减半：聘用搬迁群众占总用工量不低于（%）", Clause = "三(三) 聘用搬迁群众达到总用工量的40%以上" },
        new() { Key = Keys.FactorySqm, Value = "25", Label = "社区工厂租金减半：或每多少平方米带动1名搬迁群众就业（㎡）", Clause = "三(三) 每25㎡带动1名搬迁群众就业" },
        new() { Key = Keys.RentHalvingMonths, Value = "24", Label = "厂房、门面房租赁费减半期限（月）", Clause = "三(三) 连续两年厂房租赁费给予减半；连续两年给予商业门面房租赁费减半" },
        new() { Key = Keys.LoanMin, Value = "50000", Label = "创业无息贷款下限（元）", Clause = "三(三) 申请5-8万元无息贷款" },
        new() { Key = Keys.LoanMax, Value = "80000", Label = "创业无息贷款上限（元）", Clause = "三(三) 申请5-8万元无息贷款" },
        new() { Key = Keys.PvFirstMegawatts, Value = "7.65", Label = "光伏扶贫电站（第一批）装机（兆瓦）", Clause = "三(六) 完成7.65MW光伏扶贫电站建设" },
        new() { Key = Keys.PvFirstHouseholds, Value = "398", Label = "光伏扶贫电站（第一批）收益搬迁户（户）", Clause = "三(六) 涉及收益搬迁对象398户" },
        new() { Key = Keys.PvSecondMegawatts, Value = "5", Label = "光伏扶贫电站（第二批）争取装机（兆瓦）", Clause = "三(六) 积极争取第二批5MW光伏扶贫电站建设指标" },
        new() { Key = Keys.ParkMinHouseholds, Value = "50", Label = "农业特色产业园区：每个园区带动搬迁户不少于（户）", Clause = "三(一) 带动不少于50户搬迁户发展农业特色产业" },
        new() { Key = Keys.ParkCount, Value = "3", Label = "农业特色产业园区：计划建成（个）", Clause = "三(一) 3个集中安置点每个安置点要建成一个农业特色产业园区" },
    ];

    public static BenefitPolicy Default { get; } = FromSettings(Defaults.ToDictionary(d => d.Key, d => d.Value));

    public static bool IsBenefitKey(string key) => key.StartsWith(Prefix, StringComparison.Ordinal);

    public static BenefitPolicy FromSettings(IReadOnlyDictionary<string, string> values)
    {
        decimal Money(string key) => decimal.Parse(values[key], NumberStyles.Number, CultureInfo.InvariantCulture);
        int Int(string key) => int.Parse(values[key], CultureInfo.InvariantCulture);
        return new BenefitPolicy
        {
            IndustryCap = Money(Keys.IndustryCap),
            GraduateMonthly = Money(Keys.GraduateMonthly),
            GraduateMinContractMonths = Int(Keys.GraduateContract),
            SelfEmploymentAward = Money(Keys.SelfEmploymentAward),
            CrossRegionReward = Money(Keys.CrossRegionReward),
            CrossRegionMinContractMonths = Int(Keys.CrossRegionContract),
            RangerMonthly = Money(Keys.RangerMonthly),
            RangerTermMonths = Int(Keys.RangerTerm),
            RangerPosts = Int(Keys.RangerPosts),
            RangerPostType = values[Keys.RangerPostType],
            UrbanPostsPerYear = Int(Keys.UrbanPostsPerYear),
            UrbanPostFirstYear = Int(Keys.UrbanPostFirstYear),
            UrbanPostYears = Int(Keys.UrbanPostYears),
            FactoryRelocatedPercent = Money(Keys.FactoryPercent),
            FactorySqmPerWorker = Money(Keys.FactorySqm),
            RentHalvingMonths = Int(Keys.RentHalvingMonths),
            LoanMin = Money(Keys.LoanMin),
            LoanMax = Money(Keys.LoanMax),
            PvFirstMegawatts = Money(Keys.PvFirstMegawatts),
            PvFirstHouseholds = Int(Keys.PvFirstHouseholds),
            PvSecondMegawatts = Money(Keys.PvSecondMegawatts),
            ParkMinHouseholds = Int(Keys.ParkMinHouseholds),
            ParkCount = Int(Keys.ParkCount),
        };
    }

    /// <summary>Null when <paramref name="value"/> fits the benefit setting <paramref name="key"/>, otherwise why not, in Chinese.</summary>
    public static string? ValueProblem(string key, string value)
    {
        var text = value.Trim();
        bool IntIn(int min, int max) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max;
        bool MoneyIn(decimal min, decimal max) =>
            decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var m) && m >= min && m <= max && decimal.Round(m, 2) == m;
        return key switch
        {
            Keys.IndustryCap or Keys.GraduateMonthly or Keys.SelfEmploymentAward or Keys.CrossRegionReward or Keys.RangerMonthly
                or Keys.LoanMin or Keys.LoanMax => MoneyIn(0, 1_000_000) ? null : "金额应为0至1000000之间的数，最多两位小数（元）",
            Keys.GraduateContract or Keys.CrossRegionContract or Keys.RangerTerm or Keys.RentHalvingMonths =>
                IntIn(1, 120) ? null : "月数应为1至120之间的整数",
            Keys.RangerPosts or Keys.UrbanPostsPerYear or Keys.PvFirstHouseholds or Keys.ParkMinHouseholds or Keys.ParkCount =>
                IntIn(0, 100_000) ? null : "应为0至100000之间的整数",
            Keys.UrbanPostFirstYear => IntIn(2000, 2100) ? null : "应为2000至2100之间的年份",
            Keys.UrbanPostYears => IntIn(1, 10) ? null : "应为1至10之间的整数",
            Keys.FactoryPercent => MoneyIn(0, 100) && decimal.Round(decimal.Parse(text, CultureInfo.InvariantCulture), 1) == decimal.Parse(text, CultureInfo.InvariantCulture)
                ? null : "应为0至100之间的百分数，最多一位小数",
            Keys.FactorySqm or Keys.PvFirstMegawatts or Keys.PvSecondMegawatts => MoneyIn(0.01m, 100_000) ? null : "应为大于0的数，最多两位小数",
            Keys.RangerPostType => text.Length is >= 1 and <= 40 ? null : "岗位类型应为1至40个字",
            _ => "该口径不存在",
        };
    }

    /// <summary>Null when the settings agree with each other, otherwise why not, in Chinese.</summary>
    public string? Problem() =>
        LoanMin > LoanMax ? "无息贷款下限不能高于上限"
        : SelfEmploymentAward > IndustryCap ? "创业补助金额不能高于产业扶持累计上限"
        : null;
}
