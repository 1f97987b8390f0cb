using FluentValidation;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Households;

public sealed class HouseholdInputValidator : AbstractValidator<HouseholdInput>
{
    public HouseholdInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.SiteId).GreaterThan(0).WithMessage("请选择安置点");
        RuleFor(x => x.OriginVillage).NotEmpty().WithMessage("迁出村不能为空").MaximumLength(60).WithMessage("迁出村不能超过60个字");
        RuleFor(x => x.RelocationYear).InclusiveBetween(2000, clock.GetLocalNow().Year).WithMessage("搬迁年份应在2000年至今年之间");
        RuleFor(x => x.Phone).Must(p => !IdNumber.IsMasked(p)).When(x => !x.KeepPhone).WithMessage("联系电话是隐藏后的号码（含*），请填写完整的11位手机号码")
            .Matches(@"^1\d{10}$").When(x => !string.IsNullOrEmpty(x.Phone) && !x.KeepPhone).WithMessage("联系电话应为11位手机号码");
        RuleFor(x => x.LastVerifiedOn).Must(d => d is null || d.Value.Date <= clock.GetLocalNow().Date).WithMessage("走访核实日期不能晚于今天");
        RuleFor(x => x).Must(x => !(x.IsRegisteredPoor && x.IsCoRelocated)).WithMessage("建档立卡贫困户与同步搬迁户只能选一个").WithName("IsCoRelocated");
    }
}

public sealed class MemberInputValidator : AbstractValidator<MemberInput>
{
    /// <param name="names">The stored name exceptions (a singleton kept current by the settings page); none when not given.</param>
    public MemberInputValidator(TimeProvider clock, NamePolicy? names = null)
    {
        var nameRule = names ?? new NamePolicy();
        RuleFor(x => x.Name).Must(n => nameRule.Problem(n) is null).WithMessage(x => nameRule.Problem(x.Name) ?? "");
        // A form that kept the ID number and birth date masked leaves them as stored; the service checks that.
        When(x => !x.KeepIdentity, () =>
        {
            RuleFor(x => x.IdNumber).Must(v => IdNumber.Problem(v) is null).WithMessage(x => IdNumber.Problem(x.IdNumber) ?? "");
            RuleFor(x => x.BirthDate).NotNull().WithMessage("请填写出生日期")
                .Must(d => d is null || d.Value.Date <= clock.GetLocalNow().Date).WithMessage("出生日期不能晚于今天")
                .Must((x, d) => d is null || !IdNumber.IsValid(x.IdNumber) || IdNumber.BirthDate(x.IdNumber) == DateOnly.FromDateTime(d.Value))
                .WithMessage("出生日期与身份证号不一致");
        });
        RuleFor(x => x.KeepIdentity).Must((x, keep) => !keep || x.Id != 0).WithMessage("新增成员须填写完整的身份证号");
        RuleFor(x => x.Sex).NotNull().WithMessage("请选择性别")
            .Must((x, s) => s is null || !IdNumber.IsValid(x.IdNumber) || IdNumber.SexOf(x.IdNumber) == s)
            .WithMessage("性别与身份证号不一致");
        RuleFor(x => x.IsUnemployedGraduate).Must((x, g) => !g || x.Education == Education.College)
            .WithMessage("未就业高校毕业生须为大专及以上学历");
    }
}

public sealed class EndInputValidator : AbstractValidator<EndInput>
{
    public EndInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.EndDate).NotNull().WithMessage("请填写结束日期")
            .Must((x, d) => d is null || x.StartDate is null || d.Value.Date >= x.StartDate.Value.Date).WithMessage("结束日期不能早于开始日期")
            .Must(d => d is null || d.Value.Date <= clock.GetLocalNow().Date.AddYears(10)).WithMessage("结束日期不合理");
    }
}

public sealed class EmploymentInputValidator : AbstractValidator<EmploymentInput>
{
    public EmploymentInputValidator()
    {
        RuleFor(x => x.MemberId).GreaterThan(0).WithMessage("请选择就业的家庭成员");
        RuleFor(x => x.Channel).Must(c => Labels.EmploymentChannels.Contains(c)).WithMessage("就业类措施只能属于第2、3、4、5类渠道");
        RuleFor(x => x.Employer).NotEmpty().WithMessage("用工单位不能为空").MaximumLength(80).WithMessage("用工单位不能超过80个字");
        RuleFor(x => x.Park).NotEmpty().When(x => x.Channel == Channel.IndustrialParkJob).WithMessage("园区用工须填写所在园区")
            .MaximumLength(60).WithMessage("园区名称不能超过60个字");
        RuleFor(x => x.PostType).NotEmpty().When(x => x.Channel == Channel.PublicWelfarePost).WithMessage("公益性岗位须填写岗位类型")
            .MaximumLength(40).WithMessage("岗位类型不能超过40个字");
        RuleFor(x => x.ContractMonths).InclusiveBetween(1, 120).When(x => x.ContractMonths is not null).WithMessage("合同期限应在1至120个月之间");
        RuleFor(x => x.MonthlyPay).GreaterThanOrEqualTo(0).WithMessage("月工资不能为负数").LessThanOrEqualTo(100_000).WithMessage("月工资不能超过100000元").Must(v => Fen.IsWhole(v)).WithMessage("月工资最多两位小数（精确到分）");
        RuleFor(x => x.StartDate).NotNull().WithMessage("请填写开始日期");
        RuleFor(x => x.EndDate).Must((x, end) => end is null || x.StartDate is null || end.Value.Date >= x.StartDate.Value.Date)
            .WithMessage("结束日期不能早于开始日期");
    }
}

public sealed class IndustryInputValidator : AbstractValidator<IndustryInput>
{
    public IndustryInputValidator()
    {
        RuleFor(x => x.Channel).Must(c => Labels.IndustryChannels.Contains(c)).WithMessage("产业类措施只能属于第1、3、6、7类渠道");
        RuleFor(x => x.Type).NotEmpty().WithMessage("产业类型不能为空").MaximumLength(60).WithMessage("产业类型不能超过60个字");
        RuleFor(x => x.Scale).GreaterThanOrEqualTo(0).When(x => x.Scale is not null).WithMessage("规模不能为负数");
        RuleFor(x => x.ScaleUnit).NotEmpty().When(x => x.Scale is not null).WithMessage("填写规模时须注明单位")
            .MaximumLength(10).WithMessage("规模单位不能超过10个字");
        RuleFor(x => x.Park).MaximumLength(60).WithMessage("园区名称不能超过60个字");
        RuleFor(x => x.LicenceNumber).MaximumLength(40).WithMessage("营业执照号不能超过40个字符");
        RuleFor(x => x.AnnualIncome).GreaterThanOrEqualTo(0).When(x => x.AnnualIncome is not null).WithMessage("年收益不能为负数");
        RuleFor(x => x.AnnualIncome).Must(v => Fen.IsWhole(v)).WithMessage("年收益最多两位小数（精确到分）");
        RuleFor(x => x.PvStation).NotEmpty().When(x => x.Channel == Channel.Photovoltaic).WithMessage("光伏收益须填写电站")
            .MaximumLength(60).WithMessage("电站名称不能超过60个字");
        RuleFor(x => x.PvShareKw).GreaterThan(0).When(x => x.PvShareKw is not null).WithMessage("光伏份额须大于0");
        RuleFor(x => x.Collective).NotEmpty().When(x => x.Channel == Channel.AssetIncome).WithMessage("资产收益须填写集体经济组织或合作社")
            .MaximumLength(80).WithMessage("集体经济组织名称不能超过80个字");
        RuleFor(x => x.ShareForm).NotNull().When(x => x.Channel == Channel.AssetIncome).WithMessage("资产收益须选择入股形式");
        RuleFor(x => x.StartDate).NotNull().WithMessage("请填写开始日期");
        RuleFor(x => x.EndDate).Must((x, end) => end is null || x.StartDate is null || end.Value.Date >= x.StartDate.Value.Date)
            .WithMessage("结束日期不能早于开始日期");
    }
}

public sealed class CoverageInputValidator : AbstractValidator<CoverageInput>
{
    public CoverageInputValidator()
    {
        RuleFor(x => x.MonthlyAmount).GreaterThanOrEqualTo(0).When(x => x.MonthlyAmount is not null).WithMessage("月保障金额不能为负数");
        RuleFor(x => x.MonthlyAmount).Must(v => Fen.IsWhole(v)).WithMessage("月保障金额最多两位小数（精确到分）");
        RuleFor(x => x.StartDate).NotNull().WithMessage("请填写开始日期");
        RuleFor(x => x.EndDate).Must((x, end) => end is null || x.StartDate is null || end.Value.Date >= x.StartDate.Value.Date)
            .WithMessage("结束日期不能早于开始日期");
    }
}

public sealed class TrainingInputValidator : AbstractValidator<TrainingInput>
{
    public TrainingInputValidator()
    {
        RuleFor(x => x.MemberId).GreaterThan(0).WithMessage("请选择参加培训的家庭成员");
        RuleFor(x => x.Course).NotEmpty().WithMessage("培训项目不能为空").MaximumLength(60).WithMessage("培训项目不能超过60个字");
        RuleFor(x => x.Provider).MaximumLength(60).WithMessage("培训机构不能超过60个字");
        RuleFor(x => x.Certificate).MaximumLength(60).WithMessage("证书名称不能超过60个字");
        RuleFor(x => x.Hours).InclusiveBetween(1, 2000).When(x => x.Hours is not null).WithMessage("学时应在1至2000之间");
        RuleFor(x => x.StartDate).NotNull().WithMessage("请填写开始日期");
        RuleFor(x => x.EndDate).Must((x, end) => end is null || x.StartDate is null || end.Value.Date >= x.StartDate.Value.Date)
            .WithMessage("结束日期不能早于开始日期");
    }
}
