using FluentValidation;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Benefits;

/// <summary>A payment to record. The member is the one of the job it rests on; the clause follows from the kind.</summary>
public sealed class BenefitInput : HouseholdEditInput
{
    public BenefitKind Kind { get; set; } = BenefitKind.IndustrySubsidy;
    public decimal? Amount { get; set; }
    public DateTime? PaidOn { get; set; }
    public DateTime? ForMonth { get; set; }
    public int? EmploymentId { get; set; }
    public int? IndustryId { get; set; }
    public int? ShopfrontId { get; set; }
    public string Fund { get; set; } = "";
    public string Voucher { get; set; } = "";
}

public sealed class ShopfrontInput : HouseholdEditInput
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Unit { get; set; } = "";
    public string Business { get; set; } = "";
    public decimal? MonthlyRent { get; set; }
    public DateTime? StartDate { get; set; }
    public DateTime? EndDate { get; set; }
}

/// <summary>A loan application, or a later step of one (<see cref="Id"/> and the loan's <see cref="HouseholdEditInput.Version"/>).</summary>
public sealed class LoanInput : HouseholdEditInput
{
    public int Id { get; set; }
    public decimal? Amount { get; set; }
    public string Lender { get; set; } = "区扶贫局";
    public string Purpose { get; set; } = "";
    public LoanStatus Status { get; set; } = LoanStatus.Applied;
    public DateTime? AppliedOn { get; set; }
    public DateTime? DisbursedOn { get; set; }
    public DateTime? DueOn { get; set; }
}

public sealed class BenefitInputValidator : AbstractValidator<BenefitInput>
{
    public BenefitInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage("请选择补贴类型");
        RuleFor(x => x.Amount).Must(v => Fen.IsWhole(v)).WithMessage("金额最多两位小数（精确到分）");
        RuleFor(x => x.Amount).NotNull().WithMessage("请填写金额")
            .GreaterThan(0).WithMessage("金额应大于0")
            .LessThanOrEqualTo(1_000_000).WithMessage("金额不能超过1000000元")
            .Must(a => a is null || decimal.Round(a.Value, 2) == a.Value).WithMessage("金额最多两位小数（分）");
        RuleFor(x => x.PaidOn).NotNull().WithMessage("请填写发放日期")
            .Must(d => d is null || d.Value.Date <= clock.GetLocalNow().Date).WithMessage("发放日期不能晚于今天")
            .Must(d => d is null || d.Value.Year >= 2010).WithMessage("发放日期不能早于2010年");
        RuleFor(x => x.ForMonth).NotNull().When(x => BenefitRules.IsMonthly(x.Kind)).WithMessage("按月发放的补贴须填写所属月份")
            .Must((x, m) => m is null || x.PaidOn is null || new DateTime(m.Value.Year, m.Value.Month, 1) <= x.PaidOn.Value.Date.AddMonths(1))
            .WithMessage("所属月份不能晚于发放日期的下一个月");
        RuleFor(x => x.IndustryId).NotNull().When(x => BenefitRules.BasisOf(x.Kind) == BenefitBasis.Industry).WithMessage("请选择依据的产业记录");
        RuleFor(x => x.EmploymentId).NotNull().When(x => BenefitRules.BasisOf(x.Kind) == BenefitBasis.Employment).WithMessage("请选择依据的就业记录");
        RuleFor(x => x.ShopfrontId).NotNull().When(x => BenefitRules.BasisOf(x.Kind) == BenefitBasis.Shopfront).WithMessage("请选择依据的门面房租赁记录");
        RuleFor(x => x.Fund).NotEmpty().WithMessage("请填写资金来源").MaximumLength(60).WithMessage("资金来源不能超过60个字");
        RuleFor(x => x.Voucher).NotEmpty().WithMessage("请填写凭证号（拨付文件或记账凭证）").MaximumLength(60).WithMessage("凭证号不能超过60个字");
    }
}

public sealed class ShopfrontInputValidator : AbstractValidator<ShopfrontInput>
{
    public ShopfrontInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.SiteId).GreaterThan(0).WithMessage("请选择门面房所在安置社区");
        RuleFor(x => x.Unit).NotEmpty().WithMessage("请填写门面号").MaximumLength(40).WithMessage("门面号不能超过40个字");
        RuleFor(x => x.Business).NotEmpty().WithMessage("请填写经营项目").MaximumLength(60).WithMessage("经营项目不能超过60个字");
        RuleFor(x => x.MonthlyRent).Must(v => Fen.IsWhole(v)).WithMessage("月租金最多两位小数（精确到分）");
        RuleFor(x => x.MonthlyRent).NotNull().WithMessage("请填写月租金")
            .GreaterThan(0).WithMessage("月租金应大于0").LessThanOrEqualTo(100_000).WithMessage("月租金不能超过100000元")
            .Must(a => a is null || decimal.Round(a.Value, 2) == a.Value).WithMessage("月租金最多两位小数（分）");
        RuleFor(x => x.StartDate).NotNull().WithMessage("请填写起租日期")
            .Must(d => d is null || d.Value.Date <= clock.GetLocalNow().Date.AddMonths(3)).WithMessage("起租日期不能晚于三个月后");
        RuleFor(x => x.EndDate).Must((x, e) => e is null || x.StartDate is null || e.Value.Date >= x.StartDate.Value.Date)
            .WithMessage("退租日期不能早于起租日期");
    }
}

public sealed class LoanInputValidator : AbstractValidator<LoanInput>
{
    public LoanInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Amount).Must(v => Fen.IsWhole(v)).WithMessage("贷款金额最多两位小数（精确到分）");
        RuleFor(x => x.Amount).NotNull().WithMessage("请填写贷款金额").GreaterThan(0).WithMessage("贷款金额应大于0")
            .Must(a => a is null || decimal.Round(a.Value, 2) == a.Value).WithMessage("金额最多两位小数（分）");
        RuleFor(x => x.Lender).NotEmpty().WithMessage("请填写受理单位").MaximumLength(40).WithMessage("受理单位不能超过40个字");
        RuleFor(x => x.Purpose).NotEmpty().WithMessage("请填写贷款用途").MaximumLength(100).WithMessage("贷款用途不能超过100个字");
        RuleFor(x => x.Status).IsInEnum().WithMessage("请选择贷款状态");
        RuleFor(x => x.AppliedOn).NotNull().WithMessage("请填写申请日期")
            .Must(d => d is null || d.Value.Date <= clock.GetLocalNow().Date).WithMessage("申请日期不能晚于今天");
        RuleFor(x => x.DisbursedOn).NotNull().When(x => x.Status is LoanStatus.Disbursed or LoanStatus.Repaid).WithMessage("已放款的贷款须填写放款日期")
            .Must((x, d) => d is null || x.AppliedOn is null || d.Value.Date >= x.AppliedOn.Value.Date).WithMessage("放款日期不能早于申请日期")
            .Must(d => d is null || d.Value.Date <= clock.GetLocalNow().Date).WithMessage("放款日期不能晚于今天");
        RuleFor(x => x.DueOn).Must((x, d) => d is null || x.DisbursedOn is null || d.Value.Date > x.DisbursedOn.Value.Date)
            .WithMessage("到期日期应晚于放款日期");
    }
}

/// <summary>Voiding a payment recorded in error: which one, and why.</summary>
public sealed record VoidInput(int BenefitId, string Reason);

public sealed class VoidInputValidator : AbstractValidator<VoidInput>
{
    public VoidInputValidator()
    {
        RuleFor(x => x.Reason).Must(r => r.Trim().Length is >= 2 and <= 200).WithMessage("请填写作废原因（2至200个字）");
    }
}
