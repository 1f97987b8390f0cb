using System.Globalization;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;

namespace ReliefDashboard.Figures;

/// <summary>An indicator column: what every town's cell in it was judged against.</summary>
public sealed record IndicatorColumn(IndicatorKind Indicator, decimal Weight, bool HigherIsBetter, decimal Target, decimal GreenFrom, decimal AmberFrom);

/// <summary>What the lists say of a town in a closed period.</summary>
public sealed record Verdict(string? Commendation, string? Accountability);

/// <summary>
/// One period's league of towns: the live month (scored now under today's settings) or a stored period (read as
/// it was stored). The page, the print view and the export all render this one object, so they cannot differ.
/// </summary>
public sealed record ScoreSheet(
    PeriodRef Period,
    bool Live,
    bool Closed,
    DateOnly AsOf,
    string Rules,
    IReadOnlyList<IndicatorColumn> Columns,
    IReadOnlyList<TownScore> Towns,
    decimal TotalGreenFrom,
    decimal TotalAmberFrom,
    IReadOnlyDictionary<int, Verdict> Verdicts,
    string? ClosedBy = null,
    DateTime? ClosedAt = null)
{
    /// <summary>The period this one is compared with for the trend arrows; null when none is stored.</summary>
    public ScoreSheet? Previous { get; init; }

    public string Title => Live ? $"{Period.Label}（截至{AsOf:M月d日}，实时）" : Closed ? $"{Period.Label}（已关闭）" : $"{Period.Label}（月末快照）";

    /// <summary>The plain mean over the towns that have a value: the average row.</summary>
    public decimal? AverageValue(IndicatorKind indicator) => Mean(Towns.Select(t => t.Cell(indicator)?.Value));

    public decimal? AverageScore(IndicatorKind indicator) => Mean(Towns.Select(t => t.Cell(indicator)?.Score));

    public decimal? AverageTotal => Mean(Towns.Select(t => t.Total));

    /// <summary>
    /// The district as one: the towns' numerators over their denominators (a rate counts every household once, as
    /// the dashboard's district figure does), or the towns' counts added up. Not the mean of the towns' rates.
    /// </summary>
    public decimal? DistrictValue(IndicatorKind indicator)
    {
        var cells = Towns.Select(t => t.Cell(indicator)).OfType<ScoredCell>().ToList();
        if (ScorecardPolicy.IsCount(indicator))
        {
            return cells.Count == 0 || cells.Any(c => c.Value is null) ? null : cells.Sum(c => c.Value!.Value);
        }
        var (numerator, denominator) = (cells.Sum(c => c.Numerator ?? 0), cells.Sum(c => c.Denominator ?? 0));
        return denominator == 0 ? null : Math.Round(100m * numerator / denominator, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Below the average total: the towns the "below average only" switch keeps.</summary>
    public bool IsBelowAverage(TownScore town) => town.Total is { } total && AverageTotal is { } average && total < average;

    public TownScore? PreviousOf(int townId) => Previous?.Towns.FirstOrDefault(t => t.TownId == townId);

    /// <summary>+1 better than the previous period, −1 worse, 0 the same, null when either is missing.</summary>
    public static int? Trend(decimal? now, decimal? before, bool higherIsBetter) =>
        now is { } n && before is { } b ? Math.Sign(higherIsBetter ? n - b : b - n) : null;

    /// <summary>The arrow: which way the number moved (▲ up, ▼ down), coloured elsewhere by whether that is good.</summary>
    public static string Arrow(decimal? now, decimal? before) =>
        now is { } n && before is { } b ? (n > b ? "▲" : n < b ? "▼" : "＝") : "";

    public static string FormatTarget(IndicatorKind indicator, decimal target) =>
        target.ToString("0.#", CultureInfo.InvariantCulture) + Unit(indicator);

    private static decimal? Mean(IEnumerable<decimal?> values)
    {
        var list = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 1, MidpointRounding.AwayFromZero);
    }

    public static string Format(IndicatorKind indicator, decimal? value) =>
        value is not { } v ? "—" : ScorecardPolicy.IsCount(indicator) ? v.ToString("0.#", CultureInfo.InvariantCulture) : v.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Unit(IndicatorKind indicator) => ScorecardPolicy.IsCount(indicator) ? "户" : "%";
}

/// <summary>Scores towns into a <see cref="ScoreSheet"/> and turns stored periods back into one.</summary>
public static class ScoreSheets
{
    public static IReadOnlyList<IndicatorColumn> Columns(ScorecardPolicy policy) =>
        policy.Rules.Select(r => new IndicatorColumn(r.Indicator, r.Weight, r.HigherIsBetter, r.Target, r.GreenFrom, r.AmberFrom)).ToList();

    /// <summary>Scores every town from its figures; a town with no households still gets a line, with no total.</summary>
    public static ScoreSheet Score(
        PeriodRef period, bool live, DateOnly asOf, IReadOnlyList<TownName> towns, IReadOnlyDictionary<int, Tally> tallies,
        AssessmentPolicy assessment, ScorecardPolicy policy, IReadOnlyList<FlagCount> flags, IReadOnlyList<VerificationCount>? checks = null)
    {
        var ranked = Scoring.Rank(
            towns.Select(t => (t.Id, t.Name, TownIndicators.Of(tallies.GetValueOrDefault(t.Id, Tally.Zero), assessment,
                flags.FirstOrDefault(c => c.TownId == t.Id), checks?.FirstOrDefault(c => c.TownId == t.Id)))),
            policy.Rules, policy.TotalGreenFrom, policy.TotalAmberFrom);
        return new ScoreSheet(period, live, false, asOf, Describe(policy), Columns(policy), ranked, policy.TotalGreenFrom, policy.TotalAmberFrom,
            new Dictionary<int, Verdict>());
    }

    /// <summary>The live month from the dashboard's shared figures: no query of its own.</summary>
    public static ScoreSheet Live(DistrictFigures f)
    {
        var tallies = f.Live.GroupBy(g => g.TownId).ToDictionary(g => g.Key, g => Tally.Sum(g.Select(Tally.Of)));
        return Score(PeriodRef.MonthOf(f.Today), true, f.Today, f.Towns, tallies, f.Policy, f.Scorecard, f.Flags, f.Checks);
    }

    public static ScorePeriod ToStored(ScoreSheet sheet, DateTime takenAt) => new()
    {
        Kind = sheet.Period.Kind,
        Year = sheet.Period.Year,
        Number = sheet.Period.Number,
        EndsOn = sheet.AsOf,
        TakenAt = takenAt,
        Rules = sheet.Rules,
        TotalGreenFrom = sheet.TotalGreenFrom,
        TotalAmberFrom = sheet.TotalAmberFrom,
        Rows = sheet.Towns.Select(t => new ScoreRow
        {
            TownId = t.TownId,
            Town = t.Town,
            Total = t.Total,
            Band = t.TotalBand,
            Rank = t.Rank,
            Commendation = sheet.Verdicts.GetValueOrDefault(t.TownId)?.Commendation,
            Accountability = sheet.Verdicts.GetValueOrDefault(t.TownId)?.Accountability,
            Cells = t.Cells.Select(c => new ScoreCellRow
            {
                Indicator = c.Indicator,
                Value = c.Value,
                Numerator = c.Numerator,
                Denominator = c.Denominator,
                Target = c.Target,
                Score = c.Score,
                Band = c.Band,
                Weight = c.Weight,
                HigherIsBetter = c.HigherIsBetter,
            }).ToList(),
        }).ToList(),
    };

    /// <summary>A stored period exactly as stored; nothing is rescored.</summary>
    public static ScoreSheet FromStored(ScorePeriod p, IReadOnlyList<IndicatorColumn> columns)
    {
        var towns = p.Rows
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.TownId)
            .Select(r => new TownScore(r.TownId, r.Town,
                r.Cells.OrderBy(c => Order(c.Indicator))
                    .Select(c => new ScoredCell(c.Indicator, c.Value, c.Numerator, c.Denominator, c.Target, c.Score, c.Band, c.Weight, c.HigherIsBetter))
                    .ToList(),
                r.Total, r.Band, r.Rank))
            .ToList();
        var verdicts = p.Rows.Where(r => r.Commendation is not null || r.Accountability is not null)
            .ToDictionary(r => r.TownId, r => new Verdict(r.Commendation, r.Accountability));
        return new ScoreSheet(p.Ref, false, p.Closed, p.EndsOn, p.Rules, columns, towns, p.TotalGreenFrom, p.TotalAmberFrom, verdicts, p.ClosedBy, p.ClosedAt);
    }

    /// <summary>The columns of a stored period, read from its cells (the settings may have changed since).</summary>
    public static IReadOnlyList<IndicatorColumn> ColumnsOf(ScorePeriod p) =>
        p.Rows.SelectMany(r => r.Cells).GroupBy(c => c.Indicator).OrderBy(g => Order(g.Key))
            .Select(g => g.First())
            .Select(c => new IndicatorColumn(c.Indicator, c.Weight, c.HigherIsBetter, c.Target, 0, 0))
            .ToList();

    private static int Order(IndicatorKind kind) => ScorecardPolicy.Indicators.ToList().IndexOf(kind);

    /// <summary>The settings in words, stored with every period so a reader knows what it was scored under.</summary>
    public static string Describe(ScorecardPolicy policy)
    {
        string N(decimal d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        var parts = policy.Rules.Select(r =>
        {
            var unit = ScoreSheet.Unit(r.Indicator);
            var head = $"{ScorecardPolicy.Name(r.Indicator)}：权重{N(r.Weight)}，目标{N(r.Target)}{unit}，";
            return r.HigherIsBetter
                ? head + $"越高越好，绿≥{N(r.GreenFrom)}，黄≥{N(r.AmberFrom)}"
                : head + $"越低越好，绿≤{N(r.GreenFrom)}，黄≤{N(r.AmberFrom)}，每超1{unit}扣{N(r.PointsPerUnit)}分";
        });
        return string.Join("；", parts) + $"；总分绿≥{N(policy.TotalGreenFrom)}，黄≥{N(policy.TotalAmberFrom)}";
    }

    /// <summary>Draws the commendation and accountability lists by the list rules.</summary>
    public static Dictionary<int, Verdict> Verdicts(IEnumerable<TownScore> towns, ScorecardPolicy policy) =>
        towns.Select(t => (t.TownId, Verdict: new Verdict(policy.CommendationReason(t), policy.AccountabilityReason(t))))
            .Where(x => x.Verdict.Commendation is not null || x.Verdict.Accountability is not null)
            .ToDictionary(x => x.TownId, x => x.Verdict);
}
