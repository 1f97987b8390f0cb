using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.EndToEnd;

/// <summary>
/// The real app on a loopback port over a fresh SQLite file (migrated and filled with the demo district
/// on start, as a first start in production), and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly string dbFile = Path.Combine(Path.GetTempPath(), $"relief-e2e-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program>? factory;

    public string BackupDirectory { get; } = Path.Combine(Path.GetTempPath(), $"relief-e2e-backups-{Guid.NewGuid():N}");
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The running app's services, to look up ids the tests need (never to change data behind the UI).</summary>
    public IServiceProvider Services => factory!.Services;
    public IBrowser Browser { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Relief", $"Data Source={dbFile}");
            b.UseSetting("Demo:Create", "true");
            b.UseSetting("Backup:Directory", BackupDirectory);
            // Only warnings and errors: when a test fails, the runner prints the host's output after the
            // failure, and a page of sign-in lines would push the failure itself out of view. Circuits torn
            // down by a closed browser context log errors that say nothing about the app.
            b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.AspNetCore.Components.Server.Circuits", LogLevel.None));
        });
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var server = factory.Services.GetRequiredService<IServer>();
        BaseUrl = server.Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public const string DemoPassword = "Relief@2524";

    private readonly List<string> cspViolations = [];

    /// <summary>The Content-Security-Policy violations the browser reported on any page so far.</summary>
    public IReadOnlyList<string> CspViolations
    {
        get
        {
            lock (cspViolations)
            {
                return [.. cspViolations];
            }
        }
    }

    /// <summary>A new browser context signed in through the login form as <paramref name="userName"/>.</summary>
    public async Task<IPage> SignedInPageAsync(string userName)
    {
        var page = await NewPageAsync();
        await page.SignInAsync(userName, DemoPassword);
        await page.WaitForCircuitAsync();
        return page;
    }

    /// <summary>A new browser context the size of a phone (touch, mobile viewport), signed in as <paramref name="userName"/>.</summary>
    public async Task<IPage> PhonePageAsync(string userName, int width, int height)
    {
        var page = await NewPageAsync(new ViewportSize { Width = width, Height = height }, phone: true);
        await page.SignInAsync(userName, DemoPassword);
        await page.WaitForCircuitAsync();
        return page;
    }

    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = viewport ?? new ViewportSize { Width = 1600, Height = 1000 },
            BaseURL = BaseUrl,
            IsMobile = phone,
            HasTouch = phone,
        });
        var page = await context.NewPageAsync();
        // Generous: the 2-core CI machine runs the whole suite at once, and a sign-in there twice took over 15 s
        // (here it takes about one); a real hang still fails, a loaded machine does not.
        page.SetDefaultTimeout(30_000);
        // Every page of the suite runs under the app's Content-Security-Policy; a violation anywhere fails the run.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                lock (cspViolations)
                {
                    cspViolations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        var violations = CspViolations;
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        foreach (var f in new[] { dbFile, dbFile + "-wal", dbFile + "-shm", dbFile + ".lock" })
        {
            File.Delete(f);
        }
        if (Directory.Exists(BackupDirectory))
        {
            Directory.Delete(BackupDirectory, recursive: true);
        }
        if (violations.Count > 0)
        {
            throw new InvalidOperationException("Content-Security-Policy violations during the end-to-end run:\n" + string.Join("\n", violations));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "end-to-end";
}
