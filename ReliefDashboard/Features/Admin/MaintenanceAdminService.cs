using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Admin;

/// <summary>What the administrator's 数据备份 page shows: the database file, its last check, the backups kept.</summary>
public sealed record MaintenanceView(
    string DatabaseFile, long DatabaseBytes, IntegrityCheck? LastCheck, BackupRun? LastRun, IReadOnlyList<BackupFile> Backups,
    BackupOptions Options, string? Problem);

/// <summary>Backups and integrity checks for administrators; a backup or check asked for is recorded in the security log.</summary>
public sealed class MaintenanceAdminService(BackupStore backups, DatabaseHealth health, IDbContextFactory<ReliefDbContext> dbFactory, CurrentUser current, TimeProvider clock)
{
    public async Task<MaintenanceView?> GetAsync(CancellationToken ct = default)
    {
        if (!await IsAdminAsync())
        {
            return null;
        }
        var file = new FileInfo(backups.DatabaseFile);
        return new MaintenanceView(file.FullName, file.Exists ? file.Length : 0, health.LastCheck, backups.LastRun, backups.List(), backups.Options,
            await health.ProblemAsync(ct));
    }

    public async Task<BackupRun?> BackupNowAsync(CancellationToken ct = default)
    {
        if (!await IsAdminAsync())
        {
            return null;
        }
        var run = await backups.RunAsync(ct);
        await LogAsync("立即备份数据库", run.Detail, ct);
        return run;
    }

    public async Task<IntegrityCheck?> CheckNowAsync(CancellationToken ct = default)
    {
        if (!await IsAdminAsync())
        {
            return null;
        }
        var check = await health.CheckAsync(ct);
        await LogAsync("检查数据库完整性", check.Detail, ct);
        return check;
    }

    private async Task<bool> IsAdminAsync()
    {
        var scope = await current.GetAsync();
        if (scope.Role == Roles.Admin)
        {
            return true;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        await ActivityLogs.WriteAsync(db, clock, scope, ActivityLog.Kinds.Denied, "数据备份", null, CancellationToken.None);
        return false;
    }

    private async Task LogAsync(string target, string detail, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ActivityLogs.WriteAsync(db, clock, await current.GetAsync(), ActivityLog.Kinds.Admin, target, detail, ct);
    }
}
