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
        if (IsMasked(value))
        {
            return "身份证号是隐藏后的号码（含*），不能据此登记，请填写完整的18位身份证号";
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

    /// <summary>
    /// Masked for wide audiences: 6101**********123X. The hidden digits are the end of the area code and the whole
    /// birth date, so wherever a masked number is shown the birth date beside it must be no finer than the year
    /// (<see cref="BirthYear"/>): with the district's area code and the year known, a masked number and its check
    /// character still leave about 33 possible numbers, never one.
    /// </summary>
    public static string Mask(string? value) =>
        value is { Length: 18 } ? string.Concat(value.AsSpan(0, 4), "**********", value.AsSpan(14, 4)) : "****";

    /// <summary>What a reader who has not revealed the ID number sees of a birth date: 1985年.</summary>
    public static string BirthYear(DateOnly birthDate) => $"{birthDate.Year}年";

    /// <summary>A value that came out of a masked export (it has the mask's asterisks), not a number to store.</summary>
    public static bool IsMasked(string? value) => value is not null && value.Contains('*', StringComparison.Ordinal);

    public static string MaskPhone(string? phone) =>
        phone is { Length: >= 7 } ? string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4)) : "";
}
