using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Households;

/// <summary>Fills an edit form from a stored record; the version is the household's, as the user saw it.</summary>
public static class InputMapping
{
    private static DateTime? D(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue);

    public static HouseholdInput ToInput(this Household h) => new()
    {
        HouseholdId = h.Id,
        Version = h.Version,
        SiteId = h.SiteId,
        OriginVillage = h.OriginVillage,
        RelocationYear = h.RelocationYear,
        Phone = h.Phone,
        IsRegisteredPoor = h.IsRegisteredPoor,
        IsCoRelocated = h.IsCoRelocated,
        IsThreeNo = h.IsThreeNo,
        LastVerifiedOn = D(h.LastVerifiedOn),
    };

    public static MemberInput ToInput(this Member m, Household h) => new()
    {
        HouseholdId = h.Id,
        Version = h.Version,
        Id = m.Id,
        Name = m.Name,
        IdNumber = m.IdNumber,
        BirthDate = D(m.BirthDate),
        Sex = m.Sex,
        Relation = m.Relation,
        LabourCapacity = m.LabourCapacity,
        Education = m.Education,
        IsUnemployedGraduate = m.IsUnemployedGraduate,
        Disability = m.Disability,
    };

    public static EmploymentInput ToInput(this Employment e, Household h) => new()
    {
        HouseholdId = h.Id,
        Version = h.Version,
        Id = e.Id,
        MemberId = e.MemberId,
        Channel = e.Channel,
        Employer = e.Employer,
        Park = e.Park,
        Location = e.Location,
        ContractMonths = e.ContractMonths,
        HasSocialInsurance = e.HasSocialInsurance,
        MonthlyPay = e.MonthlyPay,
        PostType = e.PostType,
        StartDate = D(e.StartDate),
        EndDate = D(e.EndDate),
    };

    public static IndustryInput ToInput(this Industry i, Household h) => new()
    {
        HouseholdId = h.Id,
        Version = h.Version,
        Id = i.Id,
        Channel = i.Channel,
        Type = i.Type,
        Scale = i.Scale,
        ScaleUnit = i.ScaleUnit,
        Park = i.Park,
        LicenceNumber = i.LicenceNumber,
        PvStation = i.PvStation,
        PvShareKw = i.PvShareKw,
        Collective = i.Collective,
        ShareForm = i.ShareForm,
        AnnualIncome = i.AnnualIncome,
        StartDate = D(i.StartDate),
        EndDate = D(i.EndDate),
    };

    public static CoverageInput ToInput(this SafetyNetCoverage c, Household h) => new()
    {
        HouseholdId = h.Id,
        Version = h.Version,
        Id = c.Id,
        MemberId = c.MemberId,
        Kind = c.Kind,
        MonthlyAmount = c.MonthlyAmount,
        StartDate = D(c.StartDate),
        EndDate = D(c.EndDate),
    };

    public static TrainingInput ToInput(this Training t, Household h) => new()
    {
        HouseholdId = h.Id,
        Version = h.Version,
        Id = t.Id,
        MemberId = t.MemberId,
        Course = t.Course,
        Provider = t.Provider,
        Hours = t.Hours,
        Certificate = t.Certificate,
        StartDate = D(t.StartDate),
        EndDate = D(t.EndDate),
    };

    public static EndInput ToEndInput(this Measure m, Household h, DateOnly today) => new()
    {
        HouseholdId = h.Id,
        Version = h.Version,
        Id = m.Id,
        StartDate = D(m.StartDate),
        EndDate = D(today < m.StartDate ? m.StartDate : today),
    };
}
