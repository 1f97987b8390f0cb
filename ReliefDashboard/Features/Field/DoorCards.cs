using Microsoft.EntityFrameworkCore;
using QRCoder;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;

namespace ReliefDashboard.Features.Field;

/// <summary>One household's door card (一户一码): what is printed, and the address its QR code opens.</summary>
public sealed record DoorCard(int HouseholdId, string Code, string HeadName, string Town, string Site, string Staff, string Hotline, string Url, string QrSvg);

/// <summary>
/// Door cards (A6, one per household, or a whole resettlement site at once). The QR code holds only the address of the
/// household's card (<c>{base}households/{id}</c>): it says nothing to whoever scans it without signing in, and the
/// sign-in page sends a worker who does sign in on to the card. The base is the configured <c>App:PublicUrl</c> (the
/// address the intranet knows the server by), or the address the page was opened at.
/// </summary>
public sealed class DoorCards(IDbContextFactory<ReliefDbContext> dbFactory, CurrentUser current, IConfiguration config)
{
    /// <summary>At most this many cards in one print run: a large site is printed building by building.</summary>
    public const int MaxPerRun = 2000;

    public static string CardUrl(string baseUrl, int householdId) => $"{baseUrl.TrimEnd('/')}/households/{householdId}";

    /// <summary>The QR code of <paramref name="text"/> as an SVG image, error correction level M, sized by the page.</summary>
    public static string QrSvg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(240, 240), "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    public string BaseUrl(string pageBase) => config["App:PublicUrl"] is { Length: > 0 } configured ? configured : pageBase;

    /// <summary>The cards of one household, or of every household of a site; null when the reader may not see them.</summary>
    public async Task<IReadOnlyList<DoorCard>?> ForAsync(int? householdId, int? siteId, string pageBase, CancellationToken ct = default)
    {
        var user = await current.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Households.AsNoTracking();
        query = householdId is { } id ? query.Where(h => h.Id == id) : siteId is { } site ? query.Where(h => h.SiteId == site) : query.Where(h => false);
        var rows = await query.OrderBy(h => h.Code).Take(MaxPerRun)
            .Select(h => new { h.Id, h.Code, h.HeadName, h.TownId, h.ChannelMask, Town = h.Town!.Name, Site = h.Site!.Name }).ToListAsync(ct);
        if (rows.Any(r => !user.CanRead(r.TownId, r.ChannelMask)) || rows.Count == 0 && householdId is not null)
        {
            return rows.Count == 0 ? [] : null;
        }
        var townIds = rows.Select(r => r.TownId).Distinct().ToList();
        var staff = (await (from u in db.Users.AsNoTracking()
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == Roles.TownStaff && u.TownId != null && townIds.Contains(u.TownId.Value) && !u.IsDisabled
                            select new { TownId = u.TownId!.Value, u.DisplayName }).ToListAsync(ct))
            .GroupBy(s => s.TownId).ToDictionary(g => g.Key, g => string.Join("、", g.Select(s => s.DisplayName).Order().Take(2)));
        var hotline = FieldPolicy.FromSettings(await PolicyStore.LoadValuesAsync(db, ct)).Hotline;
        var root = BaseUrl(pageBase);
        return rows.Select(r =>
        {
            var url = CardUrl(root, r.Id);
            return new DoorCard(r.Id, r.Code, r.HeadName, r.Town, r.Site, staff.GetValueOrDefault(r.TownId, "本镇街工作人员"), hotline, url, QrSvg(url));
        }).ToList();
    }
}
