using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Overview;

public sealed record TownAttainment(int TownId, string Town, Tally Tally, decimal? Percent, Band? Band);

public sealed record ChannelUse(Channel Channel, int IndustryHouseholds, int EmploymentHouseholds, int CoveredHouseholds);

public sealed record Workplaces(int InDistrict, int InProvince, int OutsideProvince)
{
    public int Total => InDistrict + InProvince + OutsideProvince;
}

public sealed record TrendSeries(string Name, int? TownId, IReadOnlyList<decimal?> Percents);

/// <summary>Month-ends oldest first, then today's live point.</summary>
public sealed record Trend(IReadOnlyList<string> Labels, IReadOnlyList<TrendSeries> Series);

/// <summary>
/// One user's dashboard: the district's figures filtered to what the user may read (the same rule as the
/// registry: town staff their town, a department the households in its channels) and summed for each tile and chart.
/// </summary>
public sealed record DashboardView(
    Tally Now,
    Tally? LastMonth,
    DateOnly? LastMonthEnd,
    IReadOnlyList<TownAttainment> Towns,
    IReadOnlyList<ChannelUse> Channels,
    Workplaces Workplaces,
    AssessmentPolicy Policy,
    DateTime? LastChangedAt)
{
    public static DashboardView For(DistrictFigures f, UserScope scope)
    {
        var live = f.Live.Where(g => scope.CanRead(g.TownId, g.ChannelMask)).ToList();
        var now = Tally.Sum(live.Select(Tally.Of));

        var lastMonthEnd = Months.CompletedBefore(f.Today, 1)[0];
        var taken = f.History.Months.TryGetValue(lastMonthEnd, out var lastMonthRows);
        Tally? lastMonth = taken ? Tally.Sum(lastMonthRows!.Where(g => scope.CanRead(g.TownId, g.ChannelMask)).Select(g => g.Tally)) : null;

        var towns = live.GroupBy(g => g.TownId)
            .Select(g =>
            {
                var tally = Tally.Sum(g.Select(Tally.Of));
                var percent = tally.AttainmentPercent(f.Policy);
                var name = f.Towns.FirstOrDefault(t => t.Id == g.Key)?.Name ?? $"镇街{g.Key}";
                return new TownAttainment(g.Key, name, tally, percent, percent is { } p ? f.Policy.BandOf(p) : null);
            })
            .OrderByDescending(t => t.Percent ?? -1).ThenBy(t => t.TownId)
            .ToList();

        var channels = Enum.GetValues<Channel>().Select(c =>
        {
            var bit = HouseholdStatusUpdater.Bit(c);
            return new ChannelUse(c,
                live.Where(g => (g.IndustryMask & bit) != 0).Sum(g => g.Households),
                live.Where(g => (g.EmploymentMask & bit) != 0).Sum(g => g.Households),
                c == Channel.SafetyNet ? live.Where(g => (g.ChannelMask & bit) != 0).Sum(g => g.Households) : 0);
        }).ToList();

        var workplaces = new Workplaces(live.Sum(g => g.WorkersInDistrict), live.Sum(g => g.WorkersInProvince), live.Sum(g => g.WorkersOutsideProvince));
        return new DashboardView(now, lastMonth, taken ? lastMonthEnd : null, towns, channels, workplaces, f.Policy, f.LastChangedAt);
    }

    /// <summary>Attainment at each month-end of the history and today, for the district (as far as the user sees it) and picked towns.</summary>
    public static Trend TrendFor(DistrictFigures f, UserScope scope, IEnumerable<int> pickedTowns)
    {
        var months = f.History.Months.Keys.Order().ToList();
        var labels = months.Select(m => m.ToString("yyyy-MM")).Append("今日").ToList();

        List<decimal?> Series(Func<int, bool> town)
        {
            var points = months.Select(m => Tally.Sum(f.History.Months[m]
                    .Where(g => town(g.TownId) && scope.CanRead(g.TownId, g.ChannelMask)).Select(g => g.Tally)))
                .Append(Tally.Sum(f.Live.Where(g => town(g.TownId) && scope.CanRead(g.TownId, g.ChannelMask)).Select(Tally.Of)));
            return points.Select(t => t.AttainmentPercent(f.Policy)).ToList();
        }

        var series = new List<TrendSeries>
        {
            new(scope.Role switch { Roles.TownStaff => "本镇街", Roles.Department => "牵头渠道涉及户", _ => "全区" }, null, Series(_ => true)),
        };
        if (scope.Role is Roles.TownStaff or Roles.Department)
        {
            // Beside its own line, the district's: an aggregate every user may compare against.
            var district = months.Select(m => Tally.Sum(f.History.Months[m].Select(g => g.Tally)))
                .Append(Tally.Sum(f.Live.Select(Tally.Of))).Select(t => t.AttainmentPercent(f.Policy)).ToList();
            series.Add(new TrendSeries("全区", null, district));
        }
        foreach (var id in pickedTowns.Distinct())
        {
            if (f.Towns.FirstOrDefault(t => t.Id == id) is { } town && f.Live.Any(g => g.TownId == id && scope.CanRead(g.TownId, g.ChannelMask)))
            {
                series.Add(new TrendSeries(town.Name, id, Series(t => t == id)));
            }
        }
        return new Trend(labels, series);
    }
}
