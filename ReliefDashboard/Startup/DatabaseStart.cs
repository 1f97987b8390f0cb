using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Demo;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Startup;

/// <summary>Migrates the database at start, checks it can be written, and fills a new one with the demo district when asked.</summary>
public static class DatabaseStart
{
    /// <summary>What a start found and did.</summary>
    /// <param name="DemoCreated">This start created the database as a demo (and so may create the demo accounts).</param>
    /// <param name="IsDemo">The database was created as a demo, on this start or an earlier one.</param>
    public sealed record Prepared(bool DemoCreated, bool IsDemo);

    /// <summary>
    /// Migrations and the WAL journal; the demo district only into a database that is new on this start and only
    /// when the demo was asked for (<c>--demo</c>), marked in <see cref="SystemInfo"/> so every page can say so.
    /// A file that cannot be opened, read or written ends the start with a <see cref="DatabaseStartException"/>
    /// that names the file and says what to do.
    /// </summary>
    /// <remarks>Run by <see cref="DatabaseInitializer"/> before the server takes requests.</remarks>
    public static async Task<Prepared> PrepareAsync(IDbContextFactory<ReliefDbContext> factory, bool demoRequested, TimeProvider clock, ILogger logger, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var file = DatabaseSetup.FileOf(db.Database.GetConnectionString());
        try
        {
            if (file is not null && DatabaseHealth.WriteProblem(file) is { } cannotWrite)
            {
                throw new DatabaseStartException(DatabaseStartException.NotWritable(file, cannotWrite));
            }
            var started = System.Diagnostics.Stopwatch.StartNew();
            // Nothing to apply on a restart: asking costs one read of the history table, where MigrateAsync would
            // first diff the whole model against the last migration's.
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                await db.Database.MigrateAsync(ct);
            }
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            // New: nothing entered yet and no account made, not even the administrator of an earlier start.
            var isNew = !await db.Households.AnyAsync(ct) && !await db.Towns.AnyAsync(ct) && !await db.Users.AnyAsync(ct);
            if (demoRequested && isNew)
            {
                var marked = clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                var migrated = started.ElapsedMilliseconds;
                var count = await DemoDataLoader.LoadAsync(DistrictWrite.For(factory, clock), DemoDistrictGenerator.DistrictHouseholds, clock.Today(), ct,
                    alsoWrite: d => d.SystemInfo.Add(new SystemInfo { Key = SystemInfo.DemoKey, Value = marked }));
                var loaded = started.ElapsedMilliseconds;
                var findings = await DemoVerification.LoadAsync(DistrictWrite.For(factory, clock), clock.Today(), ct);
                logger.LogInformation("Migrated in {Migrated} ms; loaded the demo district ({Count} households) in {Loaded} ms and its {Findings} cross-check findings in {Checked} ms",
                    migrated, count, loaded - migrated, findings, started.ElapsedMilliseconds - loaded);
                return new Prepared(DemoCreated: true, IsDemo: true);
            }
            var isDemo = await db.SystemInfo.AnyAsync(i => i.Key == SystemInfo.DemoKey, ct);
            if (demoRequested && !isDemo)
            {
                logger.LogWarning("--demo was given, but {File} already holds a database; demo data and accounts are only ever written into a new database", file);
            }
            return new Prepared(DemoCreated: false, IsDemo: isDemo);
        }
        catch (SqliteException ex)
        {
            throw new DatabaseStartException(DatabaseStartException.Explain(file ?? "(内存数据库)", ex), ex);
        }
    }

}
