using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ReliefDashboard.Data;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class AccountsTests(AppFixture app)
{
    [Theory]
    [InlineData("households")]
    [InlineData("households/1")]
    [InlineData("admin/users")]
    [InlineData("settings/policy")]
    public async Task AnonymousRequests_GetTheLoginPage(string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var response = await http.GetAsync(app.BaseUrl + path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }

    private async Task<(int Own, int Other)> HouseholdIdsAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ReliefDbContext>>().CreateDbContextAsync();
        var qingshi = await db.Towns.Where(t => t.Name == "青石镇").Select(t => t.Id).SingleAsync();
        var own = await db.Households.Where(h => h.TownId == qingshi).OrderByDescending(h => h.Id).Select(h => h.Id).FirstAsync();
        var other = await db.Households.Where(h => h.TownId != qingshi).OrderByDescending(h => h.Id).Select(h => h.Id).FirstAsync();
        return (own, other);
    }

    [Fact]
    public async Task TownStaff_EditTheirTown_AreRefusedAnother_AndSignOut()
    {
        var (own, other) = await HouseholdIdsAsync();
        var page = await app.SignedInPageAsync("demo.qingshi");
        await Assertions.Expect(page.Locator("[data-testid=signed-in-as]")).ToContainTextAsync("青石镇");

        await page.OpenAsync("households");
        Assert.All(await page.Locator("tr[data-household] td:nth-child(4)").AllTextContentsAsync(), t => Assert.Equal("青石镇", t.Trim()));

        await page.OpenAsync($"households/{own}");
        await page.Locator("[data-testid=edit-household]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("迁出村").FillAsync("青石核实村");
        await dialog.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=history]")).ToContainTextAsync("演示·青石镇干部");

        await page.OpenAsync($"households/{other}");
        await Assertions.Expect(page.Locator("[data-testid=no-access]")).ToContainTextAsync("无权访问");
        await Assertions.Expect(page.Locator("[data-testid=edit-household]")).ToHaveCountAsync(0);

        await page.Locator("[data-testid=logout]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=signed-out]")).ToContainTextAsync("您已安全退出");
        await page.GotoAsync($"households/{own}");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("account/login"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WrongPasswords_HoldTheNameOffFromThatAddress_AndAnAdministratorLiftsTheHold()
    {
        var page = await app.NewPageAsync();
        for (var i = 0; i < 5; i++)
        {
            await page.SignInAsync("demo.leader", "not-the-password");
        }
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("登录失败次数过多");
        await page.SignInAsync("demo.leader", AppFixture.DemoPassword);
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("登录失败次数过多");

        var admin = await app.SignedInPageAsync("demo.admin");
        await admin.OpenAsync("admin/users");
        var row = admin.Locator("tr[data-user='demo.leader']");
        await Assertions.Expect(row.Locator("[data-testid=user-state]")).ToContainTextAsync("已锁定");
        await row.Locator("[data-testid=unlock]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=user-state]")).ToContainTextAsync("正常");

        await page.SignInAsync("demo.leader", AppFixture.DemoPassword);
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=signed-in-as]")).ToContainTextAsync("领导小组");
        await page.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Theory]
    [InlineData("demo.supervisor", "admin/users")]
    [InlineData("demo.mayuan", "admin/towns")]
    [InlineData("demo.qingshi", "admin/activity")]
    public async Task NonAdministrators_AreRefusedTheAdminPages(string user, string path)
    {
        var page = await app.SignedInPageAsync(user);
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("[data-testid=no-access]")).ToContainTextAsync("无权");
        await Assertions.Expect(page.Locator("[data-testid=users]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    /// <remarks>demo.renshe is used by this test alone, since it ends with another password.</remarks>
    [Fact]
    public async Task AUserChangesTheirPassword_AndSignsInWithTheNewOne()
    {
        var page = await app.SignedInPageAsync("demo.renshe");
        await page.GotoAsync("account/password");
        await page.Locator("#current").FillAsync(AppFixture.DemoPassword);
        await page.Locator("#new").FillAsync("Renshe2027x");
        await page.Locator("#confirm").FillAsync("Renshe2027x");
        await page.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=password-changed]")).ToContainTextAsync("密码已修改");

        await page.OpenAsync("households");
        await page.Locator("[data-testid=logout]").ClickAsync();
        await page.SignInAsync("demo.renshe", AppFixture.DemoPassword);
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("用户名或密码错误");
        await page.SignInAsync("demo.renshe", "Renshe2027x");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=signed-in-as]")).ToContainTextAsync("区人社局");
        await page.Context.CloseAsync();
    }
}
