using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Checks;

/// <summary>What one rule found on one record: the finding it becomes, before the loop's bookkeeping.</summary>
public sealed record Candidate(string Rule, int HouseholdId, string SubjectEntity, int SubjectId, string Subject, string Detail, string Facts)
{
    public string Key => $"{Rule}:{SubjectEntity}:{SubjectId}";
}

/// <summary>What a run did: findings raised, findings whose facts went away, measures newly confirmed or unconfirmed.</summary>
public sealed record CheckRun(int Candidates, int Raised, int Gone, int Back, int MeasuresChanged, int HouseholdsChanged)
{
    public static readonly CheckRun Nothing = new(0, 0, 0, 0, 0, 0);
}

/// <summary>
/// The cross-check (比对): compares the registry with the departments' lists by ID number, in SQL, for the whole
/// district or for the households a write touched. Three things come out of one run, all inside the caller's
/// write transaction: findings raised or marked as no longer holding (<see cref="Finding"/>); each active job's and
/// business's <see cref="MeasureVerification.DepartmentConfirmed"/> state; and each household's stored
/// <see cref="Household.VerifiedAttained"/>. The stability tests in SQL are the status rules' own
/// (<see cref="StatusRules"/>), with the same settings; a test holds the two to each other.
/// </summary>
public static class CrossCheck
{
    /// <summary>Runs the rules. Only the write pipeline calls this, on its own context and transaction.</summary>
    public static async Task<CheckRun> RunAsync(ReliefDbContext db, DbTransaction tx, CheckRequest request, CancellationToken ct, ListsInUse? known = null)
    {
        var lists = known ?? await ListsInUse.LoadAsync(db, ct);
        if (lists.IsEmpty)
        {
            return CheckRun.Nothing;
        }
        var sql = new CheckSql(db.Database.GetDbConnection(), tx, request, lists);
        var candidates = new List<Candidate>();
        var evaluated = new HashSet<string>();
        foreach (var rule in VerificationPolicy.All.Where(r => request.Policy.Enabled.Contains(r.Key)))
        {
            if (!lists.Has(rule))
            {
                continue;
            }
            evaluated.Add(rule.Key);
            candidates.AddRange(await sql.CandidatesAsync(rule.Key, ct));
        }
        // A measure some list contradicts is not borne out by another: an open 疑点 on a job keeps it 自报.
        int[] Flagged(string entity) => candidates.Where(c => c.SubjectEntity == entity && VerificationPolicy.Rule(c.Rule).Kind == FindingKind.Suspect)
            .Select(c => c.SubjectId).Distinct().ToArray();
        var measures = await sql.UpdateVerificationAsync(Flagged(nameof(Employment)), Flagged(nameof(Industry)), ct);
        var households = await sql.UpdateVerifiedAttainedAsync(ct);
        var (raised, gone, back) = await Findings.ReconcileAsync(db, request, candidates, evaluated, ct);
        return new CheckRun(candidates.Count, raised, gone, back, measures, households);
    }
}

/// <summary>One run's inputs: when, under which settings, over which households, and how to describe a correction.</summary>
public sealed record CheckRequest(
    DateOnly Today,
    DateTime Now,
    StatusPolicy Status,
    VerificationPolicy Policy,
    IReadOnlyCollection<int>? Households,
    string User,
    Func<int, string> Because);

/// <summary>The lists a run reads: the newest of each snapshot kind, and the months covered by the monthly kinds.</summary>
public sealed record ListsInUse(IReadOnlyDictionary<DepartmentListKind, int> Latest, IReadOnlyList<DateOnly> ContributionMonths, IReadOnlyList<DateOnly> MedicalMonths,
    bool HasRegisterChanges)
{
    public bool IsEmpty => Latest.Count == 0 && ContributionMonths.Count == 0 && MedicalMonths.Count == 0 && !HasRegisterChanges;

    public bool Has(CheckRule rule) => rule.Key switch
    {
        VerificationPolicy.Rules.ContributionGap => ContributionMonths.Count > 0,
        VerificationPolicy.Rules.NoRegistration => Latest.ContainsKey(DepartmentListKind.EmploymentRegistration),
        VerificationPolicy.Rules.MedicalCost => MedicalMonths.Count > 0,
        VerificationPolicy.Rules.LabourGone => HasRegisterChanges,
        _ => rule.Reads.All(Latest.ContainsKey),
    };

    /// <summary>Monthly lists and event lists add up; the others are a department's current state, so the newest one counts.</summary>
    public static bool IsCumulative(DepartmentListKind kind) =>
        kind is DepartmentListKind.SocialInsurance or DepartmentListKind.MedicalCost or DepartmentListKind.RegisterChange;

    public static async Task<ListsInUse> LoadAsync(ReliefDbContext db, CancellationToken ct)
    {
        var lists = await db.DepartmentLists.AsNoTracking().Where(l => l.ReplacedAt == null)
            .Select(l => new { l.Id, l.Kind, l.DataMonth, l.Months, l.Matched }).ToListAsync(ct);
        var latest = lists.Where(l => !IsCumulative(l.Kind)).GroupBy(l => l.Kind)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.DataMonth).ThenByDescending(l => l.Id).First().Id);
        IReadOnlyList<DateOnly> MonthsOf(DepartmentListKind kind) => lists.Where(l => l.Kind == kind && l.Months is not null)
            .SelectMany(l => l.Months!.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .Select(m => DateOnly.ParseExact(m + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        return new ListsInUse(latest, MonthsOf(DepartmentListKind.SocialInsurance), MonthsOf(DepartmentListKind.MedicalCost),
            lists.Any(l => l.Kind == DepartmentListKind.RegisterChange));
    }
}

/// <summary>The rules as SQL over one connection and transaction.</summary>
internal sealed class CheckSql(DbConnection connection, DbTransaction tx, CheckRequest request, ListsInUse lists)
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private readonly string scope = request.Households is null ? "" : JsonSerializer.Serialize(request.Households);

    /// <summary>"AND alias.HouseholdId IN (…)" when the run covers some households only.</summary>
    private string InScope(string column) => request.Households is null ? "" : $" AND {column} IN (SELECT value FROM json_each($scope))";

    /// <summary>The months the contribution rule looks at: the newest covered months, at most the window's count.</summary>
    private IReadOnlyList<DateOnly> Window => lists.ContributionMonths.Count == 0 ? []
        : lists.ContributionMonths.Where(m => m > lists.ContributionMonths[^1].AddMonths(-request.Policy.ContributionWindowMonths)).ToList();

    /// <summary>
    /// The latest start that makes a job or business stable by duration on <paramref name="today"/>: the status rules
    /// test start.AddMonths(n) &lt;= today, which .NET clamps at month ends; searching for the bound keeps SQL exact.
    /// </summary>
    public static DateOnly LatestStartFor(DateOnly today, int months)
    {
        var start = today.AddMonths(-months);
        while (start.AddDays(1).AddMonths(months) <= today)
        {
            start = start.AddDays(1);
        }
        return start;
    }

    private string Counting => string.Join(",", request.Status.CountingChannels.Select(c => (int)c).Order());

    /// <summary><see cref="StatusRules.StableEmploymentReason"/> in SQL, for a job that counts (<see cref="StatusRules.Counts"/>).</summary>
    public string StableJob(string e) =>
        $"({e}.StartDate <= $today AND ({e}.EndDate IS NULL OR {e}.EndDate >= $today) AND {e}.Verification <> {(int)MeasureVerification.Disproved}" +
        $" AND {e}.Channel IN ({Counting}) AND (" +
        (request.Status.PublicWelfarePostStableWhileActive ? $"{e}.Channel = {(int)Channel.PublicWelfarePost} OR " : "") +
        $"{e}.ContractMonths >= $contractMonths OR {e}.StartDate <= $jobStart))";

    /// <summary><see cref="StatusRules.StableIndustryReason"/> in SQL.</summary>
    public string StableIndustry(string i) =>
        $"({i}.StartDate <= $today AND ({i}.EndDate IS NULL OR {i}.EndDate >= $today) AND {i}.Verification <> {(int)MeasureVerification.Disproved}" +
        $" AND {i}.Channel IN ({Counting}) AND (" +
        (request.Status.ShareIncomeStableWhileActiveAndPaying
            ? $"CASE WHEN {i}.Channel IN ({(int)Channel.Photovoltaic},{(int)Channel.AssetIncome}) THEN {i}.AnnualIncome > 0 ELSE {i}.StartDate <= $industryStart END"
            : $"{i}.StartDate <= $industryStart") + "))";

    private static string Active(string alias) => $"({alias}.EndedOn IS NULL OR {alias}.EndedOn > $today)";

    private string ContributionMonthsValues => string.Join(",", Window.Select(m => $"('{Day(m)}')"));

    public DbCommand Command(string text)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = text;
        command.CommandTimeout = 0;
        void Add(string name, object value)
        {
            if (!text.Contains(name, StringComparison.Ordinal))
            {
                return;
            }
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        var today = request.Today;
        Add("$today", Day(today));
        Add("$scope", scope);
        Add("$contractMonths", request.Status.StableEmploymentContractMonths);
        Add("$jobStart", Day(LatestStartFor(today, request.Status.StableEmploymentContinuousMonths)));
        Add("$industryStart", Day(LatestStartFor(today, request.Status.StableIndustryMonths)));
        Add("$windowStart", Window.Count == 0 ? Day(today) : Day(Window[0]));
        Add("$missing", request.Policy.ContributionMissingMonths);
        Add("$required", request.Policy.RegistrationRequired ? 1 : 0);
        Add("$dibaoFen", Fen.FromYuan(request.Policy.DibaoThresholdYuan));
        Add("$medicalFen", Fen.FromYuan(request.Policy.MedicalThresholdYuan));
        Add("$medicalFrom", lists.MedicalMonths.Count == 0 ? Day(today) : Day(lists.MedicalMonths[^1].AddMonths(1 - request.Policy.MedicalWindowMonths)));
        Add("$vehicleFen", Fen.FromYuan(request.Policy.VehicleThresholdYuan));
        Add("$benefitFrom", Day(today.AddMonths(-request.Policy.BenefitWindowMonths)));
        foreach (var (kind, id) in lists.Latest)
        {
            Add($"$list{(int)kind}", id);
        }
        return command;
    }

    private static void Json(DbCommand command, string name, int[] ids)
    {
        if (!command.CommandText.Contains(name, StringComparison.Ordinal))
        {
            return;
        }
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = JsonSerializer.Serialize(ids);
        command.Parameters.Add(p);
    }

    private async Task<List<Candidate>> ReadAsync(string text, Func<DbDataReader, Candidate> read, CancellationToken ct)
    {
        await using var command = Command(text);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var found = new List<Candidate>();
        while (await reader.ReadAsync(ct))
        {
            found.Add(read(reader));
        }
        return found;
    }

    private static string Text(DbDataReader r, int i) => r.IsDBNull(i) ? "" : r.GetString(i);

    private static string Months(string csv) => string.Join("、", csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(m => m[..7]).Order());

    public Task<List<Candidate>> CandidatesAsync(string rule, CancellationToken ct) => rule switch
    {
        VerificationPolicy.Rules.ContributionGap => ContributionGapAsync(ct),
        VerificationPolicy.Rules.NoRegistration => NoRegistrationAsync(ct),
        VerificationPolicy.Rules.Licence => LicenceAsync(ct),
        VerificationPolicy.Rules.LabourGone => LabourGoneAsync(ct),
        VerificationPolicy.Rules.DibaoPay => DibaoPayAsync(ct),
        VerificationPolicy.Rules.MedicalCost => MedicalAsync(ct),
        _ => AssetsAsync(ct),
    };

    /// <summary>A stable job recorded with social insurance, but no contribution in N of the window's months it ran in.</summary>
    private Task<List<Candidate>> ContributionGapAsync(CancellationToken ct) => ReadAsync($"""
        WITH months(m) AS (VALUES {ContributionMonthsValues}),
        jobs AS (
            SELECT e.Id, e.HouseholdId, e.Employer, e.StartDate, mb.Name, mb.IdNumber,
                   (SELECT COUNT(*) FROM months mo WHERE mo.m >= date(e.StartDate, 'start of month')
                        AND NOT EXISTS (SELECT 1 FROM DepartmentRecords r WHERE r.Kind = 0 AND r.IdNumber = mb.IdNumber AND r.Month = mo.m)) AS Missing
            FROM Employments e JOIN Members mb ON mb.Id = e.MemberId
            WHERE {StableJob("e")} AND e.HasSocialInsurance = 1 AND {Active("mb")}{InScope("e.HouseholdId")})
        SELECT j.Id, j.HouseholdId, j.Name, j.Employer,
               (SELECT group_concat(mo.m) FROM months mo WHERE mo.m >= date(j.StartDate, 'start of month')
                    AND NOT EXISTS (SELECT 1 FROM DepartmentRecords r WHERE r.Kind = 0 AND r.IdNumber = j.IdNumber AND r.Month = mo.m))
        FROM jobs j WHERE j.Missing >= $missing
        """, r =>
    {
        var missing = Months(Text(r, 4));
        return new Candidate(VerificationPolicy.Rules.ContributionGap, r.GetInt32(1), nameof(Employment), r.GetInt32(0), $"{Text(r, 2)}·{Text(r, 3)}",
            $"{Text(r, 2)}在{Text(r, 3)}的就业登记为已缴纳社会保险并计为稳定就业，但人社社保缴费数据中{missing}无缴费记录（缺缴{missing.Split('、').Length}个月，规则为近{request.Policy.ContributionWindowMonths}个月缺缴达{request.Policy.ContributionMissingMonths}个月）",
            $"缺缴{missing}");
    }, ct);

    /// <summary>A stable job in channel 2, 3 or 4 with no employment registration (and, unless registration is required, no contribution either).</summary>
    private Task<List<Candidate>> NoRegistrationAsync(CancellationToken ct) => ReadAsync($"""
        SELECT e.Id, e.HouseholdId, mb.Name, e.Employer, e.Channel
        FROM Employments e JOIN Members mb ON mb.Id = e.MemberId
        WHERE {StableJob("e")} AND e.Channel IN (2, 3, 4) AND {Active("mb")}{InScope("e.HouseholdId")}
          AND NOT EXISTS (SELECT 1 FROM DepartmentRecords r WHERE r.Kind = 1 AND r.IdNumber = mb.IdNumber AND r.ListId = $list1
                          AND (r."From" IS NULL OR r."From" <= $today) AND (r."To" IS NULL OR r."To" >= $today))
          AND ($required = 1 OR NOT EXISTS (SELECT 1 FROM DepartmentRecords r WHERE r.Kind = 0 AND r.IdNumber = mb.IdNumber AND r.Month >= $windowStart))
        """, r => new Candidate(VerificationPolicy.Rules.NoRegistration, r.GetInt32(1), nameof(Employment), r.GetInt32(0), $"{Text(r, 2)}·{Text(r, 3)}",
            request.Policy.RegistrationRequired
                ? $"{Text(r, 2)}在{Text(r, 3)}就业（{Labels.Of((Channel)r.GetInt32(4))}）计为稳定就业，但人社就业登记中没有其在岗的登记（规则要求必须有就业登记）"
                : $"{Text(r, 2)}在{Text(r, 3)}就业（{Labels.Of((Channel)r.GetInt32(4))}）计为稳定就业，但人社就业登记中没有其在岗的登记，社保缴费数据中近期也无缴费",
            request.Policy.RegistrationRequired ? "无就业登记" : "无就业登记且无缴费"), ct);

    /// <summary>A business (channel 3) counted as an industry whose licence is missing from the register, cancelled or revoked.</summary>
    private Task<List<Candidate>> LicenceAsync(CancellationToken ct) => ReadAsync($"""
        SELECT i.Id, i.HouseholdId, i.Type, i.LicenceNumber, r.Category, r."To", r.Organisation
        FROM Industries i
        LEFT JOIN DepartmentRecords r ON r.Kind = 2 AND r.ListId = $list2 AND r.Reference = i.LicenceNumber
        WHERE {StableIndustry("i")} AND i.Channel = 3{InScope("i.HouseholdId")}
          AND (i.LicenceNumber IS NULL OR r.Id IS NULL OR r.Category <> 0)
        """, r =>
    {
        var (type, licence) = (Text(r, 2), Text(r, 3));
        var (detail, facts) = licence.Length == 0
            ? ("未登记营业执照号，市场监管数据无法印证", "无执照号")
            : r.IsDBNull(4)
                ? ($"营业执照{licence}在市场监管市场主体登记中查无记录", $"查无{licence}")
                : ($"营业执照{licence}（{Text(r, 6)}）登记状态为{Labels.Of((LicenceStatus)r.GetInt32(4))}{(r.IsDBNull(5) ? "" : $"（{Text(r, 5)}）")}",
                    $"{licence}{Labels.Of((LicenceStatus)r.GetInt32(4))}");
        return new Candidate(VerificationPolicy.Rules.Licence, r.GetInt32(1), nameof(Industry), r.GetInt32(0), type,
            $"自主创业“{type}”计为稳定产业，但{detail}", facts);
    }, ct);

    /// <summary>A member in an active counting job whom the household register records as dead, moved out or in custody.</summary>
    private Task<List<Candidate>> LabourGoneAsync(CancellationToken ct) => ReadAsync($"""
        SELECT e.Id, e.HouseholdId, mb.Name, e.Employer, r.Category, r."From"
        FROM Employments e JOIN Members mb ON mb.Id = e.MemberId
        JOIN DepartmentRecords r ON r.Kind = 5 AND r.IdNumber = mb.IdNumber AND r.Category IN (0, 1, 2) AND r."From" <= $today
        WHERE e.StartDate <= $today AND (e.EndDate IS NULL OR e.EndDate >= $today) AND e.Verification <> 3
          AND e.Channel IN ({Counting}) AND {Active("mb")}{InScope("e.HouseholdId")}
          AND (e.EndDate IS NULL OR e.EndDate > r."From")
        GROUP BY e.Id
        """, r =>
    {
        var what = Labels.Of((RegisterEvent)r.GetInt32(4));
        return new Candidate(VerificationPolicy.Rules.LabourGone, r.GetInt32(1), nameof(Employment), r.GetInt32(0), $"{Text(r, 2)}·{Text(r, 3)}",
            $"{Text(r, 2)}仍计为在{Text(r, 3)}就业，但公安户籍数据登记其已于{Text(r, 5)}{what}", $"{what}{Text(r, 5)}");
    }, ct);

    /// <summary>A household on 低保/特困 whose recorded job pay per member exceeds the 低保 standard.</summary>
    private Task<List<Candidate>> DibaoPayAsync(CancellationToken ct) => ReadAsync($"""
        SELECT h.Id, h.HeadName, pay.Total, h.MemberCount, group_concat(DISTINCT r.Category)
        FROM Households h
        JOIN (SELECT e.HouseholdId, SUM(e.MonthlyPay) AS Total FROM Employments e
              WHERE e.StartDate <= $today AND (e.EndDate IS NULL OR e.EndDate >= $today){InScope("e.HouseholdId")}
              GROUP BY e.HouseholdId) pay ON pay.HouseholdId = h.Id
        JOIN Members mb ON mb.HouseholdId = h.Id AND {Active("mb")}
        JOIN DepartmentRecords r ON r.Kind = 3 AND r.ListId = $list3 AND r.IdNumber = mb.IdNumber AND r.Category IN (0, 1)
             AND (r."From" IS NULL OR r."From" <= $today) AND (r."To" IS NULL OR r."To" >= $today)
        WHERE h.MemberCount > 0 AND pay.Total > $dibaoFen * h.MemberCount{InScope("h.Id")}
        GROUP BY h.Id
        """, r =>
    {
        var total = r.GetInt64(2);
        var members = r.GetInt32(3);
        var kinds = string.Join("、", Text(r, 4).Split(',').Select(k => Labels.Of((AssistanceKind)int.Parse(k, CultureInfo.InvariantCulture))).Distinct());
        return new Candidate(VerificationPolicy.Rules.DibaoPay, r.GetInt32(0), nameof(Household), r.GetInt32(0), $"{Text(r, 1)}户",
            $"民政数据显示该户享受{kinds}，但登记的务工月收入合计{Fen.Show(Fen.ToYuan(total))}，人均{Fen.Show(Fen.ToYuan(total / members))}，超过低保标准{Fen.Show(request.Policy.DibaoThresholdYuan)}/人·月（需核实，不直接认定违规）",
            $"人均{total / members}");
    }, ct);

    /// <summary>A high out-of-pocket medical cost in a household counted as attained: a risk of falling back (预警).</summary>
    private Task<List<Candidate>> MedicalAsync(CancellationToken ct) => ReadAsync($"""
        SELECT mb.Id, h.Id, mb.Name, MAX(r.Amount), group_concat(r.Month)
        FROM Members mb JOIN Households h ON h.Id = mb.HouseholdId
        JOIN DepartmentRecords r ON r.Kind = 4 AND r.IdNumber = mb.IdNumber AND r.Month >= $medicalFrom AND r.Amount >= $medicalFen
        WHERE h.Status IN ({(int)HouseholdStatus.Met}, {(int)HouseholdStatus.AtRisk}) AND {Active("mb")}{InScope("h.Id")}
        GROUP BY mb.Id
        """, r => new Candidate(VerificationPolicy.Rules.MedicalCost, r.GetInt32(1), nameof(Member), r.GetInt32(0), Text(r, 2),
            $"医保数据显示{Text(r, 2)}于{Months(Text(r, 4))}发生高额医疗费用，个人自付最高{Fen.Show(Fen.ToYuan(r.GetInt64(3)))}；该户目前计为达标，有因病返贫风险，请入户了解并落实救助",
            $"自付{r.GetInt64(3)}@{Months(Text(r, 4))}"), ct);

    /// <summary>Housing, a vehicle above the threshold or a company share owned by a member of a household receiving benefits or 低保/特困.</summary>
    private Task<List<Candidate>> AssetsAsync(CancellationToken ct) => ReadAsync($"""
        SELECT mb.Id, h.Id, mb.Name, group_concat(r.Category || ':' || COALESCE(r.Amount, 0) || ':' || COALESCE(r.Organisation, ''), '|')
        FROM Members mb JOIN Households h ON h.Id = mb.HouseholdId
        JOIN DepartmentRecords r ON r.Kind = 6 AND r.ListId = $list6 AND r.IdNumber = mb.IdNumber
             AND (r.Category IN (0, 2) OR (r.Category = 1 AND r.Amount > $vehicleFen))
        WHERE {Active("mb")}{InScope("h.Id")}
          AND (EXISTS (SELECT 1 FROM Benefits b WHERE b.HouseholdId = h.Id AND b.VoidedAt IS NULL AND b.PaidOn >= $benefitFrom)
               OR EXISTS (SELECT 1 FROM Coverages c WHERE c.HouseholdId = h.Id AND c.Kind IN (0, 1) AND c.StartDate <= $today AND (c.EndDate IS NULL OR c.EndDate >= $today)))
        GROUP BY mb.Id
        """, r =>
    {
        var assets = Text(r, 3).Split('|').Select(a => a.Split(':', 3)).Select(a =>
        {
            var kind = Labels.Of((AssetKind)int.Parse(a[0], CultureInfo.InvariantCulture));
            var value = long.Parse(a[1], CultureInfo.InvariantCulture);
            return $"{kind}{(a[2].Length > 0 ? $"（{a[2]}）" : "")}{(value > 0 ? $"价值{Fen.Show(Fen.ToYuan(value))}" : "")}";
        }).Order().ToList();
        return new Candidate(VerificationPolicy.Rules.Assets, r.GetInt32(1), nameof(Member), r.GetInt32(0), Text(r, 2),
            $"该户近{request.Policy.BenefitWindowMonths}个月领取补贴或享受低保/特困，但财产数据显示{Text(r, 2)}名下有：{string.Join("；", assets)}",
            string.Join("|", assets));
    }, ct);

    /// <summary>
    /// Each active job and business not yet visited or disproved: 部门数据印证 when a list bears it out (a contribution
    /// in every window month it ran, or a current employment registration; a licence 存续), otherwise 自报.
    /// </summary>
    public async Task<int> UpdateVerificationAsync(int[] flaggedJobs, int[] flaggedBusinesses, CancellationToken ct)
    {
        var changed = 0;
        var confirmsJob = new List<string>();
        if (Window.Count > 0)
        {
            confirmsJob.Add($"""
                (EXISTS (SELECT 1 FROM months mo WHERE mo.m >= date(e.StartDate, 'start of month'))
                 AND NOT EXISTS (SELECT 1 FROM months mo WHERE mo.m >= date(e.StartDate, 'start of month')
                     AND NOT EXISTS (SELECT 1 FROM DepartmentRecords r WHERE r.Kind = 0 AND r.IdNumber = mb.IdNumber AND r.Month = mo.m)))
                """);
        }
        if (lists.Latest.ContainsKey(DepartmentListKind.EmploymentRegistration))
        {
            confirmsJob.Add("""
                EXISTS (SELECT 1 FROM DepartmentRecords r WHERE r.Kind = 1 AND r.IdNumber = mb.IdNumber AND r.ListId = $list1
                        AND (r."From" IS NULL OR r."From" <= $today) AND (r."To" IS NULL OR r."To" >= $today))
                """);
        }
        var job = confirmsJob.Count == 0 ? "0" : $"({string.Join(" OR ", confirmsJob)}) AND e.Id NOT IN (SELECT value FROM json_each($flaggedJobs))";
        var months = Window.Count > 0 ? $"WITH months(m) AS (VALUES {ContributionMonthsValues}) " : "";
        await using (var command = Command($"""
            {months}UPDATE Employments AS e SET Verification = 1 - Verification
            FROM Members mb
            WHERE mb.Id = e.MemberId AND e.Verification IN (0, 1) AND e.StartDate <= $today AND (e.EndDate IS NULL OR e.EndDate >= $today){InScope("e.HouseholdId")}
              AND e.Verification <> (CASE WHEN {job} THEN 1 ELSE 0 END)
            """))
        {
            Json(command, "$flaggedJobs", flaggedJobs);
            changed += await command.ExecuteNonQueryAsync(ct);
        }
        var business = lists.Latest.ContainsKey(DepartmentListKind.BusinessRegistration)
            ? "EXISTS (SELECT 1 FROM DepartmentRecords r WHERE r.Kind = 2 AND r.ListId = $list2 AND r.Reference = i.LicenceNumber AND r.Category = 0)"
                + " AND i.Id NOT IN (SELECT value FROM json_each($flaggedBusinesses))"
            : "0";
        await using (var command = Command($"""
            UPDATE Industries AS i SET Verification = 1 - Verification
            WHERE i.Verification IN (0, 1) AND i.Channel = 3 AND i.StartDate <= $today AND (i.EndDate IS NULL OR i.EndDate >= $today){InScope("i.HouseholdId")}
              AND i.Verification <> (CASE WHEN {business} THEN 1 ELSE 0 END)
            """))
        {
            Json(command, "$flaggedBusinesses", flaggedBusinesses);
            changed += await command.ExecuteNonQueryAsync(ct);
        }
        return changed;
    }

    /// <summary>
    /// Each household's 已核实达标: a stable counting job or business confirmed by department data or a visit. The
    /// households that flip are written around the change tracker, so their difference is added to the kept live
    /// sums (<c>FigureSums</c>) here, in the same transaction.
    /// </summary>
    public async Task<int> UpdateVerifiedAttainedAsync(CancellationToken ct)
    {
        var flipped = new Dictionary<(int, int, int, int, int), int>();
        var households = 0;
        await using (var command = Command($"""
            UPDATE Households AS h SET VerifiedAttained = 1 - VerifiedAttained
            WHERE h.VerifiedAttained <> (CASE WHEN
                  EXISTS (SELECT 1 FROM Employments e WHERE e.HouseholdId = h.Id AND e.Verification IN (1, 2) AND {StableJob("e")})
                  OR EXISTS (SELECT 1 FROM Industries i WHERE i.HouseholdId = h.Id AND i.Verification IN (1, 2) AND {StableIndustry("i")})
                  THEN 1 ELSE 0 END){InScope("h.Id")}
            RETURNING TownId, ChannelMask, Status, IndustryMask, EmploymentMask, VerifiedAttained
            """))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var key = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
                flipped[key] = flipped.GetValueOrDefault(key) + (reader.GetBoolean(5) ? 1 : -1);
                households++;
            }
        }
        foreach (var ((town, mask, status, industries, jobs), delta) in flipped.Where(f => f.Value != 0))
        {
            await using var command = Command("""
                UPDATE FigureSums SET VerifiedAttained = VerifiedAttained + $delta
                WHERE TownId = $town AND ChannelMask = $mask AND Status = $status AND IndustryMask = $industries AND EmploymentMask = $jobs
                """);
            foreach (var (name, value) in new[] { ("$delta", delta), ("$town", town), ("$mask", mask), ("$status", status), ("$industries", industries), ("$jobs", jobs) })
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                command.Parameters.Add(p);
            }
            await command.ExecuteNonQueryAsync(ct);
        }
        return households;
    }
}
