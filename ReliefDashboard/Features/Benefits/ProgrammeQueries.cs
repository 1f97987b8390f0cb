using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Benefits;

/// <summary>Money paid, summed in SQL by town and kind (voided payments left out).</summary>
public sealed record ParkProgress(string Park, int Households, bool Meets);

public sealed record StationProgress(string Station, int Households, decimal Kilowatts);

public sealed record PostYear(int Year, int Filled);

/// <summary>Each measure of the plan with its target (from the settings) and its actual (from the records).</summary>
public sealed record Implementation(
    BenefitPolicy Policy,
    IReadOnlyList<ParkProgress> Parks,
    IReadOnlyList<PostYear> UrbanPosts,
    int UrbanPostsActive,
    int RangersActive,
    IReadOnlyList<StationProgress> Stations,
    int PvHouseholds,
    int Factories,
    int EligibleFactories,
    int ShopfrontsRenting,
    int ShopfrontsHalved,
    IReadOnlyList<(LoanStatus Status, int Count, decimal Amount)> Loans,
    IReadOnlyList<MoneyGroup> Money,
    IReadOnlyList<ViolationCount> Violations);

/// <summary>
/// The district-level reads of the money and posts: GROUP BY queries over the ledger and the measures, and the
/// violations scan. The dashboard's money panel reads <see cref="MoneyAsync"/> with its other figures.
/// </summary>
public static class ProgrammeQueries
{
    public static async Task<Implementation> ImplementationAsync(ReliefDbContext db, int? townId, DateOnly today, CancellationToken ct)
    {
        var policy = BenefitPolicy.FromSettings(await PolicyStore.LoadValuesAsync(db, ct));
        // The district reads the measures directly; a town joins through its households (indexed by town).
        var townHouseholds = db.Households.Where(h => h.TownId == townId);
        var allIndustries = townId is null ? db.Industries : db.Industries.Where(i => townHouseholds.Select(h => h.Id).Contains(i.HouseholdId));
        var industries = allIndustries.Where(i => i.StartDate <= today && (i.EndDate == null || i.EndDate >= today));
        var jobs = townId is null ? db.Employments : db.Employments.Where(e => townHouseholds.Select(h => h.Id).Contains(e.HouseholdId));

        // A park is a town's: two towns may give theirs the same name.
        var parks = (await industries.Where(i => i.Channel == Channel.AgriculturalIndustry && i.Park != null)
                .Join(db.Households, i => i.HouseholdId, h => h.Id, (i, h) => new { h.TownId, Town = h.Town!.Name, i.Park, i.HouseholdId })
                .GroupBy(x => new { x.TownId, x.Town, x.Park })
                .Select(g => new { g.Key.Town, g.Key.Park, Households = g.Select(x => x.HouseholdId).Distinct().Count() })
                .ToListAsync(ct))
            .Select(p => new ParkProgress($"{p.Town} · {p.Park}", p.Households, p.Households >= policy.ParkMinHouseholds))
            .OrderByDescending(p => p.Households).ToList();

        var posts = jobs.Where(e => e.Channel == Channel.PublicWelfarePost);
        var firstDay = new DateOnly(policy.UrbanPostFirstYear, 1, 1);
        var lastDay = firstDay.AddYears(policy.UrbanPostYears);
        var byYear = await posts.Where(e => e.PostType != policy.RangerPostType && e.StartDate >= firstDay && e.StartDate < lastDay)
            .GroupBy(e => e.StartDate.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(ct);
        var urbanYears = Enumerable.Range(policy.UrbanPostFirstYear, policy.UrbanPostYears)
            .Select(y => new PostYear(y, byYear.Where(b => b.Year == y).Sum(b => b.Count))).ToList();
        var active = posts.Where(e => e.StartDate <= today && (e.EndDate == null || e.EndDate >= today));
        var urbanActive = await active.CountAsync(e => e.PostType != policy.RangerPostType, ct);
        var rangers = await active.CountAsync(e => e.PostType == policy.RangerPostType, ct);

        var stations = (await industries.Where(i => i.Channel == Channel.Photovoltaic)
                .GroupBy(i => i.PvStation ?? "（未登记电站）")
                .Select(g => new { Station = g.Key, Households = g.Select(i => i.HouseholdId).Distinct().Count(), Kw = g.Sum(i => (double?)i.PvShareKw) ?? 0 })
                .ToListAsync(ct))
            .Select(s => new StationProgress(s.Station, s.Households, decimal.Round((decimal)s.Kw, 1))).ToList();
        var pvHouseholds = await industries.Where(i => i.Channel == Channel.Photovoltaic).Select(i => i.HouseholdId).Distinct().CountAsync(ct);

        var factoryRows = await db.Factories.AsNoTracking().Where(f => townId == null || f.TownId == townId).ToListAsync(ct);
        var eligible = factoryRows.Count(f => FactoryEligibility.Of(policy, f).Eligible);

        var shops = (townId is null ? db.Shopfronts : db.Shopfronts.Where(s => townHouseholds.Select(h => h.Id).Contains(s.HouseholdId)))
            .Where(s => s.StartDate <= today && (s.EndDate == null || s.EndDate >= today));
        var renting = await shops.CountAsync(ct);
        var halvedSince = new DateOnly(today.Year, today.Month, 1).AddMonths(-policy.RentHalvingMonths + 1);
        var halved = await shops.CountAsync(s => s.StartDate >= halvedSince, ct);

        var loans = (await (townId is null ? db.Loans : db.Loans.Where(l => townHouseholds.Select(h => h.Id).Contains(l.HouseholdId)))
                .GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(l => l.Amount) }).ToListAsync(ct))
            .Select(l => (l.Key, l.Count, l.Amount)).OrderBy(l => l.Key).ToList();

        var money = await MoneyFigures.MoneyAsync(db, townId, ct, households: true);
        var violations = await MoneyFigures.ViolationCountsAsync(db, townId, ct);
        return new Implementation(policy, parks, urbanYears, urbanActive, rangers, stations, pvHouseholds, factoryRows.Count, eligible,
            renting, halved, loans, money, violations);
    }
}
