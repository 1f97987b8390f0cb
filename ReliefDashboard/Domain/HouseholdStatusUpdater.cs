
namespace ReliefDashboard.Domain;

/// <summary>Copies a computed status onto the stored household, where lists and aggregates read it.</summary>
public static class HouseholdStatusUpdater
{
    public const string RuleSource = "每日状态重算（规则）";

    /// <returns>True when anything a person would notice changed.</returns>
    public static bool Apply(Household h, StatusResult result, DateOnly asOf)
    {
        var members = h.Members.Count(m => m.IsActiveOn(asOf));
        var mask = ChannelMask(h, asOf);
        var changed = h.Status != result.Status || h.StatusExplanation != result.Explanation || h.HasLabour != result.HasLabour
            || h.MemberCount != members || h.ChannelMask != mask;
        h.MemberCount = members;
        h.ChannelMask = mask;
        h.Status = result.Status;
        h.StatusRule = result.Rule;
        h.StatusExplanation = result.Explanation;
        h.HasLabour = result.HasLabour;
        h.StatusComputedOn = asOf;
        return changed;
    }

    public static int Bit(Channel channel) => 1 << (int)channel;

    private static int ChannelMask(Household h, DateOnly asOf)
    {
        var mask = 0;
        foreach (var m in h.Employments.Cast<Measure>().Concat(h.Industries).Concat(h.Coverages))
        {
            if (m.EndDate is null || m.EndDate.Value >= asOf)
            {
                mask |= Bit(m.Channel);
            }
        }
        return mask;
    }
}
