using System.Net;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.EndToEnd;

/// <summary>The shipped configuration on an empty file, as a real deployment first starts: no demo, safe answers.</summary>
public sealed class ProductionStartTests : IAsyncLifetime
{
    private readonly string folder = AppHost.Folder();
    private AppHost app = default!;

    public ValueTask InitializeAsync()
    {
        app = new AppHost(Path.Combine(folder, "relief.db"));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task AnEmptyDatabase_GetsNoDemoDataAndNoDemoAccounts_OnlyTheAdministrator()
    {
        var login = await app.Client().GetStringAsync("/account/login", TestContext.Current.CancellationToken);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ReliefDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["admin"], await db.Users.Select(u => u.UserName).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Households.CountAsync(TestContext.Current.CancellationToken));
        Assert.False(await db.SystemInfo.AnyAsync(i => i.Key == SystemInfo.DemoKey, TestContext.Current.CancellationToken));
        Assert.DoesNotContain("演示数据", login);
        // The published demo password opens nothing.
        Assert.NotEqual(HttpStatusCode.Redirect, (await AppHost.PostLoginAsync(app.Client(), "demo.admin", "Relief@2524")).StatusCode);
    }

    [Fact]
    public async Task ABadExportLink_GetsAChineseAnswer_WithNoStackTraceOrHeaders()
    {
        var client = await app.SignedInAsync();

        var response = await client.GetAsync("/roster/export?town=abc", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("参数 town 应为镇街编号", body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("relief.auth", body);
        Assert.DoesNotContain("Cookie", body);
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders_AndHstsAndSecureCookiesOnlyOverHttps()
    {
        var plain = await app.Client().GetAsync("/account/login", TestContext.Current.CancellationToken);
        Assert.Equal(SecurityHeadersExpected.Csp, plain.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", plain.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", plain.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", plain.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));

        // Served over HTTPS (directly, or behind a proxy that says so): HSTS, and the sign-in cookie is Secure.
        var https = app.Client();
        https.BaseAddress = new Uri("https://relief.intranet.test/");
        var secure = await https.GetAsync("/account/login", TestContext.Current.CancellationToken);
        Assert.StartsWith("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single());
        var signedIn = await AppHost.PostLoginAsync(https, "admin", AppHost.AdminPassword);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("relief.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnUnknownUser_AndAWrongPassword_GetByteIdenticalAnswers()
    {
        static string Message(string html) => System.Text.RegularExpressions.Regex.Match(html, "<p class=\"account-error\"[^>]*>[^<]*</p>").Value;
        var unknown = await (await AppHost.PostLoginAsync(app.Client(), "no.such.user", "Wrong-password-1")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var wrong = await (await AppHost.PostLoginAsync(app.Client(), "admin", "Wrong-password-1")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.NotEqual("", Message(unknown));
        Assert.Equal(Message(unknown), Message(wrong));
        Assert.Contains("用户名或密码错误", WebUtility.HtmlDecode(Message(wrong)));
        // The pages differ only in their one-time antiforgery tokens and the name echoed back into the form.
        static string Normal(string html, string name) =>
            System.Text.RegularExpressions.Regex.Replace(html, "CfDJ8[A-Za-z0-9_+/=-]*", "").Replace($"value=\"{name}\"", "value=\"…\"", StringComparison.Ordinal);
        Assert.Equal(Normal(unknown, "no.such.user"), Normal(wrong, "admin"));
    }
}

internal static class SecurityHeadersExpected
{
    public const string Csp = ReliefDashboard.Components.SecurityHeaders.ContentSecurityPolicy;
}
