using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Benefits;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Cli;

/// <summary>
/// What the money pages wait for: the dashboard's money sums and breach counts (part of its shared recomputation),
/// a ledger page, the violations list, the implementation page's figures, one household's check (what a payment
/// costs inside its write transaction) and the full re-check a change of the money settings runs.
/// </summary>
public static class BenefitsBench
{
    public static async Task RunAsync(IDbContextFactory<ReliefDbContext> factory, int runs)
    {
        var policy = BenefitPolicy.Default;
        int payments, sample, sampleSite, town;
        await using (var db = await factory.CreateDbContextAsync())
        {
            payments = await db.Benefits.CountAsync();
            var household = await db.Benefits.OrderBy(b => b.Id).Skip(payments / 2).Select(b => new { b.HouseholdId, b.Household!.SiteId }).FirstAsync();
            (sample, sampleSite) = (household.HouseholdId, household.SiteId);
            town = await BenchCommand.FirstTownAsync(factory);
            policy = BenefitPolicy.FromSettings(await PolicyStore.LoadValuesAsync(db));
        }
        var today = CommandLine.Clock.Today();

        Console.WriteLine();
        Console.WriteLine($"{"benefits (" + payments.ToString("N0") + " payments)",-44} {"median ms",10} {"max ms",10} {"alloc MB",9}");
        await BenchTimer.TimeAsync("money by town and kind (dashboard)", runs, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return $"{(await MoneyFigures.MoneyAsync(db, null, default)).Count} groups";
        });
        await BenchTimer.TimeAsync("breach counts (dashboard)", runs, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return $"{(await MoneyFigures.ViolationCountsAsync(db, null, default)).Sum(v => v.Payments)} breaches";
        });
        var programme = new ProgrammeService(factory,
            new Features.Accounts.CurrentUser(BenchCommand.EmptyServices.Instance) { Override = UserScope.System("基准测试") }, CommandLine.Clock);
        await BenchTimer.TimeAsync("ledger first page + total", runs, async () =>
        {
            var page = await programme.LedgerAsync(new LedgerQuery());
            return $"{page.Total:N0} rows, {page.Amount:N0} yuan";
        });
        await BenchTimer.TimeAsync("violations list (stored checks)", runs, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return $"{(await BenefitLedger.StoredAsync(db, null, default)).Count} payments";
        });
        await BenchTimer.TimeAsync("implementation page figures (district)", runs, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var f = await ProgrammeQueries.ImplementationAsync(db, null, today, default);
            return $"{f.PvHouseholds:N0} PV households";
        });
        await BenchTimer.TimeAsync("implementation page figures (one town)", runs, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var f = await ProgrammeQueries.ImplementationAsync(db, town, today, default);
            return $"{f.PvHouseholds:N0} PV households";
        });
        await BenchTimer.TimeAsync("one household: ledger + rules + re-check", runs, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var ledger = await BenefitLedger.ForHouseholdAsync(db, sample, sampleSite, default);
            var claim = new BenefitClaim(BenefitKind.IndustrySubsidy, 1000, today, null, null, null, ledger.Industries.Keys.FirstOrDefault(), null);
            var problems = BenefitRules.Check(policy, claim, ledger);
            await BenefitLedger.RefreshAsync(db, policy, [sample], default);
            return $"{ledger.Prior.Count} prior, {problems.Count} problems";
        });
        await BenchTimer.TimeAsync("re-check every payment (a setting changed)", Math.Min(runs, 3), async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return $"{await BenefitLedger.RefreshAsync(db, policy, null, default)} changed";
        });
    }
}
