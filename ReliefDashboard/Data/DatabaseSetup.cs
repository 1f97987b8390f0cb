using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data.Demo;

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

    /// <summary>Migrations, WAL journal, and on an empty database the demo district when configured.</summary>
    /// <remarks>Run by <see cref="DatabaseInitializer"/> before the server takes requests.</remarks>
    /// <returns>True when this start loaded the demo district.</returns>
    public static async Task<bool> PrepareAsync(IDbContextFactory<ReliefDbContext> factory, bool loadDemo, ILogger logger, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        if (loadDemo && !await db.Households.AnyAsync(ct) && !await db.Towns.AnyAsync(ct))
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var count = await DemoDataLoader.LoadAsync(db, DemoDistrictGenerator.DistrictHouseholds, DateOnly.FromDateTime(DateTime.Today), ct);
            logger.LogInformation("Loaded the demo district: {Count} households in {Ms} ms", count, started.ElapsedMilliseconds);
            return true;
        }
        return false;
    }

    /// <summary>GET /healthz: 200 when the database answers a query, 503 otherwise.</summary>
    public static void MapHealthz(this WebApplication app) =>
        app.MapGet("/healthz", async (IDbContextFactory<ReliefDbContext> factory, CancellationToken ct) =>
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                return await db.Database.CanConnectAsync(ct) && await db.PolicySettings.AnyAsync(ct)
                    ? Results.Text("ok")
                    : Results.Text("数据库不可用", statusCode: 503);
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                return Results.Text("数据库不可用", statusCode: 503);
            }
        }).AllowAnonymous();
}
