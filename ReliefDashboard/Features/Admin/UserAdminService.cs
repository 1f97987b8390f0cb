using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Admin;

public sealed record UserRow(
    string Id, string UserName, string DisplayName, string Role, string? Town, string? Department,
    bool IsDisabled, DateTimeOffset? LockedUntil, int HeldAddresses);

/// <summary>
/// Users for administrators. Identity's UserManager works on a scoped DbContext, so each operation takes its
/// own scope rather than holding one for the life of a circuit.
/// </summary>
public sealed class UserAdminService(
    IServiceScopeFactory scopes,
    IDbContextFactory<ReliefDbContext> dbFactory,
    IValidator<UserInput> validator,
    CurrentUser current,
    LoginThrottle throttle,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>?> ListAsync(CancellationToken ct = default)
    {
        if ((await current.GetAsync()).Role != Roles.Admin)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var towns = await db.Towns.ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToDictionaryAsync(x => x.UserId, x => x.Name ?? "", ct);
        // Wrong passwords hold the name off per client address (LoginThrottle); the list shows the longest hold.
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        return users.Select(u =>
        {
            var holds = throttle.Holds(u.UserName!);
            return new UserRow(u.Id, u.UserName!, u.DisplayName, roles.GetValueOrDefault(u.Id, ""),
                u.TownId is { } t ? towns.GetValueOrDefault(t) : null, u.Department, u.IsDisabled,
                holds.Count > 0 ? holds.Max(h => h.Until) : null, holds.Count);
        }).ToList();
    }

    public Task<AdminResult> SaveAsync(UserInput input, CancellationToken ct = default) =>
        AsAdminAsync(async (users, admin) =>
        {
            var validation = await validator.ValidateAsync(input, ct);
            if (!validation.IsValid)
            {
                return new AdminResult(false, validation.Errors.Select(e => e.ErrorMessage).Distinct().ToList());
            }
            var user = input.Id is null ? new AppUser { UserName = input.UserName.Trim() } : await users.FindByIdAsync(input.Id);
            if (user is null)
            {
                return AdminResult.Fail("找不到该账号");
            }
            if (input.Id is not null && user.UserName == admin.UserName && input.Role != Roles.Admin)
            {
                return AdminResult.Fail("不能取消自己的管理员角色");
            }
            user.DisplayName = input.DisplayName.Trim();
            user.TownId = input.Role == Roles.TownStaff ? input.TownId : null;
            user.Department = input.Role == Roles.Department ? input.Department : null;
            var result = input.Id is null ? await users.CreateAsync(user, input.Password!) : await users.UpdateAsync(user);
            if (!result.Succeeded)
            {
                return Errors(result);
            }
            var currentRoles = await users.GetRolesAsync(user);
            if (!currentRoles.SequenceEqual([input.Role]))
            {
                await users.RemoveFromRolesAsync(user, currentRoles);
                await users.AddToRoleAsync(user, input.Role);
            }
            // Open pages of this user re-check their sign-in against the renewed stamp.
            await users.UpdateSecurityStampAsync(user);
            await LogAsync($"{(input.Id is null ? "新建" : "修改")}账号 {user.UserName}",
                $"角色：{Roles.Label(input.Role)}；镇街：{await TownNameAsync(user.TownId, ct) ?? "无"}；部门：{user.Department ?? "无"}", ct);
            return AdminResult.Success;
        });

    public Task<AdminResult> SetDisabledAsync(string userId, bool disabled, CancellationToken ct = default) =>
        ForUserAsync(userId, async (users, user, admin) =>
        {
            if (user.UserName == admin.UserName)
            {
                return AdminResult.Fail("不能停用自己的账号");
            }
            user.IsDisabled = disabled;
            var result = await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
            await EndSessionsAsync(user);
            await LogAsync($"{(disabled ? "停用" : "启用")}账号 {user.UserName}", null, ct);
            return result.Succeeded ? AdminResult.Success : Errors(result);
        });

    public Task<AdminResult> ResetPasswordAsync(string userId, string newPassword, CancellationToken ct = default) =>
        ForUserAsync(userId, async (users, user, _) =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, newPassword);
            if (!result.Succeeded)
            {
                return Errors(result);
            }
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            throttle.Clear(user.UserName!);
            await EndSessionsAsync(user);
            await LogAsync($"重置账号 {user.UserName} 的密码", null, ct);
            return AdminResult.Success;
        });

    public Task<AdminResult> UnlockAsync(string userId, CancellationToken ct = default) =>
        ForUserAsync(userId, async (users, user, _) =>
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            throttle.Clear(user.UserName!);
            await LogAsync($"解除账号 {user.UserName} 的锁定", null, ct);
            return AdminResult.Success;
        });

    private Task<AdminResult> ForUserAsync(string userId, Func<UserManager<AppUser>, AppUser, AppUser, Task<AdminResult>> action) =>
        AsAdminAsync(async (users, admin) =>
            await users.FindByIdAsync(userId) is { } user ? await action(users, user, admin) : AdminResult.Fail("找不到该账号"));

    private async Task<AdminResult> AsAdminAsync(Func<UserManager<AppUser>, AppUser, Task<AdminResult>> action)
    {
        var scope = await current.GetAsync();
        if (scope.Role != Roles.Admin)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await ActivityLogs.WriteAsync(db, clock, scope, ActivityLog.Kinds.Denied, "用户管理", null, CancellationToken.None);
            return AdminResult.Forbidden;
        }
        await using var services = scopes.CreateAsyncScope();
        var users = services.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByIdAsync(scope.UserId) ?? new AppUser { UserName = scope.Name };
        return await action(users, admin);
    }

    /// <summary>A disabled account or a reset password signs the user out everywhere, at once.</summary>
    private async Task EndSessionsAsync(AppUser user)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await SessionStore.EndAllAsync(db, user.Id);
    }

    private async Task<string?> TownNameAsync(int? townId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return townId is { } id ? await db.Towns.Where(t => t.Id == id).Select(t => t.Name).SingleOrDefaultAsync(ct) : null;
    }

    private async Task LogAsync(string target, string? detail, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ActivityLogs.WriteAsync(db, clock, await current.GetAsync(), ActivityLog.Kinds.Admin, target, detail, ct);
    }

    private static AdminResult Errors(IdentityResult result) => new(false, result.Errors.Select(e => e.Description).ToList());
}
