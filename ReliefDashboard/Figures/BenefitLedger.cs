using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;

namespace ReliefDashboard.Figures;

/// <summary>A recorded payment that breaks a rule as the settings stand today, with the household it belongs to.</summary>
public sealed record ViolationRow(
    int BenefitId,
    int HouseholdId,
    string Code,
    string HeadName,
    int TownId,
    BenefitKind Kind,
    decimal Amount,
    DateOnly PaidOn,
    DateOnly? ForMonth,
    IReadOnlyList<BenefitViolation> Violations);

/// <summary>
/// Reads what the money rules need: one household's records for a new payment, or every recorded payment for the
/// violations list. The scan reads the ledger and only the records it names, never the households' full graphs.
/// </summary>
public static class BenefitLedger
{
    /// <summary>The channel a kind of payment belongs to, so a department sees the payments of the channels it leads.</summary>
    public static Channel ChannelOf(BenefitKind kind) => kind switch
    {
        BenefitKind.ParkAward or BenefitKind.IndustrySubsidy => Channel.AgriculturalIndustry,
        BenefitKind.GraduatePostSubsidy => Channel.IndustrialParkJob,
        BenefitKind.SelfEmploymentAward or BenefitKind.ShopfrontRentRelief => Channel.CommunityFactoryOrBusiness,
        BenefitKind.CrossRegionReward => Channel.TrainingAndLabourExport,
        BenefitKind.RangerPay => Channel.PublicWelfarePost,
        _ => Channel.Photovoltaic,
    };

    /// <summary>The kinds a user may read in the district ledger: all for district readers and town staff (their town), a department's channels.</summary>
    public static IReadOnlyList<BenefitKind> KindsFor(UserScope scope) =>
        scope.Role == Roles.Department
            ? Enum.GetValues<BenefitKind>().Where(k => LeadUnits.Leads(scope.Department, ChannelOf(k))).ToList()
            : Enum.GetValues<BenefitKind>();

    public static async Task<HouseholdLedger> ForHouseholdAsync(ReliefDbContext db, int householdId, int siteId, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.HouseholdId == householdId)
            .Select(m => new MemberFacts(m.Id, m.Name, m.IsUnemployedGraduate)).ToDictionaryAsync(m => m.Id, ct);
        var jobs = await db.Employments.AsNoTracking().Where(e => e.HouseholdId == householdId).Select(Job).ToDictionaryAsync(j => j.Id, ct);
        var industries = await db.Industries.AsNoTracking().Where(i => i.HouseholdId == householdId).Select(IndustryOf).ToDictionaryAsync(i => i.Id, ct);
        var shops = await db.Shopfronts.AsNoTracking().Where(s => s.HouseholdId == householdId)
            .Select(s => new ShopfrontFacts(s.Id, s.Unit, s.SiteId == siteId, s.MonthlyRent, s.StartDate, s.EndDate))
            .ToDictionaryAsync(s => s.Id, ct);
        var prior = await Live(db).Where(b => b.HouseholdId == householdId).OrderBy(b => b.PaidOn).ThenBy(b => b.Id).Select(Claim).ToListAsync(ct);
        return new HouseholdLedger(members, jobs, industries, shops, prior);
    }

    /// <summary>
    /// Every recorded payment (of the given households, or all) checked against the payments of its household
    /// recorded before it. Reads the ledger and the records it names; <see cref="RefreshAsync"/> stores the result.
    /// </summary>
    public static async Task<List<ViolationRow>> ScanAsync(ReliefDbContext db, BenefitPolicy policy, IReadOnlyCollection<int>? householdIds, CancellationToken ct,
        (int From, int To)? range = null)
    {
        var benefits = Live(db);
        if (householdIds is not null)
        {
            var ids = householdIds.ToList();
            benefits = benefits.Where(b => EF.Parameter(ids).Contains(b.HouseholdId));
        }
        if (range is var (from, to))
        {
            benefits = benefits.Where(b => b.HouseholdId >= from && b.HouseholdId < to);
        }
        var rows = await benefits
            .OrderBy(b => b.HouseholdId).ThenBy(b => b.PaidOn).ThenBy(b => b.Id)
            .Select(b => new
            {
                b.HouseholdId,
                b.Household!.Code,
                b.Household.HeadName,
                b.Household.TownId,
                b.Household.SiteId,
                Claim = new BenefitClaim(b.Kind, b.Amount, b.PaidOn, b.ForMonth, b.MemberId, b.EmploymentId, b.IndustryId, b.ShopfrontId, b.Id),
            })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        // The facts of the records the payments name, fetched by id (a primary-key lookup each), never by scanning the measures.
        var jobIds = rows.Select(r => r.Claim.EmploymentId).OfType<int>().Distinct().ToList();
        var industryIds = rows.Select(r => r.Claim.IndustryId).OfType<int>().Distinct().ToList();
        var shopIds = rows.Select(r => r.Claim.ShopfrontId).OfType<int>().Distinct().ToList();
        var jobs = (await db.Employments.AsNoTracking().Where(e => EF.Parameter(jobIds).Contains(e.Id)).Select(Job).ToListAsync(ct))
            .ToLookup(j => j.HouseholdId);
        var memberIds = jobs.SelectMany(g => g).Select(j => j.MemberId).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => EF.Parameter(memberIds).Contains(m.Id))
            .Select(m => new MemberFacts(m.Id, m.Name, m.IsUnemployedGraduate)).ToDictionaryAsync(m => m.Id, ct);
        var industries = (await db.Industries.AsNoTracking().Where(i => EF.Parameter(industryIds).Contains(i.Id)).Select(IndustryOf).ToListAsync(ct))
            .ToLookup(i => i.HouseholdId);
        var shops = (await db.Shopfronts.AsNoTracking().Where(s => EF.Parameter(shopIds).Contains(s.Id))
                .Select(s => new { s.Id, s.Unit, s.SiteId, s.MonthlyRent, s.StartDate, s.EndDate, s.HouseholdId })
                .ToListAsync(ct))
            .ToLookup(s => s.HouseholdId);

        var found = new List<ViolationRow>();
        foreach (var household in rows.GroupBy(r => r.HouseholdId))
        {
            var first = household.First();
            // A payment may only rest on its own household's records, so each household sees only its own.
            var ownJobs = jobs[household.Key].ToDictionary(j => j.Id);
            var ownIndustries = industries[household.Key].ToDictionary(i => i.Id);
            var ownShops = shops[household.Key]
                .ToDictionary(s => s.Id, s => new ShopfrontFacts(s.Id, s.Unit, s.SiteId == first.SiteId, s.MonthlyRent, s.StartDate, s.EndDate));
            var prior = new List<BenefitClaim>();
            foreach (var row in household)
            {
                var ledger = new HouseholdLedger(members, ownJobs, ownIndustries, ownShops, prior);
                var problems = BenefitRules.Check(policy, row.Claim, ledger);
                if (problems.Count > 0)
                {
                    found.Add(new ViolationRow(row.Claim.Id, row.HouseholdId, row.Code, row.HeadName, row.TownId, row.Claim.Kind, row.Claim.Amount,
                        row.Claim.PaidOn, row.Claim.ForMonth, problems));
                }
                prior.Add(row.Claim);
            }
        }
        return found;
    }

    /// <summary>
    /// Checks the payments of <paramref name="householdIds"/> (all when null) and stores what each breaks; returns how
    /// many stored results changed. Runs in the caller's transaction when there is one.
    /// </summary>
    public static async Task<int> RefreshAsync(ReliefDbContext db, BenefitPolicy policy, IReadOnlyCollection<int>? householdIds, CancellationToken ct)
    {
        if (householdIds is not null)
        {
            return await RefreshAsync(db, policy, householdIds, null, ct);
        }
        // The whole ledger in slices of households, so a large district is never held in memory at once.
        var last = await db.Benefits.MaxAsync(b => (int?)b.HouseholdId, ct) ?? 0;
        var changed = 0;
        for (var from = 0; from <= last; from += RefreshSlice)
        {
            changed += await RefreshAsync(db, policy, null, (from, from + RefreshSlice), ct);
        }
        return changed;
    }

    private const int RefreshSlice = 50_000;

    private static async Task<int> RefreshAsync(ReliefDbContext db, BenefitPolicy policy, IReadOnlyCollection<int>? householdIds, (int From, int To)? range, CancellationToken ct)
    {
        var found = (await ScanAsync(db, policy, householdIds, ct, range)).ToDictionary(v => v.BenefitId);
        var stored = db.Benefits.AsNoTracking();
        if (householdIds is not null)
        {
            var ids = householdIds.ToList();
            stored = stored.Where(b => EF.Parameter(ids).Contains(b.HouseholdId));
        }
        if (range is var (from, to))
        {
            stored = stored.Where(b => b.HouseholdId >= from && b.HouseholdId < to);
        }
        var current = await stored.Where(b => b.Breaches > 0 || b.VoidedAt == null)
            .Select(b => new { b.Id, b.Breaches, b.BreachText, Voided = b.VoidedAt != null }).ToListAsync(ct);
        var changed = 0;
        foreach (var row in current)
        {
            var (breaches, text) = !row.Voided && found.TryGetValue(row.Id, out var v) ? Encode(v.Violations) : (0, null);
            if (breaches != row.Breaches || text != row.BreachText)
            {
                await db.Benefits.Where(b => b.Id == row.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(b => b.Breaches, breaches).SetProperty(b => b.BreachText, text), ct);
                changed++;
            }
        }
        return changed;
    }

    public static int Bit(ViolationKind kind) => 1 << (int)kind;

    private static (int Breaches, string? Text) Encode(IReadOnlyList<BenefitViolation> violations) =>
        (violations.Aggregate(0, (m, v) => m | Bit(v.Kind)),
         string.Join("\n", violations.Select(v => $"{(int)v.Kind}\t{v.Clause}\t{v.Message}")));

    /// <summary>The stored violations of a payment, as <see cref="RefreshAsync"/> wrote them.</summary>
    public static IReadOnlyList<BenefitViolation> Decode(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split('\n').Select(line => line.Split('\t', 3))
            .Select(p => new BenefitViolation((ViolationKind)int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p[1], p[2])).ToList();

    /// <summary>The payments whose stored check found a breach, with their households, read by index.</summary>
    public static async Task<List<ViolationRow>> StoredAsync(ReliefDbContext db, int? townId, CancellationToken ct)
    {
        var rows = db.Benefits.AsNoTracking().Where(b => b.Breaches > 0 && b.VoidedAt == null);
        if (townId is { } town)
        {
            rows = rows.Where(b => b.TownId == town);
        }
        var list = await rows.OrderBy(b => b.TownId).ThenBy(b => b.Household!.Code).ThenBy(b => b.PaidOn).ThenBy(b => b.Id)
            .Select(b => new { b.Id, b.HouseholdId, b.Household!.Code, b.Household.HeadName, b.TownId, b.Kind, b.Amount, b.PaidOn, b.ForMonth, b.BreachText })
            .ToListAsync(ct);
        return list.Select(b => new ViolationRow(b.Id, b.HouseholdId, b.Code, b.HeadName, b.TownId, b.Kind, b.Amount, b.PaidOn, b.ForMonth, Decode(b.BreachText))).ToList();
    }

    private static IQueryable<Benefit> Live(ReliefDbContext db) => db.Benefits.AsNoTracking().Where(b => b.VoidedAt == null);

    private static readonly System.Linq.Expressions.Expression<Func<Employment, JobFacts>> Job = e =>
        new JobFacts(e.Id, e.MemberId, e.Channel, e.Employer, e.ContractMonths, e.HasSocialInsurance, e.Location, e.PostType, e.StartDate, e.EndDate, e.HouseholdId);

    private static readonly System.Linq.Expressions.Expression<Func<Industry, IndustryFacts>> IndustryOf = i =>
        new IndustryFacts(i.Id, i.Channel, i.Type, i.Park, i.LicenceNumber, i.StartDate, i.EndDate, i.HouseholdId);

    private static readonly System.Linq.Expressions.Expression<Func<Benefit, BenefitClaim>> Claim = b =>
        new BenefitClaim(b.Kind, b.Amount, b.PaidOn, b.ForMonth, b.MemberId, b.EmploymentId, b.IndustryId, b.ShopfrontId, b.Id);
}
