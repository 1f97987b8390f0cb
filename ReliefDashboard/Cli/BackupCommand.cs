using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReliefDashboard.Data;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Cli;

/// <summary>
/// <c>backup FILE [--db DB]</c>: an online copy of the database (the app may keep running), checked before it is
/// kept. <c>restore FILE [--db DB]</c>: puts a checked backup in the database's place while the app is stopped; the
/// file it replaces is kept beside it as <c>…before-restore-…</c>.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> BackupAsync(string file, string database)
    {
        try
        {
            var written = await BackupStore.WriteAsync(database, file);
            Console.WriteLine($"已备份 {database} → {written.Path}（{BackupStore.Size(written.Bytes)}，完整性检查通过）");
            return 0;
        }
        catch (Exception ex) when (ex is BackupException or SqliteException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"备份失败：{ex.Message}");
            return 1;
        }
    }

    public static async Task<int> RestoreAsync(string file, string database)
    {
        if (await BackupStore.CheckFileAsync(file, knownMigrations: KnownMigrations()) is { } problem)
        {
            await Console.Error.WriteLineAsync($"拒绝恢复：{file} {problem}。数据库 {database} 未作任何改动。");
            return 1;
        }
        if (RunningApp.IsRunningOn(database))
        {
            await Console.Error.WriteLineAsync($"拒绝恢复：系统正在使用 {database}。请先停止服务，再执行恢复。");
            return 1;
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(database))!);
            var incoming = database + ".restoring";
            File.Copy(file, incoming, overwrite: true);
            string? kept = null;
            if (File.Exists(database))
            {
                kept = $"{database}.before-restore-{CommandLine.Clock.GetLocalNow():yyyyMMdd-HHmmss}";
                // The old file and its journal move together, so it stays a whole database.
                File.Move(database, kept);
                foreach (var suffix in new[] { "-wal", "-shm" })
                {
                    if (File.Exists(database + suffix))
                    {
                        File.Move(database + suffix, kept + suffix);
                    }
                }
            }
            File.Move(incoming, database);
            var (households, members) = await CountAsync(database);
            Console.WriteLine($"已从 {file} 恢复到 {database}：{households:N0} 户，{members:N0} 名成员。" +
                (kept is null ? "" : $"原数据库已保留为 {kept}。") + "现在可以启动服务。");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"恢复失败：{ex.Message}");
            return 1;
        }
    }

    private static IReadOnlyCollection<string> KnownMigrations()
    {
        using var db = new ReliefDbContext(new DbContextOptionsBuilder<ReliefDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.GetService<IMigrationsAssembly>().Migrations.Keys.ToHashSet();
    }

    private static async Task<(long Households, long Members)> CountAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM Households), (SELECT COUNT(*) FROM Members)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
