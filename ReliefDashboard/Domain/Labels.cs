namespace ReliefDashboard.Domain;

/// <summary>What a person reads for each enum value, in Simplified Chinese.</summary>
public static class Labels
{
    public static string Of(Channel c) => c switch
    {
        Channel.AgriculturalIndustry => "农业特色产业",
        Channel.IndustrialParkJob => "园区用工就业",
        Channel.CommunityFactoryOrBusiness => "社区工厂及自主创业",
        Channel.TrainingAndLabourExport => "技能培训及劳务输出",
        Channel.PublicWelfarePost => "公益性岗位",
        Channel.Photovoltaic => "光伏产业",
        Channel.AssetIncome => "农村资产收益",
        Channel.SafetyNet => "社会兜底保障",
        _ => c.ToString(),
    };

    public static string Numbered(Channel c) => $"{(int)c}. {Of(c)}";

    public static string Of(HouseholdStatus s) => s switch
    {
        HouseholdStatus.Met => "达标",
        HouseholdStatus.AtRisk => "预警",
        HouseholdStatus.InProgress => "帮扶中",
        HouseholdStatus.NoMeasure => "无措施",
        HouseholdStatus.SafetyNet => "兜底",
        _ => s.ToString(),
    };

    public static string Of(TownKind k) => k == TownKind.Town ? "镇" : "街道";

    public static string Of(SiteKind k) => k == SiteKind.Centralized ? "集中安置" : "分散安置";

    public static string Of(Sex s) => s == Sex.Male ? "男" : "女";

    public static string Of(Relation r) => r switch
    {
        Relation.Head => "户主",
        Relation.Spouse => "配偶",
        Relation.Child => "子女",
        Relation.Parent => "父母",
        Relation.Grandchild => "孙子女",
        Relation.ChildInLaw => "儿媳/女婿",
        Relation.Sibling => "兄弟姐妹",
        _ => "其他",
    };

    public static string Of(LabourCapacity l) => l switch
    {
        LabourCapacity.Full => "有劳动能力",
        LabourCapacity.Weak => "弱劳动力",
        _ => "无劳动能力",
    };

    public static string Of(Education e) => e switch
    {
        Education.None => "未上学",
        Education.Primary => "小学",
        Education.JuniorHigh => "初中",
        Education.SeniorHigh => "高中",
        Education.Vocational => "中专/技校",
        _ => "大专及以上",
    };

    public static string Of(Disability d) => d switch
    {
        Disability.None => "无",
        Disability.Physical => "肢体残疾",
        Disability.Visual => "视力残疾",
        Disability.Hearing => "听力言语残疾",
        Disability.Intellectual => "智力残疾",
        Disability.Mental => "精神残疾",
        _ => "多重残疾",
    };

    public static string Of(WorkLocation w) => w switch
    {
        WorkLocation.InsideDistrict => "区内",
        WorkLocation.InsideProvince => "省内区外",
        _ => "省外",
    };

    public static string Of(AssetShareForm f) => f switch
    {
        AssetShareForm.Funds => "资金入股",
        AssetShareForm.LandUseRight => "土地经营权入股",
        AssetShareForm.Trusteeship => "托管",
        AssetShareForm.Custody => "代养",
        _ => "劳务入股",
    };

    public static string Of(CoverageKind k) => k switch
    {
        CoverageKind.Dibao => "低保",
        CoverageKind.Tekun => "特困供养",
        CoverageKind.MedicalInsurance => "基本医疗保险",
        CoverageKind.CriticalIllnessInsurance => "大病保险",
        CoverageKind.DisabilitySubsidy => "残疾人补贴",
        CoverageKind.ElderSubsidy => "60岁以上老人补贴",
        _ => "教育资助",
    };

    public static string Of(MemberEndReason r) => r switch
    {
        MemberEndReason.Deceased => "死亡",
        MemberEndReason.MovedOut => "迁出",
        _ => "其他",
    };

    public static string Of(FlagState s) => s switch
    {
        FlagState.Open => "待整改",
        FlagState.InProgress => "整改中",
        FlagState.Answered => "待核验",
        FlagState.Closed => "已销号",
        _ => "退回",
    };

    public static string Of(FlagSeverity s) => s switch
    {
        FlagSeverity.General => "一般",
        FlagSeverity.Serious => "较重",
        _ => "紧急",
    };

    public static string Of(FlagAction a) => a switch
    {
        FlagAction.Raise => "下发督办",
        FlagAction.Acknowledge => "签收",
        FlagAction.Answer => "反馈整改",
        FlagAction.Close => "核验销号",
        _ => "退回",
    };

    public static readonly Channel[] IndustryChannels =
        [Channel.AgriculturalIndustry, Channel.CommunityFactoryOrBusiness, Channel.Photovoltaic, Channel.AssetIncome];

    public static readonly Channel[] EmploymentChannels =
        [Channel.IndustrialParkJob, Channel.CommunityFactoryOrBusiness, Channel.TrainingAndLabourExport, Channel.PublicWelfarePost];

    public static string Of(BenefitKind k) => k switch
    {
        BenefitKind.ParkAward => "园区达标奖补",
        BenefitKind.IndustrySubsidy => "产业扶贫补助",
        BenefitKind.GraduatePostSubsidy => "高校毕业生岗位补贴",
        BenefitKind.SelfEmploymentAward => "自主创业以奖代补",
        BenefitKind.CrossRegionReward => "跨区域就业奖励",
        BenefitKind.RangerPay => "生态护林员工资",
        BenefitKind.ShopfrontRentRelief => "门面房租金减半",
        BenefitKind.PvIncome => "光伏收益分配",
        _ => k.ToString(),
    };

    public static string Of(LoanStatus s) => s switch
    {
        LoanStatus.Applied => "已申请",
        LoanStatus.Approved => "已审批",
        LoanStatus.Disbursed => "已放款",
        LoanStatus.Repaid => "已还清",
        LoanStatus.Rejected => "未获批",
        _ => s.ToString(),
    };

    public static string Of(ViolationKind k) => k switch
    {
        ViolationKind.OverCap => "超上限",
        ViolationKind.Duplicate => "重复享受",
        ViolationKind.Ineligible => "不符合条件",
        _ => k.ToString(),
    };

    public static string Of(DepartmentListKind k) => k switch
    {
        DepartmentListKind.SocialInsurance => "社保缴费",
        DepartmentListKind.EmploymentRegistration => "就业登记",
        DepartmentListKind.BusinessRegistration => "市场主体登记",
        DepartmentListKind.Assistance => "低保特困及临时救助",
        DepartmentListKind.MedicalCost => "高额医疗费用",
        DepartmentListKind.RegisterChange => "户籍变动",
        DepartmentListKind.Asset => "房产车辆及股权",
        _ => k.ToString(),
    };

    public static string Of(LicenceStatus s) => s switch
    {
        LicenceStatus.Active => "存续",
        LicenceStatus.Cancelled => "注销",
        _ => "吊销",
    };

    public static string Of(AssistanceKind k) => k switch
    {
        AssistanceKind.Dibao => "低保",
        AssistanceKind.Tekun => "特困",
        _ => "临时救助",
    };

    public static string Of(RegisterEvent e) => e switch
    {
        RegisterEvent.Death => "死亡",
        RegisterEvent.MovedOut => "迁出",
        RegisterEvent.Custody => "服刑",
        _ => "其他",
    };

    public static string Of(AssetKind k) => k switch
    {
        AssetKind.House => "商品房",
        AssetKind.Vehicle => "车辆",
        _ => "公司股东",
    };

    public static string Of(MeasureVerification v) => v switch
    {
        MeasureVerification.SelfReported => "自报",
        MeasureVerification.DepartmentConfirmed => "部门数据印证",
        MeasureVerification.VisitConfirmed => "入户核实",
        _ => "核实不实",
    };

    public static string Of(FindingKind k) => k == FindingKind.Suspect ? "疑点" : "预警";

    public static string Of(FindingState s) => s switch
    {
        FindingState.Pending => "待核实",
        FindingState.Visited => "已入户",
        FindingState.AwaitingReview => "待核验",
        FindingState.Closed => "已核验",
        _ => "退回",
    };

    public static string Of(FindingAction a) => a switch
    {
        FindingAction.Found => "比对发现",
        FindingAction.Visit => "入户核实",
        FindingAction.ConfirmWrong => "核实属实",
        FindingAction.Explain => "核实不实",
        FindingAction.Verify => "核验通过",
        FindingAction.Return => "退回重核",
        _ => "记录已更正",
    };

    public static string Of(Lateness l) => l switch
    {
        Lateness.OnTime => "未超期",
        Lateness.VisitOverdue => "超期未入户",
        _ => "超期未办结",
    };

    public static string Of(VisitKind k) => k switch
    {
        VisitKind.Visit => "走访",
        VisitKind.Verify => "核实",
        _ => "抽查",
    };

    public static string Of(SpotResult r) => r switch
    {
        SpotResult.True => "属实",
        SpotResult.PartlyFalse => "部分不实",
        _ => "不实",
    };
}
