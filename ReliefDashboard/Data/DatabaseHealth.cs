using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ReliefDashboard.Data;

/// <summary>The outcome of one integrity check of the database file.</summary>
public sealed record IntegrityCheck(DateTimeOffset At, bool Passed, string Detail, TimeSpan Took);

/// <summary>
/// Whether the database can be trusted right now: it answers, its file can be written, and the last
/// <c>PRAGMA quick_check</c> (at start and every day, or when a page met a corrupted page) passed. Read by
/// <c>/healthz</c>, the banner on every page and the administrator's backup page.
/// </summary>
public sealed class DatabaseHealth(IDbContextFactory<ReliefDbContext> factory, TimeProvider clock, ILogger<DatabaseHealth> logger)
{
    /// <summary>Below this much free disk the database is reported unhealthy: a full disk fails writes half-way.</summary>
    public const long MinimumFreeBytes = 64L * 1024 * 1024;

    private volatile IntegrityCheck? last;

    public IntegrityCheck? LastCheck => last;

    /// <summary>True when the last check found the file damaged.</summary>
    public bool Damaged => last is { Passed: false };

    /// <summary>Runs <c>PRAGMA quick_check</c> (every page and index, without cross-checking index contents).</summary>
    public async Task<IntegrityCheck> CheckAsync(CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        string detail;
        bool passed;
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var rows = await db.Database.SqlQueryRaw<string>("PRAGMA quick_check(20)").ToListAsync(ct);
            passed = rows is ["ok"];
            detail = passed ? "完整性检查通过" : string.Join("；", rows);
        }
        catch (SqliteException ex)
        {
            passed = false;
            detail = ex.Message;
        }
        var check = new IntegrityCheck(clock.GetUtcNow(), passed, detail, clock.GetElapsedTime(started));
        last = check;
        if (passed)
        {
            logger.LogInformation("Database integrity check passed in {Ms} ms", (int)check.Took.TotalMilliseconds);
        }
        else
        {
            logger.LogCritical("Database integrity check FAILED: {Detail}. Restore the last good backup (restore FILE)", detail);
        }
        return check;
    }

    /// <summary>A request met a damaged page: report it at once, the next check says more.</summary>
    public void ReportDamage(string detail)
    {
        if (!Damaged)
        {
            last = new IntegrityCheck(clock.GetUtcNow(), false, detail, TimeSpan.Zero);
            logger.LogCritical("A request found the database damaged: {Detail}", detail);
        }
    }

    /// <summary>Null when healthy; otherwise why not, in Chinese.</summary>
    public async Task<string?> ProblemAsync(CancellationToken ct = default)
    {
        string? file;
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            file = DatabaseSetup.FileOf(db.Database.GetConnectionString());
            if (!await db.Database.CanConnectAsync(ct) || !await db.PolicySettings.AnyAsync(ct))
            {
                return "数据库不可用：无法读取系统设置";
            }
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            return $"数据库不可用：{ex.Message}";
        }
        if (last is { Passed: false } failed)
        {
            return $"数据库完整性检查未通过（{failed.At.ToOffset(clock.LocalTimeZone.GetUtcOffset(failed.At)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}）：{failed.Detail}。请从备份恢复";
        }
        if (file is not null && WriteProblem(file) is { } cannotWrite)
        {
            return $"数据库文件 {file} 不可写：{cannotWrite}";
        }
        return null;
    }

    /// <summary>
    /// Why the file (or its folder, where SQLite keeps the -wal and -shm files) cannot be written, or null. A file
    /// without its write permission is taken as read-only even for root, who could write it anyway: that is what
    /// the operator who set it meant.
    /// </summary>
    public static string? WriteProblem(string file)
    {
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(file))!;
            if (!OperatingSystem.IsWindows())
            {
                if (File.Exists(file) && (File.GetUnixFileMode(file) & UnixFileMode.UserWrite) == 0)
                {
                    return "文件为只读（没有写权限）";
                }
                if (Directory.Exists(dir) && (File.GetUnixFileMode(dir) & UnixFileMode.UserWrite) == 0)
                {
                    return $"所在目录 {dir} 没有写权限";
                }
            }
            if (File.Exists(file))
            {
                using var _ = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            }
            if (Directory.Exists(dir) && new DriveInfo(dir).AvailableFreeSpace is var free && free < MinimumFreeBytes)
            {
                return $"磁盘剩余空间不足（{free / 1024 / 1024} MB）";
            }
            return null;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return ex.Message;
        }
    }
}

/// <summary>A start that cannot go on because of the database file; the message names the file and what to do.</summary>
public sealed class DatabaseStartException(string message, Exception? inner = null) : Exception(message, inner)
{
    public static string NotWritable(string file, string why) =>
        $"无法启动：数据库文件 {file} 不可写（{why}）。请检查该文件和所在目录的权限（运行本服务的账号须可读写），以及磁盘是否已满或只读挂载，然后重新启动。";

    public static string Explain(string file, SqliteException ex) => ex.SqliteErrorCode switch
    {
        11 or 26 => $"无法启动：数据库文件 {file} 已损坏或不是本系统的数据库（{ex.Message}）。请停止服务，用最近的备份恢复：" +
                    $"dotnet ReliefDashboard.dll restore <备份文件>（从源码运行时为 dotnet run --project ReliefDashboard -- restore <备份文件>；" +
                    $"备份默认在 {Path.Combine(Path.GetDirectoryName(file) ?? ".", "backups")}），然后重新启动。",
        8 or 3 or 14 or 23 => NotWritable(file, ex.Message),
        13 => $"无法启动：数据库文件 {file} 所在磁盘已满（{ex.Message}）。请清理磁盘空间后重新启动。",
        5 or 6 => $"无法启动：数据库文件 {file} 被其他程序锁定（{ex.Message}）。请确认没有其他进程正在写入该文件。",
        _ => $"无法启动：打开数据库文件 {file} 时出错（{ex.Message}）。请检查文件是否完好；如已损坏，请从备份恢复。",
    };
}
