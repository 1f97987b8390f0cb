using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Scorecards;

/// <summary>The rows a scorecard table shows: sorted by any column, optionally only the towns below the average total.</summary>
public static class ScoreTable
{
    public const string ByRank = "rank";
    public const string ByTown = "town";
    public const string ByTotal = "total";

    /// <summary>
    /// Sorts by rank (the default), town name, total, or an indicator's value (its slug). Ascending puts the best
    /// first for rank and the smallest first otherwise; towns without a value always come last.
    /// </summary>
    public static IReadOnlyList<TownScore> Rows(ScoreSheet sheet, string? sort, bool descending, bool belowAverageOnly)
    {
        IEnumerable<TownScore> towns = sheet.Towns;
        if (belowAverageOnly)
        {
            towns = towns.Where(sheet.IsBelowAverage);
        }
        var indicator = ScorecardPolicy.Indicators.Cast<IndicatorKind?>().FirstOrDefault(k => ScorecardPolicy.Slug(k!.Value) == sort);
        return (sort, indicator) switch
        {
            (ByTown, _) => Order(towns, t => t.Town, descending, StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false)).ToList(),
            (ByTotal, _) => Nullable(towns, t => t.Total, descending),
            (_, { } kind) => Nullable(towns, t => t.Cell(kind)?.Value, descending),
            _ => Nullable(towns, t => t.Rank, descending),
        };
    }

    private static IOrderedEnumerable<TownScore> Order<TKey>(IEnumerable<TownScore> towns, Func<TownScore, TKey> key, bool descending, IComparer<TKey> comparer) =>
        descending ? towns.OrderByDescending(key, comparer) : towns.OrderBy(key, comparer);

    private static List<TownScore> Nullable<T>(IEnumerable<TownScore> towns, Func<TownScore, T?> key, bool descending) where T : struct, IComparable<T>
    {
        var valued = towns.Where(t => key(t) is not null);
        var ordered = descending ? valued.OrderByDescending(t => key(t)!.Value) : valued.OrderBy(t => key(t)!.Value);
        return ordered.ThenBy(t => t.TownId).Concat(towns.Where(t => key(t) is null).OrderBy(t => t.TownId)).ToList();
    }
}
