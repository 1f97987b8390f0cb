using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReliefDashboard.Data;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class SupervisionTests(AppFixture app)
{
    private async Task<int> TownIdAsync(string name)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ReliefDbContext>>().CreateDbContextAsync();
        return await db.Towns.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }

    private static ILocator FlagsOnTime(IPage page, string town) =>
        page.Locator($"tr[data-town='{town}'] td[data-indicator=FlagsClosedOnTime]");

    [Fact]
    public async Task ASupervisorFlagsATown_ItsStaffAnswerWithEvidence_TheSupervisorCloses_AndTheTownsScoreChanges()
    {
        var town = await TownIdAsync("青石镇");
        var supervisor = await app.SignedInPageAsync("demo.supervisor");
        await supervisor.OpenAsync("scorecard");
        await Assertions.Expect(FlagsOnTime(supervisor, "青石镇")).ToContainTextAsync("暂无");
        var totalBefore = await supervisor.Locator("tr[data-town='青石镇'] [data-testid=total] .value").TextContentAsync();

        // The supervisor raises a flag from the town's scorecard.
        await supervisor.OpenAsync($"scorecard/towns/{town}");
        await supervisor.Locator("[data-testid=raise-for-town]").ClickAsync();
        var dialog = supervisor.Locator(".mud-dialog");
        await dialog.Locator("textarea[data-testid=raise-reason]").FillAsync("青石镇无措施户未按期清零");
        await dialog.Locator("textarea[data-testid=raise-action]").FillAsync("逐户落实帮扶措施，上传入户核实记录");
        await dialog.Locator("[data-testid=raise-save]").ClickAsync();
        await Assertions.Expect(supervisor).ToHaveURLAsync(new Regex(@"/flags/\d+$"));
        var flagUrl = supervisor.Url;
        await Assertions.Expect(supervisor.Locator("[data-testid=flag-state]")).ToHaveTextAsync("待整改");

        // The town's staff acknowledge and answer; a file that is not what its name says is refused first.
        var staff = await app.SignedInPageAsync("demo.qingshi");
        await staff.GotoAsync(flagUrl);
        await staff.WaitForCircuitAsync();
        await staff.Locator("[data-testid=acknowledge]").ClickAsync();
        await Assertions.Expect(staff.Locator("[data-testid=flag-state]")).ToHaveTextAsync("整改中");
        await staff.Locator("textarea[data-testid=answer-text]").FillAsync("已为3户落实园区就业和公益岗位，附入户核实记录");
        var files = staff.Locator("[data-testid=answer-files]");
        await files.SetInputFilesAsync(new FilePayload { Name = "核实记录.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("MZ this is a program") });
        await Assertions.Expect(staff.Locator("[data-testid=picked-file]")).ToHaveCountAsync(1);
        await staff.Locator("[data-testid=answer]").ClickAsync();
        await Assertions.Expect(staff.Locator("[data-testid=flag-error]")).ToContainTextAsync("内容与扩展名.pdf不符");
        await Assertions.Expect(staff.Locator("[data-testid=flag-state]")).ToHaveTextAsync("整改中");

        await files.SetInputFilesAsync(new FilePayload { Name = "核实记录.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF") });
        await staff.Locator("[data-testid=answer]").ClickAsync();
        await Assertions.Expect(staff.Locator("[data-testid=flag-state]")).ToHaveTextAsync("待核验");
        await Assertions.Expect(staff.Locator("[data-testid=evidence]")).ToHaveTextAsync("核实记录.pdf");

        // The supervisor's open page follows, and the supervisor verifies and closes.
        await Assertions.Expect(supervisor.Locator("[data-testid=flag-state]")).ToHaveTextAsync("待核验");
        await supervisor.Locator("textarea[data-testid=verify-text]").FillAsync("材料齐全，核验属实");
        await supervisor.Locator("[data-testid=close-flag]").ClickAsync();
        await Assertions.Expect(supervisor.Locator("[data-testid=flag-state]")).ToHaveTextAsync("已销号");
        await Assertions.Expect(supervisor.Locator("[data-testid=flag-history] tbody tr")).ToHaveCountAsync(4);

        // One flag, closed on time: 100 % for 青石镇, and its total now counts the indicator.
        await supervisor.OpenAsync("scorecard");
        await Assertions.Expect(FlagsOnTime(supervisor, "青石镇").Locator(".value")).ToContainTextAsync("100.0%");
        await Assertions.Expect(supervisor.Locator("tr[data-town='青石镇'] [data-testid=total] .value")).Not.ToHaveTextAsync(totalBefore!);

        await supervisor.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }
}
