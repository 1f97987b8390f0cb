using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Admin;

public sealed record TownRow(int Id, string Name, TownKind Kind, int Households, IReadOnlyList<SiteRow> Sites);

public sealed record SiteRow(int Id, string Name, SiteKind Kind, int Households);

/// <summary>Towns, sub-districts and resettlement sites, for administrators.</summary>
public sealed class TownAdminService(
    IDbContextFactory<ReliefDbContext> dbFactory,
    DistrictWrite writes,
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
        AsAdminAsync(input, async w =>
        {
            var name = input.Name.Trim();
            if (await w.Db.Towns.AnyAsync(t => t.Name == name && t.Id != input.Id, ct))
            {
                return Refusal.Invalid($"已有名为“{name}”的镇街");
            }
            var town = input.Id == 0 ? w.Db.Towns.Add(new Town { Name = name }).Entity : await w.Db.Towns.FindAsync([input.Id], ct);
            if (town is null)
            {
                return Refusal.Invalid("找不到该镇街");
            }
            var old = town.Name;
            town.Name = name;
            town.Kind = input.Kind;
            if (input.Id == 0)
            {
                town.Sites.Add(new ResettlementSite { Name = $"{name}分散安置", Kind = SiteKind.Dispersed });
            }
            else
            {
                w.TouchedTowns([town.Id]);
            }
            w.Log(ActivityLog.Kinds.Admin, input.Id == 0 ? $"新增镇街 {name}" : $"修改镇街 {old} → {name}");
            return null;
        }, ct);

    public Task<AdminResult> SaveSiteAsync(SiteInput input, CancellationToken ct = default) =>
        AsAdminAsync(input, async w =>
        {
            var name = input.Name.Trim();
            if (!await w.Db.Towns.AnyAsync(t => t.Id == input.TownId, ct))
            {
                return Refusal.Invalid("所属镇街不存在");
            }
            if (await w.Db.Sites.AnyAsync(s => s.TownId == input.TownId && s.Name == name && s.Id != input.Id, ct))
            {
                return Refusal.Invalid($"该镇街已有名为“{name}”的安置点");
            }
            var site = input.Id == 0 ? w.Db.Sites.Add(new ResettlementSite { Name = name, TownId = input.TownId }).Entity : await w.Db.Sites.FindAsync([input.Id], ct);
            if (site is null || site.TownId != input.TownId)
            {
                return Refusal.Invalid("找不到该安置点");
            }
            site.Name = name;
            site.Kind = input.Kind;
            w.TouchedTowns([input.TownId]);
            w.Log(ActivityLog.Kinds.Admin, $"{(input.Id == 0 ? "新增" : "修改")}安置点 {name}（{Labels.Of(input.Kind)}）");
            return null;
        }, ct);

    /// <summary>An administrator's change through the write pipeline, logged with it; anyone else's attempt is refused and logged.</summary>
    private async Task<AdminResult> AsAdminAsync<TInput>(TInput input, Func<WriteContext, Task<Refusal?>> apply, CancellationToken ct)
    {
        var scope = await current.GetAsync();
        var written = await writes.CommitAsync(input, new WriteRequest(ChangeKind.Administration, "系统管理", "镇街与安置点管理"), scope,
            w => scope.Role == Roles.Admin ? apply(w) : Task.FromResult<Refusal?>(Refusal.Forbidden("镇街与安置点管理")), ct);
        return written.Status switch
        {
            WriteStatus.Saved => AdminResult.Success,
            WriteStatus.Forbidden => AdminResult.Forbidden,
            _ => new AdminResult(false, written.Problems),
        };
    }
}
