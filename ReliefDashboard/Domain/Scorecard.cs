namespace ReliefDashboard.Domain;

/// <summary>The town indicators of DOMAIN.md §6.</summary>
public enum IndicatorKind
{
    Attainment = 0,
    NoMeasure = 1,
    LabourEmployment = 2,
    LocalCoverage = 3,
    FlagsClosedOnTime = 4,
    Freshness = 5,

    /// <summary>已核实达标率: attained on a measure confirmed by department data or a home visit.</summary>
    VerifiedAttainment = 6,

    /// <summary>疑点按期核实率: findings concluded and accepted by their deadline.</summary>
    FindingsOnTime = 7,

    /// <summary>抽查属实率: spot-checked households found as recorded.</summary>
    SpotChecksTrue = 8,
}

/// <summary>
/// How one indicator is judged. A higher-is-better indicator scores its share of the target (capped at 100); a
/// lower-is-better one loses <see cref="PointsPerUnit"/> for every unit above the target (每超1户扣分), down to 0.
/// Bands read the value: at least <see cref="GreenFrom"/> is green when higher is better, at most when lower is.
/// </summary>
public sealed record IndicatorRule(
    IndicatorKind Indicator,
    decimal Weight,
    bool HigherIsBetter,
    decimal Target,
    decimal GreenFrom,
    decimal AmberFrom,
    decimal PointsPerUnit = 0)
{
    public decimal? Score(decimal? value) => value switch
    {
        null => null,
        { } v when HigherIsBetter => Target <= 0 ? 100 : Math.Round(Math.Min(100, 100 * v / Target), 1, MidpointRounding.AwayFromZero),
        { } v => Math.Max(0, 100 - PointsPerUnit * Math.Max(0, v - Target)),
    };

    public Band? BandOf(decimal? value) => value switch
    {
        null => null,
        { } v when HigherIsBetter => v >= GreenFrom ? Band.Green : v >= AmberFrom ? Band.Amber : Band.Red,
        { } v => v <= GreenFrom ? Band.Green : v <= AmberFrom ? Band.Amber : Band.Red,
    };
}

/// <summary>
/// An indicator's value for one town with what it is made of: a rate's numerator and denominator, or a count
/// (numerator only). No value when the denominator is empty (a town without labour has no employment rate).
/// </summary>
public readonly record struct IndicatorValue(decimal? Value, int? Numerator = null, int? Denominator = null)
{
    public static readonly IndicatorValue None = new(null);

    public static IndicatorValue Rate(int part, int whole) =>
        new(whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero), part, whole);

    public static IndicatorValue Count(int count) => new(count, count);
}

public sealed record ScoredCell(
    IndicatorKind Indicator,
    decimal? Value,
    int? Numerator,
    int? Denominator,
    decimal Target,
    decimal? Score,
    Band? Band,
    decimal Weight,
    bool HigherIsBetter);

public sealed record TownScore(int TownId, string Town, IReadOnlyList<ScoredCell> Cells, decimal? Total, Band? TotalBand, int? Rank)
{
    public ScoredCell? Cell(IndicatorKind indicator) => Cells.FirstOrDefault(c => c.Indicator == indicator);
}

/// <summary>
/// Scores towns on the indicators and ranks them. An indicator a town has no value for (no households with labour,
/// so no employment rate) is left out of its total and the other weights carry it, rather than counting as zero.
/// Equal totals share a rank and the next rank is skipped (1, 1, 3); a town with no total has no rank.
/// </summary>
public static class Scoring
{
    public static IReadOnlyList<TownScore> Rank(
        IEnumerable<(int TownId, string Town, IReadOnlyDictionary<IndicatorKind, IndicatorValue> Values)> towns,
        IReadOnlyList<IndicatorRule> rules,
        decimal totalGreenFrom,
        decimal totalAmberFrom)
    {
        var scored = towns.Select(t =>
        {
            var cells = rules.Select(r =>
            {
                var v = t.Values.GetValueOrDefault(r.Indicator, IndicatorValue.None);
                return new ScoredCell(r.Indicator, v.Value, v.Numerator, v.Denominator, r.Target, r.Score(v.Value), r.BandOf(v.Value), r.Weight, r.HigherIsBetter);
            }).ToList();
            var weighed = cells.Zip(rules).Where(x => x.First.Score is not null && x.Second.Weight > 0).ToList();
            var weight = weighed.Sum(x => x.Second.Weight);
            decimal? total = weight == 0 ? null : Math.Round(weighed.Sum(x => x.Second.Weight * x.First.Score!.Value) / weight, 1, MidpointRounding.AwayFromZero);
            return new TownScore(t.TownId, t.Town, cells, total, TotalBandOf(total, totalGreenFrom, totalAmberFrom), null);
        }).ToList();

        return scored
            .Select(t => t with { Rank = t.Total is { } total ? 1 + scored.Count(o => o.Total > total) : null })
            .OrderBy(t => t.Rank ?? int.MaxValue).ThenBy(t => t.TownId)
            .ToList();
    }

    public static Band? TotalBandOf(decimal? total, decimal greenFrom, decimal amberFrom) =>
        total is { } s ? s >= greenFrom ? Band.Green : s >= amberFrom ? Band.Amber : Band.Red : null;
}
