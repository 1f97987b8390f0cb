using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Services;
using ReliefDashboard.Cli;
using ReliefDashboard.Components;
using ReliefDashboard.Components.Shared;
using ReliefDashboard.Data;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Benefits;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Features.Roster;
using ReliefDashboard.Features.Scorecards;
using ReliefDashboard.Features.Supervision;
using ReliefDashboard.Jobs;
using ReliefDashboard.Realtime;

namespace ReliefDashboard;

/// <summary>
/// The composition root: every service, option and endpoint of the app. <c>Program</c> runs it; the circuits bench
/// hosts the very same app in its own process, to weigh its circuits and to write through its pipeline.
/// </summary>
public static class AppComposition
{
    public static (WebApplication App, string? DatabaseFile) Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        CultureInfo.DefaultThreadCurrentCulture = zh;
        CultureInfo.DefaultThreadCurrentUICulture = zh;

        // `--demo` asks for the demo district (and its accounts) in a database that does not exist yet; nothing else
        // ever creates demo data, so a real deployment starting on an empty file starts empty.
        var demoRequested = args.Contains("--demo");
        var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
        configure?.Invoke(builder);
        if (demoRequested)
        {
            builder.Configuration["Demo:Create"] = "true";
        }
        // `dotnet run` serves the packages' static files (MudBlazor, Plotly) in every environment, not only Development;
        // a published build has them in wwwroot and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        // The host's own "failed to start" entry would print the stack trace; a database that stops the start is
        // explained once, below, in Chinese with the file's path.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        var detailedErrors = builder.Configuration.GetValue("Diagnostics:DetailedErrors", false);

        var connectionString = DatabaseSetup.ResolveConnectionString(
            builder.Configuration.GetConnectionString(DatabaseSetup.ConnectionName), builder.Environment.ContentRootPath);
        builder.Services.AddDbContextFactory<ReliefDbContext>(o => o.UseSqlite(connectionString));
        var databaseFile = DatabaseSetup.FileOf(connectionString);

        // Circuits are set deliberately: a closed tab's circuit is kept a short while for a reconnect (a phone changing
        // networks), not the default three minutes a hundred of them; JS calls that hang are given up in 30 s.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(o =>
        {
            o.DetailedErrors = detailedErrors;
            o.DisconnectedCircuitMaxRetained = builder.Configuration.GetValue("Circuits:MaxRetained", 30);
            o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(builder.Configuration.GetValue("Circuits:RetainSeconds", 60));
            o.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
        });
        // An open dashboard holds a WebSocket that never drains by itself: shutdown gives open requests a few seconds
        // (the background jobs stop on the same token), not the host's default 30.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Host:ShutdownSeconds", 3)));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionStore>(SessionStore.Configure);
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest);
        builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
        {
            // Behind a reverse proxy that ends HTTPS (README): trust X-Forwarded-For/-Proto from the addresses listed.
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in (builder.Configuration["Proxy:KnownProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        builder.Services.AddExceptionHandler<DatabaseFaultHandler>();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.AddReliefIdentity(builder.Configuration);
        // A disabled account or a changed role renews the security stamp; cookies are re-checked against it every minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Cookie.Name = "relief.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
        });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddMudServices(c =>
        {
            c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter;
            c.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        builder.Services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        builder.Services.AddValidatorsFromAssemblyContaining<Program>();

        builder.Services.AddSingleton<TimeProvider>(new ReliefDashboard.Domain.DistrictClock(TimeProvider.System,
            ReliefDashboard.Domain.DistrictClock.Zone(builder.Configuration["District:TimeZone"])));
        builder.Services.AddSingleton<DeploymentState>();
        builder.Services.AddSingleton<ReliefDashboard.Domain.NamePolicy>();
        builder.Services.AddSingleton<DatabaseHealth>();
        builder.Services.AddSingleton<ChangeNotifier>();
        builder.Services.AddSingleton<ReliefDashboard.Writes.WriteGate>();
        builder.Services.AddSingleton(sp => new ReliefDashboard.Writes.DistrictWrite(sp.GetRequiredService<IDbContextFactory<ReliefDbContext>>(),
            sp.GetRequiredService<ChangeNotifier>(), sp.GetRequiredService<ReliefDashboard.Writes.WriteGate>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ReliefDashboard.Writes.DistrictWrite>>(), sp)
        {
            FormWait = TimeSpan.FromSeconds(builder.Configuration.GetValue("Writes:FormWaitSeconds", 1.5)),
        });
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddSingleton<AccountSeeder>();
        builder.Services.AddScoped<HouseholdRegistryService>();
        builder.Services.AddScoped<HouseholdCardService>();
        builder.Services.AddScoped<HouseholdEditService>();
        builder.Services.AddScoped<ReliefDashboard.Features.Policy.PolicyService>();
        builder.Services.AddScoped<ReliefDashboard.Features.Admin.UserAdminService>();
        builder.Services.AddScoped<ReliefDashboard.Features.Admin.TownAdminService>();
        builder.Services.AddScoped<ReliefDashboard.Features.Admin.ActivityService>();
        builder.Services.AddScoped<ReliefDashboard.Features.Admin.MaintenanceAdminService>();
        builder.Services.AddHostedService<ReliefDashboard.Startup.DatabaseInitializer>();
        builder.Services.AddSingleton<StatusRefreshService>();
        builder.Services.AddSingleton<ReliefDashboard.Figures.DashboardFeed>();
        builder.Services.AddSingleton<ReliefDashboard.Features.Benefits.ImplementationFeed>();
        builder.Services.AddScoped<ReliefDashboard.Features.Scorecards.ScorecardService>();
        builder.Services.AddSingleton(new ReliefDashboard.Features.Supervision.EvidenceStore(
            builder.Configuration["Evidence:Root"] is { Length: > 0 } evidenceRoot
                ? DatabaseSetup.ResolvePath(evidenceRoot, builder.Environment.ContentRootPath)
                : ReliefDashboard.Features.Supervision.EvidenceStore.DefaultRoot(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource)));
        builder.Services.AddScoped<ReliefDashboard.Features.Supervision.FlagService>();
        builder.Services.AddScoped<ReliefDashboard.Features.Supervision.SuggestionService>();
        builder.Services.AddScoped<ReliefDashboard.Features.Roster.RosterImport>();
        builder.Services.AddScoped<ReliefDashboard.Features.Verification.DepartmentImport>();
        builder.Services.AddScoped<ReliefDashboard.Features.Verification.FindingService>();
        builder.Services.AddScoped<ReliefDashboard.Features.Verification.SpotCheckService>();
        builder.Services.AddScoped<ReliefDashboard.Features.Field.VisitService>();
        builder.Services.AddScoped<ReliefDashboard.Features.Field.WorklistService>();
        builder.Services.AddScoped<ReliefDashboard.Features.Field.DoorCards>();
        builder.Services.AddScoped<ReliefDashboard.Features.Benefits.BenefitService>();
        builder.Services.AddScoped<ReliefDashboard.Features.Benefits.FactoryService>();
        builder.Services.AddScoped<ReliefDashboard.Features.Benefits.ProgrammeService>();
        builder.Services.AddSingleton<ReliefDashboard.Features.Roster.ImportJobs>();
        builder.Services.AddScoped<ReliefDashboard.Features.Roster.RosterExport>();
        builder.Services.AddSingleton<ReliefDashboard.Jobs.MonthlyFiguresService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReliefDashboard.Jobs.MonthlyFiguresService>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StatusRefreshService>());
        builder.Services.AddSingleton(sp => new BackupStore(databaseFile ?? ":memory:", sp.GetRequiredService<ReliefDashboard.Features.Supervision.EvidenceStore>().Root,
            BackupOptions.From(builder.Configuration, databaseFile ?? ".", builder.Environment.ContentRootPath), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<BackupStore>()));
        builder.Services.AddHostedService<MaintenanceService>();

        var app = builder.Build();

        // The Chinese error page with a request id; the stack trace only for someone who set Diagnostics:DetailedErrors.
        if (detailedErrors)
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization("zh-CN");
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthz();
        app.MapAccountEndpoints();
        app.MapScorecardEndpoints();
        app.MapFlagEndpoints();
        ReliefDashboard.Features.Verification.VerificationEndpoints.MapVerificationEndpoints(app);
        ReliefDashboard.Features.Field.FieldEndpoints.MapFieldEndpoints(app);
        app.MapRosterEndpoints();
        app.MapBenefitEndpoints();
        // Our Content-Security-Policy carries frame-ancestors itself; Blazor's own header would be a second policy.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

        return (app, databaseFile);
    }
}
