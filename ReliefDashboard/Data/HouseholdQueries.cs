using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Data;

public static class HouseholdQueries
{
    /// <summary>A household with every record the status rules read: members, jobs (with their member), industries, coverage, training.</summary>
    public static IQueryable<Household> WithRecords(this IQueryable<Household> households) =>
        households
            .Include(h => h.Members)
            .Include(h => h.Employments).ThenInclude(e => e.Member)
            .Include(h => h.Industries)
            .Include(h => h.Coverages)
            .Include(h => h.Trainings)
            .AsSplitQuery();
}
