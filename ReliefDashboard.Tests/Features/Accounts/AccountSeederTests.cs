using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Accounts;

public class AccountSeederTests
{
    private static async Task<(ServiceProvider Services, AccountSeeder Seeder)> SetUpAsync(TestDatabase database, Dictionary<string, string?> settings)
    {
        await SmallDistrict.SeedAsync(database);
        var services = TestServices.Build(database, new FixedClock(SmallDistrict.Today));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return (services, new AccountSeeder(services.GetRequiredService<IServiceScopeFactory>(), configuration, NullLogger<AccountSeeder>.Instance));
    }

    [Fact]
    public async Task TheFirstAdministrator_TakesThePasswordFromConfiguration_Once()
    {
        await using var database = new TestDatabase();
        var (services, seeder) = await SetUpAsync(database, new() { ["Admin:InitialPassword"] = "Configured2026" });
        await seeder.SeedAsync(demoLoaded: false);
        await seeder.SeedAsync(demoLoaded: false);

        var users = services.CreateScope().ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByNameAsync(AccountSeeder.AdminUserName);
        Assert.NotNull(admin);
        Assert.True(await users.CheckPasswordAsync(admin, "Configured2026"));
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        Assert.Single(users.Users);
        await services.DisposeAsync();
    }

    [Fact]
    public async Task WithTheDemo_EveryRoleHasAnAccount_IncludingStaffOfALaggingTown()
    {
        await using var database = new TestDatabase();
        var (services, seeder) = await SetUpAsync(database, []);
        await seeder.SeedAsync(demoLoaded: true);

        var users = services.CreateScope().ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var role in Roles.All)
        {
            Assert.NotEmpty(await users.GetUsersInRoleAsync(role));
        }
        var mayuan = await users.FindByNameAsync("demo.mayuan");
        Assert.NotNull(mayuan?.TownId);
        Assert.True(await users.CheckPasswordAsync(mayuan, seeder.DemoPassword));
        await services.DisposeAsync();
    }
}
