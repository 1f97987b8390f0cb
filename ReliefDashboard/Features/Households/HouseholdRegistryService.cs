using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Households;

/// <summary>The household registry: filtering, sorting, paging and counting are all done by SQLite.</summary>
public sealed class HouseholdRegistryService(IDbContextFactory<ReliefDbContext> dbFactory, CurrentUser user, TimeProvider clock)
{
    public async Task<RegistryResult> SearchAsync(RegistryQuery q, CancellationToken ct = default)
    {
        var scope = await user.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var verifiedSince = await VerifiedSinceAsync(db, q, clock, ct);
        var policy = await PolicyStore.LoadStatusPolicyAsync(db, ct);
        var window = policy.VerificationMaxAgeDays;
        var filtered = Filter(Visible(db, scope), db, q with { Status = null }, verifiedSince);

        // The counts by status come from the live sums kept on write when the filter is one they distinguish (town,
        // channel, labour, a gap); a site or a search counts its own few households in SQL.
        var counts = (SumsCount(q) ? CountsFromSums(await FigureSums.ReadAsync(db, FigureSums.VerifiedSince(clock.Today(), policy), ct), scope, q) : null)
            ?? await filtered.GroupBy(h => h.Status)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        if (q.Status is { } status)
        {
            filtered = filtered.Where(h => h.Status == status);
        }
        var total = q.Status is { } s ? counts.GetValueOrDefault(s) : counts.Values.Sum();

        var page = Math.Max(1, q.Page);
        var size = Math.Clamp(q.PageSize, 5, 200);
        var rows = await Sort(filtered, q.Sort, q.Descending)
            .Skip((page - 1) * size)
            .Take(size)
            .Select(h => new
            {
                h.Id,
                h.Code,
                h.HeadName,
                Town = h.Town!.Name,
                Site = h.Site!.Name,
                h.Status,
                h.StatusExplanation,
                h.LastVerifiedOn,
                h.HasLabour,
                HeadId = h.Members.Where(m => m.Relation == Relation.Head).Select(m => m.IdNumber).FirstOrDefault(),
                Members = h.MemberCount,
            })
            .ToListAsync(ct);

        return new RegistryResult(
            rows.Select(r => new RegistryRow(r.Id, r.Code, r.HeadName, IdNumber.Mask(r.HeadId), r.Town, r.Site, r.Members,
                r.Status, r.StatusExplanation, r.LastVerifiedOn, r.HasLabour, r.LastVerifiedOn?.AddDays(window))).ToList(),
            total,
            counts);
    }

    /// <summary>
    /// The registry's counts by status for this user and filter, summed from the live sums; null when the filter asks
    /// for something the sums do not distinguish (a site, a search, labour together with the visit gap).
    /// </summary>
    public static Dictionary<HouseholdStatus, int>? CountsFromSums(IReadOnlyList<LiveGroup> sums, UserScope scope, RegistryQuery q)
    {
        if (!SumsCount(q))
        {
            return null;
        }
        var mask = scope.Role == Roles.Department ? LeadUnits.Mask(scope.Department) : 0;
        var bit = q.Channel is { } channel ? HouseholdStatusUpdater.Bit(channel) : 0;
        bool Visible(LiveGroup g) => scope.Role switch
        {
            Roles.TownStaff => g.TownId == scope.TownId,
            Roles.Department => (g.ChannelMask & mask) != 0,
            _ => scope.ReadsWholeDistrict,
        };
        int Count(LiveGroup g)
        {
            var households = q.HasLabour switch
            {
                true => g.LabourHouseholds,
                false => g.Households - g.LabourHouseholds,
                null => g.Households,
            };
            return q.Gap switch
            {
                RegistryGap.Unmet => g.Status is HouseholdStatus.NoMeasure or HouseholdStatus.InProgress ? households : 0,
                RegistryGap.IdleLabour => q.HasLabour == false ? 0 : g.IdleLabourHouseholds,
                RegistryGap.NoLocalJob => q.HasLabour == false ? 0 : g.LabourHouseholds - g.LocalCoveredHouseholds,
                RegistryGap.Unverified => g.Households - g.VerifiedHouseholds,
                _ => households,
            };
        }
        return sums
            .Where(g => Visible(g) && (q.TownId is not { } town || g.TownId == town) && (bit == 0 || (g.ChannelMask & bit) != 0))
            .GroupBy(g => g.Status)
            .Select(g => (g.Key, Count: g.Sum(Count)))
            .Where(g => g.Count > 0)
            .ToDictionary(g => g.Key, g => g.Count);
    }

    /// <summary>Whether the live sums distinguish what the filter asks for (so a site or a search does not read them for nothing).</summary>
    private static bool SumsCount(RegistryQuery q) =>
        q.SiteId is null && string.IsNullOrWhiteSpace(q.Search) && !(q.HasLabour is not null && q.Gap == RegistryGap.Unverified);

    /// <summary>Towns the user may filter by: town staff see only their own.</summary>
    public async Task<IReadOnlyList<Option>> TownsAsync(CancellationToken ct = default)
    {
        var scope = await user.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Towns.AsNoTracking().Where(t => scope.Role != Roles.TownStaff || t.Id == scope.TownId)
            .OrderBy(t => t.Id).Select(t => new Option(t.Id, t.Name, null)).ToListAsync(ct);
    }

    /// <summary>
    /// The town staff's own town by resettlement site: households by status, counted by the database over the
    /// (SiteId, Status) index. Empty for anyone who is not town staff.
    /// </summary>
    public async Task<IReadOnlyList<SiteTally>> SiteTalliesAsync(CancellationToken ct = default)
    {
        var scope = await user.GetAsync();
        if (scope.Role != Roles.TownStaff || scope.TownId is not { } town)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sites = await db.Sites.AsNoTracking().Where(s => s.TownId == town).OrderBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Kind }).ToListAsync(ct);
        var counts = await db.Households.AsNoTracking().Where(h => h.TownId == town).GroupBy(h => new { h.SiteId, h.Status })
            .Select(g => new { g.Key.SiteId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        return sites.Select(s =>
        {
            int Of(HouseholdStatus status) => counts.Where(c => c.SiteId == s.Id && c.Status == status).Sum(c => c.Count);
            return new SiteTally(s.Id, s.Name, s.Kind, Of(HouseholdStatus.Met), Of(HouseholdStatus.AtRisk), Of(HouseholdStatus.InProgress),
                Of(HouseholdStatus.NoMeasure), Of(HouseholdStatus.SafetyNet));
        }).Where(s => s.Households > 0).ToList();
    }

    public async Task<IReadOnlyList<Option>> SitesAsync(CancellationToken ct = default)
    {
        var scope = await user.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Sites.AsNoTracking().Where(s => scope.Role != Roles.TownStaff || s.TownId == scope.TownId)
            .OrderBy(s => s.TownId).ThenBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new Option(s.Id, s.Name, s.TownId)).ToListAsync(ct);
    }

    /// <summary>
    /// <summary>The households of the registry's filter, status included, in its sort order, unpaged: what an export of the list holds.</summary>
    public static async Task<IQueryable<Household>> ListAsync(ReliefDbContext db, UserScope scope, RegistryQuery q, TimeProvider clock, CancellationToken ct = default)
    {
        var filtered = Filter(Visible(db, scope), db, q, await VerifiedSinceAsync(db, q, clock, ct));
        if (q.Status is { } status)
        {
            filtered = filtered.Where(h => h.Status == status);
        }
        return Sort(filtered, q.Sort, q.Descending);
    }

    private static async Task<DateOnly> VerifiedSinceAsync(ReliefDbContext db, RegistryQuery q, TimeProvider clock, CancellationToken ct)
    {
        if (q.Gap != RegistryGap.Unverified)
        {
            return DateOnly.MinValue;
        }
        var days = (await PolicyStore.LoadStatusPolicyAsync(db, ct)).VerificationMaxAgeDays;
        return clock.Today().AddDays(-days);
    }

    /// <summary>
    /// The households this user may see, as a query filter every read starts from: town staff their town,
    /// a department the households with a current measure in a channel it leads, the district roles all.
    /// </summary>
    public static IQueryable<Household> Visible(ReliefDbContext db, UserScope scope)
    {
        var query = db.Households.AsNoTracking();
        switch (scope.Role)
        {
            case Roles.TownStaff:
                var town = scope.TownId ?? -1;
                return query.Where(h => h.TownId == town);
            case Roles.Department:
                var mask = LeadUnits.Mask(scope.Department);
                return query.Where(h => (h.ChannelMask & mask) != 0);
            default:
                return scope.ReadsWholeDistrict ? query : query.Where(h => false);
        }
    }

    private static IQueryable<Household> Filter(IQueryable<Household> query, ReliefDbContext db, RegistryQuery q, DateOnly verifiedSince)
    {
        if (q.TownId is { } town)
        {
            query = query.Where(h => h.TownId == town);
        }
        if (q.SiteId is { } site)
        {
            query = query.Where(h => h.SiteId == site);
        }
        if (q.HasLabour is { } labour)
        {
            query = query.Where(h => h.HasLabour == labour);
        }
        query = q.Gap switch
        {
            RegistryGap.Unmet => query.Where(h => h.Status == HouseholdStatus.NoMeasure || h.Status == HouseholdStatus.InProgress),
            RegistryGap.IdleLabour => query.Where(h => h.EmployedLabourMembers < h.LabourMembers),
            RegistryGap.NoLocalJob => query.Where(h => h.HasLabour && h.LocalLabourMembers == 0),
            RegistryGap.Unverified => query.Where(h => h.LastVerifiedOn == null || h.LastVerifiedOn < verifiedSince),
            _ => query,
        };
        if (q.Channel is { } channel)
        {
            var bit = HouseholdStatusUpdater.Bit(channel);
            query = query.Where(h => (h.ChannelMask & bit) != 0);
        }
        if (q.Search?.Trim() is { Length: > 0 } text)
        {
            query = Search(db, query, text);
        }
        return query;
    }

    /// <summary>
    /// Three characters or more are looked up in the trigram index over codes, member names and ID numbers
    /// (<c>HouseholdSearch</c>, kept by triggers): a substring anywhere, without reading the members. One or two
    /// characters (a trigram index cannot hold them) are a phrase of single characters in <c>NameSearch</c>, or the
    /// first digits of a code.
    /// A whole ID number is one index lookup.
    /// </summary>
    private static IQueryable<Household> Search(ReliefDbContext db, IQueryable<Household> query, string text)
    {
        var upper = text.ToUpperInvariant();
        var digits = upper.All(c => char.IsAsciiDigit(c) || c == 'X');
        if (digits && upper.Length == 18)
        {
            return query.Where(h => db.Members.Where(m => m.IdNumber == upper).Select(m => m.HouseholdId).Contains(h.Id));
        }
        if (digits && upper.Length > 8)
        {
            // A long run of digits shares its first trigrams (the region's 6106…) with every code and ID number: the
            // index is asked for the last eight, which tell households apart, and the whole text is checked on those few.
            var tail = upper[^8..];
            var found = db.Database.SqlQuery<int>(
                $"SELECT HouseholdId AS Value FROM HouseholdSearch WHERE HouseholdSearch MATCH {"\"" + tail + "\""} AND instr(upper(Text), {upper}) > 0");
            return query.Where(h => found.Contains(h.Id));
        }
        if (text.Length >= 3)
        {
            var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var found = db.Database.SqlQuery<int>($"SELECT HouseholdId AS Value FROM HouseholdSearch WHERE HouseholdSearch MATCH {phrase}");
            return query.Where(h => found.Contains(h.Id));
        }
        if (digits)
        {
            // The first digits of a code: a range over its unique index.
            var end = upper + "\uffff";
            return query.Where(h => string.Compare(h.Code, upper) >= 0 && string.Compare(h.Code, end) < 0);
        }
        // A surname or a given name: a phrase of single characters in the name index.
        var chars = "\"" + string.Join(' ', text.EnumerateRunes()).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var named = db.Database.SqlQuery<int>($"SELECT HouseholdId AS Value FROM NameSearch WHERE NameSearch MATCH {chars}");
        return query.Where(h => named.Contains(h.Id));
    }

    private static IQueryable<Household> Sort(IQueryable<Household> q, RegistrySort sort, bool desc) => (sort, desc) switch
    {
        (RegistrySort.Head, false) => q.OrderBy(h => h.HeadName).ThenBy(h => h.Id),
        (RegistrySort.Head, true) => q.OrderByDescending(h => h.HeadName).ThenBy(h => h.Id),
        (RegistrySort.Town, false) => q.OrderBy(h => h.TownId).ThenBy(h => h.Code),
        (RegistrySort.Town, true) => q.OrderByDescending(h => h.TownId).ThenBy(h => h.Code),
        (RegistrySort.Status, false) => q.OrderBy(h => h.Status).ThenBy(h => h.Code),
        (RegistrySort.Status, true) => q.OrderByDescending(h => h.Status).ThenBy(h => h.Code),
        (RegistrySort.Verified, false) => q.OrderBy(h => h.LastVerifiedOn).ThenBy(h => h.Code),
        (RegistrySort.Verified, true) => q.OrderByDescending(h => h.LastVerifiedOn).ThenBy(h => h.Code),
        (RegistrySort.Members, false) => q.OrderBy(h => h.MemberCount).ThenBy(h => h.Code),
        (RegistrySort.Members, true) => q.OrderByDescending(h => h.MemberCount).ThenBy(h => h.Code),
        (_, true) => q.OrderByDescending(h => h.Code),
        _ => q.OrderBy(h => h.Code),
    };
}

/// <summary>One resettlement site's households by status, for its town's dashboard.</summary>
public sealed record SiteTally(int SiteId, string Site, SiteKind Kind, int Met, int AtRisk, int InProgress, int NoMeasure, int SafetyNet)
{
    public int Households => Met + AtRisk + InProgress + NoMeasure + SafetyNet;

    /// <summary>(Met + at risk) over the households that count, as the dashboard's attainment.</summary>
    public decimal? AttainmentPercent(AssessmentPolicy policy) =>
        (policy.ExcludeSafetyNet ? Households - SafetyNet : Households) is var d and > 0
            ? Math.Round(100m * (Met + AtRisk) / d, 1, MidpointRounding.AwayFromZero)
            : null;
}
