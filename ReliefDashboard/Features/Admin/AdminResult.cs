using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;
namespace ReliefDashboard.Features.Admin;

public sealed record AdminResult(bool Ok, IReadOnlyList<string> Errors)
{
    public static readonly AdminResult Success = new(true, []);
    public static readonly AdminResult Forbidden = new(false, ["无权操作：只有管理员可以进行系统管理。本次操作已记录。"]);

    public static AdminResult Fail(params string[] errors) => new(false, errors);
}
