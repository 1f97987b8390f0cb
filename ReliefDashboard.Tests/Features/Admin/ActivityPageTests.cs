using Bunit;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Admin;

public class ActivityPageTests : DashboardTestContext
{
    [Fact]
    public void AnEmptySecurityLog_SaysSo_InsteadOfShowingOnlyItsHeader()
    {
        ActAs(new UserScope("admin", "管理员", Roles.Admin, null, null));
        Render<MudBlazor.MudPopoverProvider>();

        var cut = Render<ActivityPage>();

        cut.WaitForAssertion(() => Assert.Contains("暂无安全日志记录", cut.Find("[data-testid=activity-empty]").TextContent));
    }
}
