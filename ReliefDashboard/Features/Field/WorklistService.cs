using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Figures;

namespace ReliefDashboard.Features.Field;

/// <summary>A worklist: the items (earliest due first), how many of each kind there are in all, the settings it read.</summary>
public sealed record Worklist(IReadOnlyList<WorkItem> Items, IReadOnlyDictionary<WorkKind, int> Counts, FieldPolicy Policy, DateOnly Today, bool Truncated);

/// <summary>Overdue work of one kind in one town: how many, and the longest overdue in days.</summary>
public sealed record EscalationRow(int TownId, string Town, WorkKind Kind, int Overdue, int WorstDays);

/// <summary>
/// 我的待办: everything with a clock in one list, earliest due first. Town staff see their own town; supervisors,
/// administrators and the leading group choose a town, and see the escalation view (what is overdue, by how long, by
/// town). Each kind is read by its own query and capped, so a town of a hundred thousand unvisited households still
/// gives a list at once; the counts are taken in the database.
/// </summary>
public sealed class WorklistService(IDbContextFactory<ReliefDbContext> dbFactory, CurrentUser current, TimeProvider clock)
{
    /// <summary>At most this many items of one kind are listed; the count says how many there are.</summary>
    public const int PerKind = 200;

    public async Task<Worklist?> ForTownAsync(int? townId, CancellationToken ct = default)
    {
        var user = await current.GetAsync();
        var town = user.Role == Roles.TownStaff ? user.TownId : townId;
        if (town is null && user.Role == Roles.TownStaff || user.Role == Roles.Department || !user.IsAuthenticated)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await PolicyStore.LoadValuesAsync(db, ct);
        var field = FieldPolicy.FromSettings(settings);
        var status = StatusPolicy.FromSettings(settings);
        var verify = VerificationPolicy.FromSettings(settings);
        var today = clock.Today();
        var items = new List<WorkItem>();
        var counts = new Dictionary<WorkKind, int>();
        void Add(WorkKind kind, IEnumerable<WorkItem> found, int? total = null)
        {
            var list = found.ToList();
            items.AddRange(list);
            counts[kind] = (counts.TryGetValue(kind, out var c) ? c : 0) + (total ?? list.Count);
        }

        var clocks = await NoMeasureClocks.LoadAsync(db, clock, town, ct, settings);
        Add(WorkKind.NoMeasureHelp, clocks.Where(c => c.VisitedSince is null).OrderBy(c => c.HelpDue).Take(PerKind).Select(c => new WorkItem(
            WorkKind.NoMeasureHelp, c.TownId, $"{c.Code} {c.HeadName}户：无措施，须入户帮扶",
            $"自 {c.Since:yyyy-MM-dd} 起无产业、无就业，应在 {c.HelpDue:yyyy-MM-dd} 前入户帮扶、{c.ClearDue:yyyy-MM-dd} 前清零",
            c.HelpDue, $"households/{c.HouseholdId}/visit", c.HouseholdId)), clocks.Count(c => c.VisitedSince is null));
        Add(WorkKind.NoMeasureClear, clocks.Where(c => c.VisitedSince is not null).OrderBy(c => c.ClearDue).Take(PerKind).Select(c => new WorkItem(
            WorkKind.NoMeasureClear, c.TownId, $"{c.Code} {c.HeadName}户：无措施，须落实措施清零",
            $"已于 {c.VisitedSince:yyyy-MM-dd} 入户帮扶，应在 {c.ClearDue:yyyy-MM-dd} 前落实至少一项稳定产业或一人稳定就业",
            c.ClearDue, $"households/{c.HouseholdId}", c.HouseholdId)), clocks.Count(c => c.VisitedSince is not null));

        var findings = db.Findings.AsNoTracking().Where(f => f.State == FindingState.Pending || f.State == FindingState.Visited || f.State == FindingState.Returned);
        var flags = db.Flags.AsNoTracking().Where(f => f.TownId != null && (f.State == FlagState.Open || f.State == FlagState.InProgress || f.State == FlagState.Returned));
        var spots = db.SpotCheckItems.AsNoTracking().Where(i => i.Result == null);
        var households = db.Households.AsNoTracking();
        if (town is { } t)
        {
            findings = findings.Where(f => f.TownId == t);
            flags = flags.Where(f => f.TownId == t);
            spots = spots.Where(i => i.TownId == t);
            households = households.Where(h => h.TownId == t);
        }

        var openFindings = await findings.OrderBy(f => f.ConcludeDue).Take(PerKind)
            .Select(f => new { f.Id, f.TownId, f.HouseholdId, f.Household!.Code, f.Household.HeadName, f.Subject, f.State, f.VisitDue, f.ConcludeDue }).ToListAsync(ct);
        Add(WorkKind.Finding, openFindings.Select(f =>
        {
            var visit = f.State == FindingState.Pending;
            return new WorkItem(WorkKind.Finding, f.TownId, $"{f.Code} {f.HeadName}户：疑点{(visit ? "待入户核实" : f.State == FindingState.Returned ? "被退回，须重新核实" : "已入户，待办结")}",
                f.Subject, visit ? f.VisitDue : f.ConcludeDue, $"verification/findings/{f.Id}", f.HouseholdId);
        }), await findings.CountAsync(ct));

        var openFlags = await flags.OrderBy(f => f.Deadline).Take(PerKind)
            .Select(f => new { f.Id, TownId = f.TownId!.Value, f.Reason, f.RequiredAction, f.State, f.Deadline }).ToListAsync(ct);
        Add(WorkKind.Flag, openFlags.Select(f => new WorkItem(WorkKind.Flag, f.TownId,
            $"督办#{f.Id}：{(f.State == FlagState.Returned ? "整改被退回，须重新答复" : "待整改答复")}", $"{f.Reason}；要求：{f.RequiredAction}",
            f.Deadline, $"flags/{f.Id}")), await flags.CountAsync(ct));

        // A spot check's visits are due within the finding's home-visit clock from the draw; a checker sees their own first.
        if (user.Role != Roles.TownStaff)
        {
            var mine = user.Role == Roles.Supervisor ? spots.Where(i => i.CheckerUserId == user.UserId || i.CheckerUserId == null) : spots;
            var openSpots = await mine.OrderBy(i => i.SpotCheck!.DrawnOn).Take(PerKind)
                .Select(i => new { i.Id, i.TownId, i.SpotCheckId, i.HouseholdId, i.Household!.Code, i.Household.HeadName, i.Checker, i.SpotCheck!.DrawnOn }).ToListAsync(ct);
            Add(WorkKind.SpotCheck, openSpots.Select(i => new WorkItem(WorkKind.SpotCheck, i.TownId, $"{i.Code} {i.HeadName}户：入户抽查待录入",
                $"抽查#{i.SpotCheckId}，{i.DrawnOn:yyyy-MM-dd}抽取，核查人：{i.Checker ?? "未指派"}", WorkingDays.Add(i.DrawnOn, verify.VisitWithinWorkingDays, verify.Holidays),
                $"verification/spot-checks/{i.SpotCheckId}", i.HouseholdId)), await mine.CountAsync(ct));
        }

        var horizon = today.AddDays(status.AtRiskEndingWithinDays);
        var jobs = db.Employments.AsNoTracking().Where(e => e.EndDate != null && e.EndDate >= today && e.EndDate <= horizon && e.StartDate <= today
            && households.Any(h => h.Id == e.HouseholdId));
        var shares = db.Industries.AsNoTracking().Where(i => (i.Channel == Channel.Photovoltaic || i.Channel == Channel.AssetIncome)
            && i.EndDate != null && i.EndDate >= today && i.EndDate <= horizon && i.StartDate <= today && households.Any(h => h.Id == i.HouseholdId));
        var endingJobs = await jobs.OrderBy(e => e.EndDate).Take(PerKind)
            .Select(e => new { e.HouseholdId, e.Member!.Name, e.Employer, End = e.EndDate!.Value }).ToListAsync(ct);
        var endingShares = await shares.OrderBy(i => i.EndDate).Take(PerKind)
            .Select(i => new { i.HouseholdId, i.Channel, i.Type, End = i.EndDate!.Value }).ToListAsync(ct);
        var endingIds = endingJobs.Select(e => e.HouseholdId).Concat(endingShares.Select(s => s.HouseholdId)).Distinct().ToList();
        var heads = await db.Households.AsNoTracking().Where(h => endingIds.Contains(h.Id))
            .Select(h => new { h.Id, h.Code, h.HeadName, h.TownId }).ToDictionaryAsync(h => h.Id, ct);
        Add(WorkKind.Ending, endingJobs.Select(e => new WorkItem(WorkKind.Ending, heads[e.HouseholdId].TownId,
                $"{heads[e.HouseholdId].Code} {heads[e.HouseholdId].HeadName}户：{e.Name}的就业合同即将到期",
                $"{e.Employer}，{e.End:yyyy-MM-dd} 到期；请核实是否续签或落实新岗位", e.End, $"households/{e.HouseholdId}", e.HouseholdId))
            .Concat(endingShares.Select(s => new WorkItem(WorkKind.Ending, heads[s.HouseholdId].TownId,
                $"{heads[s.HouseholdId].Code} {heads[s.HouseholdId].HeadName}户：{Labels.Of(s.Channel)}即将到期",
                $"{s.Type}，{s.End:yyyy-MM-dd} 到期；请核实收益是否延续", s.End, $"households/{s.HouseholdId}", s.HouseholdId)))
            .OrderBy(i => i.Due).Take(PerKind), await jobs.CountAsync(ct) + await shares.CountAsync(ct));

        // Unvisited: never, or the freshness window ends within the warning days; due the day the window ends.
        var lastFresh = today.AddDays(field.VisitSoonDays - status.VerificationMaxAgeDays);
        var stale = households.Where(h => h.LastVerifiedOn == null || h.LastVerifiedOn <= lastFresh);
        var unvisited = await stale.OrderBy(h => h.LastVerifiedOn).ThenBy(h => h.Code).Take(PerKind)
            .Select(h => new { h.Id, h.TownId, h.Code, h.HeadName, h.LastVerifiedOn }).ToListAsync(ct);
        Add(WorkKind.Unvisited, unvisited.Select(h => new WorkItem(WorkKind.Unvisited, h.TownId, $"{h.Code} {h.HeadName}户：须入户走访核实",
            h.LastVerifiedOn is { } v ? $"最近走访 {v:yyyy-MM-dd}，超过 {status.VerificationMaxAgeDays} 天即为预警户" : "从未走访核实",
            h.LastVerifiedOn?.AddDays(status.VerificationMaxAgeDays) ?? today, $"households/{h.Id}/visit", h.Id)), await stale.CountAsync(ct));

        var truncated = counts.Any(c => c.Value > PerKind);
        return new Worklist(items.OrderBy(i => i.Due).ThenBy(i => i.Kind).ToList(), counts, field, today, truncated);
    }

    /// <summary>Overdue work by town and kind, for supervisors: counted in the database (the unvisited, the findings, the flags) or from the small no-measure set.</summary>
    public async Task<IReadOnlyList<EscalationRow>?> EscalationAsync(CancellationToken ct = default)
    {
        var user = await current.GetAsync();
        if (!user.ReadsWholeDistrict)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await PolicyStore.LoadValuesAsync(db, ct);
        var status = StatusPolicy.FromSettings(settings);
        var verify = VerificationPolicy.FromSettings(settings);
        var today = clock.Today();
        var towns = await db.Towns.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var rows = new List<EscalationRow>();
        void Group(WorkKind kind, IEnumerable<(int Town, DateOnly Due)> late) =>
            rows.AddRange(late.GroupBy(x => x.Town).Select(g => new EscalationRow(g.Key, towns.GetValueOrDefault(g.Key, "?"), kind, g.Count(),
                g.Max(x => today.DayNumber - x.Due.DayNumber))));

        var clocks = await NoMeasureClocks.LoadAsync(db, clock, null, ct, settings);
        Group(WorkKind.NoMeasureHelp, clocks.Where(c => c.VisitedSince is null && c.HelpDue < today).Select(c => (c.TownId, c.HelpDue)));
        Group(WorkKind.NoMeasureClear, clocks.Where(c => c.VisitedSince is not null && c.ClearDue < today).Select(c => (c.TownId, c.ClearDue)));

        var findings = await db.Findings.AsNoTracking()
            .Where(f => (f.State == FindingState.Pending && f.VisitDue < today) || ((f.State == FindingState.Visited || f.State == FindingState.Returned) && f.ConcludeDue < today))
            .GroupBy(f => f.TownId).Select(g => new { Town = g.Key, Count = g.Count(), Oldest = g.Min(f => f.State == FindingState.Pending ? f.VisitDue : f.ConcludeDue) })
            .ToListAsync(ct);
        rows.AddRange(findings.Select(f => new EscalationRow(f.Town, towns.GetValueOrDefault(f.Town, "?"), WorkKind.Finding, f.Count, today.DayNumber - f.Oldest.DayNumber)));

        var flags = await db.Flags.AsNoTracking()
            .Where(f => f.TownId != null && (f.State == FlagState.Open || f.State == FlagState.InProgress || f.State == FlagState.Returned) && f.Deadline < today)
            .GroupBy(f => f.TownId!.Value).Select(g => new { Town = g.Key, Count = g.Count(), Oldest = g.Min(f => f.Deadline) }).ToListAsync(ct);
        rows.AddRange(flags.Select(f => new EscalationRow(f.Town, towns.GetValueOrDefault(f.Town, "?"), WorkKind.Flag, f.Count, today.DayNumber - f.Oldest.DayNumber)));

        var spots = await db.SpotCheckItems.AsNoTracking().Where(i => i.Result == null)
            .GroupBy(i => new { i.TownId, i.SpotCheck!.DrawnOn }).Select(g => new { g.Key.TownId, g.Key.DrawnOn, Count = g.Count() }).ToListAsync(ct);
        rows.AddRange(spots.Select(s => (s.TownId, Due: WorkingDays.Add(s.DrawnOn, verify.VisitWithinWorkingDays, verify.Holidays), s.Count)).Where(s => s.Due < today)
            .GroupBy(s => s.TownId).Select(g => new EscalationRow(g.Key, towns.GetValueOrDefault(g.Key, "?"), WorkKind.SpotCheck, g.Sum(s => s.Count),
                g.Max(s => today.DayNumber - s.Due.DayNumber))));

        var cutoff = today.AddDays(-status.VerificationMaxAgeDays);
        var unvisited = await db.Households.AsNoTracking().Where(h => h.LastVerifiedOn == null || h.LastVerifiedOn < cutoff)
            .GroupBy(h => h.TownId).Select(g => new { Town = g.Key, Count = g.Count(), Never = g.Count(h => h.LastVerifiedOn == null), Oldest = g.Min(h => h.LastVerifiedOn) })
            .ToListAsync(ct);
        rows.AddRange(unvisited.Select(u => new EscalationRow(u.Town, towns.GetValueOrDefault(u.Town, "?"), WorkKind.Unvisited, u.Count,
            u.Oldest is { } oldest ? today.DayNumber - oldest.AddDays(status.VerificationMaxAgeDays).DayNumber : 0)));
        return rows.OrderByDescending(r => r.WorstDays).ThenBy(r => r.Town).ToList();
    }

    public static string KindLabel(WorkKind kind) => kind switch
    {
        WorkKind.NoMeasureHelp => "无措施户·入户帮扶",
        WorkKind.NoMeasureClear => "无措施户·清零",
        WorkKind.Finding => "疑点核实",
        WorkKind.Flag => "督办答复",
        WorkKind.SpotCheck => "入户抽查",
        WorkKind.Ending => "合同/收益到期",
        _ => "超期未走访",
    };
}
