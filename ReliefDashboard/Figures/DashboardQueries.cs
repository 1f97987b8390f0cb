using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;

namespace ReliefDashboard.Figures;

/// <summary>
/// The dashboard's reads: the live sums kept on write (<see cref="FigureSums"/>), the month-ends, flag and money counts,
/// the town names and the settings. Nothing here loads or scans the households.
/// </summary>
public static class DashboardQueries
{
    public static async Task<DistrictFigures> LoadAsync(
        ReliefDbContext db, DateOnly today, DateTime computedAt, DateTime? lastChangedAt, MonthHistory? previousHistory = null, CancellationToken ct = default)
    {
        var settings = await PolicyStore.LoadValuesAsync(db, ct);
        var live = await FigureSums.ReadAsync(db, FigureSums.VerifiedSince(today, StatusPolicy.FromSettings(settings)), ct);

        var history = await HistoryAsync(db, today, previousHistory, ct);
        var flags = await FlagCounts.AsOfAsync(db, today, ct);
        var checks = await VerificationCounts.AsOfAsync(db, today, ct);
        var towns = await db.Towns.AsNoTracking().OrderBy(t => t.Id).Select(t => new TownName(t.Id, t.Name)).ToListAsync(ct);
        lastChangedAt ??= await db.Audit.OrderByDescending(a => a.Id).Select(a => (DateTime?)a.At).FirstOrDefaultAsync(ct);

        var money = await MoneyFigures.MoneyAsync(db, null, ct);
        var violations = await MoneyFigures.ViolationCountsAsync(db, null, ct);

        return new DistrictFigures(live, history, towns, AssessmentPolicy.FromSettings(settings), ScorecardPolicy.FromSettings(settings), flags, today, computedAt, lastChangedAt,
            money, violations, checks);
    }

    private static async Task<MonthHistory> HistoryAsync(ReliefDbContext db, DateOnly today, MonthHistory? previous, CancellationToken ct)
    {
        var from = Months.CompletedBefore(today, Months.History)[0];
        var taken = await db.FigureMonths.CountAsync(m => m.Month >= from, ct);
        var last = await db.FigureMonths.Where(m => m.Month >= from).MaxAsync(m => (DateTime?)m.TakenAt, ct);
        var version = $"{from:yyyy-MM}|{taken}|{last:O}";
        if (previous?.Version == version)
        {
            return previous;
        }

        var rows = await ReadMonthsAsync(db, from, DateOnly.MaxValue, ct);
        return new MonthHistory(version, rows.GroupBy(r => r.Month).ToDictionary(g => g.Key, g => (IReadOnlyList<MonthGroup>)g.ToList()));
    }

    /// <summary>
    /// Read by hand: EF materialises these rows (a DateOnly key and thirteen sums) about ten times slower than the
    /// query runs, which made the first dashboard after a start wait on it. The SQL is the GROUP BY EF would write.
    /// </summary>
    public static async Task<List<MonthGroup>> ReadMonthsAsync(ReliefDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $$"""
                SELECT Month, TownId, ChannelMask, SUM(Households),
                       SUM(CASE WHEN Status = {{(int)HouseholdStatus.Met}} THEN Households ELSE 0 END),
                       SUM(CASE WHEN Status = {{(int)HouseholdStatus.AtRisk}} THEN Households ELSE 0 END),
                       SUM(CASE WHEN Status = {{(int)HouseholdStatus.InProgress}} THEN Households ELSE 0 END),
                       SUM(CASE WHEN Status = {{(int)HouseholdStatus.NoMeasure}} THEN Households ELSE 0 END),
                       SUM(CASE WHEN Status = {{(int)HouseholdStatus.SafetyNet}} THEN Households ELSE 0 END),
                       SUM(LabourHouseholds), SUM(LabourMembers), SUM(EmployedLabourMembers), SUM(LocalCoveredHouseholds),
                       SUM(VerifiedHouseholds), SUM(VerifiedAttainedHouseholds)
                FROM MonthlyFigures
                WHERE Month >= $from AND Month <= $to
                GROUP BY Month, TownId, ChannelMask
                """;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$from";
            parameter.Value = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
            var until = command.CreateParameter();
            until.ParameterName = "$to";
            until.Value = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            command.Parameters.Add(until);
            var rows = new List<MonthGroup>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new MonthGroup(
                    DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    reader.GetInt32(1),
                    reader.GetInt32(2),
                    new Tally(reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7),
                        reader.GetInt32(8), reader.GetInt32(9), reader.GetInt32(10), reader.GetInt32(11), reader.GetInt32(12),
                        reader.IsDBNull(13) ? null : reader.GetInt32(13), reader.IsDBNull(14) ? null : reader.GetInt32(14))));
            }
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
