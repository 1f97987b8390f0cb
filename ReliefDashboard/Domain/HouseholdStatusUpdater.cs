namespace ReliefDashboard.Domain;

/// <summary>Copies a computed status and the household's figures onto the stored household, where lists and aggregates read them.</summary>
public static class HouseholdStatusUpdater
{
    public const string RuleSource = "每日状态重算（规则）";

    /// <summary>Evaluates the rules on <paramref name="asOf"/> and stores the result.</summary>
    /// <returns>True when anything a person would notice changed.</returns>
    public static bool Recompute(Household h, DateOnly asOf, StatusPolicy policy) =>
        Apply(h, StatusRules.Evaluate(h, asOf, policy), HouseholdFigures.Compute(h, asOf, policy), asOf);

    public static bool Apply(Household h, StatusResult result, HouseholdFigures figures, DateOnly asOf)
    {
        var members = h.Members.Count(m => m.IsActiveOn(asOf));
        var mask = ChannelMask(h, asOf);
        var changed = h.Status != result.Status || h.StatusExplanation != result.Explanation || h.HasLabour != result.HasLabour
            || h.MemberCount != members || h.ChannelMask != mask || Figures(h) != figures || h.VerifiedAttained != result.Verified;
        h.VerifiedAttained = result.Verified;
        h.MemberCount = members;
        h.ChannelMask = mask;
        h.Status = result.Status;
        h.StatusRule = result.Rule;
        h.StatusExplanation = result.Explanation;
        h.HasLabour = result.HasLabour;
        h.StatusComputedOn = asOf;
        h.LabourMembers = figures.LabourMembers;
        h.EmployedLabourMembers = figures.EmployedLabourMembers;
        h.LocalLabourMembers = figures.LocalLabourMembers;
        h.WorkersInDistrict = figures.WorkersInDistrict;
        h.WorkersInProvince = figures.WorkersInProvince;
        h.WorkersOutsideProvince = figures.WorkersOutsideProvince;
        h.IndustryMask = figures.IndustryMask;
        h.EmploymentMask = figures.EmploymentMask;
        return changed;
    }

    public static HouseholdFigures Figures(Household h) => new(h.LabourMembers, h.EmployedLabourMembers, h.LocalLabourMembers,
        h.WorkersInDistrict, h.WorkersInProvince, h.WorkersOutsideProvince, h.IndustryMask, h.EmploymentMask);

    public static int Bit(Channel channel) => 1 << (int)channel;

    public static int ChannelMask(Household h, DateOnly asOf)
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
