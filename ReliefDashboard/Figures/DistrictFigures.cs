using ReliefDashboard.Domain;
using ReliefDashboard.Exports;

namespace ReliefDashboard.Figures;

/// <summary>
/// Today's households summed by everything a scope or a chart distinguishes: town, channel mask (a department's
/// scope), status, and the channels of active industries and jobs. A few hundred rows stand for the district.
/// </summary>
public sealed record LiveGroup(
    int TownId,
    int ChannelMask,
    HouseholdStatus Status,
    int IndustryMask,
    int EmploymentMask,
    int Households,
    int LabourHouseholds,
    int LabourMembers,
    int EmployedLabourMembers,
    int LocalCoveredHouseholds,
    int WorkersInDistrict,
    int WorkersInProvince,
    int WorkersOutsideProvince,
    int VerifiedHouseholds,
    int VerifiedAttained = 0,
    int IdleLabourHouseholds = 0);

/// <summary>One month-end's households of one town and channel mask, counted by status.</summary>
public sealed record MonthGroup(DateOnly Month, int TownId, int ChannelMask, Tally Tally);

public sealed record TownName(int Id, string Name);

/// <summary>
/// The month-end figures by month. Taken months are never rewritten, so the set is reloaded only when its
/// <see cref="Version"/> (which months exist, and when the last was taken) changes, not on every burst of edits.
/// </summary>
public sealed record MonthHistory(string Version, IReadOnlyDictionary<DateOnly, IReadOnlyList<MonthGroup>> Months)
{
    public static readonly MonthHistory Empty = new("", new Dictionary<DateOnly, IReadOnlyList<MonthGroup>>());

    public int Rows => Months.Values.Sum(m => m.Count);
}

/// <summary>Everything the dashboard shows, for the whole district; each user's view filters and sums it.</summary>
public sealed record DistrictFigures(
    IReadOnlyList<LiveGroup> Live,
    MonthHistory History,
    IReadOnlyList<TownName> Towns,
    AssessmentPolicy Policy,
    ScorecardPolicy Scorecard,
    IReadOnlyList<FlagCount> Flags,
    DateOnly Today,
    DateTime ComputedAt,
    DateTime? LastChangedAt,
    IReadOnlyList<MoneyGroup> Money,
    IReadOnlyList<ViolationCount> Violations,
    IReadOnlyList<VerificationCount>? Checks = null);

/// <summary>The counts a rate is made of, summed over any set of households.</summary>
public readonly record struct Tally(
    int Households,
    int Met,
    int AtRisk,
    int InProgress,
    int NoMeasure,
    int SafetyNet,
    int LabourHouseholds,
    int LabourMembers,
    int EmployedLabourMembers,
    int LocalCoveredHouseholds,
    int? Verified,
    int? VerifiedAttained = null)
{
    public static Tally Of(LiveGroup g) => new(
        g.Households,
        g.Status == HouseholdStatus.Met ? g.Households : 0,
        g.Status == HouseholdStatus.AtRisk ? g.Households : 0,
        g.Status == HouseholdStatus.InProgress ? g.Households : 0,
        g.Status == HouseholdStatus.NoMeasure ? g.Households : 0,
        g.Status == HouseholdStatus.SafetyNet ? g.Households : 0,
        g.LabourHouseholds, g.LabourMembers, g.EmployedLabourMembers, g.LocalCoveredHouseholds, g.VerifiedHouseholds, g.VerifiedAttained);

    public static Tally operator +(Tally a, Tally b) => new(
        a.Households + b.Households, a.Met + b.Met, a.AtRisk + b.AtRisk, a.InProgress + b.InProgress, a.NoMeasure + b.NoMeasure,
        a.SafetyNet + b.SafetyNet, a.LabourHouseholds + b.LabourHouseholds, a.LabourMembers + b.LabourMembers,
        a.EmployedLabourMembers + b.EmployedLabourMembers, a.LocalCoveredHouseholds + b.LocalCoveredHouseholds,
        a.Verified + b.Verified, a.VerifiedAttained + b.VerifiedAttained);

    /// <summary>The sum; verified households are unknown if any part's are (months taken before they were counted).</summary>
    public static Tally Sum(IEnumerable<Tally> tallies) => tallies.Aggregate(Zero, (a, b) => a + b);

    /// <summary>Nothing yet, with the optional counts known to be zero.</summary>
    public static Tally Zero => default(Tally) with { Verified = 0, VerifiedAttained = 0 };

    /// <summary>At risk households are Met (their measures are stable today), so both count as attained.</summary>
    public int Attained => Met + AtRisk;

    /// <summary>Households the goal applies to: safety-net households leave it when the setting says so.</summary>
    public int Denominator(AssessmentPolicy policy) => Households - (policy.ExcludeSafetyNet ? SafetyNet : 0);

    public decimal? AttainmentPercent(AssessmentPolicy policy) => Percent(Attained, Denominator(policy));

    public decimal? EmploymentPercent => Percent(EmployedLabourMembers, LabourMembers);

    public decimal? LocalCoveragePercent => Percent(LocalCoveredHouseholds, LabourHouseholds);

    public decimal? VerifiedPercent => Verified is { } v ? Percent(v, Households) : null;

    /// <summary>已核实达标率: over the same denominator as the attainment rate.</summary>
    public decimal? VerifiedAttainmentPercent(AssessmentPolicy policy) => VerifiedAttained is { } v ? Percent(v, Denominator(policy)) : null;

    public static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}
