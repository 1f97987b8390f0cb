using FluentValidation;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Admin;

public sealed class UserInput
{
    public string? Id { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.TownStaff;
    public int? TownId { get; set; }
    public string? Department { get; set; }
    public string? Password { get; set; }
}

public sealed class UserInputValidator : AbstractValidator<UserInput>
{
    public UserInputValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().WithMessage("用户名不能为空").Matches("^[A-Za-z0-9._-]{3,40}$")
            .WithMessage("用户名为3至40位字母、数字或 . _ -");
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("姓名不能为空").MaximumLength(40).WithMessage("姓名不能超过40个字");
        RuleFor(x => x.Role).Must(r => Roles.All.Contains(r)).WithMessage("请选择角色");
        RuleFor(x => x.TownId).NotNull().When(x => x.Role == Roles.TownStaff).WithMessage("镇街工作人员须绑定一个镇街");
        RuleFor(x => x.TownId).Null().When(x => x.Role != Roles.TownStaff).WithMessage("只有镇街工作人员绑定镇街");
        RuleFor(x => x.Department).Must(d => d is not null && VerificationPolicy.Departments.Contains(d)).When(x => x.Role == Roles.Department)
            .WithMessage("行业部门账号须选择所属部门");
        RuleFor(x => x.Password).NotEmpty().When(x => x.Id is null).WithMessage("请设置初始密码");
    }
}

public sealed class TownInput
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public TownKind Kind { get; set; }
}

public sealed class TownInputValidator : AbstractValidator<TownInput>
{
    public TownInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("名称不能为空").MaximumLength(40).WithMessage("名称不能超过40个字")
            .Must(n => n.Trim().EndsWith('镇') || n.Trim().EndsWith("街道", StringComparison.Ordinal)).WithMessage("镇街名称应以“镇”或“街道”结尾");
    }
}

public sealed class SiteInput
{
    public int Id { get; set; }
    public int TownId { get; set; }
    public string Name { get; set; } = "";
    public SiteKind Kind { get; set; }
}

public sealed class SiteInputValidator : AbstractValidator<SiteInput>
{
    public SiteInputValidator()
    {
        RuleFor(x => x.TownId).GreaterThan(0).WithMessage("请选择所属镇街");
        RuleFor(x => x.Name).NotEmpty().WithMessage("名称不能为空").MaximumLength(60).WithMessage("名称不能超过60个字");
    }
}
