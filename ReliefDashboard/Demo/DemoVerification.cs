using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Checks;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Demo;

/// <summary>
/// The demo district's department data: a month of each list, drawn from the district itself (so it agrees with the
/// registry) with a few dozen deliberate mismatches — jobs without contributions or registration, cancelled
/// licences, a deceased or departed labourer still counted, 低保 households with well-paid jobs, high medical
/// costs, a vehicle owner receiving benefits — then cross-checked, so a fresh start shows real findings, some of
/// them late, and one town's spot check half done. Deterministic: the same district gives the same lists.
/// </summary>
public static class DemoVerification
{
    public const string Source = "演示数据：部门比对";

    public static async Task<int> LoadAsync(DistrictWrite writes, DateOnly asOf, CancellationToken ct = default)
    {
        var found = 0;
        var result = await writes.CommitAsync(new WriteRequest(ChangeKind.Verification, Source, "载入演示比对数据") { IsBulk = true }, UserScope.System("系统"), async w =>
        {
            var db = w.Db;
            if (await db.DepartmentLists.AnyAsync(ct))
            {
                return Refusal.Invalid("已有比对数据");
            }
            var dataMonth = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(-1);
            var lists = await BuildAsync(db, asOf, dataMonth, w.Now, ct);
            foreach (var (list, rows) in lists)
            {
                db.DepartmentLists.Add(list);
                await w.FlushAsync(ct);
                foreach (var r in rows)
                {
                    r.ListId = list.Id;
                }
                list.Rows = rows.Count + (list.Kind == DepartmentListKind.SocialInsurance ? Outsiders : 0);
                list.Matched = rows.Count;
                // Thousands of rows per list: written by prepared statements, not through the change tracker.
                using (var records = new TableWriter<DepartmentRecord>(db, w.Transaction))
                {
                    rows.ForEach(records.Insert);
                }
                db.ChangeTracker.Clear();
            }
            var settings = await PolicyStore.LoadValuesAsync(db, ct);
            var policy = VerificationPolicy.FromSettings(settings);
            var run = await CrossCheck.RunAsync(db, w.Transaction, new CheckRequest(asOf, w.Now, StatusPolicy.FromSettings(settings), policy, null, "系统", _ => ""), ct);
            found = run.Raised;
            Backdate(db, asOf, policy, w.Now);
            await HalfDoneSpotCheckAsync(db, asOf, w.Now, StatusPolicy.FromSettings(settings), ct);
            w.SkipCrossCheck = true;
            return null;
        }, ct);
        return result.Ok ? found : throw new InvalidOperationException(string.Join("；", result.Problems));
    }

    /// <summary>ID numbers in the contribution list that belong to no relocated household (the department's list is wider).</summary>
    private const int Outsiders = 40;

    private static async Task<List<(DepartmentList List, List<DepartmentRecord> Rows)>> BuildAsync(ReliefDbContext db, DateOnly asOf, DateOnly dataMonth, DateTime now,
        CancellationToken ct)
    {
        DepartmentList List(DepartmentListKind kind, string file, string? months = null) => new()
        {
            Kind = kind,
            Department = VerificationPolicy.SourcesOf(kind)[0],
            DataMonth = dataMonth,
            FileName = file,
            Sha256 = "demo",
            ImportedBy = "演示数据",
            ImportedAt = now,
            Months = months,
        };
        var jobs = await db.Employments.AsNoTracking().Where(e => e.StartDate <= asOf && (e.EndDate == null || e.EndDate >= asOf) && e.Member!.EndedOn == null)
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.HouseholdId, e.Channel, e.StartDate, e.Employer, e.HasSocialInsurance, e.MonthlyPay, e.Member!.IdNumber })
            .ToListAsync(ct);
        var memberCounts = await db.Households.AsNoTracking().Select(h => new { h.Id, h.MemberCount }).ToDictionaryAsync(h => h.Id, h => h.MemberCount, ct);
        var months = Enumerable.Range(0, 3).Select(i => dataMonth.AddMonths(i - 2)).ToList();

        // 人社 社保缴费: every insured job, each month it ran; every 150th has its last two months missing.
        var contributions = new List<DepartmentRecord>();
        var insured = jobs.Where(j => j.HasSocialInsurance).ToList();
        for (var i = 0; i < insured.Count; i++)
        {
            var j = insured[i];
            foreach (var m in months.Where(m => j.StartDate < m.AddMonths(1)))
            {
                if (i % 150 == 17 && m >= months[1])
                {
                    continue;
                }
                contributions.Add(new DepartmentRecord { Kind = DepartmentListKind.SocialInsurance, IdNumber = j.IdNumber, Organisation = j.Employer, Month = m, Amount = 98_000 });
            }
        }

        // 人社 就业登记: park, factory and labour-export jobs; every 40th uninsured one is missing (a finding), and every fifth insured
        // one (borne out by its contributions alone).
        var registrations = new List<DepartmentRecord>();
        var registrable = jobs.Where(j => j.Channel is Channel.IndustrialParkJob or Channel.CommunityFactoryOrBusiness or Channel.TrainingAndLabourExport).ToList();
        for (var i = 0; i < registrable.Count; i++)
        {
            var j = registrable[i];
            if ((!j.HasSocialInsurance && i % 40 == 6) || (j.HasSocialInsurance && i % 5 == 2))
            {
                continue;
            }
            registrations.Add(new DepartmentRecord { Kind = DepartmentListKind.EmploymentRegistration, IdNumber = j.IdNumber, Organisation = j.Employer, From = j.StartDate });
        }

        // 市场监管: every licensed business; every 25th cancelled, every 60th revoked.
        var businesses = await db.Industries.AsNoTracking().Where(i => i.Channel == Channel.CommunityFactoryOrBusiness && i.LicenceNumber != null
                && i.StartDate <= asOf && (i.EndDate == null || i.EndDate >= asOf))
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.HouseholdId, i.Type, i.LicenceNumber, i.StartDate }).ToListAsync(ct);
        var heads = await db.Members.AsNoTracking().Where(m => m.Relation == Relation.Head && m.EndedOn == null)
            .Select(m => new { m.HouseholdId, m.IdNumber }).ToDictionaryAsync(m => m.HouseholdId, m => m.IdNumber, ct);
        var licences = new List<DepartmentRecord>();
        for (var i = 0; i < businesses.Count; i++)
        {
            var b = businesses[i];
            var status = i % 25 == 4 ? LicenceStatus.Cancelled : i % 60 == 12 ? LicenceStatus.Revoked : LicenceStatus.Active;
            licences.Add(new DepartmentRecord
            {
                Kind = DepartmentListKind.BusinessRegistration,
                IdNumber = heads.GetValueOrDefault(b.HouseholdId, "") is { Length: 18 } id ? id : "",
                Reference = b.LicenceNumber,
                Organisation = $"{b.Type}经营部",
                Category = (int)status,
                From = b.StartDate,
                To = status == LicenceStatus.Active ? null : asOf.AddDays(-40 - i % 20),
            });
        }
        licences.RemoveAll(l => l.IdNumber.Length == 0);

        // 民政: everyone on 低保/特困 in the registry, and two households the registry shows with well-paid jobs.
        var covered = await db.Coverages.AsNoTracking().Where(c => (c.Kind == CoverageKind.Dibao || c.Kind == CoverageKind.Tekun)
                && c.StartDate <= asOf && (c.EndDate == null || c.EndDate >= asOf))
            .Select(c => new { c.HouseholdId, c.MemberId, c.Kind, c.StartDate, c.MonthlyAmount }).ToListAsync(ct);
        var memberIds = await db.Members.AsNoTracking().Where(m => m.EndedOn == null).Select(m => new { m.Id, m.IdNumber }).ToDictionaryAsync(m => m.Id, m => m.IdNumber, ct);
        // The department pays those whose income is within the standard; the registry's other 低保 entries are the town's to update.
        var pay = jobs.GroupBy(j => j.HouseholdId).ToDictionary(g => g.Key, g => g.Sum(j => j.MonthlyPay));
        var assistance = covered.Where(c => memberCounts[c.HouseholdId] == 0 || pay.GetValueOrDefault(c.HouseholdId) / memberCounts[c.HouseholdId] <= 700).Select(c => new DepartmentRecord
        {
            Kind = DepartmentListKind.Assistance,
            IdNumber = c.MemberId is { } mid && memberIds.TryGetValue(mid, out var id) ? id : heads.GetValueOrDefault(c.HouseholdId, ""),
            Category = c.Kind == CoverageKind.Dibao ? (int)AssistanceKind.Dibao : (int)AssistanceKind.Tekun,
            From = c.StartDate,
            Amount = c.MonthlyAmount is { } a ? Fen.FromYuan(a) : null,
        }).Where(r => r.IdNumber.Length == 18).ToList();
        var wellPaid = jobs.GroupBy(j => j.HouseholdId).Where(g => memberCounts[g.Key] > 0 && g.Sum(j => j.MonthlyPay) / memberCounts[g.Key] > 1500)
            .Select(g => g.Key).Where(heads.ContainsKey).Take(40).Where((_, i) => i % 20 == 3).ToList();
        assistance.AddRange(wellPaid.Select(h => new DepartmentRecord
        {
            Kind = DepartmentListKind.Assistance,
            IdNumber = heads[h],
            Category = (int)AssistanceKind.Dibao,
            From = asOf.AddMonths(-14),
            Amount = 52_000,
        }));

        // 公安: a labourer deceased, one moved away, one in custody — all still counted in a job.
        var stable = jobs.Where(j => j.StartDate < asOf.AddMonths(-8)).ToList();
        var changes = new List<DepartmentRecord>();
        foreach (var (pick, what, daysAgo) in new[] { (37, RegisterEvent.Death, 50), (211, RegisterEvent.MovedOut, 100), (503, RegisterEvent.Custody, 20) })
        {
            if (stable.Count > pick)
            {
                changes.Add(new DepartmentRecord { Kind = DepartmentListKind.RegisterChange, IdNumber = stable[pick].IdNumber, Category = (int)what, From = asOf.AddDays(-daysAgo) });
            }
        }

        // 医保: four high out-of-pocket costs in attained households.
        var attainedHeads = await db.Households.AsNoTracking().Where(h => h.Status == HouseholdStatus.Met).OrderBy(h => h.Id).Select(h => h.Id).Take(400).ToListAsync(ct);
        var medical = attainedHeads.Where((_, i) => i % 97 == 5).Where(heads.ContainsKey).Select((h, i) => new DepartmentRecord
        {
            Kind = DepartmentListKind.MedicalCost,
            IdNumber = heads[h],
            Month = dataMonth,
            Amount = Fen.FromYuan(12_000 + i * 8_700),
        }).ToList();

        // 自然资源/车管: assets in households that received a benefit.
        var paid = await db.Benefits.AsNoTracking().Where(b => b.VoidedAt == null && b.PaidOn >= asOf.AddMonths(-12)).Select(b => b.HouseholdId).Distinct()
            .OrderBy(h => h).Take(300).ToListAsync(ct);
        var assets = new List<DepartmentRecord>();
        var owners = paid.Where(heads.ContainsKey).Where((_, i) => i % 70 == 9).ToList();
        var kinds = new[] { (AssetKind.Vehicle, 18_000_000L, "陕G·A2*** 小型轿车"), (AssetKind.House, 0L, "汉滨区江北街道商品房"), (AssetKind.Shareholder, 0L, "某农业发展有限公司") };
        for (var i = 0; i < owners.Count && i < kinds.Length; i++)
        {
            assets.Add(new DepartmentRecord { Kind = DepartmentListKind.Asset, IdNumber = heads[owners[i]], Category = (int)kinds[i].Item1, Amount = kinds[i].Item2 == 0 ? null : kinds[i].Item2, Organisation = kinds[i].Item3 });
        }
        // Ordinary vehicles below the threshold raise nothing.
        assets.AddRange(paid.Where(heads.ContainsKey).Where((_, i) => i % 37 == 2).Take(5)
            .Select(h => new DepartmentRecord { Kind = DepartmentListKind.Asset, IdNumber = heads[h], Category = (int)AssetKind.Vehicle, Amount = 3_500_000, Organisation = "电动三轮车" }));

        string Csv(IEnumerable<DateOnly> ms) => string.Join(",", ms.Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));
        return
        [
            (List(DepartmentListKind.SocialInsurance, $"人社社保缴费{dataMonth:yyyyMM}.csv", Csv(months)), contributions),
            (List(DepartmentListKind.EmploymentRegistration, $"人社就业登记{dataMonth:yyyyMM}.xlsx"), registrations),
            (List(DepartmentListKind.BusinessRegistration, $"市场主体登记{dataMonth:yyyyMM}.xlsx"), licences),
            (List(DepartmentListKind.Assistance, $"民政救助名单{dataMonth:yyyyMM}.xlsx"), assistance),
            (List(DepartmentListKind.MedicalCost, $"医保高额费用{dataMonth:yyyyMM}.csv", Csv([dataMonth])), medical),
            (List(DepartmentListKind.RegisterChange, $"公安户籍变动{dataMonth:yyyyMM}.xlsx"), changes),
            (List(DepartmentListKind.Asset, $"财产信息{dataMonth:yyyyMM}.xlsx"), assets),
        ];
    }

    /// <summary>Some findings came in earlier months: a few are past the conclusion clock (red), a few past the visit clock (orange), one visited.</summary>
    private static void Backdate(ReliefDbContext db, DateOnly asOf, VerificationPolicy policy, DateTime now)
    {
        var findings = db.ChangeTracker.Entries<Finding>().Select(e => e.Entity).OrderBy(f => f.HouseholdId).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
        for (var i = 0; i < findings.Count; i++)
        {
            var daysAgo = i % 7 == 0 ? 30 : i % 7 == 3 ? 9 : 0;
            if (daysAgo == 0)
            {
                continue;
            }
            var f = findings[i];
            f.FoundOn = asOf.AddDays(-daysAgo);
            f.VisitDue = WorkingDays.Add(f.FoundOn, policy.VisitWithinWorkingDays, policy.Holidays);
            f.ConcludeDue = WorkingDays.Add(f.FoundOn, policy.ConcludeWithinWorkingDays, policy.Holidays);
            foreach (var e in f.Events)
            {
                e.At = now.AddDays(-daysAgo);
            }
            if (i % 14 == 0)
            {
                f.State = FindingState.Visited;
                f.VisitedOn = f.FoundOn.AddDays(4);
                f.Events.Add(new FindingEvent
                {
                    At = now.AddDays(-daysAgo + 4),
                    User = "演示·镇街干部",
                    Action = FindingAction.Visit,
                    From = FindingState.Pending,
                    To = FindingState.Visited,
                    Text = $"{f.VisitedOn:yyyy-MM-dd}入户：本人不在家，已电话联系，待补充材料",
                });
            }
        }
    }

    /// <summary>A spot check of the second town, drawn with a fixed seed; the first half of its households visited and found as recorded.</summary>
    private static async Task HalfDoneSpotCheckAsync(ReliefDbContext db, DateOnly asOf, DateTime now, StatusPolicy status, CancellationToken ct)
    {
        var town = await db.Towns.AsNoTracking().OrderBy(t => t.Id).Skip(1).FirstOrDefaultAsync(ct);
        if (town is null)
        {
            return;
        }
        var strata = await SpotPopulation.OfTownAsync(db, town.Id, ct);
        const int seed = 20261202;
        var sample = SpotDraw.Draw(strata, SpotDraw.SampleSize(strata.Count, 5, 5), seed);
        string[] checkers = ["演示·督查", "演示·督查核查员"];
        var check = new SpotCheck { TownId = town.Id, Seed = seed, SharePercent = 5, Population = strata.Count, DrawnBy = "演示·督查", DrawnAt = now.AddDays(-6), DrawnOn = asOf.AddDays(-6) };
        var visited = sample.Take(sample.Count / 2).Select(s => s.HouseholdId).ToHashSet();
        check.Items = sample.Select((s, i) => new SpotCheckItem
        {
            HouseholdId = s.HouseholdId,
            TownId = town.Id,
            Stratum = s.Stratum,
            Checker = checkers[i % 2],
            Result = visited.Contains(s.HouseholdId) ? SpotResult.True : null,
            VisitedOn = visited.Contains(s.HouseholdId) ? asOf.AddDays(-3) : null,
            Notes = visited.Contains(s.HouseholdId) ? "入户核查：家庭成员在家，就业（产业）情况与台账记录一致" : null,
            RecordedBy = visited.Contains(s.HouseholdId) ? checkers[i % 2] : null,
            RecordedAt = visited.Contains(s.HouseholdId) ? now.AddDays(-3) : null,
        }).ToList();
        db.SpotChecks.Add(check);
        // The households found as recorded: their counting measures are confirmed in the home; the pipeline recomputes them.
        var households = await db.Households.Include(h => h.Members).Include(h => h.Employments).Include(h => h.Industries).AsSplitQuery()
            .Where(h => visited.Contains(h.Id)).ToListAsync(ct);
        foreach (var h in households)
        {
            foreach (var m in h.Employments.Cast<Measure>().Concat(h.Industries).Where(m => m.IsActiveOn(asOf) && StatusRules.Counts(m, status)))
            {
                m.Verification = MeasureVerification.VisitConfirmed;
            }
            db.Visits.Add(Visits.AddTo(h, new HouseholdVisit
            {
                VisitedOn = asOf.AddDays(-3),
                Kind = VisitKind.SpotCheck,
                Visitor = check.Items.First(i => i.HouseholdId == h.Id).Checker!,
                MetWith = "户主",
                Findings = "入户抽查结论：属实。家庭成员在家，就业（产业）情况与台账记录一致",
                RecordedBy = "演示数据",
                RecordedAt = now.AddDays(-3),
            }));
        }
    }
}
