using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Accounts;

/// <summary>Roles, the first administrator, and (with the demo district) one demo account per role.</summary>
public sealed class AccountSeeder(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<AccountSeeder> logger)
{
    public const string AdminUserName = "admin";

    public sealed record DemoAccount(string UserName, string DisplayName, string Role, string? Town, string? Department);

    public static readonly DemoAccount[] DemoAccounts =
    [
        new("demo.leader", "演示·领导小组", Roles.LeadingGroup, null, null),
        new("demo.supervisor", "演示·督查", Roles.Supervisor, null, null),
        new("demo.qingshi", "演示·青石镇干部", Roles.TownStaff, "青石镇", null),
        new("demo.mayuan", "演示·麻塬镇干部", Roles.TownStaff, "麻塬镇", null),
        new("demo.renshe", "演示·区人社局", Roles.Department, null, "区人社局"),
        new("demo.minzheng", "演示·区民政局", Roles.Department, null, "区民政局"),
        new("demo.checker", "演示·督查核查员", Roles.Supervisor, null, null),
        new("demo.admin", "演示·管理员", Roles.Admin, null, null),
    ];

    public string DemoPassword => configuration["Demo:AccountPassword"] ?? "Relief@2524";

    public async Task SeedAsync(bool demoLoaded, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }

        if (await users.FindByNameAsync(AdminUserName) is null)
        {
            var configured = configuration["Admin:InitialPassword"];
            var password = string.IsNullOrEmpty(configured) ? Generate() : configured;
            await CreateAsync(users, new AppUser { UserName = AdminUserName, DisplayName = "系统管理员" }, password, Roles.Admin);
            if (string.IsNullOrEmpty(configured))
            {
                // Printed once, on the start that created the account; it is stored only as a hash.
                Console.WriteLine($"*** 已创建管理员账号 {AdminUserName}，初始密码：{password} （请登录后立即修改）***");
            }
            logger.LogInformation("Created the administrator account {User}", AdminUserName);
        }

        if (demoLoaded)
        {
            var db = scope.ServiceProvider.GetRequiredService<ReliefDbContext>();
            var towns = await db.Towns.ToDictionaryAsync(t => t.Name, t => t.Id, ct);
            var missing = new List<(AppUser User, string Role)>();
            foreach (var a in DemoAccounts.Where(a => a.Town is null || towns.ContainsKey(a.Town)))
            {
                if (await users.FindByNameAsync(a.UserName) is null)
                {
                    missing.Add((new AppUser
                    {
                        UserName = a.UserName,
                        DisplayName = a.DisplayName,
                        Department = a.Department,
                        TownId = a.Town is null ? null : towns[a.Town],
                    }, a.Role));
                }
            }
            // The password is checked against the rules once; its slow hash (PBKDF2, by design) is made on every core
            // at once, which halves a fresh start's wait for the demo accounts.
            foreach (var validator in users.PasswordValidators)
            {
                Check(await validator.ValidateAsync(users, new AppUser { UserName = "demo" }, DemoPassword), "demo password");
            }
            Parallel.ForEach(missing, m => m.User.PasswordHash = users.PasswordHasher.HashPassword(m.User, DemoPassword));
            foreach (var (user, role) in missing)
            {
                Check(await users.CreateAsync(user), user.UserName!);
                Check(await users.AddToRoleAsync(user, role), user.UserName!);
            }
            logger.LogInformation("Demo accounts are ready ({Count})", DemoAccounts.Length);
        }
    }

    private static async Task CreateAsync(UserManager<AppUser> users, AppUser user, string password, string role)
    {
        Check(await users.CreateAsync(user, password), user.UserName!);
        Check(await users.AddToRoleAsync(user, role), user.UserName!);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static string Generate() =>
        "Rd" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y').TrimEnd('=') + "7";
}
