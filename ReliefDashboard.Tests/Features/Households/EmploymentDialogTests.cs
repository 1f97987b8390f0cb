using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Households;

public class EmploymentDialogTests : DashboardTestContext
{
    private async Task<(IRenderedComponent<MudDialogProvider> Provider, EmploymentInput Input)> OpenAsync(int version)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        await using var db = Database.CreateDbContext();
        var members = await db.Members.Where(m => m.HouseholdId == Seeded.NoMeasure).ToListAsync();
        var input = new EmploymentInput
        {
            HouseholdId = Seeded.NoMeasure,
            Version = version,
            MemberId = members[0].Id,
            Channel = Channel.IndustrialParkJob,
            Employer = "宏远服饰有限公司",
            Park = "东川工业园区",
            ContractMonths = 12,
            MonthlyPay = 2600,
            StartDate = SmallDistrict.Today.AddDays(-1).ToDateTime(TimeOnly.MinValue),
        };
        var parameters = new DialogParameters { { "Input", input }, { "Members", members } };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<EmploymentDialog>("新增就业", parameters));
        return (provider, input);
    }

    [Fact]
    public async Task AStaleVersion_ShowsTheConflict_KeepsWhatWasTyped_AndWritesNothing()
    {
        var (provider, input) = await OpenAsync(version: 0);
        await using (var db = Database.CreateDbContext())
        {
            // Someone else saved this household after the dialog was opened.
            await db.Households.Where(h => h.Id == Seeded.NoMeasure).ExecuteUpdateAsync(s => s.SetProperty(h => h.Version, 3));
        }

        provider.Find("[data-testid=save]").Click();

        provider.WaitForAssertion(() => Assert.Contains("此户数据已被他人修改", provider.Find("[data-testid=save-conflict]").TextContent));
        Assert.Equal("宏远服饰有限公司", provider.Find("input[data-testid=employment-employer]").GetAttribute("value"));
        Assert.Equal(3, input.Version);
        await using var check = Database.CreateDbContext();
        Assert.Equal(0, await check.Employments.CountAsync(e => e.HouseholdId == Seeded.NoMeasure));
    }

    [Fact]
    public async Task ANegativeWage_IsShownInChinese_AndNothingIsSaved()
    {
        var (provider, _) = await OpenAsync(version: 0);
        provider.Find("input[data-testid=employment-pay]").Change("-5");

        provider.Find("[data-testid=save]").Click();

        provider.WaitForAssertion(() => Assert.Contains("月工资不能为负数", provider.Markup));
        await using var check = Database.CreateDbContext();
        Assert.Equal(0, await check.Employments.CountAsync(e => e.HouseholdId == Seeded.NoMeasure));
    }
}
