using Bunit;
using Microsoft.AspNetCore.Components;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Households;

public class RegistryPageTests : DashboardTestContext
{
    private IRenderedComponent<RegistryPage> Open(string url)
    {
        ActAs(new Domain.UserScope("sup", "督查 张", Domain.Roles.Supervisor, null, null));
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        Render<MudBlazor.MudPopoverProvider>();
        return Render<RegistryPage>();
    }

    [Fact]
    public void Lists_EveryHousehold_WithCountsPerStatus_AndMaskedIds()
    {
        var cut = Open("households");
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("tr[data-household]").Count));

        Assert.Equal("4", cut.Find("[data-testid=total]").TextContent);
        Assert.Contains("2", cut.Find("[data-testid=status-counts] [data-status=NoMeasure]").TextContent);
        Assert.Contains("1", cut.Find("[data-testid=status-counts] [data-status=Met]").TextContent);
        var fullId = Ids.Make(new DateOnly(1970, 1, 1), Sex.Male, 1);
        Assert.DoesNotContain(fullId, cut.Markup);
        Assert.Contains(IdNumber.Mask(fullId), cut.Markup);
        Assert.Equal("达标", cut.Find("tr[data-household='610623001000001'] .status-chip").TextContent.Trim());
    }

    [Fact]
    public void Filters_FromTheUrl_AreApplied()
    {
        var cut = Open($"households?town={Seeded.TownA}&status=NoMeasure");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr[data-household]")));
        Assert.Contains("李志强", cut.Find("tr[data-household]").TextContent);
        Assert.Equal("1", cut.Find("[data-testid=total]").TextContent);
    }

    [Fact]
    public void ClickingAStatusCount_PutsTheFilterInTheUrl()
    {
        var cut = Open("households");
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("tr[data-household]").Count));
        cut.Find("[data-testid=status-counts] [data-status=SafetyNet]").Click();
        // The click's handler is awaited by the renderer: the address changes once it has run.
        cut.WaitForAssertion(() => Assert.EndsWith("households?status=SafetyNet", Services.GetRequiredService<NavigationManager>().Uri));
    }

    [Fact]
    public void ClickingAColumnHeader_SortsAndThenReversesTheSort()
    {
        var cut = Open("households");
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("tr[data-household]").Count));
        var nav = Services.GetRequiredService<NavigationManager>();
        cut.Find("[data-sort=head]").Click();
        Assert.EndsWith("households?sort=head", nav.Uri);
        string[] heads = ["王建军", "李志强", "张秀英", "高海龙"];
        cut.WaitForAssertion(() => Assert.Contains(heads.Min(StringComparer.Ordinal)!, cut.FindAll("tr[data-household]")[0].TextContent));
        cut.Find("[data-sort=head]").Click();
        Assert.EndsWith("households?sort=head&desc=true", nav.Uri);
        cut.WaitForAssertion(() => Assert.Contains(heads.Max(StringComparer.Ordinal)!, cut.FindAll("tr[data-household]")[0].TextContent));
    }

    [Theory]
    [InlineData("households?town=abc&page=-5&size=99999")]
    [InlineData("households?status=Bogus&channel=99&desc=maybe&sort=nothing")]
    public void AMangledLink_ShowsTheUnfilteredList_NotAnError(string url)
    {
        var cut = Open(url);
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("tr[data-household]").Count));
    }

    [Fact]
    public void TownStaff_SeeOnlyTheirTown_EvenWhenTheUrlAsksForAnother()
    {
        ActAs(Seeded.StaffA);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"households?town={Seeded.TownB}");
        var cut = Render<RegistryPage>();
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=total]").TextContent));

        Services.GetRequiredService<NavigationManager>().NavigateTo("households");
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tr[data-household]").Count));
        Assert.DoesNotContain("高海龙", cut.Markup);
        Assert.DoesNotContain("麻塬镇", cut.Markup);
    }
}
