using System.Globalization;

namespace ReliefDashboard.Domain;

public enum VisitKind
{
    /// <summary>走访: the regular home visit.</summary>
    Visit = 0,

    /// <summary>核实: a visit to verify a finding or a record.</summary>
    Verify = 1,

    /// <summary>抽查: a supervisor's spot-check visit.</summary>
    SpotCheck = 2,
}

/// <summary>
/// A home visit (走访记录): who went, when, whom they met, what they found for each member, the income check and
/// the next step. Visits are appended, never edited: the household's last-verified date and the month-end freshness
/// are read from them. A visit taken over from the registry's old single date is marked <see cref="Backfilled"/>.
/// </summary>
public class HouseholdVisit
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public Household? Household { get; set; }
    public int TownId { get; set; }
    public DateOnly VisitedOn { get; set; }
    public VisitKind Kind { get; set; }
    public required string Visitor { get; set; }
    public required string MetWith { get; set; }

    /// <summary>What the visitor found, in words.</summary>
    public required string Findings { get; set; }

    /// <summary>The household's monthly income as the visit found it (yuan), when checked.</summary>
    public decimal? MonthlyIncome { get; set; }
    public string? IncomeNote { get; set; }
    public string? NextStep { get; set; }

    /// <summary>The finding or spot-checked household it answered, if any.</summary>
    public int? FindingId { get; set; }
    public int? SpotCheckItemId { get; set; }
    public bool Backfilled { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
    public List<VisitMemberCheck> Members { get; set; } = [];
    public List<VisitPhoto> Photos { get; set; } = [];
}

/// <summary>What a visit found for one member: at home, still in the job (and the pay), a note.</summary>
public class VisitMemberCheck
{
    public int Id { get; set; }
    public int VisitId { get; set; }
    public int MemberId { get; set; }
    public required string MemberName { get; set; }
    public bool? AtHome { get; set; }

    /// <summary>The job checked (the member's open employment), and whether the member still holds it.</summary>
    public int? EmploymentId { get; set; }
    public string? Employer { get; set; }
    public bool? StillEmployed { get; set; }
    public decimal? MonthlyPay { get; set; }
    public string? Note { get; set; }
}

public class VisitPhoto
{
    public long Id { get; set; }
    public int VisitId { get; set; }
    public required string FileName { get; set; }
    public required string StoredName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}

public static class Visits
{
    /// <summary>Adds the visit to the household: it is the household's, in its town, and moves the last-verified date forward (never back).</summary>
    public static HouseholdVisit AddTo(Household h, HouseholdVisit visit)
    {
        visit.HouseholdId = h.Id;
        visit.TownId = h.TownId;
        if (h.LastVerifiedOn is null || h.LastVerifiedOn < visit.VisitedOn)
        {
            h.LastVerifiedOn = visit.VisitedOn;
        }
        return visit;
    }

    /// <summary>Whether any visit falls within the window of <paramref name="days"/> days ending on <paramref name="day"/>.</summary>
    public static bool WithinWindow(IEnumerable<DateOnly> visits, DateOnly day, int days) =>
        visits.Any(v => v <= day && v >= day.AddDays(-days));
}

/// <summary>What is on a town worker's list (我的待办), in the order the worker meets them on a day.</summary>
public enum WorkKind
{
    /// <summary>无措施户：入户帮扶 (the help clock).</summary>
    NoMeasureHelp = 0,

    /// <summary>无措施户：落实措施清零 (the clearance clock, once helped).</summary>
    NoMeasureClear = 1,
    Finding = 2,
    Flag = 3,
    SpotCheck = 4,
    Ending = 5,
    Unvisited = 6,
}

/// <summary>One thing to do with its clock; <see cref="Url"/> opens the place to act.</summary>
public sealed record WorkItem(WorkKind Kind, int TownId, string Title, string Detail, DateOnly Due, string Url, int? HouseholdId = null);

/// <summary>How near a due date is: on time, near (orange), overdue (red).</summary>
public enum ClockState
{
    OnTime,
    Near,
    Overdue,
}

/// <summary>
/// The field clocks of DOMAIN.md §8 (零就业家庭动态清零): a household left without a measure is helped within a number of
/// working days and cleared within a larger number, counted from the day its last measure ended (or the day it was
/// registered without any). Days left are shown in calendar days; the colour turns orange within <c>nearDays</c>.
/// </summary>
public static class FieldClock
{
    public static DateOnly HelpDue(DateOnly start, int helpWorkingDays, IReadOnlySet<DateOnly> holidays) =>
        WorkingDays.Add(start, helpWorkingDays, holidays);

    public static DateOnly ClearDue(DateOnly start, int clearWorkingDays, IReadOnlySet<DateOnly> holidays) =>
        WorkingDays.Add(start, clearWorkingDays, holidays);

    public static int DaysLeft(DateOnly due, DateOnly today) => due.DayNumber - today.DayNumber;

    public static ClockState State(DateOnly due, DateOnly today, int nearDays)
    {
        var left = DaysLeft(due, today);
        return left < 0 ? ClockState.Overdue : left <= nearDays ? ClockState.Near : ClockState.OnTime;
    }

    public static string Text(DateOnly due, DateOnly today)
    {
        var left = DaysLeft(due, today);
        return left switch
        {
            < -365 => "逾期一年以上",
            < 0 => $"逾期 {-left} 天",
            0 => "今天到期",
            _ => $"剩 {left} 天",
        };
    }
}

/// <summary>The worklist's settings; the help and clearance clocks are <see cref="SupervisionPolicy"/>'s, the holidays <see cref="VerificationPolicy"/>'s.</summary>
public sealed record FieldPolicy(int NearDays, int VisitSoonDays, int PhotoMegabytes, string Hotline)
{
    public static class Keys
    {
        public const string NearDays = "field.worklist.nearDays";
        public const string VisitSoonDays = "field.worklist.visitSoonDays";
        public const string PhotoMegabytes = "field.visit.photoMegabytes";
        public const string Hotline = "field.doorcard.hotline";
    }

    public static IReadOnlyList<PolicySetting> Defaults { get; } =
    [
        new() { Key = Keys.NearDays, Value = "2", Label = "我的待办：剩余不超过此天数即橙色提醒", Clause = "四(三) 督查考核（平台口径）" },
        new() { Key = Keys.VisitSoonDays, Value = "7", Label = "我的待办：走访核实期满前此天数列入待办", Clause = "四(三) 督查考核：走访核实时效（平台口径）" },
        new() { Key = Keys.PhotoMegabytes, Value = "10", Label = "走访记录：单张照片不超过（MB）", Clause = "系统运行（平台口径）" },
        new() { Key = Keys.Hotline, Value = "12317", Label = "一户一码门牌：监督举报电话", Clause = "四(三) 督查考核：接受群众监督（12317 为全国防止返贫监测和乡村振兴咨询服务热线）" },
    ];

    public static bool IsFieldKey(string key) => key.StartsWith("field.", StringComparison.Ordinal);

    public static FieldPolicy FromSettings(IReadOnlyDictionary<string, string> values)
    {
        int Int(string key) => int.Parse(values[key], CultureInfo.InvariantCulture);
        return new FieldPolicy(Int(Keys.NearDays), Int(Keys.VisitSoonDays), Int(Keys.PhotoMegabytes), values[Keys.Hotline]);
    }

    public static string? ValueProblem(string key, string value) => key == Keys.Hotline
        ? System.Text.RegularExpressions.Regex.IsMatch(value, @"^[0-9][0-9\-]{2,19}$") ? null : "请填写电话号码：3至20位数字，可含“-”"
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 365 && (key != Keys.PhotoMegabytes || n is >= 1 and <= 100)
            ? null
            : key == Keys.PhotoMegabytes ? "请填写 1 至 100 之间的整数" : "请填写 0 至 365 之间的整数";
}
