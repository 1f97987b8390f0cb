using Bunit;
using ReliefDashboard.Components.Layout;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Accounts;

public class NavMenuTests : DashboardTestContext
{
    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Supervisor, false)]
    [InlineData(Roles.LeadingGroup, false)]
    [InlineData(Roles.TownStaff, false)]
    [InlineData(Roles.Department, false)]
    public void TheAdministrationMenu_IsShownToAdministratorsOnly(string role, bool shown)
    {
        ActAs(new UserScope("u", "某人", role, role == Roles.TownStaff ? Seeded.TownA : null, role == Roles.Department ? "区人社局" : null));
        var cut = Render<NavMenu>();
        Assert.Equal(shown, cut.Markup.Contains("用户管理"));
        Assert.Contains("搬迁户台账", cut.Markup);
    }

    [Fact]
    public void TheUsersPage_ShowsNoAccountsToANonAdministrator_EvenIfRenderedDirectly()
    {
        ActAs(Seeded.StaffA);
        var cut = Render<Admin.UsersPage>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("tr[data-user]")));
    }
}
