using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ReliefDashboard.Domain;
using ReliefDashboard.Figures;

namespace ReliefDashboard.Features.Overview;

/// <summary>
/// Everything one audience's dashboard shows for one set of district figures: the view, its tiles and its five
/// charts. Immutable once built and shared by every open dashboard with the same reach (role, town, department),
/// so thirty leaders watching the district hold one copy and build it once per change, not thirty.
/// </summary>
public sealed class DashboardSnapshot
{
    // Keyed on the figures object itself: when the feed publishes new figures, the old snapshots go with them.
    private static readonly ConditionalWeakTable<DistrictFigures, ConcurrentDictionary<UserScope, Lazy<DashboardSnapshot>>> Cache = new();

    private DashboardSnapshot(DistrictFigures figures, UserScope audience)
    {
        View = DashboardView.For(figures, audience);
        var view = View;
        // A department sees households with a measure in its channels, so its no-measure count is zero by definition
        // (and its safety-net count too, unless it leads the safety net).
        Tiles = KpiTiles.Build(view).Where(t => audience.Role != Roles.Department || !(t.Key == "no-measure"
            || (t.Key == "safety-net" && !LeadUnits.Leads(audience.Department, Channel.SafetyNet)))).ToList();
        League = new SharedChart(TownCharts.TownLeague(view));
        Status = new SharedChart(TownCharts.StatusByTown(view));
        Channels = new SharedChart(OverviewCharts.ChannelMix(audience.Role == Roles.Department
            ? view with { Channels = view.Channels.Where(c => LeadUnits.Leads(audience.Department, c.Channel)).ToList() }
            : view));
        Work = new SharedChart(OverviewCharts.Workplaces(view));
        Trend = new SharedChart(OverviewCharts.AttainmentTrend(DashboardView.TrendFor(figures, audience, []), view.Policy));
    }

    public DashboardView View { get; }
    public IReadOnlyList<KpiTile> Tiles { get; }
    public SharedChart League { get; }
    public SharedChart Status { get; }
    public SharedChart Channels { get; }
    public SharedChart Work { get; }

    /// <summary>The trend without picked towns; a dashboard that picks towns builds its own.</summary>
    public SharedChart Trend { get; }

    /// <summary>The snapshot for this user's reach, built on first request and shared after that.</summary>
    public static DashboardSnapshot For(DistrictFigures figures, UserScope scope)
    {
        // Who the user is does not change what they see; only their reach does.
        var audience = scope with { UserId = "", Name = "" };
        var byAudience = Cache.GetValue(figures, _ => new ConcurrentDictionary<UserScope, Lazy<DashboardSnapshot>>());
        return byAudience.GetOrAdd(audience, a => new Lazy<DashboardSnapshot>(() => new DashboardSnapshot(figures, a))).Value;
    }
}

/// <summary>
/// A chart spec with a fingerprint of its content, so a dashboard can skip redrawing a chart whose numbers did not
/// change (most saves move one or two of the five charts) and every circuit compares the same computed string.
/// </summary>
public sealed class SharedChart(ChartSpec spec)
{
    private readonly Lazy<string> fingerprint = new(() => ChartFingerprint.Of(spec));

    public ChartSpec Spec { get; } = spec;
    public string Fingerprint => fingerprint.Value;
}

public static class ChartFingerprint
{
    /// <summary>The traces and layout as Plotly would receive them, hashed: equal for equal content.</summary>
    public static string Of(ChartSpec spec)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var trace in spec.Data)
        {
            hash.AppendData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(trace, trace.GetType()));
        }
        hash.AppendData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(spec.Layout));
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
