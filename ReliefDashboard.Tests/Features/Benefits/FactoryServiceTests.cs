using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Benefits;

public sealed class FactoryServiceTests : ServiceTestBase
{
    private FactoryInput Factory(int workforce, int relocated, bool deposit = true) => new()
    {
        TownId = Seeded.TownA,
        SiteId = Seeded.SiteA,
        Name = "服装加工社区工厂",
        Operator = "延川恒信服装加工有限公司",
        RentedAreaSqm = 10_000,
        MonthlyRent = 6000,
        Workforce = workforce,
        RelocatedWorkers = relocated,
        DepositPaid = deposit,
        DepositPaidOn = deposit ? new DateTime(2025, 3, 1) : null,
        OpenedOn = new DateTime(2025, 3, 1),
    };

    [Fact]
    public async Task AFactory_IsListedWithItsRentHalvingComputed_At40PercentRelocatedWorkers()
    {
        var service = As<FactoryService>(Seeded.StaffA);
        Assert.True((await service.SaveAsync(Factory(1000, 399))).Ok);

        var row = Assert.Single((await service.ListAsync()).Rows);
        Assert.False(row.Eligibility.Eligible);
        Assert.Equal(39.9m, row.Eligibility.RelocatedPercent);

        var input = Factory(1000, 400);
        (input.Id, input.Version) = (row.Factory.Id, row.Factory.Version);
        Assert.True((await service.SaveAsync(input)).Ok);
        row = Assert.Single((await service.ListAsync()).Rows);
        Assert.True(row.Eligibility.Eligible);
        Assert.Contains("搬迁群众占用工40.0%，达到40%", row.Eligibility.Explanation);
        Assert.True(row.CanEdit);
    }

    [Fact]
    public async Task AStaleEdit_IsToldOfTheConflict_AndOverwritesNothing()
    {
        var service = As<FactoryService>(Seeded.StaffA);
        await service.SaveAsync(Factory(100, 50));
        var saved = Assert.Single((await service.ListAsync()).Rows).Factory;
        var first = Factory(100, 60);
        var second = Factory(100, 10);
        (first.Id, first.Version, second.Id, second.Version) = (saved.Id, saved.Version, saved.Id, saved.Version);

        Assert.True((await service.SaveAsync(first)).Ok);
        var conflict = await service.SaveAsync(second);

        Assert.Equal(SaveOutcome.Conflict, conflict.Outcome);
        Assert.Contains("青石镇 王干事", conflict.Errors[0]);
        Assert.Equal(60, Assert.Single((await service.ListAsync()).Rows).Factory.RelocatedWorkers);
    }

    [Fact]
    public async Task BadInput_AndAnotherTownsStaff_AreRefused_AndWriteNothing()
    {
        var invalid = await As<FactoryService>(Seeded.StaffA).SaveAsync(Factory(10, 11));
        Assert.Equal("聘用搬迁群众人数不能多于总用工人数", Assert.Single(invalid.Errors));

        var forbidden = await As<FactoryService>(Seeded.StaffB).SaveAsync(Factory(10, 5));
        Assert.Equal(SaveOutcome.Forbidden, forbidden.Outcome);

        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Factories.CountAsync());
        Assert.Contains(await db.Activity.ToListAsync(), a => a.Target.Contains("登记社区工厂"));
    }
}
