namespace ReliefDashboard.Domain;

/// <summary>Chinese names for the entities and fields the audit trail records by identifier.</summary>
public static partial class AuditLabels
{
    public static string Entity(string entity) => entity switch
    {
        "Household" => "户信息",
        "Member" => "家庭成员",
        "Employment" => "就业",
        "Industry" => "产业",
        "SafetyNetCoverage" => "兜底保障",
        "Training" => "技能培训",
        "CommunityFactory" => "社区工厂",
        "Benefit" => "补贴发放",
        "ShopfrontRental" => "门面房租赁",
        "BusinessLoan" => "无息贷款",
        _ => entity,
    };

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Code"] = "户编号",
        ["TownId"] = "镇街",
        ["SiteId"] = "安置点",
        ["HeadName"] = "户主",
        ["OriginVillage"] = "迁出村",
        ["RelocationYear"] = "搬迁年份",
        ["Phone"] = "联系电话",
        ["IsRegisteredPoor"] = "建档立卡贫困户",
        ["IsCoRelocated"] = "同步搬迁户",
        ["IsThreeNo"] = "三无户",
        ["LastVerifiedOn"] = "最近走访核实",
        ["Status"] = "达标状态",
        ["HasLabour"] = "有劳动力",
        ["Name"] = "姓名",
        ["IdNumber"] = "身份证号",
        ["BirthDate"] = "出生日期",
        ["Sex"] = "性别",
        ["Relation"] = "与户主关系",
        ["LabourCapacity"] = "劳动能力",
        ["Education"] = "文化程度",
        ["IsUnemployedGraduate"] = "未就业高校毕业生",
        ["Disability"] = "残疾情况",
        ["EndedOn"] = "注销日期",
        ["EndReason"] = "注销原因",
        ["Channel"] = "渠道",
        ["StartDate"] = "开始日期",
        ["EndDate"] = "结束日期",
        ["MemberId"] = "成员",
        ["Employer"] = "用工单位",
        ["Park"] = "园区",
        ["Location"] = "就业地点",
        ["ContractMonths"] = "合同期限（月）",
        ["HasSocialInsurance"] = "缴纳社保",
        ["MonthlyPay"] = "月工资（元）",
        ["PostType"] = "岗位类型",
        ["Type"] = "类型",
        ["Scale"] = "规模",
        ["ScaleUnit"] = "规模单位",
        ["LicenceNumber"] = "营业执照号",
        ["PvStation"] = "光伏电站",
        ["PvShareKw"] = "光伏份额（千瓦）",
        ["Collective"] = "集体经济组织",
        ["ShareForm"] = "入股形式",
        ["AnnualIncome"] = "年收益（元）",
        ["Kind"] = "保障类型",
        ["MonthlyAmount"] = "月保障金额（元）",
        ["Course"] = "培训项目",
        ["Provider"] = "培训机构",
        ["Hours"] = "学时",
        ["Certificate"] = "证书",
        ["Amount"] = "金额（元）",
        ["PaidOn"] = "发放日期",
        ["ForMonth"] = "所属月份",
        ["Fund"] = "资金来源",
        ["Voucher"] = "凭证号",
        ["EmploymentId"] = "就业记录",
        ["IndustryId"] = "产业记录",
        ["ShopfrontId"] = "门面房记录",
        ["VoidReason"] = "作废原因",
        ["Unit"] = "门面",
        ["Business"] = "经营项目",
        ["MonthlyRent"] = "月租金（元）",
        ["Lender"] = "放款机构",
        ["Purpose"] = "用途",
        ["AppliedOn"] = "申请日期",
        ["DisbursedOn"] = "放款日期",
        ["DueOn"] = "到期日期",
    };

    /// <summary>Fields whose name means something else on one kind of record.</summary>
    private static readonly Dictionary<(string Entity, string Field), string> EntityFields = new()
    {
        [("Benefit", "Kind")] = "补贴类型",
        [("BusinessLoan", "Status")] = "贷款状态",
        [("Industry", "Type")] = "产业类型",
    };

    /// <summary>
    /// The one row a save writes for what the system recomputed (status and the household's counters), shown as
    /// “系统重算”, never as fields a person typed.
    /// </summary>
    public const string Recomputed = "Recomputed";

    /// <summary>The field of an audit row that lists a whole new record (written by the roster import).</summary>
    public const string WholeRecord = "Record";

    public static string Field(string field) => field switch
    {
        WholeRecord => "整条记录",
        Recomputed => "达标状态",
        _ => Fields.GetValueOrDefault(field, field),
    };

    public static string Field(string entity, string field) => EntityFields.GetValueOrDefault((entity, field)) ?? Field(field);

    /// <summary>The Chinese label of a field, or null when the trail has none (an identifier no person should read).</summary>
    public static string? Known(string entity, string field) =>
        EntityFields.GetValueOrDefault((entity, field)) ?? (field is WholeRecord or Recomputed ? Field(field) : Fields.GetValueOrDefault(field));

    /// <summary>ID numbers and phones stay masked in the history too, also inside a whole record's list of values.</summary>
    public static string? Value(string field, string? value) => field switch
    {
        _ when value is null => null,
        "IdNumber" => Domain.IdNumber.Mask(value),
        "Phone" => Domain.IdNumber.MaskPhone(value),
        "BirthDate" => YearOnly(value),
        WholeRecord => EmbeddedBirthDate().Replace(
            Embedded().Replace(value, m => m.Value.Length == 11 ? Domain.IdNumber.MaskPhone(m.Value)! : Domain.IdNumber.Mask(m.Value)),
            m => $"{m.Groups[1].Value}{m.Groups[2].Value}年"),
        _ => value,
    };

    /// <summary>A birth date in the history is shown as its year, like everywhere the ID number is masked.</summary>
    private static string YearOnly(string value) => value.Length >= 4 && value[..4].All(char.IsAsciiDigit) ? $"{value[..4]}年" : value;

    [System.Text.RegularExpressions.GeneratedRegex(@"(出生日期：)([0-9]{4})-[0-9]{2}-[0-9]{2}")]
    private static partial System.Text.RegularExpressions.Regex EmbeddedBirthDate();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![0-9])(?:[0-9]{17}[0-9Xx]|1[0-9]{10})(?![0-9])")]
    private static partial System.Text.RegularExpressions.Regex Embedded();
}
