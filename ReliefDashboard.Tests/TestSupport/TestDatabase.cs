using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.TestSupport;

/// <summary>
/// SQLite in memory on one open connection, schema built by the real migrations: real SQL and real
/// constraints, not EF's InMemory provider.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<ReliefDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly DbContextOptions<ReliefDbContext> options;
    private readonly string? file;

    public TestDatabase()
    {
        connection = new("Data Source=:memory:");
        connection.Open();
        options = new DbContextOptionsBuilder<ReliefDbContext>().UseSqlite(connection).Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    /// <summary>A database file, each context on its own connection: for tests of two writers at once.</summary>
    public TestDatabase(string file, bool keepFile = false)
    {
        this.file = keepFile ? null : file;
        connection = new($"Data Source={file}");
        options = new DbContextOptionsBuilder<ReliefDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public ReliefDbContext CreateDbContext() => new(options);

    /// <summary>
    /// A context for arranging a test's starting data directly (as a department's records or an older version would
    /// have left it). The app's services never get one: their contexts refuse district writes outside the pipeline.
    /// </summary>
    public ReliefDbContext Seed()
    {
        var db = new ReliefDbContext(options);
        db.OpenDistrictWrite();
        return db;
    }

    public Task<ReliefDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        if (file is not null)
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
            {
                File.Delete(path);
            }
        }
    }
}
