using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.TestSupport;

/// <summary>
/// The real app in the test server over a given database file, with no demo unless asked: what a real deployment
/// starts as. Requests go through an in-process client that keeps cookies.
/// </summary>
public sealed partial class AppHost : IAsyncDisposable
{
    public const string AdminPassword = "Admin@Test2026";

    private readonly WebApplicationFactory<Program> factory;

    public AppHost(string databaseFile, params (string Key, string Value)[] settings)
    {
        DatabaseFile = databaseFile;
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Relief", $"Data Source={databaseFile}");
            b.UseSetting("Admin:InitialPassword", AdminPassword);
            b.UseSetting("Backup:Directory", Path.Combine(Path.GetDirectoryName(databaseFile)!, "backups"));
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
            b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.AspNetCore.Components.Server.Circuits", LogLevel.None)
                .AddFilter("ReliefDashboard.Data.DatabaseHealth", LogLevel.None)
                .AddFilter("Microsoft.AspNetCore.Diagnostics", LogLevel.None)
                .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None));
        });
    }

    public string DatabaseFile { get; }

    public IServiceProvider Services => factory.Services;

    public HttpClient Client(bool redirects = false) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = redirects, HandleCookies = true });

    /// <summary>Signs in through the login form, as a browser would (antiforgery token and all).</summary>
    public async Task<HttpClient> SignedInAsync(string user = "admin", string password = AdminPassword)
    {
        var client = Client();
        var response = await PostLoginAsync(client, user, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string user, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var fields = HiddenInputs().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["Form.UserName"] = user;
        fields["Form.Password"] = password;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    /// <summary>The page's antiforgery token, for a form post made by hand.</summary>
    public static string Token(string html) =>
        WebUtility.HtmlDecode(HiddenInputs().Matches(html).Single(m => m.Groups[1].Value == "__RequestVerificationToken").Groups[2].Value);

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInputs();

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>A fresh folder for one test's files, removed by the caller.</summary>
    public static string Folder()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"relief-host-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>
    /// A database with the small district and enough audit rows to span many pages, checkpointed and closed, so
    /// its pages can be damaged on disk.
    /// </summary>
    public static async Task<string> SmallDistrictFileAsync(string folder, string name = "relief.db", int auditRows = 4000)
    {
        var file = Path.Combine(folder, name);
        await using (var database = new TestDatabase(file, keepFile: true))
        {
            await SmallDistrict.SeedAsync(database);
            await using var db = database.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {0}) " +
                "INSERT INTO Audit (HouseholdId, At, User, Source, Action, Entity, EntityId, Field, OldValue, NewValue) " +
                "SELECT (SELECT MIN(Id) FROM Households), '2026-11-01 08:00:00', '测试', '表单', '修改', 'Household', 1, 'OriginVillage', printf('旧村%d', i), printf('新村%d号安置点补充说明文字', i) FROM n",
                [auditRows]);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        SqliteConnection.ClearAllPools();
        return file;
    }

    /// <summary>Overwrites pages of the file's Audit table on disk, as a failing disk or a half-copied file would.</summary>
    public static async Task DamageAsync(string file)
    {
        int pageSize;
        List<long> pages;
        await using (var c = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT page_size FROM pragma_page_size";
            pageSize = Convert.ToInt32(await cmd.ExecuteScalarAsync());
            cmd.CommandText = "SELECT pageno FROM dbstat WHERE name = 'Audit' AND pagetype = 'leaf' ORDER BY pageno";
            pages = [];
            try
            {
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    pages.Add(reader.GetInt64(0));
                }
            }
            catch (SqliteException)
            {
                // No dbstat in this build of SQLite: the audit rows were written last, so their pages (and their
                // indexes') are the file's last ones; take three from among them.
                var count = new FileInfo(file).Length / pageSize;
                pages = [count - 40, count - 39, count - 38, count - 37, count - 36, count - 35];
            }
        }
        SqliteConnection.ClearAllPools();
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
        foreach (var page in pages.Skip(pages.Count / 2).Take(3))
        {
            stream.Position = (page - 1) * pageSize;
            stream.Write(Enumerable.Repeat((byte)0xFF, pageSize).ToArray());
        }
    }
}
