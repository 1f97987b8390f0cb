using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class BenefitsTests(AppFixture app)
{
    [Fact]
    public async Task APaymentOverTheCap_IsRefusedNamingItsClause_ThenAPaymentWithinItIsRecorded_AndTheDistrictLedgerFollowsLive()
    {
        // A 青石镇 household with a running agricultural industry that has had no subsidy yet.
        var factory = app.Services.GetRequiredService<IDbContextFactory<ReliefDbContext>>();
        int householdId, benefitsBefore;
        string industryType;
        decimal capped;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var today = DateOnly.FromDateTime(DateTime.Today);
            var candidate = await db.Industries
                .Where(i => i.Channel == Channel.AgriculturalIndustry && i.EndDate == null && i.StartDate < today
                    && db.Households.Any(h => h.Id == i.HouseholdId && h.Town!.Name == "青石镇")
                    && !db.Benefits.Any(b => b.IndustryId == i.Id)
                    && db.Industries.Count(x => x.HouseholdId == i.HouseholdId && x.Channel == Channel.AgriculturalIndustry) == 1)
                .OrderBy(i => i.Id).Select(i => new { i.HouseholdId, i.Type }).FirstAsync();
            (householdId, industryType) = (candidate.HouseholdId, candidate.Type);
            capped = (await db.Benefits.Where(b => b.HouseholdId == householdId && b.VoidedAt == null
                && (b.Kind == BenefitKind.ParkAward || b.Kind == BenefitKind.IndustrySubsidy || b.Kind == BenefitKind.SelfEmploymentAward))
                .Select(b => b.Amount).ToListAsync()).Sum();
            benefitsBefore = await db.Benefits.CountAsync();
        }
        var over = 20_000 - capped + 1;

        var supervisor = await app.SignedInPageAsync("demo.supervisor");
        await supervisor.OpenAsync("benefits");
        var totalBefore = await supervisor.Locator("[data-testid=ledger-total]").TextContentAsync();

        var page = await app.SignedInPageAsync("demo.qingshi");
        await page.OpenAsync($"households/{householdId}");
        await page.Locator("[data-testid=add-benefit]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("登记补贴发放");
        await page.ChooseAsync(dialog.Locator("[data-testid=benefit-industry]"), industryType);
        await dialog.Locator("input[data-testid=benefit-amount]").FillAsync(over.ToString(CultureInfo.InvariantCulture));
        await dialog.Locator("input[data-testid=benefit-fund]").FillAsync("区级财政扶贫专项资金");
        await dialog.Locator("input[data-testid=benefit-voucher]").FillAsync("延区扶发〔2026〕88号");
        await dialog.Locator("[data-testid=save]").ClickAsync();

        var errors = dialog.Locator("[data-testid=save-errors]");
        await Assertions.Expect(errors).ToContainTextAsync("不符合三(一)、三(三)：产业扶持资金历年累计不得超过¥20,000.00");
        await Assertions.Expect(errors).ToContainTextAsync($"合计{BenefitRules.Yuan(20_001)}");
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(benefitsBefore, await db.Benefits.CountAsync());
        }

        // Within the cap it is recorded, shown on the card as passing its check, and audited.
        await dialog.Locator("input[data-testid=benefit-amount]").FillAsync("1000");
        await dialog.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        var row = page.Locator("[data-testid=benefit-row]").Filter(new() { HasText = "延区扶发〔2026〕88号" });
        await Assertions.Expect(row).ToContainTextAsync("产业扶贫补助");
        await Assertions.Expect(row).ToContainTextAsync("合规");
        await Assertions.Expect(page.Locator("[data-testid=cap-usage]")).ToContainTextAsync(BenefitRules.Yuan(capped + 1000));

        // The supervisor's open ledger counts it without a reload.
        await Assertions.Expect(supervisor.Locator("[data-testid=ledger-total]")).Not.ToHaveTextAsync(totalBefore!);
        await Assertions.Expect(supervisor.Locator("[data-testid=ledger-rows]")).ToContainTextAsync("延区扶发〔2026〕88号");

        // The supervisor's export of the ledger holds it too.
        var download = await supervisor.RunAndWaitForDownloadAsync(() => supervisor.Locator("[data-testid=ledger-export]").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        using (var zip = new System.IO.Compression.ZipArchive(File.OpenRead(await download.PathAsync())))
        {
            Assert.Contains(Features.Roster.XlsxCells.Read(zip, "发放台账"), r => r.Cells.Contains("延区扶发〔2026〕88号"));
        }

        await page.Context.CloseAsync();
        await supervisor.Context.CloseAsync();
    }
}
