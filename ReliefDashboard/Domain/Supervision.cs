using System.Globalization;

namespace ReliefDashboard.Domain;

/// <summary>Where a flag stands (DOMAIN.md §6 督办): the town or department answers, the supervisor verifies.</summary>
public enum FlagState
{
    /// <summary>待整改: raised, not yet taken up.</summary>
    Open = 0,

    /// <summary>整改中: the addressed town or department has acknowledged it.</summary>
    InProgress = 1,

    /// <summary>待核验: answered with a response and evidence, waiting for the supervisor.</summary>
    Answered = 2,

    /// <summary>已销号: verified and closed by a supervisor.</summary>
    Closed = 3,

    /// <summary>退回: the supervisor sent the answer back with a reason; the town answers again.</summary>
    Returned = 4,
}

public enum FlagSeverity
{
    General = 0,
    Serious = 1,
    Urgent = 2,
}

public enum FlagAction
{
    Raise = 0,
    Acknowledge = 1,
    Answer = 2,
    Close = 3,
    Return = 4,
}

/// <summary>A supervision flag (督办件) on a town or a lead department.</summary>
public class SupervisionFlag
{
    public int Id { get; set; }

    /// <summary>The town addressed, or null when a department is.</summary>
    public int? TownId { get; set; }
    public Town? Town { get; set; }

    /// <summary>The lead department addressed (牵头单位), or null when a town is.</summary>
    public string? Department { get; set; }
    public required string Reason { get; set; }
    public IndicatorKind? Indicator { get; set; }
    public required string RequiredAction { get; set; }
    public DateOnly Deadline { get; set; }
    public FlagSeverity Severity { get; set; }
    public FlagState State { get; set; }
    public required string RaisedBy { get; set; }
    public DateTime RaisedAt { get; set; }

    /// <summary>The day it was closed (销号), in local time: what "closed on time" compares with the deadline.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>The suggestion it was raised from, so that suggestion is not offered again while the flag stands.</summary>
    public string? SuggestionKey { get; set; }

    /// <summary>Bumped by every step; a step taken on a stale copy is refused, not silently applied.</summary>
    public int Version { get; set; }

    public List<FlagHousehold> Households { get; set; } = [];
    public List<FlagEvent> Events { get; set; } = [];
    public List<FlagEvidence> Evidence { get; set; } = [];

    public bool IsOverdueOn(DateOnly today) => State != FlagState.Closed && today > Deadline;

    public bool ClosedOnTime => ClosedOn is { } closed && closed <= Deadline;
}

public class FlagHousehold
{
    public int FlagId { get; set; }
    public int HouseholdId { get; set; }
    public Household? Household { get; set; }
}

/// <summary>One step in a flag's history: who, when, from which state to which, and what they wrote.</summary>
public class FlagEvent
{
    public long Id { get; set; }
    public int FlagId { get; set; }
    public DateTime At { get; set; }
    public required string User { get; set; }
    public FlagAction Action { get; set; }
    public FlagState? From { get; set; }
    public FlagState To { get; set; }
    public string? Text { get; set; }
}

/// <summary>A file sent as evidence with an answer; the bytes are stored under data/, named by <see cref="StoredName"/>.</summary>
public class FlagEvidence
{
    public long Id { get; set; }
    public int FlagId { get; set; }
    public long EventId { get; set; }
    public required string FileName { get; set; }
    public required string StoredName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>A suggestion a supervisor dismissed, with why; it stays away while its facts (<see cref="Facts"/>) are unchanged.</summary>
public class SuggestionDismissal
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public required string Facts { get; set; }
    public required string Reason { get; set; }
    public required string User { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// Who may take which step from which state. Only supervisors raise, close and send back; only the addressed
/// town's staff (or the addressed department) acknowledge and answer; nothing unanswered can be closed.
/// </summary>
public static class FlagRules
{
    public static bool IsAddressee(UserScope user, SupervisionFlag flag) => user.Role switch
    {
        Roles.TownStaff => flag.TownId is { } town && user.TownId == town,
        Roles.Department => flag.Department is { } dept && user.Department == dept,
        _ => false,
    };

    public static bool CanRead(UserScope user, SupervisionFlag flag) => user.ReadsWholeDistrict || IsAddressee(user, flag);

    /// <summary>Null when the step is allowed, otherwise why not, in Chinese.</summary>
    public static string? Refusal(FlagAction action, FlagState? from, UserScope user, SupervisionFlag? flag)
    {
        switch (action)
        {
            case FlagAction.Raise:
                return user.Role == Roles.Supervisor ? null : "只有督查人员可以下发督办";
            case FlagAction.Acknowledge or FlagAction.Answer:
                if (flag is null || !IsAddressee(user, flag))
                {
                    return "只有被督办的镇街或牵头部门可以签收、反馈整改情况";
                }
                if (action == FlagAction.Acknowledge)
                {
                    return from is FlagState.Open or FlagState.Returned ? null : $"督办件处于“{Labels.Of(from!.Value)}”，不能签收";
                }
                return from is FlagState.Open or FlagState.InProgress or FlagState.Returned ? null : $"督办件处于“{Labels.Of(from!.Value)}”，不能反馈";
            default:
                if (user.Role != Roles.Supervisor)
                {
                    return action == FlagAction.Close ? "只有督查人员可以核验销号" : "只有督查人员可以退回";
                }
                return from == FlagState.Answered ? null
                    : action == FlagAction.Close ? "督办件尚未反馈整改情况，不能销号" : "督办件尚未反馈整改情况，不能退回";
        }
    }

    public static FlagState After(FlagAction action) => action switch
    {
        FlagAction.Raise => FlagState.Open,
        FlagAction.Acknowledge => FlagState.InProgress,
        FlagAction.Answer => FlagState.Answered,
        FlagAction.Close => FlagState.Closed,
        _ => FlagState.Returned,
    };
}

/// <summary>Supervision settings (stored, editable): the no-measure clearance clock, suggestion rules, evidence limits.</summary>
public sealed record SupervisionPolicy(
    int HelpWithinDays,
    int ClearWithinDays,
    bool SuggestRedIndicators,
    bool SuggestAtRisk,
    bool SuggestSuspectData,
    int EvidenceMaxMegabytes,
    IReadOnlyList<string> EvidenceTypes,
    int DefaultDeadlineDays)
{
    public static class Keys
    {
        public const string HelpWithinDays = "supervision.clearance.helpWithinDays";
        public const string ClearWithinDays = "supervision.clearance.clearWithinDays";
        public const string SuggestRed = "supervision.suggest.redIndicators";
        public const string SuggestAtRisk = "supervision.suggest.atRisk";
        public const string SuggestSuspect = "supervision.suggest.suspectData";
        public const string EvidenceMegabytes = "supervision.evidence.maxMegabytes";
        public const string EvidenceTypes = "supervision.evidence.types";
        public const string DefaultDeadlineDays = "supervision.defaultDeadlineDays";
    }

    /// <summary>The file kinds the evidence check can recognise by their contents.</summary>
    public static readonly IReadOnlyList<string> KnownTypes = ["pdf", "jpg", "png", "docx", "xlsx"];

    public static IReadOnlyList<PolicySetting> Defaults { get; } =
    [
        new() { Key = Keys.HelpWithinDays, Value = "3", Label = "零就业清零：无措施户应在此工作日数内入户帮扶（节假日见核实时限）", Clause = "四(三)；零就业家庭动态清零“3天内帮扶”（平台口径）" },
        new() { Key = Keys.ClearWithinDays, Value = "5", Label = "零就业清零：无措施户应在此工作日数内清零，超期即列入待办逾期并建议督办", Clause = "四(三)；零就业家庭动态清零“5天内清零”（平台口径）" },
        new() { Key = Keys.SuggestRed, Value = "true", Label = "督办建议：本月考核为红色的指标", Clause = "四(三) 督查考核（平台口径）" },
        new() { Key = Keys.SuggestAtRisk, Value = "true", Label = "督办建议：预警户", Clause = "四(三) 督查考核（平台口径）" },
        new() { Key = Keys.SuggestSuspect, Value = "true", Label = "督办建议：疑点数据", Clause = "四(三) 对弄虚作假的严肃追责（平台口径）" },
        new() { Key = Keys.EvidenceMegabytes, Value = "10", Label = "整改佐证材料：单个文件不超过（MB）", Clause = "四(三) 督查考核（平台口径）" },
        new() { Key = Keys.EvidenceTypes, Value = "pdf,jpg,png,docx,xlsx", Label = "整改佐证材料：允许的文件类型", Clause = "四(三) 督查考核（平台口径）" },
        new() { Key = Keys.DefaultDeadlineDays, Value = "10", Label = "督办：默认整改期限（天）", Clause = "四(三) 督查考核（平台口径）" },
    ];

    /// <summary>The file picker's accept attribute: every allowed type, jpeg spelled both ways.</summary>
    public string Accept => string.Join(",", EvidenceTypes.Select(t => "." + t).Concat(EvidenceTypes.Contains("jpg") ? [".jpeg"] : []));

    public static SupervisionPolicy FromSettings(IReadOnlyDictionary<string, string> values)
    {
        int Int(string key) => int.Parse(values[key], CultureInfo.InvariantCulture);
        bool Bool(string key) => bool.Parse(values[key]);
        return new SupervisionPolicy(Int(Keys.HelpWithinDays), Int(Keys.ClearWithinDays), Bool(Keys.SuggestRed), Bool(Keys.SuggestAtRisk),
            Bool(Keys.SuggestSuspect), Int(Keys.EvidenceMegabytes),
            values[Keys.EvidenceTypes].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            Int(Keys.DefaultDeadlineDays));
    }
}
