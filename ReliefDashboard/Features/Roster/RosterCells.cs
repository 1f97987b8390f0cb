using System.Globalization;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Roster;

/// <summary>
/// Reads one cell as the value its column holds, or says in Chinese why it cannot. Dates are read as 2026-03-01,
/// 2026/3/1, 2026.3.1 or 20260301 (the forms ledgers use); yes/no as 是/否 (also Y/N, 1/0); a choice by its
/// words, or by its number for the numbered channels.
/// </summary>
public static class RosterCells
{
    /// <summary>
    /// Text that an export wrote after an apostrophe so a spreadsheet would not run it as a formula ('=HYPERLINK…)
    /// reads back as the text it was; an apostrophe before anything else is kept.
    /// </summary>
    public static string Unquote(string text) =>
        text.Length > 1 && text[0] == '\'' && XlsxWriter.LooksLikeFormula(text[1..]) ? text[1..] : text;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy-MM-dd HH:mm", "yyyy年M月d日"];

    public static (DateOnly? Value, string? Problem) Date(string text)
    {
        if (text.Length == 0)
        {
            return (null, null);
        }
        return DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? (DateOnly.FromDateTime(d), null)
            : (null, $"“{text}”不是日期，应写成如 2026-03-01");
    }

    public static (int? Value, string? Problem) Integer(string text) =>
        text.Length == 0 ? (null, null)
        : int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? (n, null)
        : decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var m) && m == decimal.Truncate(m) && m is >= int.MinValue and <= int.MaxValue ? ((int)m, null)
        : (null, $"“{text}”不是整数");

    public static (decimal? Value, string? Problem) Decimal(string text) =>
        text.Length == 0 ? (null, null)
        : decimal.TryParse(text.Trim().Replace("，", ",", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? (n, null)
        : (null, $"“{text}”不是数字");

    public static (bool? Value, string? Problem) YesNo(string text) => text.Trim().ToUpperInvariant() switch
    {
        "" => (null, null),
        "是" or "Y" or "YES" or "1" or "TRUE" or "√" => (true, null),
        "否" or "N" or "NO" or "0" or "FALSE" or "×" => (false, null),
        _ => (null, $"“{text}”应填“是”或“否”"),
    };

    /// <summary>A choice by its words (or, for numbered words like "2. 园区用工就业", by the number alone).</summary>
    public static (string? Value, string? Problem) Choice(string text, IReadOnlyList<string> choices)
    {
        var t = text.Trim();
        if (t.Length == 0)
        {
            return (null, null);
        }
        var match = choices.FirstOrDefault(c => c == t)
            ?? choices.FirstOrDefault(c => c.Contains(". ", StringComparison.Ordinal) && (c.Split(". ", 2)[0] == t || c.Split(". ", 2)[1] == t));
        return match is not null ? (match, null) : (null, $"“{text}”不在可选范围内（{string.Join("、", choices)}）");
    }

    /// <summary>Checks a cell against its column: required and of the right kind; null when it is fine.</summary>
    public static string? Problem(RosterColumn column, string text)
    {
        if (text.Trim().Length == 0)
        {
            return column.Required ? "必填，不能为空" : null;
        }
        return column.Kind switch
        {
            ColumnKind.Date => Date(text).Problem,
            ColumnKind.Integer => Integer(text).Problem,
            ColumnKind.Decimal => Decimal(text).Problem,
            ColumnKind.YesNo => YesNo(text).Problem,
            ColumnKind.Choice => Choice(text, column.Choices!).Problem,
            _ => text.Length > 200 ? "不能超过200个字" : null,
        };
    }

    /// <summary>Every cell of every row checked against its column, located by sheet, row and column.</summary>
    public static IEnumerable<RosterProblem> Problems(RosterSheet sheet, IEnumerable<RosterRow> rows) =>
        from row in rows
        from column in sheet.Columns
        let problem = Problem(column, row.Get(column.Header))
        where problem is not null
        select new RosterProblem(sheet.Name, row.Row, column.Header, problem);
}
