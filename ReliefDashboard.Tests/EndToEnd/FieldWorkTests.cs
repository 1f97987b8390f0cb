using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.EndToEnd;

/// <summary>A town worker's day on a phone: the registry, a card, a visit, the worklist, a flag, the door card's QR code.</summary>
[Collection(EndToEndCollection.Name)]
public class FieldWorkTests(AppFixture app)
{
    private async Task<ReliefDbContext> DbAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<ReliefDbContext>>().CreateDbContextAsync();

    private async Task<int> QingshiAsync()
    {
        await using var db = await DbAsync();
        return await db.Towns.Where(t => t.Name == "青石镇").Select(t => t.Id).SingleAsync();
    }

    /// <summary>The page fits the phone: nothing scrolls sideways and the app bar stays one line.</summary>
    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var m = await page.EvaluateAsync<double[]>(
            "() => [document.documentElement.scrollWidth, innerWidth, document.querySelector('.mud-appbar').getBoundingClientRect().height]");
        var (scroll, width, bar) = (m[0], m[1], m[2]);
        Assert.True(scroll <= width, $"{what}: the page scrolls sideways ({scroll} px wide in a {width} px screen)");
        Assert.True(bar <= 64, $"{what}: the app bar is {bar} px tall");
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(360, 740)]
    public async Task OnAPhone_TheTownWorkersPages_FitTheScreen(int width, int height)
    {
        var page = await app.PhonePageAsync("demo.qingshi", width, height);
        var town = await QingshiAsync();
        int household;
        await using (var db = await DbAsync())
        {
            household = await db.Households.Where(h => h.TownId == town && h.Employments.Any() && h.Members.Count > 2).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
        }

        await page.OpenAsync("households");
        await Assertions.Expect(page.Locator("[data-testid=registry-cards] .registry-card").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=registry]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=signed-in-as]")).ToBeHiddenAsync();
        await AssertFitsAsync(page, "搬迁户台账");

        await page.OpenAsync($"households/{household}");
        await Assertions.Expect(page.Locator("[data-testid=card-visits]")).ToBeVisibleAsync();
        await AssertFitsAsync(page, "户卡片");
        // A dialog takes the whole screen.
        await page.Locator("[data-testid=edit-household]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToHaveCSSAsync("width", $"{width}px");
        await page.Keyboard.PressAsync("Escape");

        await page.OpenAsync($"households/{household}/visit");
        await Assertions.Expect(page.Locator("[data-testid=visit-save]")).ToBeVisibleAsync();
        var save = (await page.Locator("[data-testid=visit-save]").BoundingBoxAsync())!;
        Assert.True(save.Height >= 44, $"the save button is {save.Height} px tall");
        await AssertFitsAsync(page, "记录走访");

        await page.OpenAsync("todo");
        await Assertions.Expect(page.Locator("[data-testid=todo-item]").First).ToBeVisibleAsync();
        await AssertFitsAsync(page, "我的待办");

        // The account menu folds into one button and still signs out.
        await page.Locator("[data-testid=user-menu] summary").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=signed-in-as-phone]")).ToContainTextAsync("青石镇");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnAPhone_ATownAnswersAFlag_OnAPageThatFits()
    {
        // Raised for 麻塬镇 (other tests follow 青石镇's flags) from its scorecard, as a supervisor does.
        var supervisor = await app.SignedInPageAsync("demo.supervisor");
        int town;
        await using (var db = await DbAsync())
        {
            town = await db.Towns.Where(t => t.Name == "麻塬镇").Select(t => t.Id).SingleAsync();
        }
        await supervisor.OpenAsync($"scorecard/towns/{town}");
        await supervisor.Locator("[data-testid=raise-for-town]").ClickAsync();
        var dialog = supervisor.Locator(".mud-dialog");
        await dialog.Locator("textarea[data-testid=raise-reason]").FillAsync("麻塬镇超期未走访户较多");
        await dialog.Locator("textarea[data-testid=raise-action]").FillAsync("逐户入户走访核实，上传走访记录");
        await dialog.Locator("[data-testid=raise-save]").ClickAsync();
        await Assertions.Expect(supervisor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/flags/\d+$"));
        var flag = new Uri(supervisor.Url).AbsolutePath.TrimStart('/');
        await supervisor.Context.CloseAsync();

        foreach (var (width, height) in new[] { (390, 844), (360, 740) })
        {
            var page = await app.PhonePageAsync("demo.mayuan", width, height);
            await page.OpenAsync(flag);
            await Assertions.Expect(page.Locator("[data-testid=flag-state]")).ToBeVisibleAsync();
            await AssertFitsAsync(page, $"督办件（{width} px）");
            await page.OpenAsync("todo");
            await Assertions.Expect(page.Locator($"[data-testid=todo-item][href='{flag}']")).ToHaveCountAsync(1);
            await page.Context.CloseAsync();
        }
        var staff = await app.PhonePageAsync("demo.mayuan", 360, 740);
        await staff.OpenAsync(flag);
        await staff.Locator("[data-testid=acknowledge]").TapAsync();
        await Assertions.Expect(staff.Locator("[data-testid=flag-state]")).ToHaveTextAsync("整改中");
        await AssertFitsAsync(staff, "督办件·整改中");
        await staff.Context.CloseAsync();
    }

    [Fact]
    public async Task AVisitRecordedOnAPhone_TurnsAnUnvisitedHouseholdMet_AndTakesItOffTheWorklist()
    {
        var town = await QingshiAsync();
        int household;
        await using (var db = await DbAsync())
        {
            household = await db.Households.Where(h => h.TownId == town && h.StatusRule == "at-risk-unverified").OrderByDescending(h => h.Id).Select(h => h.Id).FirstAsync();
        }
        var page = await app.PhonePageAsync("demo.qingshi", 390, 844);
        await page.OpenAsync("todo");
        await page.Locator("[data-testid=todo-kind][data-kind=Unvisited]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid=todo-item][data-household='{household}']")).ToHaveCountAsync(1);

        await page.Locator($"[data-testid=todo-item][data-household='{household}']").ClickAsync();
        await page.WaitForURLAsync($"**/households/{household}/visit");
        await page.WaitForCircuitAsync();
        await page.Locator("input[data-testid=visit-met], [data-testid=visit-met] input").FillAsync("户主及配偶");
        await page.Locator("textarea[data-testid=visit-findings], [data-testid=visit-findings] textarea").First.FillAsync("两人均在家，务工收入稳定");
        await page.Locator("[data-testid=visit-save]").ClickAsync();

        await page.WaitForURLAsync($"**/households/{household}");
        await Assertions.Expect(page.Locator("[data-testid=status-explanation]")).ToContainTextAsync("达标");
        await Assertions.Expect(page.Locator("[data-testid=card-visits] .visit-row").First).ToContainTextAsync("两人均在家");

        await page.OpenAsync("todo");
        await page.Locator("[data-testid=todo-kind][data-kind=Unvisited]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid=todo-item][data-household='{household}']")).ToHaveCountAsync(0);
        await using (var db = await DbAsync())
        {
            Assert.Equal(HouseholdStatus.Met, await db.Households.Where(h => h.Id == household).Select(h => h.Status).SingleAsync());
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ADoorCardsCode_OpensTheCard_AfterSignInWhenScannedAnonymously()
    {
        var town = await QingshiAsync();
        int household;
        await using (var db = await DbAsync())
        {
            household = await db.Households.Where(h => h.TownId == town).OrderBy(h => h.Id).Select(h => h.Id).Skip(5).FirstAsync();
        }
        var staff = await app.SignedInPageAsync("demo.qingshi");
        await staff.OpenAsync($"households/{household}/doorcard");
        var url = await staff.Locator("[data-testid=door-card]").GetAttributeAsync("data-url");
        Assert.Equal($"{app.BaseUrl}households/{household}", url);
        Assert.Equal(1, await staff.Locator("[data-testid=door-qr] svg").CountAsync());
        await staff.Context.CloseAsync();

        // A scan on a phone that is not signed in: the login page, then the card.
        var scan = await app.NewPageAsync(new ViewportSize { Width = 390, Height = 844 }, phone: true);
        await scan.GotoAsync(url!);
        await scan.WaitForURLAsync("**/account/login**");
        await scan.Locator("#username").FillAsync("demo.qingshi");
        await scan.Locator("#password").FillAsync(AppFixture.DemoPassword);
        await scan.Locator("[data-testid=login]").ClickAsync();
        await scan.WaitForURLAsync($"**/households/{household}");
        await scan.WaitForCircuitAsync();
        await Assertions.Expect(scan.Locator("[data-testid=card-visits]")).ToBeVisibleAsync();
        await scan.Context.CloseAsync();
    }
}
