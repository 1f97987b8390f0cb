using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;

namespace ReliefDashboard.Features.Admin;

public sealed record TownRow(int Id, string Name, TownKind Kind, int Households, IReadOnlyList<SiteRow> Sites);

public sealed record SiteRow(int Id, string Name, SiteKind Kind, int Households);

/// <summary>Towns, sub-districts and resettlement sites, for administrators.</summary>
public sealed class TownAdminService(
    IDbContextFactory<ReliefDbContext> dbFactory,
    IValidator<TownInput> townValidator,
    IValidator<SiteInput> siteValidator,
    CurrentUser current)
{
    public async Task<IReadOnlyList<TownRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var perTown = await db.Households.GroupBy(h => h.TownId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var perSite = await db.Households.GroupBy(h => h.SiteId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var towns = await db.Towns.AsNoTracking().Include(t => t.Sites).OrderBy(t => t.Id).ToListAsync(ct);
        return towns.Select(t => new TownRow(t.Id, t.Name, t.Kind, perTown.GetValueOrDefault(t.Id),
            t.Sites.OrderBy(s => s.Kind).ThenBy(s => s.Name).Select(s => new SiteRow(s.Id, s.Name, s.Kind, perSite.GetValueOrDefault(s.Id))).ToList())).ToList();
    }

    public Task<AdminResult> SaveTownAsync(TownInput input, CancellationToken ct = default) =>
        AsAdminAsync(async db =>
        {
            var validation = await townValidator.ValidateAsync(input, ct);
            if (!validation.IsValid)
            {
                return (new AdminResult(false, validation.Errors.Select(e => e.ErrorMessage).ToList()), null);
            }
            var name = input.Name.Trim();
            if (await db.Towns.AnyAsync(t => t.Name == name && t.Id != input.Id, ct))
            {
                return (AdminResult.Fail($"已有名为“{name}”的镇街"), null);
            }
            var town = input.Id == 0 ? db.Towns.Add(new Town { Name = name }).Entity : await db.Towns.FindAsync([input.Id], ct);
            if (town is null)
            {
                return (AdminResult.Fail("找不到该镇街"), null);
            }
            var old = town.Name;
            town.Name = name;
            town.Kind = input.Kind;
            if (input.Id == 0)
            {
                town.Sites.Add(new ResettlementSite { Name = $"{name}分散安置", Kind = SiteKind.Dispersed });
            }
            await db.SaveChangesAsync(ct);
            return (AdminResult.Success, input.Id == 0 ? $"新增镇街 {name}" : $"修改镇街 {old} → {name}");
        }, ct);

    public Task<AdminResult> SaveSiteAsync(SiteInput input, CancellationToken ct = default) =>
        AsAdminAsync(async db =>
        {
            var validation = await siteValidator.ValidateAsync(input, ct);
            if (!validation.IsValid)
            {
                return (new AdminResult(false, validation.Errors.Select(e => e.ErrorMessage).ToList()), null);
            }
            var name = input.Name.Trim();
            if (!await db.Towns.AnyAsync(t => t.Id == input.TownId, ct))
            {
                return (AdminResult.Fail("所属镇街不存在"), null);
            }
            if (await db.Sites.AnyAsync(s => s.TownId == input.TownId && s.Name == name && s.Id != input.Id, ct))
            {
                return (AdminResult.Fail($"该镇街已有名为“{name}”的安置点"), null);
            }
            var site = input.Id == 0 ? db.Sites.Add(new ResettlementSite { Name = name, TownId = input.TownId }).Entity : await db.Sites.FindAsync([input.Id], ct);
            if (site is null || site.TownId != input.TownId)
            {
                return (AdminResult.Fail("找不到该安置点"), null);
            }
            site.Name = name;
            site.Kind = input.Kind;
            await db.SaveChangesAsync(ct);
            return (AdminResult.Success, $"{(input.Id == 0 ? "新增" : "修改")}安置点 {name}（{Labels.Of(input.Kind)}）");
        }, ct);

    /// <summary>Runs an administrator's change; the action returns the result and, on success, what to log.</summary>
    private async Task<AdminResult> AsAdminAsync(Func<ReliefDbContext, Task<(AdminResult Result, string? Log)>> action, CancellationToken ct)
    {
        var scope = await current.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (scope.Role != Roles.Admin)
        {
            await ActivityLogs.WriteAsync(db, scope, ActivityLog.Kinds.Denied, "镇街与安置点管理", null, ct);
            return AdminResult.Forbidden;
        }
        var (result, log) = await action(db);
        if (result.Ok && log is not null)
        {
            await ActivityLogs.WriteAsync(db, scope, ActivityLog.Kinds.Admin, log, null, ct);
        }
        return result;
    }
}
