using System.Globalization;

namespace ReliefDashboard.Domain;

/// <summary>A payment as the rules see it: what, how much, when, for whom and on which record.</summary>
public sealed record BenefitClaim(
    BenefitKind Kind,
    decimal Amount,
    DateOnly PaidOn,
    DateOnly? ForMonth,
    int? MemberId,
    int? EmploymentId,
    int? IndustryId,
    int? ShopfrontId,
    int Id = 0);

public sealed record MemberFacts(int Id, string Name, bool IsUnemployedGraduate);

/// <summary>A job as the rules see it; <see cref="HouseholdId"/> lets a district scan hand each household only its own.</summary>
public sealed record JobFacts(int Id, int MemberId, Channel Channel, string Employer, int? ContractMonths, bool HasSocialInsurance,
    WorkLocation Location, string? PostType, DateOnly Start, DateOnly? End, int HouseholdId = 0);

public sealed record IndustryFacts(int Id, Channel Channel, string Type, string? Park, string? LicenceNumber, DateOnly Start, DateOnly? End, int HouseholdId = 0);

public sealed record ShopfrontFacts(int Id, string Unit, bool InOwnSite, decimal MonthlyRent, DateOnly Start, DateOnly? End);

/// <summary>What a household's records say, for checking one payment against the payments before it.</summary>
public sealed record HouseholdLedger(
    IReadOnlyDictionary<int, MemberFacts> Members,
    IReadOnlyDictionary<int, JobFacts> Jobs,
    IReadOnlyDictionary<int, IndustryFacts> Industries,
    IReadOnlyDictionary<int, ShopfrontFacts> Shopfronts,
    IReadOnlyList<BenefitClaim> Prior);

/// <summary>A rule a payment breaks, with the plan's clause, and the message in Chinese that names it.</summary>
public sealed record BenefitViolation(ViolationKind Kind, string Clause, string Message)
{
    public string Text => $"不符合{Clause}：{Message}";
}

/// <summary>
/// The plan's money rules (DOMAIN.md §5) as one function: the ledger refuses a payment that breaks any, and the
/// violations list runs the same function over what is already recorded, each payment against those before it.
/// </summary>
public static class BenefitRules
{
    /// <summary>The kinds that count toward the household's cumulative industry-support cap, 三(一) and 三(三).</summary>
    public static readonly BenefitKind[] CappedKinds = [BenefitKind.ParkAward, BenefitKind.IndustrySubsidy, BenefitKind.SelfEmploymentAward];

    public static readonly BenefitKind[] MonthlyKinds = [BenefitKind.GraduatePostSubsidy, BenefitKind.RangerPay, BenefitKind.ShopfrontRentRelief];

    public static bool IsMonthly(BenefitKind kind) => MonthlyKinds.Contains(kind);

    /// <summary>Which record a payment of the kind must name.</summary>
    public static BenefitBasis BasisOf(BenefitKind kind) => kind switch
    {
        BenefitKind.GraduatePostSubsidy or BenefitKind.CrossRegionReward or BenefitKind.RangerPay => BenefitBasis.Employment,
        BenefitKind.ShopfrontRentRelief => BenefitBasis.Shopfront,
        _ => BenefitBasis.Industry,
    };

    public static string Clause(BenefitKind kind) => kind switch
    {
        BenefitKind.ParkAward or BenefitKind.IndustrySubsidy => "三(一)",
        BenefitKind.GraduatePostSubsidy => "三(二)",
        BenefitKind.SelfEmploymentAward or BenefitKind.ShopfrontRentRelief => "三(三)",
        BenefitKind.CrossRegionReward => "三(四)",
        BenefitKind.RangerPay => "三(五)",
        BenefitKind.PvIncome => "三(六)",
        _ => "",
    };

    /// <summary>Sorts kinds in the plan's order of clauses, 三(一) to 三(六).</summary>
    public static int ClauseOrder(BenefitKind kind) => kind switch
    {
        BenefitKind.ParkAward => 1,
        BenefitKind.IndustrySubsidy => 2,
        BenefitKind.GraduatePostSubsidy => 3,
        BenefitKind.SelfEmploymentAward => 4,
        BenefitKind.ShopfrontRentRelief => 5,
        BenefitKind.CrossRegionReward => 6,
        BenefitKind.RangerPay => 7,
        _ => 8,
    };

    public static IReadOnlyList<BenefitViolation> Check(BenefitPolicy p, BenefitClaim c, HouseholdLedger h)
    {
        var found = new List<BenefitViolation>();
        var clause = Clause(c.Kind);
        void Ineligible(string message) => found.Add(new(ViolationKind.Ineligible, clause, message));

        if (IsMonthly(c.Kind) && c.ForMonth is null)
        {
            Ineligible($"{Labels.Of(c.Kind)}按月发放，须填写所属月份");
            return found;
        }
        var month = c.ForMonth is { } m ? new DateOnly(m.Year, m.Month, 1) : (DateOnly?)null;

        switch (BasisOf(c.Kind))
        {
            case BenefitBasis.Industry:
                if (c.IndustryId is not { } industryId || !h.Industries.TryGetValue(industryId, out var industry))
                {
                    Ineligible($"{Labels.Of(c.Kind)}须对应本户的一项产业记录");
                    return found;
                }
                CheckIndustry(p, c, industry, Ineligible);
                break;
            case BenefitBasis.Employment:
                if (c.EmploymentId is not { } jobId || !h.Jobs.TryGetValue(jobId, out var job))
                {
                    Ineligible($"{Labels.Of(c.Kind)}须对应本户成员的一项就业记录");
                    return found;
                }
                CheckJob(p, c, job, month, h, Ineligible);
                break;
            default:
                if (c.ShopfrontId is not { } shopId || !h.Shopfronts.TryGetValue(shopId, out var shop))
                {
                    Ineligible("门面房租赁费减半须对应本户的一处门面房租赁记录");
                    return found;
                }
                CheckShopfront(p, c, shop, month!.Value, Ineligible);
                break;
        }

        CheckDuplicates(c, month, h, found);

        if (CappedKinds.Contains(c.Kind))
        {
            var before = h.Prior.Where(b => CappedKinds.Contains(b.Kind)).Sum(b => b.Amount);
            if (before + c.Amount > p.IndustryCap)
            {
                found.Add(new(ViolationKind.OverCap, "三(一)、三(三)",
                    $"产业扶持资金历年累计不得超过{Yuan(p.IndustryCap)}：本户已享受{Yuan(before)}，本次{Yuan(c.Amount)}，合计{Yuan(before + c.Amount)}"));
            }
        }
        return found;
    }

    private static void CheckIndustry(BenefitPolicy p, BenefitClaim c, IndustryFacts industry, Action<string> ineligible)
    {
        var running = industry.Start <= c.PaidOn && (industry.End is null || industry.End >= c.PaidOn);
        switch (c.Kind)
        {
            case BenefitKind.ParkAward:
                if (industry.Channel != Channel.AgriculturalIndustry || string.IsNullOrWhiteSpace(industry.Park))
                {
                    ineligible($"园区达标奖补只发给在农业特色产业园区发展产业的搬迁户，“{industry.Type}”未登记所在园区");
                }
                break;
            case BenefitKind.IndustrySubsidy:
                if (industry.Channel is not (Channel.AgriculturalIndustry or Channel.CommunityFactoryOrBusiness))
                {
                    ineligible($"产业补助只发给农业特色产业或自主创业，“{industry.Type}”属于{Labels.Of(industry.Channel)}");
                }
                else if (!running)
                {
                    ineligible($"“{industry.Type}”在发放日{Day(c.PaidOn)}不在经营期内");
                }
                break;
            case BenefitKind.SelfEmploymentAward:
                if (industry.Channel != Channel.CommunityFactoryOrBusiness)
                {
                    ineligible($"创业补助只发给自主创业发展第三产业的搬迁户，“{industry.Type}”属于{Labels.Of(industry.Channel)}");
                }
                else if (string.IsNullOrWhiteSpace(industry.LicenceNumber))
                {
                    ineligible($"创业补助要求创业手续齐全、有营业执照，“{industry.Type}”未登记营业执照号");
                }
                else if (!running)
                {
                    ineligible($"创业补助要求正常经营，“{industry.Type}”在发放日{Day(c.PaidOn)}不在经营期内");
                }
                if (c.Amount > p.SelfEmploymentAward)
                {
                    ineligible($"创业补助为{Yuan(p.SelfEmploymentAward)}，本次{Yuan(c.Amount)}超出标准");
                }
                break;
            default:
                if (industry.Channel != Channel.Photovoltaic)
                {
                    ineligible($"光伏收益只发给享有光伏收益的搬迁户，“{industry.Type}”属于{Labels.Of(industry.Channel)}");
                }
                else if (!running)
                {
                    ineligible($"“{industry.Type}”在发放日{Day(c.PaidOn)}不在收益期内");
                }
                break;
        }
    }

    private static void CheckJob(BenefitPolicy p, BenefitClaim c, JobFacts job, DateOnly? month, HouseholdLedger h, Action<string> ineligible)
    {
        var who = h.Members.TryGetValue(job.MemberId, out var member) ? member.Name : "该成员";
        var contract = job.ContractMonths is { } months ? $"{months}个月" : "未登记";
        switch (c.Kind)
        {
            case BenefitKind.GraduatePostSubsidy:
                if (member is null || !member.IsUnemployedGraduate)
                {
                    ineligible($"岗位补贴只发给搬迁户家庭未就业大学毕业生，{who}未登记为未就业大学毕业生");
                }
                if (job.Channel != Channel.IndustrialParkJob)
                {
                    ineligible($"岗位补贴只发给到园区内企业就业的，{who}在“{job.Employer}”的就业属于{Labels.Of(job.Channel)}");
                }
                if (job.ContractMonths is not { } gm || gm < p.GraduateMinContractMonths)
                {
                    ineligible($"岗位补贴要求签订不少于{p.GraduateMinContractMonths}个月的劳动合同，{who}的劳动合同为{contract}");
                }
                if (!job.HasSocialInsurance)
                {
                    ineligible($"岗位补贴要求企业交纳社会保险，{who}在“{job.Employer}”的就业未登记交纳社保");
                }
                if (!ActiveInMonth(job.Start, job.End, month!.Value))
                {
                    ineligible($"{who}在{Month(month.Value)}不在该岗位就业");
                }
                if (c.Amount > p.GraduateMonthly)
                {
                    ineligible($"岗位补贴每人每月{Yuan(p.GraduateMonthly)}，本次{Yuan(c.Amount)}超出标准");
                }
                break;
            case BenefitKind.CrossRegionReward:
                if (job.Location == WorkLocation.InsideDistrict)
                {
                    ineligible($"跨区域就业奖励只发给到区外就业的，{who}在区内就业");
                }
                if (job.ContractMonths is not { } cm || cm < p.CrossRegionMinContractMonths)
                {
                    ineligible($"跨区域就业奖励要求签订{p.CrossRegionMinContractMonths}个月以上正规务工协议，{who}的协议为{contract}");
                }
                if (!(job.Start <= c.PaidOn && (job.End is null || job.End >= c.PaidOn)))
                {
                    ineligible($"跨区域就业奖励要求稳定就业，{who}在发放日{Day(c.PaidOn)}不在岗");
                }
                if (c.Amount > p.CrossRegionReward)
                {
                    ineligible($"跨区域就业奖励为{Yuan(p.CrossRegionReward)}，本次{Yuan(c.Amount)}超出标准");
                }
                break;
            default:
                if (job.Channel != Channel.PublicWelfarePost || job.PostType != p.RangerPostType)
                {
                    ineligible($"护林员工资只发给{p.RangerPostType}公益性岗位，{who}的岗位是{job.PostType ?? Labels.Of(job.Channel)}");
                    break;
                }
                var first = new DateOnly(job.Start.Year, job.Start.Month, 1);
                if (month!.Value < first || month.Value >= first.AddMonths(p.RangerTermMonths))
                {
                    ineligible($"护林员聘用期限{p.RangerTermMonths}个月（{Month(first)}起），{Month(month.Value)}不在聘用期内");
                }
                else if (!ActiveInMonth(job.Start, job.End, month.Value))
                {
                    ineligible($"{who}在{Month(month.Value)}不在护林员岗位");
                }
                if (c.Amount > p.RangerMonthly)
                {
                    ineligible($"护林员工资每月{Yuan(p.RangerMonthly)}，本次{Yuan(c.Amount)}超出标准");
                }
                break;
        }
    }

    private static void CheckShopfront(BenefitPolicy p, BenefitClaim c, ShopfrontFacts shop, DateOnly month, Action<string> ineligible)
    {
        if (!shop.InOwnSite)
        {
            ineligible($"门面房租赁费减半只适用于在本户所在安置社区租赁的门面房，门面“{shop.Unit}”不在本户安置社区");
        }
        var first = new DateOnly(shop.Start.Year, shop.Start.Month, 1);
        if (month < first || month >= first.AddMonths(p.RentHalvingMonths))
        {
            ineligible($"门面房租赁费连续减半{p.RentHalvingMonths}个月（{Month(first)}起），{Month(month)}不在减半期内");
        }
        else if (!ActiveInMonth(shop.Start, shop.End, month))
        {
            ineligible($"门面“{shop.Unit}”在{Month(month)}未在租");
        }
        var half = decimal.Round(shop.MonthlyRent / 2, 2);
        if (c.Amount > half)
        {
            ineligible($"减半即月租金{Yuan(shop.MonthlyRent)}的一半{Yuan(half)}，本次{Yuan(c.Amount)}超出");
        }
    }

    private static void CheckDuplicates(BenefitClaim c, DateOnly? month, HouseholdLedger h, List<BenefitViolation> found)
    {
        var clause = Clause(c.Kind);
        var same = h.Prior.Where(b => b.Kind == c.Kind && (c.Id == 0 || b.Id != c.Id)).ToList();
        BenefitClaim? twin = c.Kind switch
        {
            BenefitKind.ParkAward or BenefitKind.SelfEmploymentAward => same.FirstOrDefault(),
            BenefitKind.IndustrySubsidy => same.FirstOrDefault(b => b.IndustryId == c.IndustryId),
            BenefitKind.CrossRegionReward => same.FirstOrDefault(b => b.MemberId == c.MemberId),
            BenefitKind.GraduatePostSubsidy or BenefitKind.RangerPay => same.FirstOrDefault(b => b.MemberId == c.MemberId && SameMonth(b.ForMonth, month)),
            BenefitKind.ShopfrontRentRelief => same.FirstOrDefault(b => b.ShopfrontId == c.ShopfrontId && SameMonth(b.ForMonth, month)),
            _ => month is null ? null : same.FirstOrDefault(b => b.IndustryId == c.IndustryId && SameMonth(b.ForMonth, month)),
        };
        if (twin is null)
        {
            return;
        }
        var what = c.Kind switch
        {
            BenefitKind.ParkAward or BenefitKind.SelfEmploymentAward or BenefitKind.IndustrySubsidy => "产业扶持政策不能重复享受",
            BenefitKind.CrossRegionReward => "一次性奖励不能重复发放",
            _ => $"同一{(c.Kind == BenefitKind.ShopfrontRentRelief ? "门面" : "人")}同一月份不能重复发放",
        };
        found.Add(new(ViolationKind.Duplicate, clause,
            $"{what}：已于{Day(twin.PaidOn)}发放{Labels.Of(c.Kind)}{Yuan(twin.Amount)}{(twin.ForMonth is { } tm ? $"（{Month(tm)}）" : "")}"));
    }

    private static bool SameMonth(DateOnly? a, DateOnly? b) =>
        a is { } x && b is { } y && x.Year == y.Year && x.Month == y.Month;

    private static bool ActiveInMonth(DateOnly start, DateOnly? end, DateOnly month) =>
        start < month.AddMonths(1) && (end is null || end.Value >= month);

    /// <summary>An amount as every page shows money: ¥ with two decimals.</summary>
    public static string Yuan(decimal amount) => Fen.Show(amount);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Month(DateOnly d) => d.ToString("yyyy年M月", CultureInfo.InvariantCulture);
}

public enum BenefitBasis
{
    Industry,
    Employment,
    Shopfront,
}

/// <summary>Rent halving for a community factory, 三(三): enough relocated workers by share or by floor space, and the deposit.</summary>
public sealed record FactoryEligibility(bool Eligible, decimal? RelocatedPercent, bool ByShare, bool ByArea, bool Deposit, string Explanation)
{
    public static FactoryEligibility Of(BenefitPolicy p, CommunityFactory f)
    {
        decimal? percent = f.Workforce > 0 ? Math.Round(100m * f.RelocatedWorkers / f.Workforce, 1) : null;
        var byShare = f.Workforce > 0 && 100m * f.RelocatedWorkers >= p.FactoryRelocatedPercent * f.Workforce;
        var byArea = f.RentedAreaSqm > 0 && f.RelocatedWorkers * p.FactorySqmPerWorker >= f.RentedAreaSqm;
        var needed = p.FactorySqmPerWorker > 0 ? (int)Math.Ceiling(f.RentedAreaSqm / p.FactorySqmPerWorker) : 0;
        var workers = byShare
            ? $"搬迁群众占用工{percent:0.0}%，达到{p.FactoryRelocatedPercent:0.#}%"
            : byArea
                ? $"按每{p.FactorySqmPerWorker}㎡带动1人，{f.RentedAreaSqm}㎡需{needed}人，实有{f.RelocatedWorkers}人"
                : $"搬迁群众占用工{percent?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—"}%，低于{p.FactoryRelocatedPercent:0.#}%；按每{p.FactorySqmPerWorker}㎡带动1人需{needed}人，实有{f.RelocatedWorkers}人";
        var eligible = (byShare || byArea) && f.DepositPaid;
        var explanation = $"{workers}；{(f.DepositPaid ? "已一次性交纳两年用工保证金" : "未交纳两年用工保证金")}";
        return new(eligible, percent, byShare, byArea, f.DepositPaid, explanation);
    }
}
