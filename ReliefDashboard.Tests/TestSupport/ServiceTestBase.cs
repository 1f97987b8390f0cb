using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.TestSupport;

/// <summary>The app's services over a fresh in-memory database seeded with <see cref="SmallDistrict"/>.</summary>
public abstract class ServiceTestBase : IAsyncLifetime
{
    protected readonly TestDatabase Database = new();
    protected readonly FixedClock Clock = new(SmallDistrict.Today);
    protected ServiceProvider Services = default!;
    protected SmallDistrict.Seeded Seeded = default!;

    public virtual async ValueTask InitializeAsync()
    {
        Seeded = await SmallDistrict.SeedAsync(Database);
        Services = TestServices.Build(Database, Clock);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A feature service resolved in a new scope, acting for <paramref name="user"/> (the test admin when null).</summary>
    protected T As<T>(UserScope? user = null) where T : notnull
    {
        Services.GetRequiredService<TestUser>().Scope = user ?? new UserScope("test-admin", "测试管理员", Roles.Admin, null, null);
        return Services.CreateScope().ServiceProvider.GetRequiredService<T>();
    }
}
