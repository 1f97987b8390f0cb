namespace ReliefDashboard.Domain;

/// <summary>
/// What a household adds to the dashboard's numbers on a date, besides its status: its labour, who of them
/// works and where, and which channels it relies on. Stored on the household with the status so the district's
/// figures are sums over one table.
/// </summary>
public readonly record struct HouseholdFigures(
    int LabourMembers,
    int EmployedLabourMembers,
    int LocalLabourMembers,
    int WorkersInDistrict,
    int WorkersInProvince,
    int WorkersOutsideProvince,
    int IndustryMask,
    int EmploymentMask)
{
    public static HouseholdFigures Compute(Household h, DateOnly asOf, StatusPolicy policy)
    {
        int labour = 0, employedLabour = 0, localLabour = 0, inDistrict = 0, inProvince = 0, outside = 0;
        var employmentMask = 0;
        var industryMask = 0;
        foreach (var i in h.Industries)
        {
            if (i.IsActiveOn(asOf))
            {
                industryMask |= HouseholdStatusUpdater.Bit(i.Channel);
            }
        }
        foreach (var member in h.Members)
        {
            if (!member.IsActiveOn(asOf))
            {
                continue;
            }
            var isLabour = IsLabour(member, policy);
            labour += isLabour ? 1 : 0;
            // A member with two jobs is counted once, where the most recent one is.
            Employment? current = null;
            foreach (var e in h.Employments)
            {
                if (Holds(e, member) && e.IsActiveOn(asOf))
                {
                    employmentMask |= HouseholdStatusUpdater.Bit(e.Channel);
                    if (current is null || e.StartDate > current.StartDate)
                    {
                        current = e;
                    }
                }
            }
            if (current is null)
            {
                continue;
            }
            switch (current.Location)
            {
                case WorkLocation.InsideDistrict: inDistrict++; break;
                case WorkLocation.InsideProvince: inProvince++; break;
                default: outside++; break;
            }
            if (isLabour)
            {
                employedLabour++;
                localLabour += current.Location == WorkLocation.InsideDistrict ? 1 : 0;
            }
        }
        return new HouseholdFigures(labour, employedLabour, localLabour, inDistrict, inProvince, outside, industryMask, employmentMask);
    }

    // Before a save new members all have id 0, so the navigation decides then; a no-tracking read gives the job
    // its own copy of the member, so the id decides otherwise.
    private static bool Holds(Employment e, Member m) => ReferenceEquals(e.Member, m) || (m.Id != 0 && e.MemberId == m.Id);

    public static bool IsLabour(Member m, StatusPolicy policy) =>
        m.LabourCapacity == LabourCapacity.Full || (policy.WeakLabourCountsAsLabour && m.LabourCapacity == LabourCapacity.Weak);
}
