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
using ReliefDashboard.Realtime;

if (await CommandLine.TryRunAsync(args))
{
    return;
}

var zh = CultureInfo.GetCultureInfo("zh-CN");
CultureInfo.DefaultThreadCurrentCulture = zh;
CultureInfo.DefaultThreadCurrentUICulture = zh;

var builder = WebApplication.CreateBuilder(args);

var connectionString = DatabaseSetup.ResolveConnectionString(
    builder.Configuration.GetConnectionString(DatabaseSetup.ConnectionName), builder.Environment.ContentRootPath);
builder.Services.AddDbContextFactory<ReliefDbContext>(o => o.UseSqlite(connectionString));

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
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

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ChangeNotifier>();
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddSingleton<AccountSeeder>();
builder.Services.AddScoped<HouseholdRegistryService>();
builder.Services.AddScoped<HouseholdCardService>();
builder.Services.AddScoped<HouseholdEditService>();
builder.Services.AddScoped<ReliefDashboard.Features.Policy.PolicyService>();
builder.Services.AddScoped<ReliefDashboard.Features.Admin.UserAdminService>();
builder.Services.AddScoped<ReliefDashboard.Features.Admin.TownAdminService>();
builder.Services.AddScoped<ReliefDashboard.Features.Admin.ActivityService>();
builder.Services.AddHostedService<DatabaseInitializer>();
builder.Services.AddSingleton<StatusRefreshService>();
builder.Services.AddSingleton<ReliefDashboard.Features.Overview.DashboardFeed>();
builder.Services.AddScoped<ReliefDashboard.Features.Scorecards.ScorecardService>();
builder.Services.AddSingleton(new ReliefDashboard.Features.Supervision.EvidenceStore(
    builder.Configuration["Evidence:Root"] is { Length: > 0 } evidenceRoot
        ? DatabaseSetup.ResolvePath(evidenceRoot, builder.Environment.ContentRootPath)
        : ReliefDashboard.Features.Supervision.EvidenceStore.DefaultRoot(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource)));
builder.Services.AddScoped<ReliefDashboard.Features.Supervision.FlagService>();
builder.Services.AddScoped<ReliefDashboard.Features.Supervision.SuggestionService>();
builder.Services.AddScoped<ReliefDashboard.Features.Roster.RosterImport>();
builder.Services.AddScoped<ReliefDashboard.Features.Benefits.BenefitService>();
builder.Services.AddScoped<ReliefDashboard.Features.Benefits.FactoryService>();
builder.Services.AddScoped<ReliefDashboard.Features.Benefits.ProgrammeService>();
builder.Services.AddSingleton<ReliefDashboard.Features.Roster.ImportJobs>();
builder.Services.AddScoped<ReliefDashboard.Features.Roster.RosterExport>();
builder.Services.AddSingleton<ReliefDashboard.Features.Overview.MonthlyFiguresService>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ReliefDashboard.Features.Overview.MonthlyFiguresService>());
builder.Services.AddHostedService(sp => sp.GetRequiredService<StatusRefreshService>());

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
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
app.MapRosterEndpoints();
app.MapBenefitEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
