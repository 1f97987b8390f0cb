using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Scorecards;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Demo;

/// <summary>
/// Writes a generated district into an empty database in one write through the pipeline. Towns go through EF;
/// households and everything they own go through prepared statements with ids assigned here, because a million
/// households through the change tracker take a quarter of an hour.
/// </summary>
public static class DemoDataLoader
{
    public static async Task<int> LoadAsync(DistrictWrite writes, int households, DateOnly asOf, CancellationToken ct = default,
        Action<ReliefDbContext>? alsoWrite = null)
    {
        var written = 0;
        var result = await writes.CommitAsync(new WriteRequest(ChangeKind.Bulk, HistorySource, "载入演示辖区") { IsBulk = true },
            UserScope.System("系统"), async w =>
            {
                var db = w.Db;
                if (await db.Households.AnyAsync(ct) || await db.Towns.AnyAsync(ct))
                {
                    return Refusal.Invalid("数据库中已有辖区数据，演示数据只能载入空数据库。");
                }
                var policy = await PolicyStore.LoadStatusPolicyAsync(db, ct);
                var generator = new DemoDistrictGenerator(households, asOf, policy);
                var towns = DemoDistrictGenerator.BuildTowns();
                db.Towns.AddRange(towns);
                await w.FlushAsync(ct);
                var benefitPolicy = BenefitPolicy.FromSettings(await PolicyStore.LoadValuesAsync(db, ct));
                var money = new DemoBenefits(asOf, benefitPolicy, w.Now);
                db.Factories.AddRange(money.Factories(towns));
                await w.FlushAsync(ct);
                db.ChangeTracker.Clear();

                var months = Months.CompletedBefore(asOf, Months.History);
                var history = new MonthlyFiguresBuilder(months, policy);
                written = Write(db, w.Transaction, generator.Households(towns), history, money, ct);
                // Thousands of month-end rows: written like the households, not through the change tracker.
                using (var monthRows = new TableWriter<MonthlyFigure>(db, w.Transaction))
                {
                    foreach (var row in history.Rows)
                    {
                        monthRows.Insert(row);
                    }
                }
                db.FigureMonths.AddRange(months.Select(m => new FigureMonth { Month = m, TakenAt = w.Now, Source = HistorySource }));
                alsoWrite?.Invoke(db);
                w.OnSaved(() => MonthScores.ScoreMissingMonthsAsync(db, w.Now, ct));
                await BenefitLedger.RefreshAsync(db, benefitPolicy, null, ct);
                w.SkipPaymentChecks = true;
                w.RebuildFigures(null);
                return null;
            }, ct);
        return result.Ok ? written : throw new InvalidOperationException(string.Join("；", result.Problems));
    }

    public const string HistorySource = "演示数据载入时按记录回溯";

    private static int Write(ReliefDbContext db, DbTransaction tx, IEnumerable<Household> households, MonthlyFiguresBuilder history, DemoBenefits money, CancellationToken ct)
    {
        using var householdRows = new TableWriter<Household>(db, tx);
        using var memberRows = new TableWriter<Member>(db, tx);
        using var employmentRows = new TableWriter<Employment>(db, tx);
        using var industryRows = new TableWriter<Industry>(db, tx);
        using var coverageRows = new TableWriter<SafetyNetCoverage>(db, tx);
        using var trainingRows = new TableWriter<Training>(db, tx);
        using var visitRows = new TableWriter<HouseholdVisit>(db, tx);
        int householdId = 0, memberId = 0, employmentId = 0, industryId = 0, coverageId = 0, trainingId = 0;
        foreach (var h in households)
        {
            ct.ThrowIfCancellationRequested();
            h.Id = ++householdId;
            householdRows.Insert(h);
            foreach (var m in h.Members)
            {
                m.Id = ++memberId;
                m.HouseholdId = h.Id;
                memberRows.Insert(m);
            }
            foreach (var e in h.Employments)
            {
                e.Id = ++employmentId;
                e.HouseholdId = h.Id;
                e.MemberId = e.Member!.Id;
                employmentRows.Insert(e);
            }
            foreach (var i in h.Industries)
            {
                i.Id = ++industryId;
                i.HouseholdId = h.Id;
                industryRows.Insert(i);
            }
            foreach (var c in h.Coverages)
            {
                c.Id = ++coverageId;
                c.HouseholdId = h.Id;
                coverageRows.Insert(c);
            }
            foreach (var t in h.Trainings)
            {
                t.Id = ++trainingId;
                t.HouseholdId = h.Id;
                t.MemberId = t.Member!.Id;
                trainingRows.Insert(t);
            }
            var visits = DemoVisits.Of(h, history.From, fullHistory: householdId <= DemoVisits.FullHistoryUpTo);
            visits.ForEach(visitRows.Insert);
            history.Add(h, visits.Select(v => v.VisitedOn).ToList());
            money.Add(h);
        }
        using (var shopRows = new TableWriter<ShopfrontRental>(db, tx))
        {
            money.Shopfronts.ForEach(shopRows.Insert);
        }
        using (var loanRows = new TableWriter<BusinessLoan>(db, tx))
        {
            money.Loans.ForEach(loanRows.Insert);
        }
        using (var benefitRows = new TableWriter<Benefit>(db, tx))
        {
            money.Benefits.ForEach(benefitRows.Insert);
        }
        return householdId;
    }
}
