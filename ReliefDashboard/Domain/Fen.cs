using System.Globalization;

namespace ReliefDashboard.Domain;

/// <summary>
/// Money is stored and summed as a whole number of fen (分): the database holds <c>long</c>, never a floating-point
/// number, so a sum over every payment of a district is exact. In memory an amount is a <c>decimal</c> of yuan,
/// which is exact for two decimal places; <see cref="FromYuan"/> refuses anything finer than a fen.
/// </summary>
public static class Fen
{
    public static long FromYuan(decimal yuan)
    {
        var fen = yuan * 100m;
        return fen == decimal.Truncate(fen)
            ? decimal.ToInt64(fen)
            : throw new ArgumentException($"{yuan.ToString(CultureInfo.InvariantCulture)} has a fraction of a fen", nameof(yuan));
    }

    public static decimal ToYuan(long fen) => fen / 100m;

    /// <summary>An amount as a person reads it: ¥ and two decimals, thousands grouped (¥19,999.99).</summary>
    public static string Show(decimal yuan) => "¥" + yuan.ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Show(decimal? yuan) => yuan is { } y ? Show(y) : "—";

    /// <summary>Whether a typed amount is a whole number of fen (at most two decimals).</summary>
    public static bool IsWhole(decimal? yuan) => yuan is not { } y || y * 100m == decimal.Truncate(y * 100m);
}
