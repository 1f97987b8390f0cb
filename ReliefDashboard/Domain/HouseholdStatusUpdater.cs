
namespace ReliefDashboard.Domain;

/// <summary>Copies a computed status onto the stored household, where lists and aggregates read it.</summary>
public static class HouseholdStatusUpdater
{
    public const string RuleSource = "每日状态重算（规则）";

    /// <returns>True when anything a person would notice changed.</returns>
    public static bool Apply(Household h, StatusResult result, DateOnly asOf)
    {
        var changed = h.Status != result.Status || h.StatusExplanation != result.Explanation || h.HasLabour != result.HasLabour;
        h.Status = result.Status;
        h.StatusRule = result.Rule;
        h.StatusExplanation = result.Explanation;
        h.HasLabour = result.HasLabour;
        h.StatusComputedOn = asOf;
        return changed;
    }
}
