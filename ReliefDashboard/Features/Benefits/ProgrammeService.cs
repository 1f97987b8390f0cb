using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Benefits;

public sealed record LedgerQuery(int? TownId = null, BenefitKind? Kind = null, int? Year = null, bool IncludeVoided = false, int Page = 0, int PageSize = 50)
{
    /// <summary>
    /// Reads the ledger's address parameters (town, kind, year, voided, page), shared by the page and the export.
    /// Nonsense gives the unfiltered ledger, never an error page.
    /// </summary>
    public static LedgerQuery Parse(Func<string, string?> get) => new(
        int.TryParse(get("town"), out var town) ? town : null,
        Enum.TryParse<BenefitKind>(get("kind"), out var kind) && Enum.IsDefined(kind) ? kind : null,
        int.TryParse(get("year"), out var year) && year is >= 2000 and <= 2100 ? year : null,
        get("voided") == "true",
        int.TryParse(get("page"), out var page) && page >= 0 ? page : 0);
}

public sealed record LedgerRow(
    int Id, int HouseholdId, string Code, string HeadName, string Town, string? Member, BenefitKind Kind, decimal Amount,
    DateOnly PaidOn, DateOnly? ForMonth, string Fund, string Voucher, string RecordedBy, bool Voided, string? VoidReason);

public sealed record LedgerPage(IReadOnlyList<LedgerRow> Rows, int Total, decimal Amount, IReadOnlyList<Option> Towns);

/// <summary>The district-level pages over the money: the ledger, the violations list and the implementation page, each scoped to the user.</summary>
public sealed class ProgrammeService(IDbContextFactory<ReliefDbContext> dbFactory, CurrentUser user, TimeProvider clock, ImplementationFeed? implementation = null)
{
    /// <summary>Town staff read their own town; every other role the district (a department: the kinds of its channels).</summary>
    private static int? TownOf(UserScope scope, int? asked) => scope.Role == Roles.TownStaff ? scope.TownId : asked;

    public async Task<LedgerPage> LedgerAsync(LedgerQuery q, CancellationToken ct = default)
    {
        var scope = await user.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var kinds = BenefitLedger.KindsFor(scope).ToList();
        var rows = db.Benefits.AsNoTracking();
        if (kinds.Count < Enum.GetValues<BenefitKind>().Length)
        {
            // Only a department is limited to some kinds; an IN over every kind would make SQLite sort the whole ledger.
            rows = rows.Where(b => kinds.Contains(b.Kind));
        }
        if (TownOf(scope, q.TownId) is { } town)
        {
            rows = rows.Where(b => b.TownId == town);
        }
        if (q.Kind is { } kind)
        {
            rows = rows.Where(b => b.Kind == kind);
        }
        if (q.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = from.AddYears(1);
            rows = rows.Where(b => b.PaidOn >= from && b.PaidOn < to);
        }
        if (!q.IncludeVoided)
        {
            rows = rows.Where(b => b.VoidedAt == null);
        }
        var total = await rows.CountAsync(ct);
        var amount = await rows.Where(b => b.VoidedAt == null).SumAsync(b => (decimal?)b.Amount, ct) ?? 0;
        var page = await rows.OrderByDescending(b => b.PaidOn).ThenByDescending(b => b.Id)
            .Skip(Math.Max(0, q.Page) * q.PageSize).Take(q.PageSize)
            .Select(b => new LedgerRow(b.Id, b.HouseholdId, b.Household!.Code, b.Household.HeadName, b.Household.Town!.Name,
                b.Member == null ? null : b.Member.Name, b.Kind, b.Amount, b.PaidOn, b.ForMonth, b.Fund, b.Voucher, b.RecordedBy,
                b.VoidedAt != null, b.VoidReason))
            .ToListAsync(ct);
        var towns = await db.Towns.AsNoTracking().Where(t => scope.Role != Roles.TownStaff || t.Id == scope.TownId)
            .OrderBy(t => t.Id).Select(t => new Option(t.Id, t.Name, null)).ToListAsync(ct);
        return new LedgerPage(page, total, amount, towns);
    }

    /// <summary>
    /// The ledger under the page's filter, every row, and the violations in the same reach, as an .xlsx for an
    /// audit or a meeting. Names only (no ID numbers or phones), so nothing needs masking.
    /// </summary>
    public async Task<byte[]> ExportAsync(LedgerQuery q, CancellationToken ct = default)
    {
        var all = await LedgerAsync(q with { Page = 0, PageSize = int.MaxValue }, ct);
        var (violations, towns) = await ViolationsAsync(q.TownId, ct);
        string Money(decimal amount) => amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var ledger = all.Rows.Select(r => new[]
        {
            r.PaidOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Town, r.Code, r.HeadName, r.Member ?? "本户",
            BenefitRules.Clause(r.Kind), Labels.Of(r.Kind), r.ForMonth?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Money(r.Amount), r.Fund, r.Voucher, r.RecordedBy, r.Voided ? $"已作废：{r.VoidReason}" : "",
        });
        var breaches = violations.Where(v => q.Kind is null || v.Kind == q.Kind).Select(v => new[]
        {
            towns.GetValueOrDefault(v.TownId, ""), v.Code, v.HeadName, Labels.Of(v.Kind), Money(v.Amount),
            v.PaidOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            string.Join("；", v.Violations.Select(x => x.Text)),
        });
        using var stream = new MemoryStream();
        Exports.XlsxWriter.Write(stream,
        [
            ("发放台账", ["发放日期", "镇街", "户编号", "户主", "对象", "条款", "补贴", "所属月份", "金额（元）", "资金来源", "凭证号", "登记人", "状态"], ledger),
            ("违规发放", ["镇街", "户编号", "户主", "补贴", "金额（元）", "发放日期", "问题"], breaches),
        ]);
        return stream.ToArray();
    }

    public async Task<(IReadOnlyList<ViolationRow> Rows, IReadOnlyDictionary<int, string> Towns)> ViolationsAsync(int? townId = null, CancellationToken ct = default)
    {
        var scope = await user.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var kinds = BenefitLedger.KindsFor(scope);
        var rows = (await BenefitLedger.StoredAsync(db, TownOf(scope, townId), ct)).Where(r => kinds.Contains(r.Kind)).ToList();
        var towns = await db.Towns.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return (rows, towns);
    }

    /// <summary>The figures of the user's scope (a town's staff: their town), shared with every page showing the same scope.</summary>
    public async Task<(Implementation Figures, string Scope, int? TownId)> ImplementationAsync(CancellationToken ct = default)
    {
        var scope = await user.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var town = TownOf(scope, null);
        var name = town is { } t ? await db.Towns.Where(x => x.Id == t).Select(x => x.Name).SingleAsync(ct) : "全区";
        var figures = implementation is not null
            ? await implementation.GetAsync(town)
            : await ProgrammeQueries.ImplementationAsync(db, town, clock.Today(), ct);
        return (figures, name, town);
    }
}
