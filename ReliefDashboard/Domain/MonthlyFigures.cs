namespace ReliefDashboard.Domain;

/// <summary>
/// The district as it stood at the end of one month: households counted by town, channel mask and status, with
/// their labour figures. Grouping by the mask lets a department's scope (households in its channels) be summed
/// from these rows too. Written once per month and never recomputed, so history cannot be rewritten.
/// </summary>
public class MonthlyFigure
{
    /// <summary>The last day of the month.</summary>
    public DateOnly Month { get; set; }
    public int TownId { get; set; }
    public int ChannelMask { get; set; }
    public HouseholdStatus Status { get; set; }
    public int Households { get; set; }
    public int LabourHouseholds { get; set; }
    public int LabourMembers { get; set; }
    public int EmployedLabourMembers { get; set; }
    public int LocalCoveredHouseholds { get; set; }

    /// <summary>Households visited within the verification window at that month-end; null for months taken before it was counted.</summary>
    public int? VerifiedHouseholds { get; set; }

    /// <summary>Attained on a confirmed measure (已核实达标) at that month-end, by the measures' current verification; null for months taken before it was counted.</summary>
    public int? VerifiedAttainedHouseholds { get; set; }
}

/// <summary>A month whose figures have been taken: when, and how (at demo load, by the monthly job).</summary>
public class FigureMonth
{
    public DateOnly Month { get; set; }
    public DateTime TakenAt { get; set; }
    public required string Source { get; set; }
}

public static class Months
{
    /// <summary>How far back the month-end figures reach: the dashboard's trend and the periods they feed.</summary>
    public const int History = 24;

    /// <summary>The last <paramref name="count"/> month-ends before <paramref name="today"/>'s month, oldest first.</summary>
    public static IReadOnlyList<DateOnly> CompletedBefore(DateOnly today, int count)
    {
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        return Enumerable.Range(1, count).Select(i => firstOfMonth.AddMonths(-i + 1).AddDays(-1)).Reverse().ToList();
    }

    public static DateOnly EndOf(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);
}

/// <summary>
/// Reconstructs month-end figures from a household's records: the status rules run on each month-end over the
/// measures that had started by then. Freshness is read from the visit records (走访记录): a month-end counts a
/// household as verified when a visit falls within the window ending that day. The registry's last-verified date
/// counts as a visit on that day too (a roster import carries only that date); a household with no visit record at
/// all keeps the old reading of its single date, a visit after the month-end counted as one on it.
/// </summary>
/// <remarks>
/// Verified attainment reads the measures' verification as it is now, so it is counted only for
/// <paramref name="verifiedFor"/> — the month-end just past — and left unknown for months rebuilt from history.
/// </remarks>
public sealed class MonthlyFiguresBuilder(IReadOnlyList<DateOnly> months, StatusPolicy policy, DateOnly? verifiedFor = null)
{
    private readonly Dictionary<(DateOnly, int, int, HouseholdStatus), MonthlyFigure> rows = [];

    public IReadOnlyCollection<MonthlyFigure> Rows => rows.Values;

    /// <summary>The first month-end rebuilt.</summary>
    public DateOnly From => months[0];

    public void Add(Household h) => Add(h, []);

    public void Add(Household h, IReadOnlyCollection<DateOnly> visits)
    {
        var dates = h.LastVerifiedOn is { } last ? visits.Append(last).ToList() : visits.ToList();
        foreach (var month in months)
        {
            // Without any visit record only the single date is known: a later visit is read as one at the month-end.
            var known = visits.Count > 0 || h.LastVerifiedOn is not { } only || only <= month ? dates : [month];
            var then = AsOf(h, month, known);
            var result = StatusRules.Evaluate(then, month, policy);
            var status = result.Status;
            var figures = HouseholdFigures.Compute(then, month, policy);
            var mask = HouseholdStatusUpdater.ChannelMask(then, month);
            var key = (month, h.TownId, mask, status);
            if (!rows.TryGetValue(key, out var row))
            {
                rows[key] = row = new MonthlyFigure { Month = month, TownId = h.TownId, ChannelMask = mask, Status = status };
            }
            row.Households++;
            row.LabourHouseholds += figures.LabourMembers > 0 ? 1 : 0;
            row.LabourMembers += figures.LabourMembers;
            row.EmployedLabourMembers += figures.EmployedLabourMembers;
            row.LocalCoveredHouseholds += figures.LocalLabourMembers > 0 ? 1 : 0;
            row.VerifiedHouseholds = (row.VerifiedHouseholds ?? 0) + (Visits.WithinWindow(known, month, policy.VerificationMaxAgeDays) ? 1 : 0);
            if (month == verifiedFor)
            {
                row.VerifiedAttainedHouseholds = (row.VerifiedAttainedHouseholds ?? 0) + (result.Verified ? 1 : 0);
            }
        }
    }

    /// <summary>
    /// The household with only the measures started by <paramref name="date"/> and its last visit by then; members end
    /// by their own dates.
    /// </summary>
    private static Household AsOf(Household h, DateOnly date, IReadOnlyList<DateOnly> visits) => new()
    {
        Id = h.Id,
        Code = h.Code,
        TownId = h.TownId,
        HeadName = h.HeadName,
        OriginVillage = h.OriginVillage,
        LastVerifiedOn = visits.Where(v => v <= date).Select(v => (DateOnly?)v).Max(),
        Members = h.Members,
        Employments = h.Employments.Where(e => e.StartDate <= date).ToList(),
        Industries = h.Industries.Where(i => i.StartDate <= date).ToList(),
        Coverages = h.Coverages.Where(c => c.StartDate <= date).ToList(),
    };
}
