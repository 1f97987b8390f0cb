using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data.Demo;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Data;

public static class DatabaseSetup
{
    public const string ConnectionName = "Relief";

    /// <summary>
    /// The connection string from configuration; a relative file path is taken from the repository root
    /// (the folder holding ReliefDashboard.sln) so <c>dotnet run --project ReliefDashboard</c> uses <c>data/</c> at the top.
    /// </summary>
    public static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=data/relief.db");
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource) && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = ResolvePath(builder.DataSource, contentRoot);
        }
        if (builder.Mode != SqliteOpenMode.Memory && Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
        }
        return builder.ToString();
    }

    /// <summary>A relative path is taken from the repository root above <paramref name="start"/> (or from start itself).</summary>
    public static string ResolvePath(string path, string start) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(RepositoryRoot(start), path));

    private static string RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReliefDashboard.sln")))
            {
                return dir.FullName;
            }
        }
        return start;
    }

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
        var file = FileOf(db.Database.GetConnectionString());
        try
        {
            if (file is not null && DatabaseHealth.WriteProblem(file) is { } cannotWrite)
            {
                throw new DatabaseStartException(DatabaseStartException.NotWritable(file, cannotWrite));
            }
            await db.Database.MigrateAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            // New: nothing entered yet and no account made, not even the administrator of an earlier start.
            var isNew = !await db.Households.AnyAsync(ct) && !await db.Towns.AnyAsync(ct) && !await db.Users.AnyAsync(ct);
            if (demoRequested && isNew)
            {
                var started = System.Diagnostics.Stopwatch.StartNew();
                var count = await DemoDataLoader.LoadAsync(db, DemoDistrictGenerator.DistrictHouseholds, clock.Today(), ct);
                db.SystemInfo.Add(new SystemInfo { Key = SystemInfo.DemoKey, Value = clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Loaded the demo district: {Count} households in {Ms} ms", count, started.ElapsedMilliseconds);
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

    /// <summary>The database file of a SQLite connection string; null for an in-memory database.</summary>
    public static string? FileOf(string? connectionString)
    {
        var b = new SqliteConnectionStringBuilder(connectionString);
        return b.Mode == SqliteOpenMode.Memory || b.DataSource is "" or ":memory:" ? null : Path.GetFullPath(b.DataSource);
    }

    /// <summary>
    /// GET /healthz: 200 "ok" when the database answers, its file can be written and the last integrity check
    /// passed; otherwise 503 with the reason in Chinese (for the load balancer and for whoever reads it).
    /// </summary>
    public static void MapHealthz(this WebApplication app) =>
        app.MapGet("/healthz", async (DatabaseHealth health, CancellationToken ct) =>
            await health.ProblemAsync(ct) is { } problem
                ? Results.Text(problem, "text/plain; charset=utf-8", statusCode: 503)
                : Results.Text("ok")).AllowAnonymous();
}
