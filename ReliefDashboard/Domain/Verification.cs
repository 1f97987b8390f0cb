namespace ReliefDashboard.Domain;

/// <summary>The other departments' lists the registry is compared with (比对数据).</summary>
public enum DepartmentListKind
{
    /// <summary>人社 社保缴费: one row per member and month paid.</summary>
    SocialInsurance = 0,

    /// <summary>人社 就业登记: employer, start and end.</summary>
    EmploymentRegistration = 1,

    /// <summary>市场监管 市场主体登记: operator, licence number, name, status, dates.</summary>
    BusinessRegistration = 2,

    /// <summary>民政 低保/特困/临时救助.</summary>
    Assistance = 3,

    /// <summary>医保 高额医疗费用.</summary>
    MedicalCost = 4,

    /// <summary>公安 户籍变动: death, moving out, custody.</summary>
    RegisterChange = 5,

    /// <summary>自然资源/车管 财产: housing, vehicles, company shares.</summary>
    Asset = 6,
}

public enum LicenceStatus
{
    Active = 0,
    Cancelled = 1,
    Revoked = 2,
}

public enum AssistanceKind
{
    Dibao = 0,
    Tekun = 1,
    Temporary = 2,
}

public enum RegisterEvent
{
    Death = 0,
    MovedOut = 1,
    Custody = 2,
    Other = 9,
}

public enum AssetKind
{
    House = 0,
    Vehicle = 1,
    Shareholder = 2,
}

/// <summary>
/// How far a counting measure has been checked: typed by the town (自报), borne out by another department's data
/// (部门数据印证), confirmed in the home on a spot check (入户核实), or found false (核实不实, it no longer counts).
/// </summary>
public enum MeasureVerification
{
    SelfReported = 0,
    DepartmentConfirmed = 1,
    VisitConfirmed = 2,
    Disproved = 3,
}

/// <summary>A cross-check's finding is a 疑点 to verify, or a 预警 (a risk of falling back), not a suspected falsification.</summary>
public enum FindingKind
{
    Suspect = 0,
    Warning = 1,
}

/// <summary>Where a finding stands in the verification loop (核实闭环).</summary>
public enum FindingState
{
    /// <summary>待核实: found, waiting for the town.</summary>
    Pending = 0,

    /// <summary>已入户: the town has been to the home, not yet concluded.</summary>
    Visited = 1,

    /// <summary>待核验: the town concluded (属实 or 不实); a supervisor checks the conclusion.</summary>
    AwaitingReview = 2,

    /// <summary>已核验: a supervisor accepted the conclusion.</summary>
    Closed = 3,

    /// <summary>退回: the supervisor sent the conclusion back; the town concludes again.</summary>
    Returned = 4,
}

public enum FindingAction
{
    Found = 0,
    Visit = 1,
    ConfirmWrong = 2,
    Explain = 3,
    Verify = 4,
    Return = 5,
    Corrected = 6,
}

/// <summary>How late a finding is: on time, past the home-visit clock (orange), past the conclusion clock (red).</summary>
public enum Lateness
{
    OnTime = 0,
    VisitOverdue = 1,
    ConcludeOverdue = 2,
}

public enum SpotResult
{
    True = 0,
    PartlyFalse = 1,
    False = 2,
}

/// <summary>One department list as imported: what it is, for which month, from which file, by whom.</summary>
public class DepartmentList
{
    public int Id { get; set; }
    public DepartmentListKind Kind { get; set; }
    public required string Department { get; set; }

    /// <summary>The first day of the month the data is for.</summary>
    public DateOnly DataMonth { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public required string ImportedBy { get; set; }
    public DateTime ImportedAt { get; set; }
    public int Rows { get; set; }

    /// <summary>Rows whose ID number is a member of the registry: only these are kept, the others are counted and dropped.</summary>
    public int Matched { get; set; }

    /// <summary>For monthly data (contributions, medical costs): the months its rows cover, "2026-09,2026-10".</summary>
    public string? Months { get; set; }

    /// <summary>A list re-imported for the same kind and month replaces this one; its rows are removed, the record is kept.</summary>
    public DateTime? ReplacedAt { get; set; }
}

/// <summary>
/// One row of a department list. One table for every kind, so the cross-check reads one index: the columns mean
/// what <see cref="DepartmentListKind"/> says (a contribution's unit and month; a business's name, licence, status
/// and dates; an assistance's kind, dates and monthly amount; an asset's kind and value).
/// </summary>
public class DepartmentRecord
{
    public long Id { get; set; }
    public int ListId { get; set; }
    public DepartmentListKind Kind { get; set; }
    public required string IdNumber { get; set; }
    public string? Organisation { get; set; }
    public string? Reference { get; set; }
    public int Category { get; set; }
    public DateOnly? Month { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>Money in fen: a monthly assistance, an out-of-pocket medical cost, an asset's value.</summary>
    public long? Amount { get; set; }
}

/// <summary>
/// A cross-check finding on one household (疑点/预警): which rule, on what record, what the department data says,
/// and where it stands in the verification loop with its two day clocks.
/// </summary>
public class Finding
{
    public int Id { get; set; }

    /// <summary>Rule, household and record: the same mismatch found again is the same finding.</summary>
    public required string Key { get; set; }
    public required string Rule { get; set; }
    public FindingKind Kind { get; set; }
    public int HouseholdId { get; set; }
    public Household? Household { get; set; }
    public int TownId { get; set; }

    /// <summary>The record it is about: "Employment", "Industry", "Member" or "Household", and its id.</summary>
    public required string SubjectEntity { get; set; }
    public int SubjectId { get; set; }
    public required string Subject { get; set; }
    public required string Detail { get; set; }

    /// <summary>What the department data said, short: a finding closed as explained is not raised again on the same facts.</summary>
    public required string Facts { get; set; }
    public DateOnly FoundOn { get; set; }
    public DateOnly VisitDue { get; set; }
    public DateOnly ConcludeDue { get; set; }

    /// <summary>Whether the household counted as attained when it was found: a confirmed finding on it is falsification.</summary>
    public bool WasAttained { get; set; }
    public FindingState State { get; set; }

    /// <summary>The day the registry stopped matching the rule (a correction, or newer department data); null while it holds.</summary>
    public DateOnly? FactsGoneOn { get; set; }
    public string? Correction { get; set; }
    public DateOnly? VisitedOn { get; set; }

    /// <summary>The town's conclusion: true 核实属实 (the record was wrong), false 核实不实 (the department data was wrong or explained).</summary>
    public bool? Confirmed { get; set; }
    public string? Reason { get; set; }

    /// <summary>Who entered the record found wrong, from the audit trail.</summary>
    public string? EnteredBy { get; set; }
    public DateOnly? ConcludedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public int Version { get; set; }
    public List<FindingEvent> Events { get; set; } = [];

    public Lateness LatenessOn(DateOnly today) =>
        State == FindingState.Closed ? Lateness.OnTime
        : today > ConcludeDue ? Lateness.ConcludeOverdue
        : VisitedOn is null && State is FindingState.Pending or FindingState.Returned && today > VisitDue ? Lateness.VisitOverdue
        : Lateness.OnTime;

    /// <summary>Falsification: the town's own conclusion that a household it counted as attained was recorded wrongly.</summary>
    public bool IsFalsification => State == FindingState.Closed && Confirmed == true && WasAttained && Kind == FindingKind.Suspect;
}

public class FindingEvent
{
    public long Id { get; set; }
    public int FindingId { get; set; }
    public DateTime At { get; set; }
    public required string User { get; set; }
    public FindingAction Action { get; set; }
    public FindingState? From { get; set; }
    public FindingState To { get; set; }
    public string? Text { get; set; }
}

/// <summary>A file given with a finding's conclusion or a spot check's result; the bytes sit beside the database.</summary>
public class VerificationEvidence
{
    public long Id { get; set; }
    public int? FindingId { get; set; }
    public int? SpotCheckItemId { get; set; }
    public required string FileName { get; set; }
    public required string StoredName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>A spot check (入户抽查) of one town: the sample drawn (seed, share, population) and its households.</summary>
public class SpotCheck
{
    public int Id { get; set; }
    public int TownId { get; set; }
    public Town? Town { get; set; }
    public int Seed { get; set; }
    public decimal SharePercent { get; set; }

    /// <summary>How many attained households the sample was drawn from.</summary>
    public int Population { get; set; }
    public required string DrawnBy { get; set; }
    public DateTime DrawnAt { get; set; }
    public DateOnly DrawnOn { get; set; }
    public List<SpotCheckItem> Items { get; set; } = [];
}

public class SpotCheckItem
{
    public int Id { get; set; }
    public int SpotCheckId { get; set; }
    public SpotCheck? SpotCheck { get; set; }
    public int HouseholdId { get; set; }
    public Household? Household { get; set; }
    public int TownId { get; set; }

    /// <summary>The stratum it was drawn from: the channel of the household's first counting measure.</summary>
    public Channel Stratum { get; set; }
    public string? CheckerUserId { get; set; }
    public string? Checker { get; set; }
    public SpotResult? Result { get; set; }
    public string? Notes { get; set; }
    public DateOnly? VisitedOn { get; set; }
    public string? RecordedBy { get; set; }
    public DateTime? RecordedAt { get; set; }

    /// <summary>The measures found false, in words, and who had entered them (from the audit trail).</summary>
    public string? FalseMeasures { get; set; }
    public string? EnteredBy { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// Who may take which step of the verification loop. The household's own town staff visit and conclude; only a
/// supervisor accepts a conclusion or sends it back; the leading group and administrators read; a department
/// supplies the data and reads nothing of the loop.
/// </summary>
public static class FindingRules
{
    public static bool CanRead(UserScope user, int townId) => user.ReadsWholeDistrict || (user.Role == Roles.TownStaff && user.TownId == townId);

    public static FindingState After(FindingAction action, FindingState from) => action switch
    {
        FindingAction.Visit => FindingState.Visited,
        FindingAction.ConfirmWrong or FindingAction.Explain => FindingState.AwaitingReview,
        FindingAction.Verify => FindingState.Closed,
        FindingAction.Return => FindingState.Returned,
        _ => from,
    };

    /// <summary>Null when the step is allowed, otherwise why not, in Chinese.</summary>
    public static string? Refusal(FindingAction action, UserScope user, Finding finding)
    {
        var from = finding.State;
        switch (action)
        {
            case FindingAction.Visit or FindingAction.ConfirmWrong or FindingAction.Explain:
                if (!user.CanEdit(finding.TownId))
                {
                    return "只有该户所在镇街的工作人员可以入户核实、提交核实结论";
                }
                if (action == FindingAction.Visit)
                {
                    return from is FindingState.Pending or FindingState.Returned ? null : $"疑点处于“{Labels.Of(from)}”，不能再登记入户";
                }
                if (from is not (FindingState.Pending or FindingState.Visited or FindingState.Returned))
                {
                    return $"疑点处于“{Labels.Of(from)}”，不能提交核实结论";
                }
                return action == FindingAction.ConfirmWrong && finding.FactsGoneOn is null
                    ? "核实属实的，请先通过登记表单更正该户的记录；更正后疑点条件不再成立，才能提交“核实属实”"
                    : null;
            case FindingAction.Verify or FindingAction.Return:
                if (user.Role != Roles.Supervisor)
                {
                    return "只有督查人员可以核验核实结论";
                }
                return from == FindingState.AwaitingReview ? null : "疑点尚未提交核实结论，不能核验或退回";
            default:
                return "不支持的操作";
        }
    }
}

/// <summary>Working days: Monday to Friday, less the holidays an administrator lists.</summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly day, IReadOnlySet<DateOnly> holidays) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="from"/> (the day itself does not count).</summary>
    public static DateOnly Add(DateOnly from, int days, IReadOnlySet<DateOnly> holidays)
    {
        var day = from;
        for (var left = days; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, holidays))
            {
                left--;
            }
        }
        return day;
    }
}

/// <summary>
/// The spot-check draw: reproducible from its seed (its own generator, not the runtime's, so a later .NET draws
/// the same), stratified by channel with the sample shared out in proportion (largest remainders), at least one
/// from every stratum while the sample allows.
/// </summary>
public static class SpotDraw
{
    /// <summary>A household's stratum: the first channel among its active industries and jobs (1 to 7).</summary>
    public static Channel StratumOf(int channelMask) =>
        Enumerable.Range(1, 7).Select(c => (Channel)c).FirstOrDefault(c => (channelMask & (1 << (int)c)) != 0, Channel.AgriculturalIndustry);

    public static int SampleSize(int population, decimal sharePercent, int minimum) =>
        population == 0 ? 0 : Math.Min(population, Math.Max(minimum, (int)Math.Ceiling(population * sharePercent / 100m)));

    public static IReadOnlyList<(int HouseholdId, Channel Stratum)> Draw(IEnumerable<(int HouseholdId, Channel Stratum)> population, int size, int seed)
    {
        var strata = population.GroupBy(p => p.Stratum).OrderBy(g => g.Key).Select(g => g.OrderBy(p => p.HouseholdId).ToList()).ToList();
        var total = strata.Sum(s => s.Count);
        size = Math.Min(size, total);
        if (size == 0)
        {
            return [];
        }
        var exact = strata.Select(s => (decimal)size * s.Count / total).ToList();
        var shares = exact.Select(e => (int)Math.Floor(e)).ToList();
        foreach (var i in exact.Select((e, i) => (Remainder: e - Math.Floor(e), i)).OrderByDescending(x => x.Remainder).ThenBy(x => x.i).Select(x => x.i).Take(size - shares.Sum()))
        {
            shares[i]++;
        }
        var random = new SplitMix(seed);
        var drawn = new List<(int, Channel)>();
        for (var s = 0; s < strata.Count; s++)
        {
            var pool = strata[s].ToArray();
            // A partial Fisher–Yates shuffle: the first shares[s] places are a uniform sample without replacement.
            for (var i = 0; i < shares[s]; i++)
            {
                var j = i + (int)(random.Next() % (ulong)(pool.Length - i));
                (pool[i], pool[j]) = (pool[j], pool[i]);
                drawn.Add(pool[i]);
            }
        }
        return drawn.OrderBy(d => d.Item1).ToList();
    }

    /// <summary>SplitMix64: small, fast, and the same on every platform and runtime.</summary>
    private sealed class SplitMix(int seed)
    {
        private ulong state = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;

        public ulong Next()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
