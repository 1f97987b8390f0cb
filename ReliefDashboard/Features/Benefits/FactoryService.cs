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

public sealed class FactoryInput
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int TownId { get; set; }
    public int? SiteId { get; set; }
    public string Name { get; set; } = "";
    public string Operator { get; set; } = "";
    public decimal? RentedAreaSqm { get; set; }
    public decimal? MonthlyRent { get; set; }
    public int? Workforce { get; set; }
    public int? RelocatedWorkers { get; set; }
    public bool DepositPaid { get; set; }
    public DateTime? DepositPaidOn { get; set; }
    public DateTime? OpenedOn { get; set; }
}

public sealed class FactoryInputValidator : AbstractValidator<FactoryInput>
{
    public FactoryInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.TownId).GreaterThan(0).WithMessage("请选择镇街");
        RuleFor(x => x.Name).NotEmpty().WithMessage("请填写工厂名称").MaximumLength(60).WithMessage("工厂名称不能超过60个字");
        RuleFor(x => x.Operator).NotEmpty().WithMessage("请填写经营企业").MaximumLength(60).WithMessage("经营企业不能超过60个字");
        RuleFor(x => x.RentedAreaSqm).NotNull().WithMessage("请填写租赁面积")
            .GreaterThan(0).WithMessage("租赁面积应大于0").LessThanOrEqualTo(100_000).WithMessage("租赁面积不能超过100000㎡");
        RuleFor(x => x.MonthlyRent).Must(v => Fen.IsWhole(v)).WithMessage("月租金最多两位小数（精确到分）");
        RuleFor(x => x.MonthlyRent).NotNull().WithMessage("请填写月租金").GreaterThanOrEqualTo(0).WithMessage("月租金不能为负")
            .LessThanOrEqualTo(1_000_000).WithMessage("月租金不能超过1000000元");
        RuleFor(x => x.Workforce).NotNull().WithMessage("请填写总用工人数").InclusiveBetween(1, 100_000).WithMessage("总用工人数应为1至100000之间的整数");
        RuleFor(x => x.RelocatedWorkers).NotNull().WithMessage("请填写聘用搬迁群众人数").GreaterThanOrEqualTo(0).WithMessage("聘用搬迁群众人数不能为负")
            .Must((x, r) => r is null || x.Workforce is null || r <= x.Workforce).WithMessage("聘用搬迁群众人数不能多于总用工人数");
        RuleFor(x => x.DepositPaidOn).NotNull().When(x => x.DepositPaid).WithMessage("已交纳用工保证金的，请填写交纳日期")
            .Must(d => d is null || d.Value.Date <= clock.GetLocalNow().Date).WithMessage("交纳日期不能晚于今天");
        RuleFor(x => x.OpenedOn).NotNull().WithMessage("请填写投产日期")
            .Must(d => d is null || d.Value.Date <= clock.GetLocalNow().Date).WithMessage("投产日期不能晚于今天");
    }
}

/// <summary>A factory as listed: its record, whether its rent is halved, and how many relocated workers the registry shows there.</summary>
public sealed record FactoryRow(CommunityFactory Factory, string Town, string? Site, FactoryEligibility Eligibility, int RegistryWorkers, bool CanEdit);

/// <summary>Community factories (三(三)): recorded by the town's staff, read by the district; rent halving computed from the settings.</summary>
public sealed class FactoryService(
    IDbContextFactory<ReliefDbContext> dbFactory,
    DistrictWrite writes,
    CurrentUser user,
    TimeProvider clock)
{
    public async Task<(IReadOnlyList<FactoryRow> Rows, IReadOnlyList<Option> Towns, IReadOnlyList<Option> Sites, BenefitPolicy Policy)> ListAsync(CancellationToken ct = default)
    {
        var scope = await user.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var policy = BenefitPolicy.FromSettings(await PolicyStore.LoadValuesAsync(db, ct));
        var factories = db.Factories.AsNoTracking().Include(f => f.Town).Include(f => f.Site).AsQueryable();
        if (scope.Role == Roles.TownStaff)
        {
            factories = factories.Where(f => f.TownId == scope.TownId);
        }
        var list = await factories.OrderBy(f => f.TownId).ThenBy(f => f.Name).ToListAsync(ct);
        var today = clock.Today();
        // Relocated members whose current job (channel 3) names the factory as employer, counted in SQL by town and employer.
        var workers = await db.Employments.AsNoTracking()
            .Where(e => e.Channel == Channel.CommunityFactoryOrBusiness && e.StartDate <= today && (e.EndDate == null || e.EndDate >= today))
            .Join(db.Households, e => e.HouseholdId, h => h.Id, (e, h) => new { h.TownId, e.Employer, e.MemberId })
            .GroupBy(x => new { x.TownId, x.Employer })
            .Select(g => new { g.Key.TownId, g.Key.Employer, Count = g.Select(x => x.MemberId).Distinct().Count() })
            .ToListAsync(ct);
        var rows = list.Select(f => new FactoryRow(f, f.Town!.Name, f.Site?.Name, FactoryEligibility.Of(policy, f),
            workers.Where(w => w.TownId == f.TownId && w.Employer == f.Name).Sum(w => w.Count), scope.CanEdit(f.TownId))).ToList();
        var towns = await db.Towns.AsNoTracking().OrderBy(t => t.Id).Select(t => new Option(t.Id, t.Name, null)).ToListAsync(ct);
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Id).Select(s => new Option(s.Id, s.Name, s.TownId)).ToListAsync(ct);
        return (rows, towns, sites, policy);
    }

    public async Task<SaveResult> SaveAsync(FactoryInput input, CancellationToken ct = default)
    {
        var scope = await user.GetAsync();
        SaveResult? refused = null;
        var version = 0;
        var written = await writes.CommitAsync(input, new WriteRequest(ChangeKind.Money, "表单录入", "登记社区工厂"), scope, async w =>
        {
            var db = w.Db;
            var factory = input.Id == 0 ? null : await db.Factories.SingleOrDefaultAsync(f => f.Id == input.Id, ct);
            if (input.Id != 0 && factory is null)
            {
                return Refusal.Invalid("该社区工厂不存在");
            }
            var town = factory?.TownId ?? input.TownId;
            if (!scope.CanEdit(town) || (factory is not null && input.TownId != factory.TownId && !scope.CanEdit(input.TownId)))
            {
                return Refusal.Forbidden($"登记社区工厂 {input.Name}", "无权修改：只有本镇街的工作人员可以登记本镇街的社区工厂。本次操作已记录。");
            }
            if (input.SiteId is { } site && !await db.Sites.AnyAsync(s => s.Id == site && s.TownId == input.TownId, ct))
            {
                return Refusal.Invalid("所选安置点不属于该镇街");
            }
            var name = input.Name.Trim();
            if (await db.Factories.AnyAsync(f => f.TownId == input.TownId && f.Name == name && f.Id != input.Id, ct))
            {
                return Refusal.Invalid($"本镇街已登记名为“{name}”的社区工厂");
            }
            if (factory is null)
            {
                factory = new CommunityFactory { Name = "", Operator = "", UpdatedBy = "" };
                db.Factories.Add(factory);
            }
            else if (factory.Version != input.Version)
            {
                refused = new SaveResult(SaveOutcome.Conflict,
                    [$"保存未成功：在您编辑期间，{factory.UpdatedBy}于{clock.ToLocal(factory.UpdatedAt):MM-dd HH:mm}修改了此工厂。您填写的内容仍在表单中，核对后再次保存。"],
                    factory.Version);
                return Refusal.Conflict(refused.Errors);
            }
            db.Entry(factory).Property(f => f.Version).OriginalValue = input.Version;
            factory.TownId = input.TownId;
            factory.SiteId = input.SiteId;
            factory.Name = name;
            factory.Operator = input.Operator.Trim();
            factory.RentedAreaSqm = input.RentedAreaSqm!.Value;
            factory.MonthlyRent = input.MonthlyRent!.Value;
            factory.Workforce = input.Workforce!.Value;
            factory.RelocatedWorkers = input.RelocatedWorkers!.Value;
            factory.DepositPaid = input.DepositPaid;
            factory.DepositPaidOn = input.DepositPaid && input.DepositPaidOn is { } paid ? DateOnly.FromDateTime(paid) : null;
            factory.OpenedOn = DateOnly.FromDateTime(input.OpenedOn!.Value);
            factory.UpdatedBy = scope.Name;
            factory.UpdatedAt = w.Now;
            factory.Version = input.Version + 1;
            version = factory.Version;
            w.TouchedTowns([input.TownId, town]);
            return null;
        }, ct);
        return SaveResult.From(written, () => new SaveResult(SaveOutcome.Saved, [], version), input.Version, refused);
    }
}
