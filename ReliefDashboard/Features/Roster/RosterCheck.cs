using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Roster;

/// <summary>
/// The check of a roster before anything is written: which households in it are clean, and every problem by
/// sheet, row and column. A household is clean when its own row, its members' rows and its measures' rows are.
/// </summary>
public sealed record RosterReport(IReadOnlyList<RosterProblem> Problems, IReadOnlyList<string> Codes, IReadOnlySet<string> BadCodes)
{
    public bool Clean => Problems.Count == 0;

    public IReadOnlyList<string> CleanCodes => Codes.Where(c => !BadCodes.Contains(c)).ToList();
}

/// <summary>
/// Checks every row with the validators the forms use (so a file cannot put in what a form would refuse), plus
/// what only a whole file can get wrong: a household twice, an ID number in two households (in the file, or in
/// the file and the database), a member of a household that is in neither, a job of someone who is not a member,
/// a household without exactly one 户主, and a town the user may not import into.
/// </summary>
public sealed class RosterCheck(TimeProvider clock)
{
    private readonly HouseholdInputValidator households = new(clock);
    private readonly MemberInputValidator members = new(clock);
    private readonly EmploymentInputValidator employments = new();
    private readonly IndustryInputValidator industries = new();
    private readonly CoverageInputValidator coverages = new();

    private static readonly Dictionary<string, string> HouseholdHeaders = new()
    {
        [nameof(HouseholdInput.SiteId)] = "安置点",
        [nameof(HouseholdInput.OriginVillage)] = "迁出村",
        [nameof(HouseholdInput.RelocationYear)] = "搬迁年份",
        [nameof(HouseholdInput.Phone)] = "联系电话",
        [nameof(HouseholdInput.LastVerifiedOn)] = "最近走访核实日期",
        [nameof(HouseholdInput.IsCoRelocated)] = "同步搬迁户",
    };

    private static readonly Dictionary<string, string> MemberHeaders = new()
    {
        [nameof(MemberInput.Name)] = "姓名",
        [nameof(MemberInput.IdNumber)] = RosterTemplate.IdNumber,
        [nameof(MemberInput.BirthDate)] = "出生日期",
        [nameof(MemberInput.Sex)] = "性别",
        [nameof(MemberInput.IsUnemployedGraduate)] = "未就业高校毕业生",
    };

    private static readonly Dictionary<string, string> MeasureHeaders = new()
    {
        [nameof(EmploymentInput.Channel)] = "渠道",
        [nameof(EmploymentInput.Employer)] = "用工单位",
        [nameof(EmploymentInput.Park)] = "园区",
        [nameof(EmploymentInput.PostType)] = "岗位类型",
        [nameof(EmploymentInput.ContractMonths)] = "合同期限（月）",
        [nameof(EmploymentInput.MonthlyPay)] = "月工资（元）",
        [nameof(IndustryInput.Type)] = "产业类型",
        [nameof(IndustryInput.Scale)] = "规模",
        [nameof(IndustryInput.ScaleUnit)] = "规模单位",
        [nameof(IndustryInput.LicenceNumber)] = "营业执照号",
        [nameof(IndustryInput.PvStation)] = "光伏电站",
        [nameof(IndustryInput.PvShareKw)] = "光伏份额（kW）",
        [nameof(IndustryInput.Collective)] = "村集体",
        [nameof(IndustryInput.ShareForm)] = "入股形式",
        [nameof(IndustryInput.AnnualIncome)] = "年收益（元）",
        [nameof(CoverageInput.MonthlyAmount)] = "月金额（元）",
        ["StartDate"] = "开始日期",
        ["EndDate"] = "结束日期",
    };

    public static T? EnumOf<T>(string text, Func<T, string> label) where T : struct, Enum
    {
        var t = text.Trim();
        foreach (var v in Enum.GetValues<T>())
        {
            var words = label(v);
            if (words == t || (words.Contains(". ", StringComparison.Ordinal) && (words.Split(". ", 2)[0] == t || words.Split(". ", 2)[1] == t)))
            {
                return v;
            }
        }
        return null;
    }

    private static string UnknownHousehold(string code) => $"户编号{code}既不在本文件的“搬迁户”表中，也未登记";

    private static DateTime? When(string text) => RosterCells.Date(text).Value?.ToDateTime(TimeOnly.MinValue);

    public async Task<RosterReport> CheckAsync(RosterFile file, ReliefDbContext db, UserScope user, CancellationToken ct = default)
    {
        var problems = new List<RosterProblem>(file.Problems);
        var sheets = file.Sheets;
        IReadOnlyList<RosterRow> Rows(RosterSheet s) => sheets.TryGetValue(s, out var rows) ? rows : [];
        var codes = RosterTemplate.Sheets.SelectMany(s => Rows(s).Select(r => r.Get(RosterTemplate.Code))).Where(c => c.Length > 0).Distinct().ToList();
        var bad = new HashSet<string>();
        if (problems.Count > 0)
        {
            return new RosterReport(problems, codes, codes.ToHashSet());
        }

        void Add(RosterSheet sheet, RosterRow row, string? column, string message)
        {
            problems.Add(new RosterProblem(sheet.Name, row.Row, column, message));
            if (row.Get(RosterTemplate.Code) is { Length: > 0 } code)
            {
                bad.Add(code);
            }
        }

        // Cells first: a row whose cells cannot be read is not checked further.
        var readable = new Dictionary<RosterSheet, List<RosterRow>>();
        foreach (var sheet in RosterTemplate.Sheets)
        {
            readable[sheet] = [];
            foreach (var row in Rows(sheet))
            {
                var cellProblems = RosterCells.Problems(sheet, [row]).ToList();
                foreach (var p in cellProblems)
                {
                    Add(sheet, row, p.Column, p.Message);
                }
                if (cellProblems.Count == 0)
                {
                    readable[sheet].Add(row);
                }
            }
        }

        var towns = await db.Towns.AsNoTracking().Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        var sites = await db.Sites.AsNoTracking().Select(s => new { s.Id, s.TownId, s.Name }).ToListAsync(ct);
        var known = await db.Households.AsNoTracking().Where(h => EF.Parameter(codes).Contains(h.Code))
            .Select(h => new { h.Code, h.TownId, Town = h.Town!.Name }).ToDictionaryAsync(h => h.Code, ct);
        var ids = readable[RosterTemplate.Members].Select(r => r.Get(RosterTemplate.IdNumber).ToUpperInvariant()).Distinct().ToList();
        var registered = await (from m in db.Members.AsNoTracking()
                                join h in db.Households on m.HouseholdId equals h.Id
                                where EF.Parameter(ids).Contains(m.IdNumber) && m.EndedOn == null
                                select new { m.IdNumber, h.Code }).ToListAsync(ct);
        var registeredIn = registered.ToLookup(m => m.IdNumber, m => m.Code);
        // Members already registered in the file's households: a job or coverage row may name one of them.
        var knownMembers = (await (from m in db.Members.AsNoTracking()
                                   join h in db.Households on m.HouseholdId equals h.Id
                                   where EF.Parameter(codes).Contains(h.Code) && m.EndedOn == null
                                   select new { h.Code, m.IdNumber }).ToListAsync(ct))
            .Select(m => (m.Code, m.IdNumber)).ToHashSet();

        // Measure ids (措施编号): each names a stored measure of its kind in the row's own household, once per file.
        async Task<Dictionary<int, string>> OwnersAsync<T>(IQueryable<T> measures, List<int> ids) where T : Measure =>
            await measures.AsNoTracking().Where(m => EF.Parameter(ids).Contains(m.Id))
                .Join(db.Households, m => m.HouseholdId, h => h.Id, (m, h) => new { m.Id, h.Code }).ToDictionaryAsync(m => m.Id, m => m.Code, ct);
        var measureOwners = new Dictionary<RosterSheet, Dictionary<int, string>>();
        foreach (var sheet in new[] { RosterTemplate.Employments, RosterTemplate.Industries, RosterTemplate.Coverages })
        {
            var wanted = readable[sheet].Select(r => MeasureIds.Parse(sheet, r.Get(RosterTemplate.MeasureId)).Id).OfType<int>().Distinct().ToList();
            measureOwners[sheet] = wanted.Count == 0 ? [] : sheet.Name switch
            {
                "就业" => await OwnersAsync(db.Employments, wanted),
                "产业" => await OwnersAsync(db.Industries, wanted),
                _ => await OwnersAsync(db.Coverages, wanted),
            };
            var seen = new Dictionary<int, int>();
            foreach (var row in readable[sheet])
            {
                var (id, problem) = MeasureIds.Parse(sheet, row.Get(RosterTemplate.MeasureId));
                if (problem is not null)
                {
                    Add(sheet, row, RosterTemplate.MeasureId, problem);
                }
                else if (id is { } m)
                {
                    var code = row.Get(RosterTemplate.Code);
                    if (seen.TryGetValue(m, out var firstRow))
                    {
                        Add(sheet, row, RosterTemplate.MeasureId, $"措施编号与第{firstRow}行重复，同一措施只能出现一次");
                    }
                    else if (!measureOwners[sheet].TryGetValue(m, out var owner) || owner != code)
                    {
                        Add(sheet, row, RosterTemplate.MeasureId,
                            $"措施编号{MeasureIds.Format(sheet, m)}不是户{code}已登记的{sheet.Name}措施；新增的措施请将措施编号留空");
                    }
                    seen.TryAdd(m, row.Row);
                }
            }
        }

        // Households.
        var inFile = new Dictionary<string, int>();
        foreach (var row in readable[RosterTemplate.Households])
        {
            var sheet = RosterTemplate.Households;
            var code = row.Get(RosterTemplate.Code);
            if (inFile.TryGetValue(code, out var first))
            {
                Add(sheet, row, RosterTemplate.Code, $"户编号与第{first}行重复");
                continue;
            }
            inFile[code] = row.Row;
            if (!towns.TryGetValue(row.Get("镇街"), out var town))
            {
                Add(sheet, row, "镇街", $"镇街“{row.Get("镇街")}”不存在");
                continue;
            }
            if (user.Role == Roles.TownStaff && user.TownId != town)
            {
                Add(sheet, row, "镇街", "只能导入本镇街的搬迁户");
                continue;
            }
            if (user.Role is not (Roles.TownStaff or Roles.Admin))
            {
                Add(sheet, row, "镇街", "只有镇街工作人员和管理员可以导入台账");
                continue;
            }
            if (known.TryGetValue(code, out var existing) && existing.TownId != town)
            {
                Add(sheet, row, "镇街", $"该户已登记在{existing.Town}，导入不能改变所属镇街");
                continue;
            }
            var site = sites.FirstOrDefault(s => s.TownId == town && s.Name == row.Get("安置点"));
            if (row.Get("户主姓名").Length > 40)
            {
                Add(sheet, row, "户主姓名", "户主姓名不能超过40个字");
            }
            var input = new HouseholdInput
            {
                SiteId = site?.Id ?? 0,
                OriginVillage = row.Get("迁出村"),
                RelocationYear = RosterCells.Integer(row.Get("搬迁年份")).Value ?? 0,
                Phone = row.Get("联系电话") is { Length: > 0 } phone ? phone : null,
                IsRegisteredPoor = RosterCells.YesNo(row.Get("建档立卡贫困户")).Value ?? false,
                IsCoRelocated = RosterCells.YesNo(row.Get("同步搬迁户")).Value ?? false,
                IsThreeNo = RosterCells.YesNo(row.Get("三无人员")).Value ?? false,
                LastVerifiedOn = When(row.Get("最近走访核实日期")),
            };
            foreach (var e in households.Validate(input).Errors)
            {
                Add(sheet, row, HouseholdHeaders.GetValueOrDefault(e.PropertyName), e.PropertyName == nameof(HouseholdInput.SiteId) ? $"安置点“{row.Get("安置点")}”不在{row.Get("镇街")}" : e.ErrorMessage);
            }
        }

        bool KnownHousehold(string code) => inFile.ContainsKey(code) || known.ContainsKey(code);

        // Members: each ID number in one household only, in the file and against the database.
        var idRows = new Dictionary<string, (string Code, int Row)>();
        var fileMembers = new HashSet<(string Code, string IdNumber)>();
        foreach (var row in readable[RosterTemplate.Members])
        {
            var sheet = RosterTemplate.Members;
            var code = row.Get(RosterTemplate.Code);
            var id = row.Get(RosterTemplate.IdNumber).ToUpperInvariant();
            if (!KnownHousehold(code))
            {
                Add(sheet, row, RosterTemplate.Code, UnknownHousehold(code));
                continue;
            }
            if (idRows.TryGetValue(id, out var seen))
            {
                Add(sheet, row, RosterTemplate.IdNumber, seen.Code == code ? $"身份证号与第{seen.Row}行重复" : $"身份证号已出现在第{seen.Row}行（户编号{seen.Code}），同一人不能在两户");
                continue;
            }
            idRows[id] = (code, row.Row);
            fileMembers.Add((code, id));
            if (registeredIn[id].FirstOrDefault(c => c != code) is { } elsewhere)
            {
                Add(sheet, row, RosterTemplate.IdNumber, $"身份证号已登记在户{elsewhere}，同一人不能在两户");
            }
            var input = new MemberInput
            {
                Name = row.Get("姓名"),
                IdNumber = id,
                BirthDate = When(row.Get("出生日期")),
                Sex = EnumOf<Sex>(row.Get("性别"), Labels.Of),
                Relation = EnumOf<Relation>(row.Get("与户主关系"), Labels.Of) ?? Relation.Other,
                LabourCapacity = EnumOf<LabourCapacity>(row.Get("劳动能力"), Labels.Of) ?? LabourCapacity.None,
                Education = EnumOf<Education>(row.Get("文化程度"), Labels.Of) ?? Education.JuniorHigh,
                IsUnemployedGraduate = RosterCells.YesNo(row.Get("未就业高校毕业生")).Value ?? false,
                Disability = EnumOf<Disability>(row.Get("残疾情况"), Labels.Of) ?? Disability.None,
            };
            foreach (var e in members.Validate(input).Errors)
            {
                Add(sheet, row, MemberHeaders.GetValueOrDefault(e.PropertyName), e.ErrorMessage);
            }
        }
        foreach (var household in readable[RosterTemplate.Members].GroupBy(r => r.Get(RosterTemplate.Code)).Where(g => KnownHousehold(g.Key)))
        {
            var heads = household.Count(r => EnumOf<Relation>(r.Get("与户主关系"), Labels.Of) == Relation.Head);
            if (heads != 1)
            {
                Add(RosterTemplate.Members, household.First(), "与户主关系", $"户编号{household.Key}的成员中应有且只有一名户主，现有{heads}名");
            }
        }

        bool IsMember(string code, string id) => fileMembers.Contains((code, id)) || knownMembers.Contains((code, id));

        foreach (var row in readable[RosterTemplate.Employments])
        {
            var sheet = RosterTemplate.Employments;
            var code = row.Get(RosterTemplate.Code);
            var id = row.Get(RosterTemplate.IdNumber).ToUpperInvariant();
            if (!KnownHousehold(code))
            {
                Add(sheet, row, RosterTemplate.Code, UnknownHousehold(code));
                continue;
            }
            if (!IsMember(code, id))
            {
                Add(sheet, row, RosterTemplate.IdNumber, $"身份证号{IdNumber.Mask(id)}不是户{code}的成员");
            }
            var input = new EmploymentInput
            {
                MemberId = 1,
                Channel = EnumOf<Channel>(row.Get("渠道"), Labels.Numbered) ?? Channel.SafetyNet,
                Employer = row.Get("用工单位"),
                Park = row.Get("园区") is { Length: > 0 } park ? park : null,
                Location = EnumOf<WorkLocation>(row.Get("就业地点"), Labels.Of) ?? WorkLocation.InsideDistrict,
                ContractMonths = RosterCells.Integer(row.Get("合同期限（月）")).Value,
                HasSocialInsurance = RosterCells.YesNo(row.Get("缴纳社会保险")).Value ?? false,
                MonthlyPay = RosterCells.Decimal(row.Get("月工资（元）")).Value ?? 0,
                PostType = row.Get("岗位类型") is { Length: > 0 } post ? post : null,
                StartDate = When(row.Get("开始日期")),
                EndDate = When(row.Get("结束日期")),
            };
            foreach (var e in employments.Validate(input).Errors)
            {
                Add(sheet, row, MeasureHeaders.GetValueOrDefault(e.PropertyName), e.ErrorMessage);
            }
        }

        foreach (var row in readable[RosterTemplate.Industries])
        {
            var sheet = RosterTemplate.Industries;
            var code = row.Get(RosterTemplate.Code);
            if (!KnownHousehold(code))
            {
                Add(sheet, row, RosterTemplate.Code, UnknownHousehold(code));
                continue;
            }
            var input = new IndustryInput
            {
                Channel = EnumOf<Channel>(row.Get("渠道"), Labels.Numbered) ?? Channel.SafetyNet,
                Type = row.Get("产业类型"),
                Scale = RosterCells.Decimal(row.Get("规模")).Value,
                ScaleUnit = row.Get("规模单位") is { Length: > 0 } unit ? unit : null,
                Park = row.Get("园区") is { Length: > 0 } park ? park : null,
                LicenceNumber = row.Get("营业执照号") is { Length: > 0 } licence ? licence : null,
                PvStation = row.Get("光伏电站") is { Length: > 0 } pv ? pv : null,
                PvShareKw = RosterCells.Decimal(row.Get("光伏份额（kW）")).Value,
                Collective = row.Get("村集体") is { Length: > 0 } collective ? collective : null,
                ShareForm = EnumOf<AssetShareForm>(row.Get("入股形式"), Labels.Of),
                AnnualIncome = RosterCells.Decimal(row.Get("年收益（元）")).Value,
                StartDate = When(row.Get("开始日期")),
                EndDate = When(row.Get("结束日期")),
            };
            foreach (var e in industries.Validate(input).Errors)
            {
                Add(sheet, row, MeasureHeaders.GetValueOrDefault(e.PropertyName), e.ErrorMessage);
            }
        }

        foreach (var row in readable[RosterTemplate.Coverages])
        {
            var sheet = RosterTemplate.Coverages;
            var code = row.Get(RosterTemplate.Code);
            if (!KnownHousehold(code))
            {
                Add(sheet, row, RosterTemplate.Code, UnknownHousehold(code));
                continue;
            }
            if (row.Get(RosterTemplate.IdNumber) is { Length: > 0 } id && !IsMember(code, id.ToUpperInvariant()))
            {
                Add(sheet, row, RosterTemplate.IdNumber, $"身份证号{IdNumber.Mask(id)}不是户{code}的成员");
            }
            var input = new CoverageInput
            {
                Kind = EnumOf<CoverageKind>(row.Get("保障类型"), Labels.Of) ?? CoverageKind.Dibao,
                MonthlyAmount = RosterCells.Decimal(row.Get("月金额（元）")).Value,
                StartDate = When(row.Get("开始日期")),
                EndDate = When(row.Get("结束日期")),
            };
            foreach (var e in coverages.Validate(input).Errors)
            {
                Add(sheet, row, MeasureHeaders.GetValueOrDefault(e.PropertyName), e.ErrorMessage);
            }
        }

        var order = RosterTemplate.Sheets.Select(s => s.Name).ToList();
        return new RosterReport(
            problems.OrderBy(p => order.IndexOf(p.Sheet)).ThenBy(p => p.Row).ThenBy(p => p.Column, StringComparer.Ordinal).ToList(), codes, bad);
    }
}
