using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Benefits;

/// <summary>One household's money: its payments (with any rule each breaks today), shopfront rentals and loans.</summary>
public sealed record HouseholdBenefits(
    IReadOnlyList<Benefit> Payments,
    IReadOnlyDictionary<int, IReadOnlyList<BenefitViolation>> Violations,
    IReadOnlyList<ShopfrontRental> Shopfronts,
    IReadOnlyList<BusinessLoan> Loans,
    IReadOnlyList<Option> TownSites,
    BenefitPolicy Policy,
    decimal CappedTotal,
    bool CanEdit);

/// <summary>
/// Records payments, shopfront rentals and loans for a household. A payment is checked against the plan's rules
/// (<see cref="BenefitRules"/>) inside the write transaction, so two people paying the same household at once
/// cannot both pass the cap; a refused payment names its clause and writes nothing.
/// </summary>
public sealed class BenefitService(
    IDbContextFactory<ReliefDbContext> dbFactory,
    DistrictWrite writes,
    CurrentUser user,
    TimeProvider clock)
{
    public const string FormSource = "表单录入";

    private DateOnly Today => clock.Today();

    public async Task<HouseholdBenefits?> ForHouseholdAsync(int householdId, CancellationToken ct = default)
    {
        var scope = await user.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var h = await db.Households.AsNoTracking().Where(x => x.Id == householdId)
            .Select(x => new { x.TownId, x.SiteId, x.ChannelMask }).SingleOrDefaultAsync(ct);
        if (h is null || !scope.CanRead(h.TownId, h.ChannelMask))
        {
            return null;
        }
        var policy = BenefitPolicy.FromSettings(await PolicyStore.LoadValuesAsync(db, ct));
        var payments = await db.Benefits.AsNoTracking().Include(b => b.Member).Where(b => b.HouseholdId == householdId)
            .OrderByDescending(b => b.PaidOn).ThenByDescending(b => b.Id).ToListAsync(ct);
        var violations = payments.Where(p => p.Breaches > 0 && p.VoidedAt is null)
            .ToDictionary(p => p.Id, p => BenefitLedger.Decode(p.BreachText));
        var shops = await db.Shopfronts.AsNoTracking().Include(s => s.Site).Where(s => s.HouseholdId == householdId)
            .OrderByDescending(s => s.StartDate).ToListAsync(ct);
        var loans = await db.Loans.AsNoTracking().Where(l => l.HouseholdId == householdId).OrderByDescending(l => l.AppliedOn).ToListAsync(ct);
        var sites = await db.Sites.AsNoTracking().Where(s => s.TownId == h.TownId).OrderBy(s => s.Id)
            .Select(s => new Option(s.Id, s.Name)).ToListAsync(ct);
        var capped = payments.Where(p => p.VoidedAt is null && BenefitRules.CappedKinds.Contains(p.Kind)).Sum(p => p.Amount);
        return new HouseholdBenefits(payments, violations, shops, loans, sites, policy, capped, scope.CanEdit(h.TownId));
    }

    public async Task<SaveResult> RecordAsync(BenefitInput input, CancellationToken ct = default)
    {
        return await WriteAsync(input, input.HouseholdId, "登记补贴发放", async (db, h, scope, policy, now) =>
        {
            var claim = new BenefitClaim(input.Kind, input.Amount!.Value, DateOnly.FromDateTime(input.PaidOn!.Value),
                input.ForMonth is { } m ? new DateOnly(m.Year, m.Month, 1) : null, null,
                BenefitRules.BasisOf(input.Kind) == BenefitBasis.Employment ? input.EmploymentId : null,
                BenefitRules.BasisOf(input.Kind) == BenefitBasis.Industry ? input.IndustryId : null,
                BenefitRules.BasisOf(input.Kind) == BenefitBasis.Shopfront ? input.ShopfrontId : null);
            // Read inside the write transaction: a payment saved a moment ago by someone else is already in the prior list.
            var ledger = await BenefitLedger.ForHouseholdAsync(db, h.Id, h.SiteId, ct);
            if (claim.EmploymentId is { } jobId && ledger.Jobs.TryGetValue(jobId, out var job))
            {
                claim = claim with { MemberId = job.MemberId };
            }
            var problems = BenefitRules.Check(policy, claim, ledger);
            if (problems.Count > 0)
            {
                return problems.Select(p => p.Text).ToList();
            }
            var benefit = new Benefit
            {
                HouseholdId = h.Id,
                TownId = h.TownId,
                MemberId = claim.MemberId,
                Kind = claim.Kind,
                Amount = claim.Amount,
                PaidOn = claim.PaidOn,
                ForMonth = claim.ForMonth,
                EmploymentId = claim.EmploymentId,
                IndustryId = claim.IndustryId,
                ShopfrontId = claim.ShopfrontId,
                Fund = input.Fund.Trim(),
                Voucher = input.Voucher.Trim(),
                RecordedBy = scope.Name,
                RecordedAt = now,
                Source = FormSource,
            };
            db.Benefits.Add(benefit);
            return null;
        }, ct);
    }

    /// <summary>Voids a payment recorded in error. It stays in the ledger, struck through, with who voided it and why.</summary>
    public async Task<SaveResult> VoidAsync(int benefitId, string reason, CancellationToken ct = default)
    {
        var why = reason.Trim();
        await using var probe = await dbFactory.CreateDbContextAsync(ct);
        var householdId = await probe.Benefits.Where(b => b.Id == benefitId).Select(b => (int?)b.HouseholdId).SingleOrDefaultAsync(ct);
        if (householdId is null)
        {
            return SaveResult.Invalid("找不到该笔发放记录");
        }
        return await WriteAsync(new VoidInput(benefitId, why), householdId.Value, "作废补贴发放", async (db, h, scope, _, now) =>
        {
            var benefit = await db.Benefits.SingleAsync(b => b.Id == benefitId, ct);
            if (benefit.VoidedAt is not null)
            {
                return [$"该笔发放已于{clock.ToLocal(benefit.VoidedAt.Value):yyyy-MM-dd HH:mm}由{benefit.VoidedBy}作废"];
            }
            benefit.VoidedAt = now;
            benefit.VoidedBy = scope.Name;
            benefit.VoidReason = why;
            return null;
        }, ct);
    }

    public async Task<SaveResult> SaveShopfrontAsync(ShopfrontInput input, CancellationToken ct = default)
    {
        return await WriteAsync(input, input.HouseholdId, "登记门面房租赁", async (db, h, scope, _, now) =>
        {
            if (!await db.Sites.AnyAsync(s => s.Id == input.SiteId && s.TownId == h.TownId, ct))
            {
                return ["门面房须在本户所在镇街的安置社区"];
            }
            var shop = input.Id == 0 ? new ShopfrontRental { Unit = "", Business = "", HouseholdId = h.Id }
                : await db.Shopfronts.SingleOrDefaultAsync(s => s.Id == input.Id && s.HouseholdId == h.Id, ct);
            if (shop is null)
            {
                return ["该门面房租赁记录不存在"];
            }
            if (input.Id != 0 && shop.Version != input.Version)
            {
                return ["保存未成功：在您编辑期间，此门面房租赁记录已被他人修改，请关闭后重新打开核对"];
            }
            db.Entry(shop).Property(x => x.Version).OriginalValue = shop.Version;
            shop.Version++;
            shop.SiteId = input.SiteId;
            shop.Unit = input.Unit.Trim();
            shop.Business = input.Business.Trim();
            shop.MonthlyRent = input.MonthlyRent!.Value;
            shop.StartDate = DateOnly.FromDateTime(input.StartDate!.Value);
            shop.EndDate = input.EndDate is { } end ? DateOnly.FromDateTime(end) : null;
            if (input.Id == 0)
            {
                db.Shopfronts.Add(shop);
            }
            return null;
        }, ct);
    }

    public async Task<SaveResult> SaveLoanAsync(LoanInput input, CancellationToken ct = default)
    {
        return await WriteAsync(input, input.HouseholdId, "登记无息贷款", async (db, h, scope, policy, now) =>
        {
            var amount = input.Amount!.Value;
            if (amount < policy.LoanMin || amount > policy.LoanMax)
            {
                return [$"不符合三(三)：创业无息贷款额度为{BenefitRules.Yuan(policy.LoanMin)}至{BenefitRules.Yuan(policy.LoanMax)}，本次{BenefitRules.Yuan(amount)}"];
            }
            var loan = input.Id == 0 ? new BusinessLoan { Lender = "", Purpose = "", HouseholdId = h.Id }
                : await db.Loans.SingleOrDefaultAsync(l => l.Id == input.Id && l.HouseholdId == h.Id, ct);
            if (loan is null)
            {
                return ["该贷款记录不存在"];
            }
            if (input.Id == 0)
            {
                var applied = DateOnly.FromDateTime(input.AppliedOn!.Value);
                var business = await db.Industries.AnyAsync(i => i.HouseholdId == h.Id && i.Channel == Channel.CommunityFactoryOrBusiness
                    && i.StartDate <= applied && (i.EndDate == null || i.EndDate >= applied), ct);
                if (!business)
                {
                    return ["不符合三(三)：无息贷款用于解决搬迁户创业资金困难，本户在申请日没有在营的自主创业记录，请先登记创业项目"];
                }
                var open = await db.Loans.AnyAsync(l => l.HouseholdId == h.Id && l.Status != LoanStatus.Repaid && l.Status != LoanStatus.Rejected, ct);
                if (open)
                {
                    return ["本户已有未结清的无息贷款，不能重复申请"];
                }
            }
            else if (loan.Version != input.Version)
            {
                return ["保存未成功：在您编辑期间，此贷款记录已被他人修改，请关闭后重新打开核对"];
            }
            db.Entry(loan).Property(l => l.Version).OriginalValue = loan.Version;
            loan.Amount = amount;
            loan.Lender = input.Lender.Trim();
            loan.Purpose = input.Purpose.Trim();
            loan.Status = input.Status;
            loan.AppliedOn = DateOnly.FromDateTime(input.AppliedOn!.Value);
            loan.DisbursedOn = input.DisbursedOn is { } d ? DateOnly.FromDateTime(d) : null;
            loan.DueOn = input.DueOn is { } due ? DateOnly.FromDateTime(due) : null;
            loan.Version++;
            if (input.Id == 0)
            {
                db.Loans.Add(loan);
            }
            return null;
        }, ct, recheck: false); // a loan does not enter any payment's check
    }

    /// <summary>
    /// A change to a household's money through the write pipeline: validated, the town checked, applied inside the
    /// immediate transaction (so the checks see every committed payment), audited, the household's payments
    /// re-checked, published. Any refusal rolls everything back.
    /// </summary>
    private async Task<SaveResult> WriteAsync<TInput>(TInput input, int householdId, string what,
        Func<ReliefDbContext, Household, UserScope, BenefitPolicy, DateTime, Task<List<string>?>> change, CancellationToken ct, bool recheck = true)
    {
        var scope = await user.GetAsync();
        var written = await writes.CommitAsync(input, new WriteRequest(ChangeKind.Money, FormSource, what), scope, async w =>
        {
            var h = await w.Db.Households.SingleOrDefaultAsync(x => x.Id == householdId, ct);
            if (h is null)
            {
                return Refusal.NotFound;
            }
            if (!scope.CanEdit(h.TownId))
            {
                return Refusal.Forbidden($"{what} {h.Code}", SaveResult.Forbidden.Errors[0]);
            }
            w.SkipPaymentChecks = !recheck;
            var policy = BenefitPolicy.FromSettings(await PolicyStore.LoadValuesAsync(w.Db, ct));
            return await change(w.Db, h, scope, policy, w.Now) is { } problems ? Refusal.Invalid(problems) : null;
        }, ct);
        return SaveResult.From(written, () => new SaveResult(SaveOutcome.Saved, [], 0));
    }

    internal static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
