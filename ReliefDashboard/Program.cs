using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Services;
using ReliefDashboard.Cli;
using ReliefDashboard.Components;
using ReliefDashboard.Components.Shared;
using ReliefDashboard.Data;
using ReliefDashboard.Features.Households;
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
builder.Services.AddScoped<HouseholdRegistryService>();
builder.Services.AddScoped<HouseholdCardService>();
builder.Services.AddScoped<HouseholdEditService>();
builder.Services.AddScoped<ReliefDashboard.Features.Policy.PolicyService>();
builder.Services.AddHostedService<DatabaseInitializer>();
builder.Services.AddSingleton<StatusRefreshService>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<StatusRefreshService>());

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization("zh-CN");
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthz();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
