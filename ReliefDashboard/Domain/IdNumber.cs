using System.Globalization;

namespace ReliefDashboard.Domain;

/// <summary>Resident ID numbers per GB 11643-1999: 6-digit area, 8-digit birth date, 3-digit sequence, check character.</summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public static char ComputeCheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckChars[sum % 11];
    }

    /// <summary>Returns null when valid, otherwise the reason in Chinese.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "身份证号不能为空";
        }
        if (value.Length != 18)
        {
            return "身份证号应为18位";
        }
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return "身份证号前17位应为数字";
            }
        }
        if (!char.IsAsciiDigit(value[17]) && value[17] != 'X')
        {
            return "身份证号末位应为数字或大写X";
        }
        if (BirthDate(value) is null)
        {
            return "身份证号中的出生日期无效";
        }
        if (ComputeCheckChar(value) != value[17])
        {
            return "身份证号校验码不正确";
        }
        return null;
    }

    public static bool IsValid(string? value) => Problem(value) is null;

    public static DateOnly? BirthDate(string value) =>
        value.Length >= 14 && DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    public static Sex SexOf(string value) => (value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>Masked for wide audiences: 6101**********123X.</summary>
    public static string Mask(string? value) =>
        value is { Length: 18 } ? string.Concat(value.AsSpan(0, 4), "**********", value.AsSpan(14, 4)) : "****";

    public static string MaskPhone(string? phone) =>
        phone is { Length: >= 7 } ? string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4)) : "";
}
