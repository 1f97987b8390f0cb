using System.Globalization;

namespace ReliefDashboard.Domain;

public enum PeriodKind
{
    Month = 0,
    Quarter = 1,
    Year = 2,
}

/// <summary>
/// A stored scorecard. A month's is taken from its month-end figures by the monthly job (scored under the
/// settings of that day, never rescored); a quarter's or a year's is stored when an administrator or supervisor
/// closes it, from the scores of its last month, with the commendation and accountability lists drawn then.
/// </summary>
public class ScorePeriod
{
    public int Id { get; set; }
    public PeriodKind Kind { get; set; }
    public int Year { get; set; }

    /// <summary>The month (1–12), the quarter (1–4), or 0 for a year.</summary>
    public int Number { get; set; }

    /// <summary>The last day of the period: the month-end whose figures were scored.</summary>
    public DateOnly EndsOn { get; set; }
    public DateTime TakenAt { get; set; }
    public bool Closed { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }

    /// <summary>The settings it was scored under, as a reader would state them.</summary>
    public required string Rules { get; set; }
    public decimal TotalGreenFrom { get; set; }
    public decimal TotalAmberFrom { get; set; }
    public List<ScoreRow> Rows { get; set; } = [];

    public PeriodRef Ref => new(Kind, Year, Number);
}

/// <summary>One town's line of a stored scorecard.</summary>
public class ScoreRow
{
    public long Id { get; set; }
    public int PeriodId { get; set; }
    public int TownId { get; set; }

    /// <summary>The town's name when scored, so renaming a town later does not rewrite the record.</summary>
    public required string Town { get; set; }
    public decimal? Total { get; set; }
    public Band? Band { get; set; }
    public int? Rank { get; set; }
    public string? Commendation { get; set; }
    public string? Accountability { get; set; }
    public List<ScoreCellRow> Cells { get; set; } = [];
}

public class ScoreCellRow
{
    public long Id { get; set; }
    public long RowId { get; set; }
    public IndicatorKind Indicator { get; set; }
    public decimal? Value { get; set; }
    public int? Numerator { get; set; }
    public int? Denominator { get; set; }
    public decimal Target { get; set; }
    public decimal? Score { get; set; }
    public Band? Band { get; set; }
    public decimal Weight { get; set; }
    public bool HigherIsBetter { get; set; }
}

/// <summary>Names a period: 2026-10 (a month), 2026-Q3 (a quarter), 2026 (a year). The URL carries <see cref="Key"/>.</summary>
public readonly record struct PeriodRef(PeriodKind Kind, int Year, int Number)
{
    public string Key => Kind switch
    {
        PeriodKind.Month => $"{Year:D4}-{Number:D2}",
        PeriodKind.Quarter => $"{Year:D4}-Q{Number}",
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    public string Label => Kind switch
    {
        PeriodKind.Month => $"{Year}年{Number}月",
        PeriodKind.Quarter => $"{Year}年第{"一二三四"[Number - 1]}季度",
        _ => $"{Year}年度",
    };

    public DateOnly EndsOn => Kind switch
    {
        PeriodKind.Month => Months.EndOf(new DateOnly(Year, Number, 1)),
        PeriodKind.Quarter => Months.EndOf(new DateOnly(Year, Number * 3, 1)),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>The period before: the previous month, quarter or year.</summary>
    public PeriodRef Previous => Kind switch
    {
        PeriodKind.Month => Number == 1 ? new(Kind, Year - 1, 12) : new(Kind, Year, Number - 1),
        PeriodKind.Quarter => Number == 1 ? new(Kind, Year - 1, 4) : new(Kind, Year, Number - 1),
        _ => new(Kind, Year - 1, 0),
    };

    public static PeriodRef MonthOf(DateOnly day) => new(PeriodKind.Month, day.Year, day.Month);

    public static bool TryParse(string? text, out PeriodRef period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var parts = text.Trim().Split('-');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return false;
        }
        if (parts.Length == 1)
        {
            period = new(PeriodKind.Year, year, 0);
            return true;
        }
        if (parts.Length != 2)
        {
            return false;
        }
        if (parts[1].StartsWith('Q') && int.TryParse(parts[1][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 4)
        {
            period = new(PeriodKind.Quarter, year, q);
            return true;
        }
        if (int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12)
        {
            period = new(PeriodKind.Month, year, m);
            return true;
        }
        return false;
    }
}
