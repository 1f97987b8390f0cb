namespace ReliefDashboard.Domain;

public class Town
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public TownKind Kind { get; set; }
    public List<ResettlementSite> Sites { get; set; } = [];
}

public class ResettlementSite
{
    public int Id { get; set; }
    public int TownId { get; set; }
    public Town? Town { get; set; }
    public required string Name { get; set; }
    public SiteKind Kind { get; set; }
}

public class Household
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int TownId { get; set; }
    public Town? Town { get; set; }
    public int SiteId { get; set; }
    public ResettlementSite? Site { get; set; }

    /// <summary>Copy of the head member's name so the registry can sort and search by it in SQL.</summary>
    public required string HeadName { get; set; }
    public required string OriginVillage { get; set; }
    public int RelocationYear { get; set; }
    public string? Phone { get; set; }
    public bool IsRegisteredPoor { get; set; }
    public bool IsCoRelocated { get; set; }
    public bool IsThreeNo { get; set; }
    public DateOnly? LastVerifiedOn { get; set; }

    /// <summary>Stored result of <see cref="StatusRules"/>; refreshed by every write and once a day.</summary>
    public HouseholdStatus Status { get; set; }
    public string StatusRule { get; set; } = "";
    public string StatusExplanation { get; set; } = "";
    public DateOnly StatusComputedOn { get; set; }

    /// <summary>Stored so the registry can filter on it in SQL; refreshed together with the status.</summary>
    public bool HasLabour { get; set; }

    /// <summary>Members still in the household; stored for sorting, refreshed together with the status.</summary>
    public int MemberCount { get; set; }

    /// <summary>
    /// Bit (1 &lt;&lt; channel) for every channel with a measure not yet ended; stored so filtering by channel is
    /// one indexed column read instead of two correlated subqueries per household. Refreshed with the status.
    /// </summary>
    public int ChannelMask { get; set; }

    /// <summary>
    /// The household's <see cref="HouseholdFigures"/> on <see cref="StatusComputedOn"/>: labour, who of it works
    /// and where, the channels of its active industries and jobs. Refreshed with the status; the dashboard sums them.
    /// </summary>
    public int LabourMembers { get; set; }
    public int EmployedLabourMembers { get; set; }
    public int LocalLabourMembers { get; set; }
    public int WorkersInDistrict { get; set; }
    public int WorkersInProvince { get; set; }
    public int WorkersOutsideProvince { get; set; }
    public int IndustryMask { get; set; }
    public int EmploymentMask { get; set; }

    /// <summary>Attained on a counting measure that department data or a home visit has confirmed (已核实达标); refreshed with the status.</summary>
    public bool VerifiedAttained { get; set; }

    /// <summary>Optimistic concurrency: bumped by every change to the household or anything it owns.</summary>
    public int Version { get; set; }

    public List<Member> Members { get; set; } = [];
    public List<Employment> Employments { get; set; } = [];
    public List<Industry> Industries { get; set; } = [];
    public List<SafetyNetCoverage> Coverages { get; set; } = [];
    public List<Training> Trainings { get; set; } = [];
}

public class Member
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public required string Name { get; set; }
    public required string IdNumber { get; set; }
    public DateOnly BirthDate { get; set; }
    public Sex Sex { get; set; }
    public Relation Relation { get; set; }
    public LabourCapacity LabourCapacity { get; set; }
    public Education Education { get; set; }
    public bool IsUnemployedGraduate { get; set; }
    public Disability Disability { get; set; }
    public DateOnly? EndedOn { get; set; }
    public MemberEndReason? EndReason { get; set; }

    public bool IsActiveOn(DateOnly date) => EndedOn is null || EndedOn.Value > date;
}

/// <summary>A measure with a period: employments, industries and coverage items.</summary>
public abstract class Measure
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public Channel Channel { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>Set by the cross-check (department data) and by spot checks, never typed; a disproved measure no longer counts.</summary>
    public MeasureVerification Verification { get; set; }

    public bool IsActiveOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate.Value >= date);
}

/// <summary>Employment-type measures: channels 2, 3 (factory job), 4 and 5.</summary>
public class Employment : Measure
{
    public int MemberId { get; set; }
    public Member? Member { get; set; }
    public required string Employer { get; set; }
    public string? Park { get; set; }
    public WorkLocation Location { get; set; }
    public int? ContractMonths { get; set; }
    public bool HasSocialInsurance { get; set; }
    public decimal MonthlyPay { get; set; }
    public string? PostType { get; set; }
}

/// <summary>Industry-type measures: channels 1, 3 (business), 6 and 7.</summary>
public class Industry : Measure
{
    public required string Type { get; set; }
    public decimal? Scale { get; set; }
    public string? ScaleUnit { get; set; }
    public string? Park { get; set; }
    public string? LicenceNumber { get; set; }
    public string? PvStation { get; set; }
    public decimal? PvShareKw { get; set; }
    public string? Collective { get; set; }
    public AssetShareForm? ShareForm { get; set; }
    public decimal? AnnualIncome { get; set; }
}

/// <summary>
/// Channel 4: a skills-training record of a member. Training prepares for work and is reported under its
/// channel, but by itself never satisfies the goal, so the status rules do not read it.
/// </summary>
public class Training : Measure
{
    public int MemberId { get; set; }
    public Member? Member { get; set; }
    public required string Course { get; set; }
    public string? Provider { get; set; }
    public int? Hours { get; set; }
    public string? Certificate { get; set; }
}

/// <summary>Channel 8: safety-net coverage; by itself it never satisfies the goal.</summary>
public class SafetyNetCoverage : Measure
{
    public int? MemberId { get; set; }
    public CoverageKind Kind { get; set; }
    public decimal? MonthlyAmount { get; set; }
}

/// <summary>Append-only record of a change to household data (who, when, what before and after, source).</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string User { get; set; }
    public required string Source { get; set; }
    public int HouseholdId { get; set; }
    public required string Entity { get; set; }
    public int EntityId { get; set; }

    /// <summary>Whom or what the row is about in words (a member's name, an industry's type), as it was when written.</summary>
    public string? Subject { get; set; }
    public required string Action { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}

/// <summary>A policy number of the plan, stored and editable; the clause says where it comes from.</summary>
public class PolicySetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public required string Label { get; set; }
    public required string Clause { get; set; }
}

/// <summary>History of a policy setting: every change with who made it, when, and why.</summary>
public class PolicySettingChange
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public required string OldValue { get; set; }
    public required string NewValue { get; set; }
    public required string User { get; set; }
    public DateTime At { get; set; }
    public string? Reason { get; set; }
}
