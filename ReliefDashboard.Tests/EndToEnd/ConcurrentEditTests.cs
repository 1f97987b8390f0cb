using Microsoft.Playwright;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class ConcurrentEditTests(AppFixture app)
{
    private static async Task<ILocator> OpenEditAsync(IPage page, string card)
    {
        await page.OpenAsync(card);
        await page.Locator("[data-testid=edit-household]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("编辑户信息");
        return dialog;
    }

    [Fact]
    public async Task TheSecondSave_IsToldOfTheConflict_KeepsItsInput_AndHistoryHoldsOnlyWhatWasSaved()
    {
        var first = await app.SignedInPageAsync("demo.qingshi");
        var second = await app.SignedInPageAsync("demo.qingshi");
        await first.OpenAsync("households?sort=code&desc=true");
        var card = (await first.Locator("tr[data-household] a").Nth(3).GetAttributeAsync("href"))!;
        var firstDialog = await OpenEditAsync(first, card);
        var secondDialog = await OpenEditAsync(second, card);

        await firstDialog.GetByLabel("迁出村").FillAsync("甲方修改村");
        await firstDialog.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(first.Locator(".mud-dialog")).ToHaveCountAsync(0);

        // The phone shows masked in the form until it is revealed there (recorded); only then can it be changed.
        await Assertions.Expect(secondDialog.GetByTestId("household-phone")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^1\d\d\*{4}\d{4}$"));
        await secondDialog.GetByTestId("reveal-phone-edit").ClickAsync();
        await secondDialog.GetByTestId("household-phone").FillAsync("13900001111");
        await secondDialog.Locator("[data-testid=save]").ClickAsync();

        var conflict = secondDialog.Locator("[data-testid=save-conflict]");
        await Assertions.Expect(conflict).ToContainTextAsync("此户数据已被他人修改");
        await Assertions.Expect(conflict).ToContainTextAsync("迁出村");
        await Assertions.Expect(conflict).ToContainTextAsync("甲方修改村");
        await Assertions.Expect(secondDialog.GetByTestId("household-phone")).ToHaveValueAsync("13900001111");

        await first.ReloadLiveAsync();
        var history = first.Locator("[data-testid=history] tbody tr");
        await Assertions.Expect(history.Filter(new() { HasText = "迁出村" })).ToHaveCountAsync(1);
        await Assertions.Expect(history.Filter(new() { HasText = "联系电话" })).ToHaveCountAsync(0);
        await Assertions.Expect(first.Locator("body")).ToContainTextAsync("甲方修改村");

        // Having read the other change, the second user saves on purpose; both changes now stand.
        await secondDialog.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(second.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await first.ReloadLiveAsync();
        await Assertions.Expect(history.Filter(new() { HasText = "联系电话" })).ToHaveCountAsync(1);
        await Assertions.Expect(first.Locator("body")).ToContainTextAsync("139****1111");
        await Assertions.Expect(first.Locator("body")).ToContainTextAsync("甲方修改村");

        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }
}
