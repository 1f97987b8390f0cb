namespace ReliefDashboard.Domain;

/// <summary>
/// Today's households of one town, channel mask, status, industry mask and employment mask, summed: the district's
/// live figures kept up to date by every write (the old and the new stored figures of each household it changes),
/// so the dashboard and the scorecards read about a thousand rows instead of a million households.
/// </summary>
public class FigureSum
{
    public int TownId { get; set; }
    public int ChannelMask { get; set; }
    public HouseholdStatus Status { get; set; }
    public int IndustryMask { get; set; }
    public int EmploymentMask { get; set; }
    public int Households { get; set; }
    public int LabourHouseholds { get; set; }
    public int LabourMembers { get; set; }
    public int EmployedLabourMembers { get; set; }
    public int LocalCoveredHouseholds { get; set; }

    /// <summary>Households with a member able to work who does not (the registry's 有劳动力未就业 gap).</summary>
    public int IdleLabourHouseholds { get; set; }
    public int WorkersInDistrict { get; set; }
    public int WorkersInProvince { get; set; }
    public int WorkersOutsideProvince { get; set; }

    /// <summary>Households visited or verified on or after the day the sums were stamped with (<c>FigureSums.VerifiedSince</c>).</summary>
    public int VerifiedHouseholds { get; set; }
    public int VerifiedAttained { get; set; }
}

/// <summary>The payments not voided of one town and kind, counted and summed; kept on write like <see cref="FigureSum"/>.</summary>
public class MoneySum
{
    public int TownId { get; set; }
    public BenefitKind Kind { get; set; }
    public int Payments { get; set; }
    public decimal Amount { get; set; }
}
