using ReliefDashboard.TestSupport;

namespace ReliefDashboard.Domain;

public class HouseholdFiguresTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public void AMemberWithTwoJobs_IsOneWorker_CountedWhereTheNewerJobIs()
    {
        var h = new HouseholdBuilder(Today)
            .Job(Today.AddMonths(-10), contractMonths: 12)
            .Job(Today.AddMonths(-1), channel: Channel.TrainingAndLabourExport)
            .Build();
        h.Employments[1].Location = WorkLocation.InsideProvince;

        var f = HouseholdFigures.Compute(h, Today, StatusPolicy.Default);

        Assert.Equal((1, 1, 0), (f.LabourMembers, f.EmployedLabourMembers, f.LocalLabourMembers));
        Assert.Equal((0, 1, 0), (f.WorkersInDistrict, f.WorkersInProvince, f.WorkersOutsideProvince));
        Assert.Equal(HouseholdStatusUpdater.Bit(Channel.IndustrialParkJob) | HouseholdStatusUpdater.Bit(Channel.TrainingAndLabourExport), f.EmploymentMask);
    }

    [Fact]
    public void WeakLabour_CountsAsLabour_OnlyWhenTheSettingSaysSo()
    {
        var h = new HouseholdBuilder(Today).Build();
        h.Members[0].LabourCapacity = LabourCapacity.Weak;

        Assert.Equal(1, HouseholdFigures.Compute(h, Today, StatusPolicy.Default).LabourMembers);
        Assert.Equal(0, HouseholdFigures.Compute(h, Today, StatusPolicy.Default with { WeakLabourCountsAsLabour = false }).LabourMembers);
    }

    [Fact]
    public void EndedJobsAndIndustries_NoLongerCount()
    {
        var h = new HouseholdBuilder(Today)
            .Job(Today.AddYears(-2), end: Today.AddDays(-1))
            .Industry(Today.AddYears(-1), end: Today.AddDays(-5))
            .Build();

        var f = HouseholdFigures.Compute(h, Today, StatusPolicy.Default);

        Assert.Equal((0, 0, 0, 0), (f.EmployedLabourMembers, f.WorkersInDistrict, f.IndustryMask, f.EmploymentMask));
    }
}
