using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
