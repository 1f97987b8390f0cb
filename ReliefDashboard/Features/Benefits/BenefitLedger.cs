using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Features.Benefits;

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
            ? Enum.GetValues<BenefitKind>().Where(k => (LeadUnits.Mask(scope.Department) & HouseholdStatusUpdater.Bit(ChannelOf(k))) != 0).ToList()
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

    /// <summary>Every recorded payment checked against the payments of its household recorded before it.</summary>
    public static async Task<List<ViolationRow>> ScanAsync(ReliefDbContext db, BenefitPolicy policy, int? townId, CancellationToken ct)
    {
        var benefits = Live(db);
        if (townId is { } town)
        {
            benefits = benefits.Where(b => b.Household!.TownId == town);
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
        var jobs = (await db.Employments.AsNoTracking().Where(e => benefits.Any(b => b.EmploymentId == e.Id))
                .Select(e => new { e.HouseholdId, Facts = new JobFacts(e.Id, e.MemberId, e.Channel, e.Employer, e.ContractMonths, e.HasSocialInsurance, e.Location, e.PostType, e.StartDate, e.EndDate) })
                .ToListAsync(ct))
            .ToLookup(j => j.HouseholdId, j => j.Facts);
        var members = await db.Members.AsNoTracking()
            .Where(m => db.Employments.Any(e => e.MemberId == m.Id && benefits.Any(b => b.EmploymentId == e.Id)))
            .Select(m => new MemberFacts(m.Id, m.Name, m.IsUnemployedGraduate)).ToDictionaryAsync(m => m.Id, ct);
        var industries = (await db.Industries.AsNoTracking().Where(i => benefits.Any(b => b.IndustryId == i.Id))
                .Select(i => new { i.HouseholdId, Facts = new IndustryFacts(i.Id, i.Channel, i.Type, i.Park, i.LicenceNumber, i.StartDate, i.EndDate) })
                .ToListAsync(ct))
            .ToLookup(i => i.HouseholdId, i => i.Facts);
        var shops = (await db.Shopfronts.AsNoTracking().Where(s => benefits.Any(b => b.ShopfrontId == s.Id))
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

    private static IQueryable<Benefit> Live(ReliefDbContext db) => db.Benefits.AsNoTracking().Where(b => b.VoidedAt == null);

    private static readonly System.Linq.Expressions.Expression<Func<Employment, JobFacts>> Job = e =>
        new JobFacts(e.Id, e.MemberId, e.Channel, e.Employer, e.ContractMonths, e.HasSocialInsurance, e.Location, e.PostType, e.StartDate, e.EndDate);

    private static readonly System.Linq.Expressions.Expression<Func<Industry, IndustryFacts>> IndustryOf = i =>
        new IndustryFacts(i.Id, i.Channel, i.Type, i.Park, i.LicenceNumber, i.StartDate, i.EndDate);

    private static readonly System.Linq.Expressions.Expression<Func<Benefit, BenefitClaim>> Claim = b =>
        new BenefitClaim(b.Kind, b.Amount, b.PaidOn, b.ForMonth, b.MemberId, b.EmploymentId, b.IndustryId, b.ShopfrontId, b.Id);
}
