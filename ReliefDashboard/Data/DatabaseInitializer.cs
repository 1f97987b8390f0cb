using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Features.Accounts;

namespace ReliefDashboard.Data;

/// <summary>
/// Prepares the database as the first hosted service, so it is migrated (and the demo loaded) before the
/// status refresh starts and before Kestrel accepts a request — also when a test host starts the app.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<ReliefDbContext> factory,
    IConfiguration configuration,
    AccountSeeder accounts,
    Features.Overview.DashboardFeed dashboard,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demoLoaded = await DatabaseSetup.PrepareAsync(factory, configuration.GetValue("Demo:LoadOnFirstStart", true), logger, cancellationToken);
        await accounts.SeedAsync(demoLoaded, cancellationToken);
        // The first dashboard opened after a start should not wait for the month-end history to be read.
        try
        {
            await dashboard.GetAsync();
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            logger.LogWarning(ex, "The dashboard figures could not be read at start; the first dashboard will try again");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
