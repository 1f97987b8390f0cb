using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.TestSupport;

public static class TestInputs
{
    /// <summary>A 12-month contract for the household's head, at the version stored now: stable from its first day.</summary>
    public static async Task<EmploymentInput> StableJobAsync(TestDatabase database, int householdId, DateTime start)
    {
        await using var db = database.CreateDbContext();
        var h = await db.Households.Include(x => x.Members).SingleAsync(x => x.Id == householdId);
        return new EmploymentInput
        {
            HouseholdId = householdId,
            Version = h.Version,
            MemberId = h.Members[0].Id,
            Employer = "东川建材有限公司",
            Park = "东川工业园区",
            ContractMonths = 12,
            MonthlyPay = 3200,
            StartDate = start,
        };
    }
}
