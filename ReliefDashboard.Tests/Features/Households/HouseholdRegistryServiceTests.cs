using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Jobs;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Households;

public sealed class HouseholdRegistryServiceTests : ServiceTestBase
{
    private Task<RegistryResult> Search(RegistryQuery q) => As<HouseholdRegistryService>().SearchAsync(q);

    [Fact]
    public async Task CountsPerStatus_IgnoreTheStatusFilter_ButHonourTheOthers()
    {
        var result = await Search(new RegistryQuery { TownId = Seeded.TownA, Status = HouseholdStatus.NoMeasure });
        Assert.Equal(1, result.Total);
        Assert.Equal("李志强", Assert.Single(result.Rows).HeadName);
        Assert.Equal(1, result.StatusCounts[HouseholdStatus.Met]);
        Assert.Equal(1, result.StatusCounts[HouseholdStatus.NoMeasure]);
        Assert.Equal(1, result.StatusCounts[HouseholdStatus.SafetyNet]);
        Assert.Equal(3, result.StatusCounts.Values.Sum());
    }

    [Theory]
    [InlineData(RegistryGap.Unmet, new[] { "李志强", "高海龙" })]
    [InlineData(RegistryGap.IdleLabour, new[] { "李志强", "高海龙" })]
    [InlineData(RegistryGap.NoLocalJob, new[] { "李志强", "高海龙" })]
    public async Task Gaps_ListTheHouseholdsThatKeepARateBelowItsGoal(RegistryGap gap, string[] heads) =>
        Assert.Equal(heads, (await Search(new RegistryQuery { Gap = gap })).Rows.Select(r => r.HeadName).Order(StringComparer.Ordinal));

    [Fact]
    public async Task AJobOutsideTheDistrict_EmploysTheLabourer_ButIsNoLocalJob()
    {
        await using (var db = Database.Seed())
        {
            var job = await db.Employments.SingleAsync(e => e.HouseholdId == Seeded.Met);
            job.Location = WorkLocation.OutsideProvince;
            await db.SaveChangesAsync();
        }
        await Services.GetRequiredService<StatusRefreshService>().RefreshAsync(SmallDistrict.Today, default, all: true);

        Assert.DoesNotContain("王建军", (await Search(new RegistryQuery { Gap = RegistryGap.IdleLabour })).Rows.Select(r => r.HeadName));
        Assert.Contains("王建军", (await Search(new RegistryQuery { Gap = RegistryGap.NoLocalJob })).Rows.Select(r => r.HeadName));
    }

    [Fact]
    public async Task HeadIdNumber_IsMasked()
    {
        var row = Assert.Single((await Search(new RegistryQuery { Search = "王建军" })).Rows);
        Assert.Matches(@"^6106\*{10}\d{3}[\dX]$", row.HeadIdMasked);
    }

    [Theory]
    [InlineData("610623009", "高海龙")]
    [InlineData("海龙", "高海龙")]
    public async Task Search_FindsByCodeOrName(string text, string head) =>
        Assert.Equal(head, Assert.Single((await Search(new RegistryQuery { Search = text })).Rows).HeadName);

    [Fact]
    public async Task Search_FindsByIdNumber()
    {
        var id = Ids.Make(new DateOnly(1970, 1, 1), Sex.Male, 3);
        Assert.Equal("张秀英", Assert.Single((await Search(new RegistryQuery { Search = id[^8..] })).Rows).HeadName);
    }

    [Fact]
    public async Task ChannelAndLabourFilters_AreApplied()
    {
        Assert.Equal("王建军", Assert.Single((await Search(new RegistryQuery { Channel = Channel.IndustrialParkJob })).Rows).HeadName);
        Assert.Equal("张秀英", Assert.Single((await Search(new RegistryQuery { Channel = Channel.SafetyNet })).Rows).HeadName);
        Assert.Equal("张秀英", Assert.Single((await Search(new RegistryQuery { HasLabour = false })).Rows).HeadName);
        Assert.Empty((await Search(new RegistryQuery { Channel = Channel.Photovoltaic })).Rows);
    }

    [Fact]
    public async Task SortingAndPaging_AreDoneBeforeTheRowsComeBack()
    {
        var byHeadDesc = await Search(new RegistryQuery { Sort = RegistrySort.Head, Descending = true, PageSize = 5 });
        string[] heads = ["王建军", "李志强", "张秀英", "高海龙"];
        Assert.Equal(heads.OrderByDescending(h => h, StringComparer.Ordinal).ToArray(), byHeadDesc.Rows.Select(r => r.HeadName).ToArray());
        var byStatus = await Search(new RegistryQuery { Sort = RegistrySort.Status, Descending = true });
        Assert.Equal(HouseholdStatus.SafetyNet, byStatus.Rows[0].Status);
        Assert.Equal(HouseholdStatus.NoMeasure, byStatus.Rows[^1].Status);
        var page2 = await Search(new RegistryQuery { Sort = RegistrySort.Code, PageSize = 5, Page = 1 });
        Assert.Equal(["610623001000001", "610623001000002", "610623001000003", "610623009000001"], page2.Rows.Select(r => r.Code).ToArray());
        var empty = await Search(new RegistryQuery { Page = 2, PageSize = 5 });
        Assert.Empty(empty.Rows);
        Assert.Equal(4, empty.Total);
    }
}
