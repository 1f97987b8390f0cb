using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Supervision;

public class FlagsPageTests : DashboardTestContext
{
    private static readonly UserScope Supervisor = new("sup", "督查 赵", Roles.Supervisor, null, null);

    private async Task<int> RaiseAsync(int town, DateOnly deadline)
    {
        ActAs(Supervisor);
        var result = await Services.CreateScope().ServiceProvider.GetRequiredService<FlagService>().RaiseAsync(
            new FlagInput(town, null, "无措施户未清零", IndicatorKind.NoMeasure, "限期清零", deadline, FlagSeverity.Urgent, []));
        return result.FlagId!.Value;
    }

    private IRenderedComponent<FlagsPage> Open(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("flags" + query);
        return Render<FlagsPage>();
    }

    [Fact]
    public async Task TheOverdueView_ListsFlagsPastTheirDeadline_ForTheTownItsStaffSee()
    {
        var late = await RaiseAsync(Seeded.TownA, SmallDistrict.Today);
        await RaiseAsync(Seeded.TownA, SmallDistrict.Today.AddDays(5));
        await RaiseAsync(Seeded.TownB, SmallDistrict.Today);
        Clock.Today = SmallDistrict.Today.AddDays(1);
        ActAs(Seeded.StaffA);

        var cut = Open("?view=Overdue");

        cut.WaitForAssertion(() => Assert.Equal([late.ToString()], cut.FindAll("tr[data-flag]").Select(r => r.GetAttribute("data-flag"))));
        Assert.Contains("逾期1天", cut.Find($"tr[data-flag='{late}']").TextContent);
        Assert.Contains("逾期", cut.Find("[data-testid=flag-overdue]").TextContent);
    }

    [Theory]
    [InlineData("?view=nonsense&state=bogus")]
    [InlineData("?state=99&town=abc")]
    public async Task NonsenseInTheAddress_ShowsTheListUnfiltered_NotAnErrorPage(string query)
    {
        await RaiseAsync(Seeded.TownA, SmallDistrict.Today.AddDays(3));

        var cut = Open(query);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr[data-flag]")));
    }
}

public class RaiseFlagDialogTests : DashboardTestContext
{
    [Fact]
    public async Task ASuggestionsHouseholds_AreWrittenIntoTheBoxAsCodes_AndTheDeadlineLabelIsPlain()
    {
        ActAs(new UserScope("sup", "督查 赵", Roles.Supervisor, null, null));
        var provider = Render<MudBlazor.MudDialogProvider>();
        Render<MudBlazor.MudPopoverProvider>();
        var dialogs = Services.GetRequiredService<MudBlazor.IDialogService>();

        await provider.InvokeAsync(() => dialogs.ShowAsync<RaiseFlagDialog>("下发督办", new MudBlazor.DialogParameters
        {
            ["TownId"] = Seeded.TownA,
            ["Reason"] = "无措施户超期",
            ["RequiredAction"] = "限期清零",
            ["HouseholdIds"] = (IReadOnlyList<int>)[Seeded.NoMeasure, Seeded.Met],
        }));

        string Box() => provider.Find("[data-testid=raise-households]") is var b ? b.TextContent + b.GetAttribute("value") : "";
        provider.WaitForAssertion(() => Assert.Contains("610623001000001", Box()));
        var box = provider.Find("[data-testid=raise-households]");
        Assert.Contains("610623001000002", box.TextContent + box.GetAttribute("value"));
        Assert.Contains("已按督办建议填入 2 户", provider.Find("[data-testid=raise-households-note]").TextContent);
        Assert.DoesNotContain("yyyy", provider.Markup);
        Assert.Contains("整改期限", provider.Markup);
    }
}
