using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Households;

public enum RegistrySort
{
    Code,
    Head,
    Town,
    Status,
    Verified,
    Members,
}

/// <summary>The shortfalls the dashboard's tiles open: the households that keep a rate below its goal.</summary>
public enum RegistryGap
{
    /// <summary>Neither Met nor At risk: no measure, or measures not yet stable.</summary>
    Unmet,

    /// <summary>A member with labour capacity has no current job.</summary>
    IdleLabour,

    /// <summary>Has labour but nobody works inside the district (就地就近).</summary>
    NoLocalJob,

    /// <summary>Not visited within the verification window (the scorecard's data freshness).</summary>
    Unverified,
}

public static class RegistryGaps
{
    public static string Label(RegistryGap gap) => gap switch
    {
        RegistryGap.Unmet => "未达标（无措施或帮扶中）",
        RegistryGap.IdleLabour => "有劳动力未就业",
        RegistryGap.Unverified => "超期未走访核实",
        _ => "无就地就近就业",
    };
}

/// <summary>The registry's filters, sort and page: everything the URL carries.</summary>
public sealed record RegistryQuery
{
    public int? TownId { get; init; }
    public int? SiteId { get; init; }
    public HouseholdStatus? Status { get; init; }
    public Channel? Channel { get; init; }
    public bool? HasLabour { get; init; }
    public RegistryGap? Gap { get; init; }
    public string? Search { get; init; }
    public RegistrySort Sort { get; init; } = RegistrySort.Code;
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    /// <summary>
    /// The query from the registry's URL parameters (town, site, status, channel, labour, gap, q, sort, desc, page,
    /// size), read leniently: a hand-edited or truncated link gives the unfiltered list instead of an error.
    /// The page and the list export read the same link the same way.
    /// </summary>
    public static RegistryQuery Parse(Func<string, string?> get)
    {
        static int? Number(string? text) =>
            int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        return new()
        {
            TownId = Number(get("town")),
            SiteId = Number(get("site")),
            Status = Enum.TryParse<HouseholdStatus>(get("status"), out var s) && Enum.IsDefined(s) ? s : null,
            Channel = Number(get("channel")) is >= 1 and <= 8 and var c ? (Channel)c : null,
            HasLabour = get("labour") switch { "yes" => true, "no" => false, _ => null },
            Gap = Enum.TryParse<RegistryGap>(get("gap"), true, out var g) && Enum.IsDefined(g) ? g : null,
            Search = get("q"),
            Sort = Enum.TryParse<RegistrySort>(get("sort"), true, out var sort) && Enum.IsDefined(sort) ? sort : RegistrySort.Code,
            Descending = bool.TryParse(get("desc"), out var d) && d,
            Page = Math.Max(1, Number(get("page")) ?? 1),
            PageSize = Number(get("size")) is (20 or 50 or 100) and var n ? n : 20,
        };
    }
}

public sealed record RegistryRow(
    int Id,
    string Code,
    string HeadName,
    string HeadIdMasked,
    string Town,
    string Site,
    int Members,
    HouseholdStatus Status,
    string StatusExplanation,
    DateOnly? LastVerifiedOn,
    bool HasLabour,
    DateOnly? VisitDue = null);

public sealed record RegistryResult(IReadOnlyList<RegistryRow> Rows, int Total, IReadOnlyDictionary<HouseholdStatus, int> StatusCounts);

