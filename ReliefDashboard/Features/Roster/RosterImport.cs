using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Roster;

public sealed record ImportResult(bool Ok, string Message, RosterReport? Report, int Added = 0, int Updated = 0, int Unchanged = 0,
    int MeasuresAdded = 0, int MeasuresUpdated = 0)
{
    /// <summary>How long the import held the write lock: only its one writing transaction, not the reading and checking.</summary>
    public TimeSpan WriteLockHeld { get; init; }
}

/// <summary>
/// Imports a roster: checks it whole (<see cref="RosterCheck"/>), then writes every household in one transaction
/// with its audit rows, the file named as their source — or nothing at all when any row has a problem, unless the
/// user asked for the clean households only. Households are matched by 户编号, members by 身份证号, measures by
/// what identifies them (a job by member, channel, employer and start; an industry by channel, type and start;
/// coverage by kind, member and start), so importing the same file again changes nothing.
/// </summary>
public sealed class RosterImport(IDbContextFactory<ReliefDbContext> dbFactory, CurrentUser current, DistrictWrite writes, TimeProvider clock)
{
    public async Task<ImportResult> ImportAsync(byte[] content, string fileName, bool onlyClean, CancellationToken ct = default, IProgress<(string Stage, double Done)>? progress = null)
    {
        var user = await current.GetAsync();
        progress?.Report(("读取文件", 0.05));
        var file = RosterReader.Read(content, fileName);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        progress?.Report(("逐行检查", 0.2));
        var report = await new RosterCheck(clock).CheckAsync(file, db, user, ct);
        if (!file.Readable)
        {
            return new ImportResult(false, "文件无法读取，未导入任何数据", report);
        }
        var codes = report.Clean ? report.Codes : onlyClean ? report.CleanCodes : [];
        if (!report.Clean && !onlyClean)
        {
            return new ImportResult(false, $"发现{report.Problems.Count}处问题，未导入任何数据；可修改后重新导入，或选择只导入没有问题的{report.CleanCodes.Count}户", report);
        }
        if (codes.Count == 0)
        {
            return new ImportResult(false, "没有可以导入的户", report);
        }

        var today = clock.Today();
        var policy = await PolicyStore.LoadStatusPolicyAsync(db, ct);
        var townList = await db.Towns.AsNoTracking().Include(t => t.Sites).ToListAsync(ct);
        var towns = townList.ToDictionary(t => t.Name, t => t.Id);
        var sites = townList.SelectMany(t => t.Sites).ToDictionary(s => (s.TownId, s.Name), s => s.Id);
        var wanted = codes.ToHashSet();
        IEnumerable<RosterRow> Rows(RosterSheet s) =>
            file.Sheets.TryGetValue(s, out var rows) ? rows.Where(r => wanted.Contains(r.Get(RosterTemplate.Code))) : [];

        // Everything but the writing happens outside the write turn: reading the registered households, applying the
        // file to them, recomputing their status. Clerks' saves go on meanwhile; the one transaction below writes only
        // what differs, and a household someone saved since it was read (its version moved) rolls the whole file back.
        progress?.Report(("读取已登记的户", 0.4));
        // With identity resolution, a job's member is the same object as the household's member.
        var existing = await db.Households.AsNoTrackingWithIdentityResolution().Where(h => EF.Parameter(codes.ToList()).Contains(h.Code))
            .WithRecords().ToDictionaryAsync(h => h.Code, ct);
        var originals = existing.Values.ToList();
        // A household the file moves leaves its old town's figures: both towns are counted again after the write.
        var townsBefore = originals.Select(h => h.TownId).ToHashSet();
        progress?.Report(("按文件更新各户", 0.5));
        var remembered = new RosterSnapshot(db.Model, originals);
        var coverageMembers = Apply(existing, towns, sites, Rows);
        progress?.Report(("重算达标状态", 0.55));
        foreach (var h in existing.Values)
        {
            HouseholdStatusUpdater.Recompute(h, today, policy);
        }

        var source = $"导入：{Path.GetFileName(fileName)}";
        var (added, updated, measuresAdded, measuresUpdated) = (0, 0, 0, 0);
        progress?.Report(("写入", 0.6));
        var written = await writes.CommitAsync(new WriteRequest(ChangeKind.Bulk, source, $"导入 {Path.GetFileName(fileName)}") { IsBulk = true }, user, async w =>
        {
            await w.Db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144;", ct);
            using var store = new RosterStore(w.Db, w.Transaction, new AuditStamp(w.Now, user.Name, source), RosterNames.Of(townList), remembered);
            var done = 0;
            try
            {
                foreach (var h in existing.Values)
                {
                    var isNew = h.Id == 0;
                    if (store.Write(h, coverageMembers))
                    {
                        _ = isNew ? added++ : updated++;
                    }
                    if (++done % 5000 == 0)
                    {
                        progress?.Report(("写入", 0.6 + 0.35 * done / existing.Count));
                    }
                }
            }
            catch (RosterConflictException conflict)
            {
                return Refusal.Conflict($"导入期间户{conflict.Code}已被他人修改，为免覆盖，未导入任何数据；请重新导入");
            }
            (measuresAdded, measuresUpdated) = (store.MeasuresAdded, store.MeasuresUpdated);
            w.Touched(existing.Values.Select(h => h.Id));
            w.TouchedTowns(existing.Values.Select(h => h.TownId));
            w.RebuildFigures(townsBefore.Union(existing.Values.Select(h => h.TownId)));
            return null;
        }, ct);
        if (!written.Ok)
        {
            return new ImportResult(false, written.Problems[0], report);
        }
        progress?.Report(("完成", 1));
        var unchanged = codes.Count - added - updated;
        var skipped = report.Clean ? "" : $"；有问题的{report.BadCodes.Count}户未导入";
        var measures = measuresAdded + measuresUpdated > 0 ? $"；措施新增{measuresAdded}条，更新{measuresUpdated}条" : "";
        return new ImportResult(true, $"已导入{codes.Count}户：新增{added}户，更新{updated}户，无变化{unchanged}户{measures}{skipped}", report, added, updated, unchanged,
            measuresAdded, measuresUpdated)
        { WriteLockHeld = written.Held };
    }

    /// <summary>
    /// Applies the file's rows to the households: new ones created, registered ones changed in place. Returns the
    /// member each coverage row names (a new member has no id yet).
    /// </summary>
    private static Dictionary<SafetyNetCoverage, Member> Apply(Dictionary<string, Household> existing, Dictionary<string, int> towns,
        Dictionary<(int, string), int> sites, Func<RosterSheet, IEnumerable<RosterRow>> rows)
    {
        foreach (var row in rows(RosterTemplate.Households))
        {
            var code = row.Get(RosterTemplate.Code);
            if (!existing.TryGetValue(code, out var h))
            {
                h = new Household { Code = code, HeadName = "", OriginVillage = "" };
                existing[code] = h;
            }
            h.TownId = towns[row.Get("镇街")];
            h.SiteId = sites[(h.TownId, row.Get("安置点"))];
            h.HeadName = row.Get("户主姓名");
            h.OriginVillage = row.Get("迁出村");
            h.RelocationYear = RosterCells.Integer(row.Get("搬迁年份")).Value!.Value;
            h.Phone = row.Get("联系电话") is { Length: > 0 } phone ? phone : null;
            h.IsRegisteredPoor = RosterCells.YesNo(row.Get("建档立卡贫困户")).Value ?? false;
            h.IsCoRelocated = RosterCells.YesNo(row.Get("同步搬迁户")).Value ?? false;
            h.IsThreeNo = RosterCells.YesNo(row.Get("三无人员")).Value ?? false;
            h.LastVerifiedOn = RosterCells.Date(row.Get("最近走访核实日期")).Value;
        }

        foreach (var row in rows(RosterTemplate.Members))
        {
            var h = existing[row.Get(RosterTemplate.Code)];
            var id = row.Get(RosterTemplate.IdNumber).ToUpperInvariant();
            var m = h.Members.FirstOrDefault(x => x.IdNumber == id);
            if (m is null)
            {
                m = new Member { Name = "", IdNumber = id };
                h.Members.Add(m);
            }
            m.Name = row.Get("姓名");
            m.BirthDate = RosterCells.Date(row.Get("出生日期")).Value!.Value;
            m.Sex = RosterCheck.EnumOf<Sex>(row.Get("性别"), Labels.Of)!.Value;
            m.Relation = RosterCheck.EnumOf<Relation>(row.Get("与户主关系"), Labels.Of)!.Value;
            m.LabourCapacity = RosterCheck.EnumOf<LabourCapacity>(row.Get("劳动能力"), Labels.Of)!.Value;
            m.Education = RosterCheck.EnumOf<Education>(row.Get("文化程度"), Labels.Of) ?? m.Education;
            m.IsUnemployedGraduate = RosterCells.YesNo(row.Get("未就业高校毕业生")).Value ?? false;
            m.Disability = RosterCheck.EnumOf<Disability>(row.Get("残疾情况"), Labels.Of) ?? Disability.None;
        }

        foreach (var row in rows(RosterTemplate.Employments))
        {
            var h = existing[row.Get(RosterTemplate.Code)];
            var member = h.Members.First(x => x.IdNumber == row.Get(RosterTemplate.IdNumber).ToUpperInvariant());
            var channel = RosterCheck.EnumOf<Channel>(row.Get("渠道"), Labels.Numbered)!.Value;
            var start = RosterCells.Date(row.Get("开始日期")).Value!.Value;
            var employer = row.Get("用工单位");
            // With its 措施编号 the row is that job, whatever it now says; without, the job that agrees on who, where and when.
            var e = MeasureIds.Parse(RosterTemplate.Employments, row.Get(RosterTemplate.MeasureId)).Id is { } jobId
                ? h.Employments.First(x => x.Id == jobId)
                : h.Employments.FirstOrDefault(x => x.Member == member && x.Channel == channel && x.Employer == employer && x.StartDate == start);
            if (e is null)
            {
                e = new Employment { Member = member, Channel = channel, Employer = employer, StartDate = start };
                h.Employments.Add(e);
            }
            (e.Member, e.Channel, e.Employer, e.StartDate) = (member, channel, employer, start);
            e.Park = row.Get("园区") is { Length: > 0 } park ? park : null;
            e.Location = RosterCheck.EnumOf<WorkLocation>(row.Get("就业地点"), Labels.Of)!.Value;
            e.ContractMonths = RosterCells.Integer(row.Get("合同期限（月）")).Value;
            e.HasSocialInsurance = RosterCells.YesNo(row.Get("缴纳社会保险")).Value ?? false;
            e.MonthlyPay = RosterCells.Decimal(row.Get("月工资（元）")).Value!.Value;
            e.PostType = row.Get("岗位类型") is { Length: > 0 } post ? post : null;
            e.EndDate = RosterCells.Date(row.Get("结束日期")).Value;
        }

        foreach (var row in rows(RosterTemplate.Industries))
        {
            var h = existing[row.Get(RosterTemplate.Code)];
            var channel = RosterCheck.EnumOf<Channel>(row.Get("渠道"), Labels.Numbered)!.Value;
            var start = RosterCells.Date(row.Get("开始日期")).Value!.Value;
            var type = row.Get("产业类型");
            var i = MeasureIds.Parse(RosterTemplate.Industries, row.Get(RosterTemplate.MeasureId)).Id is { } industryId
                ? h.Industries.First(x => x.Id == industryId)
                : h.Industries.FirstOrDefault(x => x.Channel == channel && x.Type == type && x.StartDate == start);
            if (i is null)
            {
                i = new Industry { Channel = channel, Type = type, StartDate = start };
                h.Industries.Add(i);
            }
            (i.Channel, i.Type, i.StartDate) = (channel, type, start);
            i.Scale = RosterCells.Decimal(row.Get("规模")).Value;
            i.ScaleUnit = row.Get("规模单位") is { Length: > 0 } unit ? unit : null;
            i.Park = row.Get("园区") is { Length: > 0 } park ? park : null;
            i.LicenceNumber = row.Get("营业执照号") is { Length: > 0 } licence ? licence : null;
            i.PvStation = row.Get("光伏电站") is { Length: > 0 } pv ? pv : null;
            i.PvShareKw = RosterCells.Decimal(row.Get("光伏份额（kW）")).Value;
            i.Collective = row.Get("村集体") is { Length: > 0 } collective ? collective : null;
            i.ShareForm = RosterCheck.EnumOf<AssetShareForm>(row.Get("入股形式"), Labels.Of);
            i.AnnualIncome = RosterCells.Decimal(row.Get("年收益（元）")).Value;
            i.EndDate = RosterCells.Date(row.Get("结束日期")).Value;
        }

        var coverageMembers = new Dictionary<SafetyNetCoverage, Member>(ReferenceEqualityComparer.Instance);
        foreach (var row in rows(RosterTemplate.Coverages))
        {
            var h = existing[row.Get(RosterTemplate.Code)];
            var member = row.Get(RosterTemplate.IdNumber) is { Length: > 0 } id ? h.Members.First(x => x.IdNumber == id.ToUpperInvariant()) : null;
            var kind = RosterCheck.EnumOf<CoverageKind>(row.Get("保障类型"), Labels.Of)!.Value;
            var start = RosterCells.Date(row.Get("开始日期")).Value!.Value;
            // A coverage is the same one when kind, start and member agree (a new member cannot match a stored coverage).
            var c = MeasureIds.Parse(RosterTemplate.Coverages, row.Get(RosterTemplate.MeasureId)).Id is { } coverageId
                ? h.Coverages.First(x => x.Id == coverageId)
                : h.Coverages.FirstOrDefault(x => x.Kind == kind && x.StartDate == start
                    && (member is null ? x.MemberId is null : member.Id != 0 && x.MemberId == member.Id));
            if (c is null)
            {
                c = new SafetyNetCoverage { Channel = Channel.SafetyNet, Kind = kind, StartDate = start };
                h.Coverages.Add(c);
            }
            (c.Kind, c.StartDate) = (kind, start);
            if (member is not null)
            {
                coverageMembers[c] = member;
            }
            else
            {
                c.MemberId = null;
            }
            c.MonthlyAmount = RosterCells.Decimal(row.Get("月金额（元）")).Value;
            c.EndDate = RosterCells.Date(row.Get("结束日期")).Value;
        }
        return coverageMembers;
    }
}
