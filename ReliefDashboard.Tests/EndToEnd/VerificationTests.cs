using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class VerificationTests(AppFixture app)
{
    private sealed record Target(int HouseholdId, string Code, int JobId, string IdNumber);

    /// <summary>
    /// 青石镇 households counted as attained on an insured job whose contributions the demo list has for every month,
    /// and no finding yet: the contribution list uploaded below leaves out their last two months.
    /// </summary>
    private async Task<(List<Target> Targets, List<(string Id, string? Unit, DateOnly Month, long? Amount)> Rows, DateOnly DataMonth)> ArrangeAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ReliefDbContext>>().CreateDbContextAsync();
        var list = await db.DepartmentLists.Where(l => l.Kind == DepartmentListKind.SocialInsurance && l.ReplacedAt == null).OrderByDescending(l => l.Id).FirstAsync();
        var rows = (await db.DepartmentRecords.Where(r => r.ListId == list.Id).Select(r => new { r.IdNumber, r.Organisation, r.Month, r.Amount }).ToListAsync())
            .Select(r => (r.IdNumber, r.Organisation, r.Month!.Value, r.Amount)).ToList();
        var town = await db.Towns.Where(t => t.Name == "青石镇").Select(t => t.Id).SingleAsync();
        var flagged = await db.Findings.Select(f => f.HouseholdId).Distinct().ToListAsync();
        var candidates = await db.Employments
            .Where(e => e.HasSocialInsurance && e.EndDate == null && e.Verification == MeasureVerification.DepartmentConfirmed)
            .Join(db.Households.Where(h => h.TownId == town && h.Status == HouseholdStatus.Met && h.VerifiedAttained && !flagged.Contains(h.Id)),
                e => e.HouseholdId, h => h.Id, (e, h) => new { h.Id, h.Code, Job = e.Id, e.Member!.IdNumber })
            .OrderBy(x => x.Id).ToListAsync();
        var paidAll = rows.GroupBy(r => r.Item1).Where(g => g.Count() == 3).Select(g => g.Key).ToHashSet();
        // Workers with an employment registration stay borne out by it; these are borne out by their contributions alone.
        var registered = (await db.DepartmentRecords.Where(r => r.Kind == DepartmentListKind.EmploymentRegistration).Select(r => r.IdNumber).ToListAsync()).ToHashSet();
        var targets = candidates.Where(c => paidAll.Contains(c.IdNumber) && !registered.Contains(c.IdNumber)).GroupBy(c => c.Id).Select(g => g.First())
            .Take(6).Select(c => new Target(c.Id, c.Code, c.Job, c.IdNumber)).ToList();
        Assert.Equal(6, targets.Count);
        return (targets, rows, list.DataMonth);
    }

    /// <summary>A 区人社局 account created as an administrator would, with the demo password.</summary>
    private async Task<string> DepartmentAccountAsync()
    {
        const string name = "e2e.renshe";
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        if (await users.FindByNameAsync(name) is null)
        {
            var user = new AppUser { UserName = name, DisplayName = "区人社局 数据员", Department = "区人社局" };
            Assert.True((await users.CreateAsync(user, AppFixture.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Department)).Succeeded);
        }
        return name;
    }

    [Fact]
    public async Task ADepartmentUploadsContributions_TheTownVerifiesAndCorrects_TheSupervisorCloses_AndTheFiguresMoveLive()
    {
        var (targets, rows, month) = await ArrangeAsync();
        var target = targets[0];
        var missing = targets.Select(t => t.IdNumber).ToHashSet();
        var csv = new StringBuilder("身份证号,姓名,参保单位,缴费月份,缴费金额（元）\r\n");
        foreach (var (id, unit, paid, amount) in rows.Where(r => !missing.Contains(r.Id) || r.Month < month.AddMonths(-1)))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{id},,{unit},{paid:yyyy-MM},{(amount ?? 0) / 100m:0.00}\r\n");
        }

        // The leading group's dashboard and a supervisor's scorecard stay open throughout.
        var leader = await app.SignedInPageAsync("demo.leader");
        await leader.OpenAsync("");
        var verified = leader.Locator("[data-testid=tile-verified-attainment] [data-testid=value]");
        var verifiedBefore = await verified.TextContentAsync();
        var supervisor = await app.SignedInPageAsync("demo.supervisor");
        await supervisor.OpenAsync("scorecard");
        var onTime = supervisor.Locator("tr[data-town='青石镇'] td[data-indicator=FindingsOnTime]");
        var onTimeBefore = await onTime.TextContentAsync();

        // 区人社局 uploads the month's contributions: six of 青石镇's insured workers paid nothing in the last two months.
        // A department account of its own: demo.renshe belongs to the password-change test, which leaves it with another password.
        var renshe = await app.SignedInPageAsync(await DepartmentAccountAsync());
        await renshe.OpenAsync("verification/lists");
        await Assertions.Expect(renshe.Locator("[data-testid=list-kind]")).ToContainTextAsync("社保缴费");
        await renshe.Locator("[data-testid=list-file]").SetInputFilesAsync(new FilePayload
        {
            Name = "人社社保缴费.csv",
            MimeType = "text/csv",
            Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())],
        });
        await Assertions.Expect(renshe.Locator("[data-testid=list-picked]")).ToContainTextAsync("人社社保缴费.csv");
        await renshe.Locator("[data-testid=list-import]").ClickAsync();
        await Assertions.Expect(renshe.Locator("[data-testid=list-result]")).ToContainTextAsync("比对发现新疑点6条", new() { Timeout = 60_000 });

        // The leader's verified attainment falls without a reload: those jobs are no longer borne out by contributions.
        await Assertions.Expect(verified).Not.ToHaveTextAsync(verifiedBefore!);

        // 青石镇's staff find it on their list and on the household's card.
        var staff = await app.SignedInPageAsync("demo.qingshi");
        await staff.OpenAsync("verification?rule=contribution-gap");
        var row = staff.Locator("[data-testid=findings] tr[data-finding]").Filter(new() { HasText = target.Code });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await staff.OpenAsync($"households/{target.HouseholdId}");
        await Assertions.Expect(staff.Locator("[data-testid=card-findings]")).ToContainTextAsync("近期社保缴费缺失");
        await staff.Locator("[data-testid=card-findings] a").First.ClickAsync();
        await Assertions.Expect(staff).ToHaveURLAsync(new Regex(@"/verification/findings/\d+$"));
        await staff.WaitForCircuitAsync();
        var findingUrl = staff.Url;
        await Assertions.Expect(staff.Locator("[data-testid=confirm-wrong]")).ToBeDisabledAsync();

        // The home visit finds the job ended in September: the town corrects the record through the card's form …
        await staff.Locator("[data-testid=correct-record]").ClickAsync();
        await Assertions.Expect(staff).ToHaveURLAsync(new Regex($"/households/{target.HouseholdId}$"));
        await staff.WaitForCircuitAsync();
        await staff.Locator($"[data-measure='Employment:{target.JobId}'] [data-testid=end-measure]").ClickAsync();
        var dialog = staff.Locator(".mud-dialog");
        await dialog.Locator("input").First.TypeDateAsync(month.AddMonths(-1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await dialog.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        // … which the finding links, and the town concludes 核实属实.
        await staff.OpenAsync(findingUrl);
        await Assertions.Expect(staff.Locator("[data-testid=finding-correction]")).ToContainTextAsync("演示·青石镇干部");
        await staff.Locator("textarea[data-testid=conclude-text]").FillAsync("入户核实：该成员9月底已离职，台账未及时更新，已结束其就业记录");
        await staff.Locator("[data-testid=confirm-wrong]").ClickAsync();
        await Assertions.Expect(staff.Locator("[data-testid=finding-state]")).ToContainTextAsync("待核验");

        // The supervisor accepts the conclusion; the town's 疑点按期核实率 moves on the open scorecard.
        var review = await app.SignedInPageAsync("demo.supervisor");
        await review.OpenAsync(findingUrl);
        await review.Locator("textarea[data-testid=review-text]").FillAsync("核实情况属实，记录已更正");
        await review.Locator("[data-testid=verify-finding]").ClickAsync();
        await Assertions.Expect(review.Locator("[data-testid=finding-state]")).ToContainTextAsync("已核验");
        await Assertions.Expect(review.Locator("[data-testid=finding-history] tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(onTime).Not.ToHaveTextAsync(onTimeBefore!);

        foreach (var page in new[] { leader, supervisor, renshe, staff, review })
        {
            await page.Context.CloseAsync();
        }
    }
}
