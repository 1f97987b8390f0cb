using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Domain;
using ReliefDashboard.Realtime;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Benefits;

/// <summary>
/// The policy-implementation page's figures are computed once per burst and shared: every page of the same scope
/// reads the same result, and a payment recorded reaches the open pages without each recomputing them.
/// </summary>
public sealed class ImplementationFeedTests : ServiceTestBase
{
    [Fact]
    public async Task PagesOfOneScope_ShareOneComputation_AndAPaymentReachesTheOpenOnes()
    {
        var feed = Services.GetRequiredService<ImplementationFeed>();
        var first = await feed.GetAsync(null);
        Assert.Same(first, await feed.GetAsync(null));
        Assert.NotSame(first, await feed.GetAsync(Seeded.TownA));

        var pushed = new TaskCompletionSource<Implementation>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watching = feed.Subscribe(null, f =>
        {
            pushed.TrySetResult(f);
            return Task.CompletedTask;
        });
        int industry;
        await using (var db = Database.Seed())
        {
            industry = await db.Industries.Where(i => i.HouseholdId == Seeded.Met).Select(i => i.Id).FirstOrDefaultAsync(TestContext.Current.CancellationToken);
        }
        var written = await Services.GetRequiredService<DistrictWrite>().CommitAsync(new WriteRequest(ChangeKind.Money, "测试", "发放"), UserScope.System("测试"), w =>
        {
            w.Db.Benefits.Add(new Benefit
            {
                HouseholdId = Seeded.Met,
                TownId = Seeded.TownA,
                Kind = BenefitKind.IndustrySubsidy,
                Amount = 1234.56m,
                PaidOn = SmallDistrict.Today,
                Fund = "扶贫产业专项资金",
                Voucher = "测试1号",
                RecordedBy = "测试",
                RecordedAt = w.Now,
                Source = "测试",
                IndustryId = industry == 0 ? null : industry,
            });
            return Task.FromResult<Refusal?>(null);
        }, TestContext.Current.CancellationToken);
        Assert.True(written.Ok, string.Join("；", written.Problems));

        var after = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(first.Money.Sum(m => m.Amount) + 1234.56m, after.Money.Sum(m => m.Amount));
        // The page opened next reads the same pushed result; the unwatched town is computed again when it is opened.
        Assert.Same(after, await feed.GetAsync(null));
    }
}
