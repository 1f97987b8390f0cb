using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Households;

public sealed class HouseholdInput : HouseholdEditInput
{
    public int SiteId { get; set; }
    public string OriginVillage { get; set; } = "";
    public int RelocationYear { get; set; }
    public string? Phone { get; set; }
    public bool IsRegisteredPoor { get; set; }
    public bool IsCoRelocated { get; set; }
    public bool IsThreeNo { get; set; }
    public DateTime? LastVerifiedOn { get; set; }

    /// <summary>The phone was not revealed in the form (it shows masked): the stored one is kept.</summary>
    public bool KeepPhone { get; set; }
}

public sealed class MemberInput : HouseholdEditInput
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string IdNumber { get; set; } = "";
    public DateTime? BirthDate { get; set; }
    public Sex? Sex { get; set; }
    public Relation Relation { get; set; } = Relation.Child;
    public LabourCapacity LabourCapacity { get; set; }
    public Education Education { get; set; } = Education.JuniorHigh;
    public bool IsUnemployedGraduate { get; set; }
    public Disability Disability { get; set; }

    /// <summary>
    /// The ID number and birth date were not revealed in the form (they show masked, the date as its year): the
    /// stored ones are kept. Only an existing member's form starts this way.
    /// </summary>
    public bool KeepIdentity { get; set; }
}

/// <summary>Ends a member (left the household) or a measure (job ended, industry stopped, coverage stopped).</summary>
public sealed class EndInput : HouseholdEditInput
{
    public int Id { get; set; }
    public DateTime? EndDate { get; set; }
    public DateTime? StartDate { get; set; }
    public MemberEndReason? Reason { get; set; }
}

public sealed class EmploymentInput : HouseholdEditInput
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public Channel Channel { get; set; } = Channel.IndustrialParkJob;
    public string Employer { get; set; } = "";
    public string? Park { get; set; }
    public WorkLocation Location { get; set; }
    public int? ContractMonths { get; set; }
    public bool HasSocialInsurance { get; set; }
    public decimal MonthlyPay { get; set; }
    public string? PostType { get; set; }
    public DateTime? StartDate { get; set; }
    public DateTime? EndDate { get; set; }
}

public sealed class IndustryInput : HouseholdEditInput
{
    public int Id { get; set; }
    public Channel Channel { get; set; } = Channel.AgriculturalIndustry;
    public string Type { get; set; } = "";
    public decimal? Scale { get; set; }
    public string? ScaleUnit { get; set; }
    public string? Park { get; set; }
    public string? LicenceNumber { get; set; }
    public string? PvStation { get; set; }
    public decimal? PvShareKw { get; set; }
    public string? Collective { get; set; }
    public AssetShareForm? ShareForm { get; set; }
    public decimal? AnnualIncome { get; set; }
    public DateTime? StartDate { get; set; }
    public DateTime? EndDate { get; set; }
}

public sealed class CoverageInput : HouseholdEditInput
{
    public int Id { get; set; }
    public int? MemberId { get; set; }
    public CoverageKind Kind { get; set; }
    public decimal? MonthlyAmount { get; set; }
    public DateTime? StartDate { get; set; }
    public DateTime? EndDate { get; set; }
}

public sealed class TrainingInput : HouseholdEditInput
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public string Course { get; set; } = "";
    public string? Provider { get; set; }
    public int? Hours { get; set; }
    public string? Certificate { get; set; }
    public DateTime? StartDate { get; set; }
    public DateTime? EndDate { get; set; }
}
