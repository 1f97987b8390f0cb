using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Admin;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Features.Policy;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Accounts;

/// <summary>
/// For every role, what it may read and change, proved through the services (the pages only show what
/// these allow). Town A holds the Met, No-measure and Safety-net households; town B one household.
/// </summary>
public sealed class AccessMatrixTests : ServiceTestBase
{
    public static TheoryData<string> RoleNames => ["leading", "supervisor", "staffA", "staffB", "civil-affairs", "admin"];

    private UserScope Scope(string role) => role switch
    {
        "leading" => new("u1", "领导", Roles.LeadingGroup, null, null),
        "supervisor" => new("u2", "督查", Roles.Supervisor, null, null),
        "staffA" => Seeded.StaffA,
        "staffB" => Seeded.StaffB,
        "civil-affairs" => new("u5", "民政局", Roles.Department, null, "区民政局"),
        _ => new("u6", "管理员", Roles.Admin, null, null),
    };

    private T As<T>(string role) where T : notnull => As<T>(Scope(role));

    [Theory]
    [InlineData("leading", 4)]
    [InlineData("supervisor", 4)]
    [InlineData("staffA", 3)]
    [InlineData("staffB", 1)]
    [InlineData("civil-affairs", 1)]
    [InlineData("admin", 4)]
    public async Task Registry_ListsOnlyWhatTheRoleMaySee(string role, int visible)
    {
        var result = await As<HouseholdRegistryService>(role).SearchAsync(new RegistryQuery());
        Assert.Equal(visible, result.Total);
        Assert.Equal(visible, result.StatusCounts.Values.Sum());
    }

    [Theory]
    [InlineData("leading", CardAccess.Found)]
    [InlineData("supervisor", CardAccess.Found)]
    [InlineData("staffA", CardAccess.Found)]
    [InlineData("staffB", CardAccess.Denied)]
    [InlineData("civil-affairs", CardAccess.Denied)]
    [InlineData("admin", CardAccess.Found)]
    public async Task Card_OfATownAHouseholdWithAParkJob(string role, CardAccess expected)
    {
        var (access, card) = await As<HouseholdCardService>(role).GetAsync(Seeded.Met);
        Assert.Equal(expected, access);
        Assert.Equal(expected == CardAccess.Found, card is not null);
        Assert.Equal(role == "staffA", card?.CanEdit ?? false);
        await using var db = Database.CreateDbContext();
        Assert.Equal(expected == CardAccess.Denied ? 1 : 0, db.Activity.Count(a => a.Kind == ActivityLog.Kinds.Denied));
    }

    [Fact]
    public async Task TheCivilAffairsDepartment_ReadsTheSafetyNetHousehold_ItLeads() =>
        Assert.Equal(CardAccess.Found, (await As<HouseholdCardService>("civil-affairs").GetAsync(Seeded.SafetyNet)).Access);

    [Theory]
    [InlineData("leading", SaveOutcome.Forbidden)]
    [InlineData("supervisor", SaveOutcome.Forbidden)]
    [InlineData("staffA", SaveOutcome.Saved)]
    [InlineData("staffB", SaveOutcome.Forbidden)]
    [InlineData("civil-affairs", SaveOutcome.Forbidden)]
    [InlineData("admin", SaveOutcome.Forbidden)]
    public async Task OnlyTheTownsOwnStaff_ChangeItsHouseholds(string role, SaveOutcome expected)
    {
        var result = await As<HouseholdEditService>(role).SaveHouseholdAsync(new HouseholdInput
        {
            HouseholdId = Seeded.Met,
            Version = 0,
            SiteId = Seeded.SiteA,
            OriginVillage = "新村",
            RelocationYear = 2018,
            IsRegisteredPoor = true,
        });
        Assert.Equal(expected, result.Outcome);
        await using var db = Database.CreateDbContext();
        Assert.Equal(expected == SaveOutcome.Saved ? "新村" : "李家沟村", db.Households.Single(h => h.Id == Seeded.Met).OriginVillage);
        if (expected == SaveOutcome.Forbidden)
        {
            Assert.Contains("只有本镇街的工作人员", result.Errors[0]);
            Assert.Single(db.Activity.Where(a => a.Kind == ActivityLog.Kinds.Denied));
        }
    }

    [Theory]
    [InlineData("leading", false)]
    [InlineData("supervisor", false)]
    [InlineData("staffA", true)]
    [InlineData("staffB", false)]
    [InlineData("civil-affairs", false)]
    [InlineData("admin", true)]
    public async Task FullPhoneAndIdNumbers_OnlyForTheTownsStaffAndAdministrators_AndEveryRevealIsRecorded(string role, bool allowed)
    {
        var phone = await As<HouseholdCardService>(role).RevealAsync(Seeded.Met, null, "测试");
        Assert.Equal(allowed ? "13812345678" : null, phone);
        await using var db = Database.CreateDbContext();
        var log = Assert.Single(db.Activity.ToList());
        Assert.Equal(allowed ? ActivityLog.Kinds.Reveal : ActivityLog.Kinds.Denied, log.Kind);
        Assert.Equal(Scope(role).Name, log.User);
    }

    [Theory]
    [MemberData(nameof(RoleNames))]
    public async Task Administration_IsForAdministratorsOnly(string role)
    {
        var admin = role == "admin";
        Assert.Equal(admin, await As<UserAdminService>(role).ListAsync() is not null);
        Assert.Equal(admin, (await As<TownAdminService>(role).SaveTownAsync(new TownInput { Name = $"新{role}镇" })).Ok);
        Assert.Equal(admin, (await As<PolicyService>(role).UpdateAsync(StatusPolicy.Keys.VerificationDays, "120", "测试")).Ok);
        Assert.Equal(admin, await As<ActivityService>(role).LatestAsync(null) is not null);
    }
}
