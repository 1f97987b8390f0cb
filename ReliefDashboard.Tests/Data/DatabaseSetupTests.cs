using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ReliefDashboard.Domain;
using ReliefDashboard.TestSupport;

namespace ReliefDashboard.Data;

public class DatabaseSetupTests
{
    [Fact]
    public async Task WithTheDemoSwitchedOff_ARealDeploymentStartsEmpty_ButWithThePolicyDefaults()
    {
        await using var database = new TestDatabase();
        var prepared = await ReliefDashboard.Startup.DatabaseStart.PrepareAsync(database, demoRequested: false, Clock, NullLogger.Instance);
        Assert.Equal(new ReliefDashboard.Startup.DatabaseStart.Prepared(false, false), prepared);

        await using var db = database.Seed();
        Assert.Equal(0, await db.Households.CountAsync());
        Assert.Equal(0, await db.Towns.CountAsync());
        var policy = await PolicyStore.LoadStatusPolicyAsync(db);
        Assert.Equal((12, 6, 6, 60, 90), (policy.StableEmploymentContractMonths, policy.StableEmploymentContinuousMonths,
            policy.StableIndustryMonths, policy.AtRiskEndingWithinDays, policy.VerificationMaxAgeDays));
        Assert.Equal(Enumerable.Range(1, 7).Select(c => (Channel)c), policy.CountingChannels.Order());
        Assert.Equal(PolicyDefaults.All.Count, await db.PolicySettings.CountAsync());
        Assert.True(ScorecardPolicy.FromSettings(await db.PolicySettings.ToDictionaryAsync(p => p.Key, p => p.Value)).Problem() is null);
    }

    [Fact]
    public async Task WithTheDemoAskedFor_ANewDatabaseGetsTheDistrict_OnlyOnce_AndIsMarkedAsADemo()
    {
        await using var database = new TestDatabase();
        var first = await ReliefDashboard.Startup.DatabaseStart.PrepareAsync(database, demoRequested: true, Clock, NullLogger.Instance);
        var second = await ReliefDashboard.Startup.DatabaseStart.PrepareAsync(database, demoRequested: true, Clock, NullLogger.Instance);

        Assert.Equal(new ReliefDashboard.Startup.DatabaseStart.Prepared(DemoCreated: true, IsDemo: true), first);
        Assert.Equal(new ReliefDashboard.Startup.DatabaseStart.Prepared(DemoCreated: false, IsDemo: true), second);
        await using var db = database.Seed();
        Assert.Equal(2524, await db.Households.CountAsync());
    }

    [Fact]
    public async Task AnExistingRealDatabase_StartedWithTheDemoFlag_GetsNoDemoData()
    {
        await using var database = new TestDatabase();
        await ReliefDashboard.Startup.DatabaseStart.PrepareAsync(database, demoRequested: false, Clock, NullLogger.Instance);
        await using (var setup = database.Seed())
        {
            // What the first start of a real deployment leaves: its administrator account, nothing else.
            setup.Users.Add(new AppUser { UserName = "admin", NormalizedUserName = "ADMIN", DisplayName = "系统管理员" });
            await setup.SaveChangesAsync();
        }

        var later = await ReliefDashboard.Startup.DatabaseStart.PrepareAsync(database, demoRequested: true, Clock, NullLogger.Instance);

        Assert.Equal(new ReliefDashboard.Startup.DatabaseStart.Prepared(false, false), later);
        await using var db = database.Seed();
        Assert.Equal(0, await db.Households.CountAsync());
    }

    private static readonly FixedClock Clock = new(new DateOnly(2026, 12, 1));

    [Theory]
    [InlineData("Data Source=data/relief.db")]
    [InlineData(null)]
    public void ARelativeFile_IsTakenFromTheRepositoryRoot(string? configured)
    {
        var root = Path.Combine(Path.GetTempPath(), $"relief-root-{Guid.NewGuid():N}");
        var project = Directory.CreateDirectory(Path.Combine(root, "ReliefDashboard")).FullName;
        File.WriteAllText(Path.Combine(root, "ReliefDashboard.sln"), "");
        try
        {
            var resolved = DatabaseSetup.ResolveConnectionString(configured, project);
            Assert.Contains($"Data Source={Path.Combine(root, "data", "relief.db")}", resolved);
            Assert.True(Directory.Exists(Path.Combine(root, "data")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
