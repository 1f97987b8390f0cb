using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.TestSupport;

public static class Ids
{
    /// <summary>A valid ID number for the birth date and sex, with the sequence number to keep it unique.</summary>
    public static string Make(DateOnly birth, Sex sex, int sequence = 0)
    {
        var seq = sequence * 2 % 1000 + (sex == Sex.Male ? 1 : 0);
        var first17 = $"610623{birth:yyyyMMdd}{seq:D3}";
        return first17 + IdNumber.ComputeCheckChar(first17);
    }
}
