namespace ReliefDashboard.Domain;

/// <summary>
/// How a member's name must look: 2 to 20 Chinese characters, with the middle dot of minority names (阿依古丽·买买提)
/// between parts. A real name outside the rule (a foreign spouse's, say) is let through by listing it in the stored
/// setting <see cref="Keys.Exceptions"/>.
/// </summary>
public sealed class NamePolicy
{
    public static class Keys
    {
        public const string Exceptions = "members.name.exceptions";
    }

    public static IReadOnlyList<PolicySetting> Defaults { get; } =
    [
        new() { Key = Keys.Exceptions, Value = "", Label = "成员姓名格式例外：不是2至20个汉字但属实的姓名（逗号分隔，完整填写）", Clause = "户籍登记（平台口径）" },
    ];

    public const string Rule = "姓名应为2至20个汉字，少数民族姓名可用间隔号“·”分隔";

    private volatile HashSet<string> exceptions = [];

    public IReadOnlyCollection<string> Exceptions => exceptions;

    /// <summary>Takes the stored list (comma-separated) as the exceptions from now on.</summary>
    public void Load(string? stored) => exceptions = Parse(stored).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<string> Parse(string? stored) =>
        (stored ?? "").Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    /// <summary>Null when the name is acceptable; otherwise the rule, in Chinese.</summary>
    public string? Problem(string? name)
    {
        var n = (name ?? "").Trim();
        if (n.Length == 0)
        {
            return "姓名不能为空";
        }
        if (exceptions.Contains(n))
        {
            return null;
        }
        return IsChineseName(n) ? null : $"{Rule}；如确属例外，请管理员在“政策口径”中登记该姓名";
    }

    public static bool IsChineseName(string name)
    {
        if (name.Length is < 2 or > 20 || name[0] == '·' || name[^1] == '·' || name.Contains("··", StringComparison.Ordinal))
        {
            return false;
        }
        return name.All(c => c == '·' || c is >= '\u4e00' and <= '\u9fff' || c is >= '\u3400' and <= '\u4dbf' || c is >= '\uf900' and <= '\ufaff');
    }
}
