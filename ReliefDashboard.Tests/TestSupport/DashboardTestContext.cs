using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ReliefDashboard.TestSupport;

/// <summary>
/// bUnit context with MudBlazor (transitions off), loose JS interop, and the app's services over a
/// seeded in-memory SQLite database. xunit.v3 disposes asynchronously, which MudBlazor's services need.
/// </summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    protected readonly TestDatabase Database = new();
    protected readonly FixedClock Clock = new(SmallDistrict.Today);
    protected SmallDistrict.Seeded Seeded = default!;

    protected DashboardTestContext()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddRelief(Database, Clock);
    }

    public virtual async ValueTask InitializeAsync() => Seeded = await SmallDistrict.SeedAsync(Database);

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
