using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Features.Policy;
using ReliefDashboard.Figures;
using ReliefDashboard.Jobs;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.TestSupport;

/// <summary>The app's feature services over a test database and a fixed clock, registered as Program.cs does.</summary>
public static class TestServices
{
    public static IServiceCollection AddRelief(this IServiceCollection services, TestDatabase db, FixedClock clock)
    {
        services.AddLogging();
        services.AddScoped(_ => db.CreateDbContext());
        services.AddAuthentication();
        services.AddHttpContextAccessor();
        services.AddReliefIdentity(new ConfigurationBuilder().Build());
        services.AddSingleton<AccountSeeder>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<NamePolicy>();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddScoped<ReliefDashboard.Features.Admin.UserAdminService>();
        services.AddScoped<ReliefDashboard.Features.Admin.TownAdminService>();
        services.AddScoped<ReliefDashboard.Features.Admin.ActivityService>();
        services.AddSingleton<IDbContextFactory<ReliefDbContext>>(db);
        services.AddSingleton<TimeProvider>(clock);
        services.AddValidatorsFromAssemblyContaining<Program>();
        services.AddSingleton<ChangeNotifier>();
        services.TryAddSingleton<ReliefDashboard.Writes.WriteGate>();
        services.AddSingleton(sp => new ReliefDashboard.Writes.DistrictWrite(db, sp.GetRequiredService<ChangeNotifier>(),
            sp.GetRequiredService<ReliefDashboard.Writes.WriteGate>(), sp.GetRequiredService<TimeProvider>(), NullLogger<ReliefDashboard.Writes.DistrictWrite>.Instance, sp));
        services.TryAddSingleton<TestUser>();
        services.AddScoped(sp => new CurrentUser(sp) { Override = sp.GetRequiredService<TestUser>().Scope });
        services.AddScoped<HouseholdRegistryService>();
        services.AddScoped<HouseholdCardService>();
        services.AddScoped<HouseholdEditService>();
        services.AddScoped<PolicyService>();
        services.AddScoped<ReliefDashboard.Features.Scorecards.ScorecardService>();
        services.TryAddSingleton(new ReliefDashboard.Features.Supervision.EvidenceStore(Path.Combine(Path.GetTempPath(), $"relief-evidence-{Guid.NewGuid():N}")));
        services.AddScoped<ReliefDashboard.Features.Supervision.FlagService>();
        services.AddScoped<ReliefDashboard.Features.Verification.DepartmentImport>();
        services.AddScoped<ReliefDashboard.Features.Verification.FindingService>();
        services.AddScoped<ReliefDashboard.Features.Verification.SpotCheckService>();
        services.AddScoped<ReliefDashboard.Features.Field.VisitService>();
        services.AddScoped<ReliefDashboard.Features.Field.WorklistService>();
        services.AddScoped<ReliefDashboard.Features.Field.DoorCards>();
        services.AddScoped<ReliefDashboard.Features.Benefits.BenefitService>();
        services.AddScoped<ReliefDashboard.Features.Benefits.FactoryService>();
        services.AddScoped<ReliefDashboard.Features.Benefits.ProgrammeService>();
        services.AddScoped<ReliefDashboard.Features.Supervision.SuggestionService>();
        services.AddScoped<ReliefDashboard.Features.Roster.RosterImport>();
        services.AddScoped<ReliefDashboard.Features.Roster.RosterExport>();
        services.AddSingleton(sp => new StatusRefreshService(db, sp.GetRequiredService<ReliefDashboard.Writes.DistrictWrite>(), clock, NullLogger<StatusRefreshService>.Instance));
        services.AddSingleton(sp => new ReliefDashboard.Features.Benefits.ImplementationFeed(db, sp.GetRequiredService<ChangeNotifier>(), clock,
            NullLogger<ReliefDashboard.Features.Benefits.ImplementationFeed>.Instance)
        { Quiet = TimeSpan.Zero });
        services.AddSingleton(sp => new ReliefDashboard.Figures.DashboardFeed(db, sp.GetRequiredService<ChangeNotifier>(), clock,
            NullLogger<ReliefDashboard.Figures.DashboardFeed>.Instance));
        services.AddSingleton(sp => new ReliefDashboard.Jobs.MonthlyFiguresService(db, sp.GetRequiredService<ReliefDashboard.Writes.DistrictWrite>(), clock,
            NullLogger<ReliefDashboard.Jobs.MonthlyFiguresService>.Instance));
        return services;
    }

    public static ServiceProvider Build(TestDatabase db, FixedClock clock) => new ServiceCollection().AddRelief(db, clock).BuildServiceProvider();
}

/// <summary>Who the services act for in a test; set before resolving a scoped service.</summary>
public sealed class TestUser
{
    public UserScope Scope { get; set; } = new("test-admin", "测试管理员", Roles.Admin, null, null);
}

/// <summary>A small hand-made district with known answers: two towns, four households.</summary>
public static class SmallDistrict
{
    public static readonly DateOnly Today = new(2026, 11, 29);

    public sealed record Seeded(int TownA, int TownB, int SiteA, int SiteB, int Met, int NoMeasure, int SafetyNet, int OtherTown)
    {
        public UserScope StaffA => new("staff-a", "青石镇 王干事", Roles.TownStaff, TownA, null);
        public UserScope StaffB => new("staff-b", "麻塬镇 李干事", Roles.TownStaff, TownB, null);
    }

    public static async Task<Seeded> SeedAsync(TestDatabase database)
    {
        await using var db = database.Seed();
        var a = new Town { Name = "青石镇" };
        var b = new Town { Name = "麻塬镇" };
        a.Sites.Add(new ResettlementSite { Name = "青石新村安置社区", Kind = SiteKind.Centralized });
        b.Sites.Add(new ResettlementSite { Name = "麻塬镇分散安置", Kind = SiteKind.Dispersed });
        db.Towns.AddRange(a, b);
        await db.SaveChangesAsync();

        var policy = StatusPolicy.Default;
        Household Make(Town town, string code, string head, int seq, Action<HouseholdBuilder>? build = null, bool labour = true)
        {
            var builder = new HouseholdBuilder(Today, labour);
            build?.Invoke(builder);
            var h = builder.BuildForInsert();
            h.Code = code;
            h.HeadName = head;
            h.TownId = town.Id;
            h.SiteId = town.Sites[0].Id;
            h.Phone = "13812345678";
            h.Members[0].Name = head;
            h.Members[0].IdNumber = Ids.Make(h.Members[0].BirthDate, Sex.Male, seq);
            HouseholdStatusUpdater.Recompute(h, Today, policy);
            return h;
        }

        var met = Make(a, "610623001000001", "王建军", 1, x => x.Job(Today.AddMonths(-8), contractMonths: 12));
        var none = Make(a, "610623001000002", "李志强", 2);
        var safety = Make(a, "610623001000003", "张秀英", 3, x => x.Coverage(Today.AddYears(-1)), labour: false);
        var other = Make(b, "610623009000001", "高海龙", 4);
        db.Households.AddRange(met, none, safety, other);
        await db.SaveChangesAsync();
        return new Seeded(a.Id, b.Id, a.Sites[0].Id, b.Sites[0].Id, met.Id, none.Id, safety.Id, other.Id);
    }
}
