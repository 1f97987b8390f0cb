namespace ReliefDashboard.Domain;

/// <summary>The money and posts of the plan's 三(一)…(六) that are paid to a household or a member (DOMAIN.md §5).</summary>
public enum BenefitKind
{
    /// <summary>三(一) 园区达标奖补: the household's industry is in an agricultural park that met its standard.</summary>
    ParkAward = 1,

    /// <summary>三(一) 精准脱贫产业补助: support for an industry the household runs.</summary>
    IndustrySubsidy = 2,

    /// <summary>三(二) 高校毕业生岗位补贴: per member per month.</summary>
    GraduatePostSubsidy = 3,

    /// <summary>三(三) 自主创业以奖代补: a licensed business outside the community shopfronts.</summary>
    SelfEmploymentAward = 4,

    /// <summary>三(四) 跨区域就业一次性奖励.</summary>
    CrossRegionReward = 5,

    /// <summary>三(五) 生态护林员工资: per member per month, for the post's term.</summary>
    RangerPay = 6,

    /// <summary>三(三) 门面房租赁费减半: per shopfront per month, for the halving term.</summary>
    ShopfrontRentRelief = 7,

    /// <summary>三(六) 光伏收益分配.</summary>
    PvIncome = 8,
}

public enum ViolationKind
{
    OverCap = 0,
    Duplicate = 1,
    Ineligible = 2,
}

public enum LoanStatus
{
    Applied = 0,
    Approved = 1,
    Disbursed = 2,
    Repaid = 3,
    Rejected = 4,
}

/// <summary>
/// One payment in the benefits ledger: the clause it falls under (by its kind), the amount, the day paid, the fund
/// and the record that justifies it. Entries are never edited; a wrong one is voided with a reason and stays visible.
/// </summary>
public class Benefit
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public Household? Household { get; set; }

    /// <summary>The household's town, copied (a household never changes town) so money is summed by town from one index.</summary>
    public int TownId { get; set; }
    public int? MemberId { get; set; }
    public Member? Member { get; set; }
    public BenefitKind Kind { get; set; }
    public decimal Amount { get; set; }
    public DateOnly PaidOn { get; set; }

    /// <summary>The first day of the month a monthly payment is for (岗位补贴、护林员工资、门面租金减半).</summary>
    public DateOnly? ForMonth { get; set; }

    /// <summary>资金来源, e.g. 扶贫产业专项资金.</summary>
    public required string Fund { get; set; }

    /// <summary>凭证: the document or voucher number behind the payment.</summary>
    public required string Voucher { get; set; }

    public int? EmploymentId { get; set; }
    public int? IndustryId { get; set; }
    public int? ShopfrontId { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string Source { get; set; }
    public DateTime? VoidedAt { get; set; }
    public string? VoidedBy { get; set; }
    public string? VoidReason { get; set; }

    /// <summary>
    /// The rules this payment breaks as the records and settings stand (bit 1 &lt;&lt; <see cref="ViolationKind"/>; 0 when
    /// it passes), with their messages in <see cref="BreachText"/>. Stored like a household's status: refreshed by
    /// every change to the household's records or ledger, by a change of the money settings and once a day, so the
    /// violations list, its counts and the suggestions are indexed reads.
    /// </summary>
    public int Breaches { get; set; }
    public string? BreachText { get; set; }
}

/// <summary>A relocated household renting a shopfront (门面房) in a resettlement community, 三(三).</summary>
public class ShopfrontRental
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public int SiteId { get; set; }
    public ResettlementSite? Site { get; set; }
    public required string Unit { get; set; }
    public required string Business { get; set; }
    public decimal MonthlyRent { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>Bumped by every edit; an edit made on a stale copy is refused.</summary>
    public int Version { get; set; }
}

/// <summary>An interest-free business loan (无息贷款) applied for by a household, 三(三).</summary>
public class BusinessLoan
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public Household? Household { get; set; }
    public decimal Amount { get; set; }
    public required string Lender { get; set; }
    public required string Purpose { get; set; }
    public LoanStatus Status { get; set; }
    public DateOnly AppliedOn { get; set; }
    public DateOnly? DisbursedOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public int Version { get; set; }
}

/// <summary>A community factory (社区工厂) in a resettlement site's commercial space, 三(三).</summary>
public class CommunityFactory
{
    public int Id { get; set; }
    public int TownId { get; set; }
    public Town? Town { get; set; }
    public int? SiteId { get; set; }
    public ResettlementSite? Site { get; set; }
    public required string Name { get; set; }
    public required string Operator { get; set; }
    public decimal RentedAreaSqm { get; set; }
    public decimal MonthlyRent { get; set; }
    public int Workforce { get; set; }
    public int RelocatedWorkers { get; set; }

    /// <summary>Whether the two-year employment deposit (两年用工保证金) was paid in one sum.</summary>
    public bool DepositPaid { get; set; }
    public DateOnly? DepositPaidOn { get; set; }
    public DateOnly OpenedOn { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
