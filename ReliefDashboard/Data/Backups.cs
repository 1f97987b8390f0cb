using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ReliefDashboard.Data;

/// <summary>One backup file in the backup folder.</summary>
public sealed record BackupFile(string Path, DateTime CreatedUtc, long Bytes)
{
    public string Name => System.IO.Path.GetFileName(Path);
}

/// <summary>The outcome of the last backup this process made (scheduled or asked for).</summary>
public sealed record BackupRun(DateTimeOffset At, bool Succeeded, string Detail, BackupFile? File);

/// <summary>Where backups go and how many are kept: <c>Backup:*</c> settings.</summary>
public sealed record BackupOptions(string Directory, int Keep, TimeSpan At, bool Enabled)
{
    public static BackupOptions From(IConfiguration configuration, string databaseFile, string contentRoot) => new(
        configuration["Backup:Directory"] is { Length: > 0 } dir
            ? DatabaseSetup.ResolvePath(dir, contentRoot)
            : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(databaseFile) ?? ".", "backups"),
        Math.Max(1, configuration.GetValue("Backup:Keep", 30)),
        TimeSpan.TryParse(configuration["Backup:At"] ?? "02:30", CultureInfo.InvariantCulture, out var at) ? at : new TimeSpan(2, 30, 0),
        configuration.GetValue("Backup:Enabled", true));
}

/// <summary>
/// Online backups of the SQLite file with <c>VACUUM INTO</c> (a consistent, compacted copy taken while the app
/// runs; writers wait only for the copy's read), each checked with <c>PRAGMA integrity_check</c> before it counts,
/// the oldest pruned beyond <see cref="BackupOptions.Keep"/>. The same code serves the <c>backup</c> and
/// <c>restore</c> commands. Evidence files are copied beside the backups (<c>evidence/</c>): they are written once
/// under generated names, so copying the new ones keeps a full copy.
/// </summary>
public sealed class BackupStore(string databaseFile, string? evidenceRoot, BackupOptions options, TimeProvider clock, ILogger logger)
{
    public const string Prefix = "relief-";

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile BackupRun? last;

    public BackupOptions Options => options;
    public string DatabaseFile => databaseFile;
    public BackupRun? LastRun => last;

    public IReadOnlyList<BackupFile> List() =>
        Directory.Exists(options.Directory)
            ? new DirectoryInfo(options.Directory).GetFiles(Prefix + "*.db").OrderByDescending(f => f.Name, StringComparer.Ordinal)
                .Select(f => new BackupFile(f.FullName, f.LastWriteTimeUtc, f.Length)).ToList()
            : [];

    /// <summary>A scheduled or asked-for backup into the backup folder, then the oldest beyond the limit are removed.</summary>
    public async Task<BackupRun> RunAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(options.Directory);
            var local = clock.GetLocalNow();
            var target = Path.Combine(options.Directory, $"{Prefix}{local:yyyyMMdd-HHmmss}.db");
            for (var n = 2; File.Exists(target); n++)
            {
                target = Path.Combine(options.Directory, $"{Prefix}{local:yyyyMMdd-HHmmss}-{n}.db");
            }
            var file = await WriteAsync(databaseFile, target, ct);
            CopyEvidence();
            Prune();
            var run = new BackupRun(clock.GetUtcNow(), true, $"已备份到 {file.Name}（{Size(file.Bytes)}）", file);
            last = run;
            logger.LogInformation("Backed up the database to {File} ({Bytes} bytes)", file.Path, file.Bytes);
            return run;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or BackupException)
        {
            var run = new BackupRun(clock.GetUtcNow(), false, $"备份失败：{ex.Message}", null);
            last = run;
            logger.LogError("Backup failed: {Message}", ex.Message);
            return run;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Copies <paramref name="source"/> into the new file <paramref name="target"/> with <c>VACUUM INTO</c> and
    /// checks the copy; a copy that fails its check is deleted and the backup fails.
    /// </summary>
    public static async Task<BackupFile> WriteAsync(string source, string target, CancellationToken ct = default)
    {
        if (File.Exists(target))
        {
            throw new BackupException($"目标文件 {target} 已存在，请换一个文件名");
        }
        if (!File.Exists(source))
        {
            throw new BackupException($"数据库文件 {source} 不存在");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        var partial = target + ".partial";
        File.Delete(partial);
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $target";
            command.Parameters.AddWithValue("$target", partial);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(ct);
        }
        if (await CheckFileAsync(partial, ct) is { } problem)
        {
            File.Delete(partial);
            throw new BackupException($"备份副本未通过完整性检查：{problem}");
        }
        File.Move(partial, target);
        var info = new FileInfo(target);
        return new BackupFile(info.FullName, info.LastWriteTimeUtc, info.Length);
    }

    /// <summary>
    /// Null when <paramref name="file"/> is a whole database of this system (integrity check passes, it has the
    /// migration history and no migration this build does not know); otherwise what is wrong, in Chinese.
    /// </summary>
    public static async Task<string?> CheckFileAsync(string file, CancellationToken ct = default, IReadOnlyCollection<string>? knownMigrations = null)
    {
        if (!File.Exists(file))
        {
            return $"文件 {file} 不存在";
        }
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(ct);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check(20)";
            check.CommandTimeout = 0;
            var rows = new List<string>();
            await using (var reader = await check.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    rows.Add(reader.GetString(0));
                }
            }
            if (rows is not ["ok"])
            {
                return $"完整性检查未通过：{string.Join("；", rows)}";
            }
            await using var history = connection.CreateCommand();
            history.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
            var applied = new List<string>();
            await using (var reader = await history.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetString(0));
                }
            }
            if (applied.Count == 0)
            {
                return "文件不是本系统的数据库（没有迁移记录）";
            }
            if (knownMigrations is not null && applied.FirstOrDefault(m => !knownMigrations.Contains(m)) is { } unknown)
            {
                return $"文件来自更新版本的系统（迁移 {unknown} 本版本没有），请用相同或更新的版本恢复";
            }
            return null;
        }
        catch (SqliteException ex)
        {
            return ex.SqliteErrorCode is 1 ? "文件不是本系统的数据库（没有迁移记录）" : $"文件不是完好的数据库：{ex.Message.TrimEnd('.')}";
        }
    }

    private void Prune()
    {
        foreach (var old in List().Skip(options.Keep))
        {
            File.Delete(old.Path);
        }
    }

    private void CopyEvidence()
    {
        if (evidenceRoot is null || !Directory.Exists(evidenceRoot))
        {
            return;
        }
        var target = Directory.CreateDirectory(Path.Combine(options.Directory, "evidence")).FullName;
        foreach (var f in Directory.EnumerateFiles(evidenceRoot))
        {
            var to = Path.Combine(target, Path.GetFileName(f));
            if (!File.Exists(to))
            {
                File.Copy(f, to);
            }
        }
    }

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / 1024.0 / 1024.0:0.0} MB"
        : $"{Math.Max(1, bytes / 1024)} KB";
}

public sealed class BackupException(string message) : Exception(message);

/// <summary>
/// The database's daily care, on one timer: an integrity check at start and every day, then (when it passed) a
/// backup at <see cref="BackupOptions.At"/>. A damaged file is not backed up over the good copies.
/// </summary>
public sealed class MaintenanceService(DatabaseHealth health, BackupStore backups, TimeProvider clock, ILogger<MaintenanceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await health.CheckAsync(stoppingToken);
        await DailyRun.EveryDayAsync(clock, backups.Options.At, async (_, ct) =>
        {
            // The start's own check counts for the first run; after that, one a day.
            if (health.LastCheck is not { } last || last.At < clock.GetUtcNow().AddHours(-12))
            {
                await health.CheckAsync(ct);
            }
            if (!backups.Options.Enabled)
            {
                return;
            }
            if (health.Damaged)
            {
                logger.LogCritical("The database failed its integrity check; no backup was taken so the good ones are kept");
                return;
            }
            var lastFile = backups.List().FirstOrDefault();
            if (lastFile is null || lastFile.CreatedUtc < clock.GetUtcNow().UtcDateTime.AddHours(-20))
            {
                await backups.RunAsync(ct);
            }
        }, logger, "maintenance", stoppingToken);
    }
}
