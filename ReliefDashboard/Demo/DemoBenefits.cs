using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Demo;

/// <summary>
/// The demo district's money: payments under each clause that rest on the household's own records and keep the
/// rules, a few shopfront rentals and loans, community factories named as the registry's factory jobs name them,
/// and — as an old ledger would bring in — a handful of payments that break a rule, so the violations list is real.
/// Deterministic for a given district.
/// </summary>
public sealed class DemoBenefits(DateOnly asOf, BenefitPolicy policy, DateTime recordedAt)
{
    public const string Source = "演示数据";
    public const string LegacySource = "旧台账迁移（演示）";

    private readonly Random rng = new(8_2524);
    private int benefitId, shopId, loanId;

    public List<Benefit> Benefits { get; } = [];
    public List<ShopfrontRental> Shopfronts { get; } = [];
    public List<BusinessLoan> Loans { get; } = [];

    /// <summary>Adds the payments of one written household (its records already carry their ids).</summary>
    public void Add(Household h)
    {
        var capped = 0m;
        var parkAwarded = false;
        var selfEmploymentAwarded = false;
        bool UnderCap(decimal amount) => capped + amount <= policy.IndustryCap;
        Benefit Pay(BenefitKind kind, decimal amount, DateOnly paid, string fund, DateOnly? month = null, int? member = null,
            int? job = null, int? industry = null, int? shop = null, string source = Source)
        {
            var b = new Benefit
            {
                Id = ++benefitId,
                TownId = h.TownId,
                HouseholdId = h.Id,
                MemberId = member,
                Kind = kind,
                Amount = amount,
                PaidOn = paid,
                ForMonth = month,
                EmploymentId = job,
                IndustryId = industry,
                ShopfrontId = shop,
                Fund = fund,
                Voucher = $"延区财拨〔{paid.Year}〕{rng.Next(1, 400)}号",
                RecordedBy = "演示数据",
                RecordedAt = recordedAt,
                Source = source,
            };
            Benefits.Add(b);
            if (BenefitRules.CappedKinds.Contains(kind))
            {
                capped += amount;
            }
            return b;
        }

        foreach (var i in h.Industries.Where(i => i.EndDate is null || i.EndDate > i.StartDate.AddDays(60)))
        {
            // Paid some weeks after the record started; one started too recently is not paid yet.
            var paid = i.StartDate.AddDays(rng.Next(20, 200));
            if (paid > asOf && i.Channel != Channel.Photovoltaic)
            {
                continue;
            }
            var running = i.StartDate <= paid && (i.EndDate is null || i.EndDate >= paid);
            switch (i.Channel)
            {
                case Channel.AgriculturalIndustry when running:
                    if (i.Park is not null && !parkAwarded && rng.NextDouble() < 0.8 && UnderCap(3000))
                    {
                        Pay(BenefitKind.ParkAward, 3000, paid, "扶贫产业专项资金", industry: i.Id);
                        parkAwarded = true;
                    }
                    var subsidy = 1000 * rng.Next(2, 9);
                    if (rng.NextDouble() < 0.55 && UnderCap(subsidy))
                    {
                        Pay(BenefitKind.IndustrySubsidy, subsidy, paid, "区级财政扶贫专项资金", industry: i.Id);
                    }
                    break;
                case Channel.CommunityFactoryOrBusiness when running && i.LicenceNumber is not null:
                    if (rng.NextDouble() < 0.3)
                    {
                        var shop = AddShopfront(h, i);
                        var termEnd = new DateOnly(shop.StartDate.Year, shop.StartDate.Month, 1).AddMonths(policy.RentHalvingMonths).AddDays(-1);
                        foreach (var month in RecentMonths(shop.StartDate, termEnd, 4))
                        {
                            Pay(BenefitKind.ShopfrontRentRelief, shop.MonthlyRent / 2, Min(asOf, month.AddDays(5)), "区级财政扶贫专项资金", month, shop: shop.Id);
                        }
                    }
                    else if (!selfEmploymentAwarded && rng.NextDouble() < 0.75 && UnderCap(policy.SelfEmploymentAward))
                    {
                        Pay(BenefitKind.SelfEmploymentAward, policy.SelfEmploymentAward, paid, "扶贫产业专项资金", industry: i.Id);
                        selfEmploymentAwarded = true;
                    }
                    if (rng.NextDouble() < 0.2)
                    {
                        AddLoan(h, i);
                    }
                    break;
                case Channel.Photovoltaic:
                    var year = new DateOnly(asOf.Year - 1, 12, 20);
                    if (i.StartDate <= year)
                    {
                        Pay(BenefitKind.PvIncome, i.AnnualIncome ?? 3000, year, "光伏扶贫收益", industry: i.Id);
                    }
                    break;
            }
        }

        foreach (var e in h.Employments)
        {
            var member = e.Member!;
            switch (e.Channel)
            {
                case Channel.IndustrialParkJob when member.IsUnemployedGraduate && e.ContractMonths >= policy.GraduateMinContractMonths && e.HasSocialInsurance:
                    foreach (var month in RecentMonths(e.StartDate, e.EndDate, 6))
                    {
                        Pay(BenefitKind.GraduatePostSubsidy, policy.GraduateMonthly, Min(asOf, month.AddMonths(1).AddDays(9)), "就业补助资金", month, member.Id, e.Id);
                    }
                    break;
                case Channel.TrainingAndLabourExport when e.Location != WorkLocation.InsideDistrict && e.ContractMonths >= policy.CrossRegionMinContractMonths
                    && e.EndDate is null && rng.NextDouble() < 0.6:
                    if (e.StartDate.AddDays(rng.Next(20, 120)) is var rewarded && rewarded <= asOf)
                    {
                        Pay(BenefitKind.CrossRegionReward, policy.CrossRegionReward, rewarded, "易地扶贫搬迁结余资金", member: member.Id, job: e.Id);
                    }
                    break;
                case Channel.PublicWelfarePost when e.PostType == policy.RangerPostType:
                    var first = new DateOnly(e.StartDate.Year, e.StartDate.Month, 1);
                    var termEnd = first.AddMonths(policy.RangerTermMonths).AddDays(-1);
                    var end = e.EndDate is { } stop && stop < termEnd ? stop : termEnd;
                    foreach (var month in RecentMonths(e.StartDate, end, 6))
                    {
                        Pay(BenefitKind.RangerPay, policy.RangerMonthly, Min(asOf, month.AddMonths(1).AddDays(4)), "生态建设效益资金", month, member.Id, e.Id);
                    }
                    break;
            }
        }

        // About one household in three hundred carries what an old paper ledger brought in: a park award paid twice,
        // or an industry subsidy that took the household over the cap.
        var agri = h.Industries.FirstOrDefault(i => i.Channel == Channel.AgriculturalIndustry && i.Park is not null && i.StartDate < asOf.AddMonths(-14));
        if (agri is not null && rng.NextDouble() < 0.04)
        {
            if (rng.NextDouble() < 0.5)
            {
                Pay(BenefitKind.ParkAward, 3000, agri.StartDate.AddMonths(2), "扶贫产业专项资金", industry: agri.Id, source: LegacySource);
                Pay(BenefitKind.ParkAward, 3000, agri.StartDate.AddMonths(13), "区级财政扶贫专项资金", industry: agri.Id, source: LegacySource);
            }
            else
            {
                Pay(BenefitKind.IndustrySubsidy, 15000, agri.StartDate.AddMonths(3), "区级财政扶贫专项资金", industry: agri.Id, source: LegacySource);
                Pay(BenefitKind.ParkAward, 8000, agri.StartDate.AddMonths(12), "扶贫产业专项资金", industry: agri.Id, source: LegacySource);
            }
        }
    }

    private ShopfrontRental AddShopfront(Household h, Industry business)
    {
        var start = Max(business.StartDate, asOf.AddMonths(-rng.Next(3, 30)));
        var shop = new ShopfrontRental
        {
            Id = ++shopId,
            HouseholdId = h.Id,
            SiteId = h.SiteId,
            Unit = $"{(char)('A' + rng.Next(0, 4))}-{rng.Next(1, 40):D2}",
            Business = business.Type,
            MonthlyRent = 600 + 100 * rng.Next(0, 13),
            StartDate = start,
        };
        Shopfronts.Add(shop);
        return shop;
    }

    private void AddLoan(Household h, Industry business)
    {
        var applied = Min(asOf, business.StartDate.AddDays(rng.Next(10, 200)));
        var status = (LoanStatus)Pick([0, 1, 2, 2, 2, 3, 4]);
        var disbursed = status is LoanStatus.Disbursed or LoanStatus.Repaid ? Min(asOf, applied.AddDays(rng.Next(10, 40))) : (DateOnly?)null;
        Loans.Add(new BusinessLoan
        {
            Id = ++loanId,
            HouseholdId = h.Id,
            Amount = 10_000 * rng.Next(5, 9),
            Lender = rng.NextDouble() < 0.6 ? "区扶贫局" : "区就业局",
            Purpose = $"{business.Type}进货与设备",
            Status = status,
            AppliedOn = applied,
            DisbursedOn = disbursed,
            DueOn = disbursed?.AddYears(3),
            Version = 1,
        });
    }

    /// <summary>Community factories in each town with a centralised site, named as the demo's factory jobs name their employer.</summary>
    public IEnumerable<CommunityFactory> Factories(IReadOnlyList<Town> towns)
    {
        string[] kinds = ["服装加工", "手工艺品", "电子组装", "食品包装"];
        foreach (var town in towns)
        {
            var site = town.Sites.FirstOrDefault(s => s.Kind == SiteKind.Centralized);
            if (site is null)
            {
                continue;
            }
            foreach (var kind in kinds.OrderBy(_ => rng.Next()).Take(rng.Next(2, 5)))
            {
                var workforce = rng.Next(20, 121);
                var share = Pick([0.2, 0.3, 0.38, 0.45, 0.55, 0.7]);
                var area = 100 * rng.Next(4, 21);
                var paid = rng.NextDouble() < 0.8;
                var opened = asOf.AddMonths(-rng.Next(6, 48));
                yield return new CommunityFactory
                {
                    TownId = town.Id,
                    SiteId = site.Id,
                    Name = $"{kind}社区工厂",
                    Operator = $"延川{Pick(["恒信", "惠民", "丰泽", "兴业", "安和"])}{kind}有限公司",
                    RentedAreaSqm = area,
                    MonthlyRent = area * 6,
                    Workforce = workforce,
                    RelocatedWorkers = (int)Math.Round(workforce * share),
                    DepositPaid = paid,
                    DepositPaidOn = paid ? opened.AddDays(15) : null,
                    OpenedOn = opened,
                    UpdatedBy = "演示数据",
                    UpdatedAt = recordedAt,
                    Version = 1,
                };
            }
        }
    }

    /// <summary>Up to <paramref name="count"/> month starts, newest last, in which the record ran and which have ended before today.</summary>
    private IEnumerable<DateOnly> RecentMonths(DateOnly start, DateOnly? end, int count)
    {
        var last = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(-1);
        if (end is { } e && e < last)
        {
            last = new DateOnly(e.Year, e.Month, 1);
        }
        var first = new DateOnly(start.Year, start.Month, 1);
        var months = new List<DateOnly>();
        for (var m = last; m >= first && months.Count < count; m = m.AddMonths(-1))
        {
            months.Add(m);
        }
        months.Reverse();
        return months;
    }

    private T Pick<T>(T[] items) => items[rng.Next(items.Length)];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
