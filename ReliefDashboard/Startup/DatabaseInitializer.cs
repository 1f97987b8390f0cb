using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Startup;

/// <summary>
/// Prepares the database as the first hosted service, so it is migrated (and, on a new database started with
/// <c>--demo</c>, the demo loaded) before the status refresh starts and before Kestrel accepts a request — also
/// when a test host starts the app. A database that cannot be used ends the start with a message naming the file.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<ReliefDbContext> factory,
    IConfiguration configuration,
    AccountSeeder accounts,
    Figures.DashboardFeed dashboard,
    DeploymentState deployment,
    Domain.NamePolicy names,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var prepared = await DatabaseStart.PrepareAsync(factory, configuration.GetValue("Demo:Create", false), clock, logger, cancellationToken);
        var preparedAt = started.ElapsedMilliseconds;
        deployment.IsDemo = prepared.IsDemo;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            names.Load((await db.PolicySettings.FindAsync([Domain.NamePolicy.Keys.Exceptions], cancellationToken))?.Value);
        }
        // Demo accounts (with their published password) only on the start that created the demo database.
        await accounts.SeedAsync(prepared.DemoCreated, cancellationToken);
        var seededAt = started.ElapsedMilliseconds;
        // The first dashboard opened after a start should not wait for the month-end history to be read.
        try
        {
            await dashboard.GetAsync();
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            logger.LogWarning(ex, "The dashboard figures could not be read at start; the first dashboard will try again");
        }
        logger.LogInformation("Database ready in {Ms} ms: prepared (migrations{Demo}) {Prepared} ms, accounts {Accounts} ms, dashboard figures {Figures} ms",
            started.ElapsedMilliseconds, prepared.DemoCreated ? ", demo district" : "", preparedAt, seededAt - preparedAt, started.ElapsedMilliseconds - seededAt);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
