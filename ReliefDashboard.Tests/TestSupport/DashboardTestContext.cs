using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

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
    private readonly TestUser user = new();
    private readonly BunitAuthorizationContext auth;

    static DashboardTestContext()
    {
        // bUnit waits 1 s by default; with the browser tests and every other class running beside them on two
        // cores, a render can take longer than that without anything being wrong.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    protected DashboardTestContext()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddSingleton(user);
        Services.AddRelief(Database, Clock);
        auth = AddAuthorization();
    }

    public virtual async ValueTask InitializeAsync()
    {
        Seeded = await SmallDistrict.SeedAsync(Database);
        ActAs(Seeded.StaffA);
    }

    /// <summary>The user the pages and services act for, and what AuthorizeView sees.</summary>
    protected void ActAs(Domain.UserScope scope)
    {
        user.Scope = scope;
        auth.SetAuthorized(scope.Name);
        auth.SetRoles(scope.Role);
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
