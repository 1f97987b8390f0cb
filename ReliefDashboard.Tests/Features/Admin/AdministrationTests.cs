using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Features.Policy;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Admin;

public sealed class AdministrationTests : ServiceTestBase
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.GetRequiredService<AccountSeeder>().SeedAsync(demoLoaded: false);
    }

    private T Get<T>() where T : notnull => As<T>(new UserScope("admin", "管理员", Roles.Admin, null, null));

    private async Task<AppUser> CreateStaffAsync()
    {
        var result = await Get<UserAdminService>().SaveAsync(new UserInput
        {
            UserName = "wang.gs",
            DisplayName = "王干事",
            Role = Roles.TownStaff,
            TownId = Seeded.TownA,
            Password = "Qingshi2026",
        });
        Assert.True(result.Ok, string.Join(";", result.Errors));
        return (await Get<UserManager<AppUser>>().FindByNameAsync("wang.gs"))!;
    }

    [Fact]
    public async Task WrongPasswords_HoldTheNameOffForThatAddressOnly_TheAdministratorSeesIt_AndLiftsIt()
    {
        var id = (await CreateStaffAsync()).Id;
        var throttle = Get<LoginThrottle>();
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(throttle.LockedUntil("wang.gs", "10.0.0.7"));
            throttle.Failed("wang.gs", "10.0.0.7");
        }
        Assert.NotNull(throttle.LockedUntil("wang.gs", "10.0.0.7"));
        Assert.NotNull(throttle.LockedUntil("WANG.GS ", "10.0.0.7"));
        // Someone who knows only the name cannot lock the account for the town's own computers.
        Assert.Null(throttle.LockedUntil("wang.gs", "10.0.0.8"));

        var row = (await Get<UserAdminService>().ListAsync())!.Single(u => u.UserName == "wang.gs");
        Assert.NotNull(row.LockedUntil);
        Assert.Equal(1, row.HeldAddresses);

        Assert.True((await Get<UserAdminService>().UnlockAsync(id)).Ok);
        Assert.Null((await Get<UserAdminService>().ListAsync())!.Single(u => u.UserName == "wang.gs").LockedUntil);
        Assert.Null(throttle.LockedUntil("wang.gs", "10.0.0.7"));
        await using var db = Database.CreateDbContext();
        Assert.Contains(db.Activity, a => a.Kind == ActivityLog.Kinds.Admin && a.Target == "解除账号 wang.gs 的锁定");
    }

    [Fact]
    public void OneAddressFailingOnManyNames_IsHeldOffAltogether()
    {
        var throttle = Get<LoginThrottle>();
        for (var i = 0; i < throttle.MaxFailuresPerAddress; i++)
        {
            throttle.Failed($"guess{i}", "10.0.0.9");
        }
        Assert.NotNull(throttle.LockedUntil("admin", "10.0.0.9"));
        Assert.Null(throttle.LockedUntil("admin", "10.0.0.10"));
    }

    [Fact]
    public async Task ATownStaffAccount_MustNameItsTown_AndAWeakPasswordIsRefusedInChinese()
    {
        var noTown = await Get<UserAdminService>().SaveAsync(new UserInput { UserName = "li.gs", DisplayName = "李", Role = Roles.TownStaff, Password = "Qingshi2026" });
        Assert.Contains("镇街工作人员须绑定一个镇街", noTown.Errors);
        var weak = await Get<UserAdminService>().SaveAsync(new UserInput { UserName = "li.gs", DisplayName = "李", Role = Roles.TownStaff, TownId = Seeded.TownA, Password = "short" });
        Assert.Contains("密码至少 8 位", weak.Errors);
        Assert.Null(await Get<UserManager<AppUser>>().FindByNameAsync("li.gs"));
    }

    [Fact]
    public async Task ADisabledAccount_IsMarked_AndItsStampChanges()
    {
        var user = await CreateStaffAsync();
        var stamp = user.SecurityStamp;
        Assert.True((await Get<UserAdminService>().SetDisabledAsync(user.Id, true)).Ok);
        var row = (await Get<UserAdminService>().ListAsync())!.Single(u => u.UserName == "wang.gs");
        Assert.True(row.IsDisabled);
        Assert.NotEqual(stamp, (await Get<UserManager<AppUser>>().FindByIdAsync(user.Id))!.SecurityStamp);
    }

    [Fact]
    public async Task APolicyChange_IsKeptInHistory_AndRecomputesEveryStatus()
    {
        // The Met household rests on a 12-month contract started 8 months ago; 24 months of contract and
        // 9 months of continuous work are now required, so it is no longer stable.
        Assert.True((await Get<PolicyService>().UpdateAsync(StatusPolicy.Keys.ContractMonths, "24", "区领导小组会议纪要")).Ok);
        Assert.Equal([PolicyService.ReasonRequired], (await Get<PolicyService>().UpdateAsync(StatusPolicy.Keys.ContinuousMonths, "9", "  ")).Errors);
        Assert.True((await Get<PolicyService>().UpdateAsync(StatusPolicy.Keys.ContinuousMonths, "9", "同一会议纪要")).Ok);

        await using var db = Database.CreateDbContext();
        Assert.Equal(HouseholdStatus.InProgress, await db.Households.Where(h => h.Id == Seeded.Met).Select(h => h.Status).SingleAsync());
        var history = await Get<PolicyService>().HistoryAsync();
        Assert.Equal(2, history.Count);
        Assert.Contains(history, c => c is { OldValue: "12", NewValue: "24", Reason: "区领导小组会议纪要", User: "管理员" });
    }

    [Theory]
    [InlineData(StatusPolicy.Keys.ContractMonths, "abc", "月数应为1至60之间的整数")]
    [InlineData(StatusPolicy.Keys.ContractMonths, "0", "月数应为1至60之间的整数")]
    [InlineData(StatusPolicy.Keys.VerificationDays, "-3", "天数应为1至730之间的整数")]
    [InlineData(StatusPolicy.Keys.CountingChannels, "1,8", "应为1至7之间的渠道编号，用逗号分隔，至少一个（第8类兜底保障不能计入达标）")]
    [InlineData(StatusPolicy.Keys.PostWhileActive, "maybe", "应为“是”或“否”")]
    [InlineData(AssessmentPolicy.Keys.Target, "101", "应为0至100之间的百分数，最多一位小数")]
    [InlineData(AssessmentPolicy.Keys.GreenFrom, "92.55", "应为0至100之间的百分数，最多一位小数")]
    [InlineData(AssessmentPolicy.Keys.AmberFrom, "96", "黄色档下限不能高于绿色档下限")]
    [InlineData(BenefitPolicy.Keys.IndustryCap, "两万", "金额应为0至1000000之间的数，最多两位小数（元）")]
    [InlineData(BenefitPolicy.Keys.GraduateContract, "0", "月数应为1至120之间的整数")]
    [InlineData(BenefitPolicy.Keys.FactoryPercent, "40.25", "应为0至100之间的百分数，最多一位小数")]
    [InlineData(BenefitPolicy.Keys.LoanMin, "90000", "无息贷款下限不能高于上限")]
    [InlineData(BenefitPolicy.Keys.SelfEmploymentAward, "25000", "创业补助金额不能高于产业扶持累计上限")]
    public async Task ABadPolicyValue_IsRefusedInChinese_AndChangesNothing(string key, string value, string message)
    {
        var result = await Get<PolicyService>().UpdateAsync(key, value, null);
        Assert.Equal(message, Assert.Single(result.Errors));
        Assert.Empty(await Get<PolicyService>().HistoryAsync());
        var stored = (await Get<PolicyService>().ListAsync()).Single(p => p.Key == key).Value;
        Assert.Equal(PolicyDefaults.All.Single(p => p.Key == key).Value, stored);
    }

    [Fact]
    public async Task ABandChange_ReachesTheDashboard_WithoutRecomputingStatuses()
    {
        var feed = Services.GetRequiredService<Figures.DashboardFeed>();
        await feed.GetAsync();
        var next = new TaskCompletionSource<Figures.DistrictFigures>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = feed.Subscribe(f => { next.TrySetResult(f); return Task.CompletedTask; });

        Assert.True((await Get<PolicyService>().UpdateAsync(AssessmentPolicy.Keys.GreenFrom, "97.5", "考核办法调整")).Ok);

        var figures = await next.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(97.5m, figures.Policy.GreenFromPercent);
        await using var db = Database.CreateDbContext();
        Assert.Empty(await db.Audit.Where(a => a.Source == HouseholdStatusUpdater.RuleSource).ToListAsync());
    }

    [Fact]
    public async Task TownAndSiteNames_AreUnique()
    {
        Assert.Contains("已有名为“麻塬镇”的镇街", (await Get<TownAdminService>().SaveTownAsync(new TownInput { Name = "麻塬镇" })).Errors);
        Assert.True((await Get<TownAdminService>().SaveSiteAsync(new SiteInput { TownId = Seeded.TownB, Name = "麻塬新区安置社区", Kind = SiteKind.Centralized })).Ok);
        Assert.Contains("该镇街已有名为“麻塬新区安置社区”的安置点",
            (await Get<TownAdminService>().SaveSiteAsync(new SiteInput { TownId = Seeded.TownB, Name = "麻塬新区安置社区" })).Errors);
    }

    [Fact]
    public async Task ANameException_SavedOnTheSettingsPage_IsAcceptedByTheFormsAtOnce()
    {
        var validator = Get<FluentValidation.IValidator<ReliefDashboard.Features.Households.MemberInput>>();
        var input = new ReliefDashboard.Features.Households.MemberInput
        {
            Name = "Anna Müller",
            IdNumber = Ids.Make(new DateOnly(1990, 5, 1), Sex.Female),
            BirthDate = new DateTime(1990, 5, 1),
            Sex = Sex.Female,
        };
        Assert.False((await validator.ValidateAsync(input, TestContext.Current.CancellationToken)).IsValid);

        Assert.True((await Get<PolicyService>().UpdateAsync(NamePolicy.Keys.Exceptions, "Anna Müller", "民政局婚姻登记证明")).Ok);

        Assert.True((await Get<FluentValidation.IValidator<ReliefDashboard.Features.Households.MemberInput>>().ValidateAsync(input, TestContext.Current.CancellationToken)).IsValid);
    }

    [Theory]
    [InlineData(SupervisionPolicy.Keys.EvidenceTypes, "pdf")]
    [InlineData(StatusPolicy.Keys.ContractMonths, "1至60之间的整数")]
    [InlineData(NamePolicy.Keys.Exceptions, "逗号分隔")]
    public void EachSettingsHelp_SaysWhatItsValueIs(string key, string expected)
    {
        Assert.Contains(expected, PolicyService.Help(key));
        if (key != StatusPolicy.Keys.ContractMonths)
        {
            Assert.DoesNotContain("整数", PolicyService.Help(key));
        }
    }
}
