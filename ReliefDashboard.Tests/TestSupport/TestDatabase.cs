using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;

namespace ReliefDashboard.TestSupport;

/// <summary>
/// SQLite in memory on one open connection, schema built by the real migrations: real SQL and real
/// constraints, not EF's InMemory provider.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<ReliefDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly DbContextOptions<ReliefDbContext> options;

    public TestDatabase()
    {
        connection.Open();
        options = new DbContextOptionsBuilder<ReliefDbContext>().UseSqlite(connection).Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public ReliefDbContext CreateDbContext() => new(options);

    public Task<ReliefDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
