using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ReliefDashboard.Cli;
using ReliefDashboard.TestSupport;

namespace ReliefDashboard.Data;

/// <summary>What a careless operator or a failing disk does to the one SQLite file, and what the app says then.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DatabaseCareTests : IDisposable
{
    private readonly string folder = AppHost.Folder();

    public void Dispose()
    {
        foreach (var f in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task TheIntegrityCheck_PassesAWholeFile_AndFailsOneWithDamagedPages()
    {
        var file = await AppHost.SmallDistrictFileAsync(folder);
        await using (var whole = new TestDatabase(file, keepFile: true))
        {
            var health = new DatabaseHealth(whole, new FixedClock(SmallDistrict.Today), NullLogger<DatabaseHealth>.Instance);
            Assert.True((await health.CheckAsync(TestContext.Current.CancellationToken)).Passed);
            Assert.Null(await health.ProblemAsync(TestContext.Current.CancellationToken));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await AppHost.DamageAsync(file);
        await using var damaged = new TestDatabase(file, keepFile: true);
        var after = new DatabaseHealth(damaged, new FixedClock(SmallDistrict.Today), NullLogger<DatabaseHealth>.Instance);

        var check = await after.CheckAsync(TestContext.Current.CancellationToken);

        Assert.False(check.Passed);
        Assert.Contains("完整性检查未通过", await after.ProblemAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OnADamagedFile_HealthzIs503WithTheReason_AndAPageGivesTheChineseErrorPage()
    {
        var file = await AppHost.SmallDistrictFileAsync(folder);
        await AppHost.DamageAsync(file);
        await using var app = new AppHost(file);
        var client = app.Client();

        HttpResponseMessage health;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            health = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
            if (health.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                break;
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        while (waited.Elapsed < TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("数据库完整性检查未通过", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        // A card reads the damaged history: the Chinese error page with a request id, no stack trace, no cookie.
        var signedIn = await app.SignedInAsync();
        int householdId;
        await using (var db = new TestDatabase(file, keepFile: true))
        await using (var ctx = db.CreateDbContext())
        {
            householdId = await ctx.Households.MinAsync(h => h.Id, TestContext.Current.CancellationToken);
        }
        var page = await signedIn.GetAsync($"/households/{householdId}", TestContext.Current.CancellationToken);
        var body = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Contains("出错了", body);
        Assert.Contains("请求编号", body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("SqliteException", body);
        Assert.DoesNotContain("relief.auth", body);
    }

    [Fact]
    public async Task AReadOnlyFile_StopsTheStart_WithAMessageNamingTheFile()
    {
        var file = await AppHost.SmallDistrictFileAsync(folder, auditRows: 0);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (exit, output) = await StartAppProcessAsync(file);

        Assert.Equal(3, exit);
        Assert.Contains(file, output);
        Assert.Contains("不可写", output);
        Assert.Contains("权限", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task AFileThatIsNotADatabase_StopsTheStart_SayingToRestoreFromBackup()
    {
        var file = Path.Combine(folder, "relief.db");
        await File.WriteAllBytesAsync(file, System.Security.Cryptography.RandomNumberGenerator.GetBytes(64 * 1024), TestContext.Current.CancellationToken);

        var (exit, output) = await StartAppProcessAsync(file);

        Assert.Equal(3, exit);
        Assert.Contains(file, output);
        Assert.Contains("已损坏或不是本系统的数据库", output);
        Assert.Contains("restore", output);
        Assert.DoesNotContain("   at ", output);
    }

    /// <summary>The built app started as an operator starts it, on <paramref name="file"/>: its exit code and everything it printed.</summary>
    private static async Task<(int Exit, string Output)> StartAppProcessAsync(string file)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(file)!,
        };
        start.Environment["ConnectionStrings__Relief"] = $"Data Source={file}";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Backup__Enabled"] = "false";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("the app did not stop on a database it cannot use");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task BackupThenRestoreIntoAFreshPath_StartsWithTheSameCounts_AndADamagedBackupIsRefused()
    {
        var file = await AppHost.SmallDistrictFileAsync(folder);
        var backup = Path.Combine(folder, "copies", "relief-backup.db");
        Assert.Equal(0, await BackupCommand.BackupAsync(backup, file));
        Assert.Equal(1, await BackupCommand.BackupAsync(backup, file));
        var restored = Path.Combine(folder, "restored", "relief.db");

        Assert.Equal(0, await BackupCommand.RestoreAsync(backup, restored));

        (int, int, int) Counts(ReliefDbContext db) => (db.Households.Count(), db.Members.Count(), db.Audit.Count());
        (int, int, int) original;
        await using (var db = new TestDatabase(file, keepFile: true))
        await using (var ctx = db.CreateDbContext())
        {
            original = Counts(ctx);
        }
        await using (var app = new AppHost(restored))
        {
            var health = await app.Client().GetStringAsync("/healthz", TestContext.Current.CancellationToken);
            Assert.Equal("ok", health);
            var factory = app.Services.GetRequiredService<IDbContextFactory<ReliefDbContext>>();
            await using var ctx = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
            Assert.Equal(original, Counts(ctx));
            // While the app runs on the file, restore refuses to pull it away.
            Assert.Equal(1, await BackupCommand.RestoreAsync(backup, restored));
        }

        var damaged = Path.Combine(folder, "copies", "damaged.db");
        File.Copy(backup, damaged);
        await AppHost.DamageAsync(damaged);
        var target = Path.Combine(folder, "second", "relief.db");
        Assert.Equal(1, await BackupCommand.RestoreAsync(damaged, target));
        Assert.False(File.Exists(target));
        Assert.Equal(1, await BackupCommand.RestoreAsync(Path.Combine(folder, "missing.db"), target));
    }

    [Fact]
    public async Task ScheduledBackups_KeepTheNewestOnly_AndCopyTheEvidence()
    {
        var file = await AppHost.SmallDistrictFileAsync(folder, auditRows: 0);
        var evidence = Directory.CreateDirectory(Path.Combine(folder, "evidence")).FullName;
        await File.WriteAllTextAsync(Path.Combine(evidence, "a1.pdf"), "%PDF-1.4", TestContext.Current.CancellationToken);
        var options = new BackupOptions(Path.Combine(folder, "backups"), Keep: 2, At: TimeSpan.FromHours(2), Enabled: true);
        var clock = new FixedClock(SmallDistrict.Today);
        var store = new BackupStore(file, evidence, options, clock, NullLogger.Instance);

        for (var i = 0; i < 3; i++)
        {
            var run = await store.RunAsync(TestContext.Current.CancellationToken);
            Assert.True(run.Succeeded, run.Detail);
        }

        Assert.Equal(2, store.List().Count);
        Assert.All(store.List(), b => Assert.StartsWith(BackupStore.Prefix, b.Name));
        Assert.True(File.Exists(Path.Combine(options.Directory, "evidence", "a1.pdf")));
        Assert.Null(await BackupStore.CheckFileAsync(store.List()[0].Path, TestContext.Current.CancellationToken));
    }
}
