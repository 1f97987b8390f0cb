namespace ReliefDashboard.Domain;

/// <summary>The five roles of DOMAIN.md §7 and what each may do.</summary>
public static class Roles
{
    public const string LeadingGroup = "LeadingGroup";
    public const string Supervisor = "Supervisor";
    public const string TownStaff = "TownStaff";
    public const string Department = "Department";
    public const string Admin = "Admin";

    public static readonly string[] All = [LeadingGroup, Supervisor, TownStaff, Department, Admin];

    public static string Label(string role) => role switch
    {
        LeadingGroup => "领导小组",
        Supervisor => "督查",
        TownStaff => "镇街工作人员",
        Department => "行业部门",
        Admin => "管理员",
        _ => role,
    };
}

/// <summary>The district departments that lead measures (牵头单位), and the channels each leads (DOMAIN.md §3).</summary>
public static class LeadUnits
{
    public static readonly IReadOnlyDictionary<string, Channel[]> Channels = new Dictionary<string, Channel[]>
    {
        ["区农业局"] = [Channel.AgriculturalIndustry, Channel.AssetIncome],
        ["区人社局"] = [Channel.IndustrialParkJob, Channel.TrainingAndLabourExport, Channel.PublicWelfarePost],
        ["区扶贫局"] = [Channel.IndustrialParkJob, Channel.CommunityFactoryOrBusiness],
        ["区移民办"] = [Channel.IndustrialParkJob, Channel.CommunityFactoryOrBusiness],
        ["区经济发展局"] = [Channel.Photovoltaic],
        ["区民政局"] = [Channel.SafetyNet],
    };

    /// <summary>Whether the department leads the channel.</summary>
    public static bool Leads(string? unit, Channel channel) => (Mask(unit) & HouseholdStatusUpdater.Bit(channel)) != 0;

    public static int Mask(string? unit) =>
        unit is not null && Channels.TryGetValue(unit, out var channels) ? channels.Aggregate(0, (m, c) => m | HouseholdStatusUpdater.Bit(c)) : 0;
}

/// <summary>
/// Who is acting and what they may see: the town they are bound to (town staff), the lead unit (department).
/// Built from the signed-in user; services decide with it, never the pages alone.
/// </summary>
public sealed record UserScope(string UserId, string Name, string Role, int? TownId, string? Department)
{
    public static readonly UserScope Anonymous = new("", "未登录用户", "", null, null);

    public static UserScope System(string what) => new("system", what, Roles.Admin, null, null);

    public bool IsAuthenticated => UserId.Length > 0;

    /// <summary>Leading group, supervisors and administrators read the whole district.</summary>
    public bool ReadsWholeDistrict => Role is Roles.LeadingGroup or Roles.Supervisor or Roles.Admin;

    public bool CanRead(int townId, int channelMask) => Role switch
    {
        Roles.TownStaff => TownId == townId,
        Roles.Department => (channelMask & LeadUnits.Mask(Department)) != 0,
        _ => ReadsWholeDistrict,
    };

    /// <summary>Only a town's own staff change its households.</summary>
    public bool CanEdit(int townId) => Role == Roles.TownStaff && TownId == townId;

    /// <summary>Full ID numbers and phones: the household's own town staff and administrators.</summary>
    public bool CanReveal(int townId) => Role == Roles.Admin || CanEdit(townId);
}

/// <summary>Security-relevant events that are not household edits: refused access, reveals of personal data, administration.</summary>
public class ActivityLog
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string User { get; set; }
    public required string Kind { get; set; }
    public required string Target { get; set; }
    public string? Detail { get; set; }

    public static class Kinds
    {
        public const string Denied = "拒绝访问";
        public const string Reveal = "查看完整信息";
        public const string Admin = "系统管理";
    }
}
