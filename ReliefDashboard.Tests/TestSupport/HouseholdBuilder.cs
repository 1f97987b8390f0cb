using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.TestSupport;

/// <summary>Builds households in memory for the status rules, with a labourer by default.</summary>
public sealed class HouseholdBuilder
{
    private static int nextId = 1;
    private readonly Household household;

    public HouseholdBuilder(DateOnly today, bool withLabour = true)
    {
        household = new Household
        {
            Id = nextId++,
            Code = "T",
            HeadName = "王建军",
            OriginVillage = "李家沟村",
            RelocationYear = 2018,
            LastVerifiedOn = today.AddDays(-10),
        };
        household.Members.Add(new Member
        {
            Id = 1,
            Name = "王建军",
            IdNumber = Ids.Make(new DateOnly(1970, 1, 1), Sex.Male),
            BirthDate = new DateOnly(1970, 1, 1),
            Sex = Sex.Male,
            Relation = Relation.Head,
            LabourCapacity = withLabour ? LabourCapacity.Full : LabourCapacity.None,
        });
    }

    public Member Head => household.Members[0];

    public HouseholdBuilder Verified(DateOnly? on)
    {
        household.LastVerifiedOn = on;
        return this;
    }

    public HouseholdBuilder Job(DateOnly start, DateOnly? end = null, int? contractMonths = null, Channel channel = Channel.IndustrialParkJob)
    {
        household.Employments.Add(new Employment
        {
            Id = household.Employments.Count + 1,
            Channel = channel,
            Employer = "新动能电子科技有限公司",
            MemberId = 1,
            Member = Head,
            StartDate = start,
            EndDate = end,
            ContractMonths = contractMonths,
            MonthlyPay = 3000,
        });
        return this;
    }

    public HouseholdBuilder Industry(DateOnly start, DateOnly? end = null, Channel channel = Channel.AgriculturalIndustry, decimal? income = 8000)
    {
        household.Industries.Add(new Industry
        {
            Id = household.Industries.Count + 1,
            Channel = channel,
            Type = "山地苹果",
            StartDate = start,
            EndDate = end,
            AnnualIncome = income,
        });
        return this;
    }

    public HouseholdBuilder Coverage(DateOnly start, CoverageKind kind = CoverageKind.Dibao)
    {
        household.Coverages.Add(new SafetyNetCoverage { Id = household.Coverages.Count + 1, Channel = Channel.SafetyNet, Kind = kind, StartDate = start });
        return this;
    }

    public Household Build() => household;

    /// <summary>The household with every id cleared, for the database to number.</summary>
    public Household BuildForInsert()
    {
        household.Id = 0;
        household.Members.ForEach(m => m.Id = 0);
        household.Employments.ForEach(e => e.Id = 0);
        household.Industries.ForEach(i => i.Id = 0);
        household.Coverages.ForEach(c => c.Id = 0);
        return household;
    }
}
