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
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demoLoaded = await DatabaseSetup.PrepareAsync(factory, configuration.GetValue("Demo:LoadOnFirstStart", true), logger, cancellationToken);
        await accounts.SeedAsync(demoLoaded, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
