using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Supervision;

namespace ReliefDashboard.Features.Field;

public static class FieldEndpoints
{
    public static void MapFieldEndpoints(this IEndpointRouteBuilder app)
    {
        // GET /field/photos/{id}: a visit's photo, to a user who may read the household; anyone else gets 404 (not 403: the id says nothing).
        app.MapGet("/field/photos/{id:long}", async (long id, HttpContext http, IDbContextFactory<ReliefDbContext> dbFactory, EvidenceStore store, CancellationToken ct) =>
        {
            var user = CurrentUser.FromPrincipal(http.User);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var photo = await db.VisitPhotos.AsNoTracking().Where(p => p.Id == id)
                .Join(db.Visits, p => p.VisitId, v => v.Id, (p, v) => new { p.StoredName, p.ContentType, p.FileName, v.HouseholdId })
                .Join(db.Households, x => x.HouseholdId, h => h.Id, (x, h) => new { x.StoredName, x.ContentType, x.FileName, h.TownId, h.ChannelMask })
                .FirstOrDefaultAsync(ct);
            var path = photo is null ? null : Path.Combine(store.Root, photo.StoredName);
            return photo is not null && user.CanRead(photo.TownId, photo.ChannelMask) && File.Exists(path)
                ? Results.File(path!, photo.ContentType, photo.FileName)
                : Results.NotFound("找不到该照片");
        }).RequireAuthorization();
    }
}
