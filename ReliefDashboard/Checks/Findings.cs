using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Checks;

/// <summary>
/// Turns a run's candidates into stored findings. A candidate with no open finding becomes a new one (待核实, with
/// its two clocks in working days) — unless the same mismatch on the same facts was already explained and
/// accepted. An open finding found again stays as it is (its facts back if they had gone). An open finding of a
/// rule that ran but found nothing this time has its facts gone: the registry no longer matches the rule, by a
/// correction or newer department data; the loop still needs the town's conclusion.
/// </summary>
public static class Findings
{
    public static async Task<(int Raised, int Gone, int Back)> ReconcileAsync(ReliefDbContext db, CheckRequest request, IReadOnlyList<Candidate> candidates,
        IReadOnlySet<string> evaluated, CancellationToken ct)
    {
        var scope = request.Households?.ToList();
        var householdsOf = candidates.Select(c => c.HouseholdId).Distinct().ToList();
        var open = await db.Findings.Where(f => f.State != FindingState.Closed)
            .Where(f => scope == null || EF.Parameter(scope).Contains(f.HouseholdId) || EF.Parameter(householdsOf).Contains(f.HouseholdId))
            .ToListAsync(ct);
        var openByKey = open.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First());
        var keys = candidates.Select(c => c.Key).Distinct().ToList();
        var explained = (await db.Findings.AsNoTracking()
                .Where(f => f.State == FindingState.Closed && f.Confirmed == false && EF.Parameter(keys).Contains(f.Key))
                .Select(f => new { f.Key, f.Facts }).ToListAsync(ct))
            .Select(f => (f.Key, f.Facts)).ToHashSet();
        var households = await db.Households.AsNoTracking().Where(h => EF.Parameter(householdsOf).Contains(h.Id))
            .Select(h => new { h.Id, h.TownId, h.Status }).ToDictionaryAsync(h => h.Id, ct);

        var (raised, gone, back) = (0, 0, 0);
        var seen = new HashSet<string>();
        foreach (var c in candidates)
        {
            if (!seen.Add(c.Key))
            {
                continue;
            }
            if (openByKey.TryGetValue(c.Key, out var existing))
            {
                if (existing.FactsGoneOn is not null)
                {
                    existing.FactsGoneOn = null;
                    existing.Correction = null;
                    existing.Events.Add(Event(request, FindingAction.Found, existing.State, existing.State, "比对数据再次显示此疑点"));
                    back++;
                }
                if (existing.Detail != c.Detail || existing.Facts != c.Facts)
                {
                    (existing.Detail, existing.Facts) = (Trim(c.Detail, 1000), Trim(c.Facts, 200));
                }
                continue;
            }
            if (explained.Contains((c.Key, Trim(c.Facts, 200))) || !households.TryGetValue(c.HouseholdId, out var h))
            {
                continue;
            }
            var rule = VerificationPolicy.Rule(c.Rule);
            var finding = new Finding
            {
                Key = c.Key,
                Rule = c.Rule,
                Kind = rule.Kind,
                HouseholdId = c.HouseholdId,
                TownId = h.TownId,
                SubjectEntity = c.SubjectEntity,
                SubjectId = c.SubjectId,
                Subject = Trim(c.Subject, 100),
                Detail = Trim(c.Detail, 1000),
                Facts = Trim(c.Facts, 200),
                FoundOn = request.Today,
                VisitDue = WorkingDays.Add(request.Today, request.Policy.VisitWithinWorkingDays, request.Policy.Holidays),
                ConcludeDue = WorkingDays.Add(request.Today, request.Policy.ConcludeWithinWorkingDays, request.Policy.Holidays),
                WasAttained = h.Status is HouseholdStatus.Met or HouseholdStatus.AtRisk,
                State = FindingState.Pending,
            };
            finding.Events.Add(Event(request, FindingAction.Found, null, FindingState.Pending, $"{rule.Name}：{finding.Detail}"));
            db.Findings.Add(finding);
            raised++;
        }
        foreach (var f in open.Where(f => evaluated.Contains(f.Rule) && f.FactsGoneOn is null && !seen.Contains(f.Key)
            && (scope is null || scope.Contains(f.HouseholdId))))
        {
            f.FactsGoneOn = request.Today;
            f.Correction = Trim(request.Because(f.HouseholdId), 1000);
            f.Events.Add(Event(request, FindingAction.Corrected, f.State, f.State, f.Correction));
            gone++;
        }
        return (raised, gone, back);
    }

    private static FindingEvent Event(CheckRequest request, FindingAction action, FindingState? from, FindingState to, string text) => new()
    {
        At = request.Now,
        User = request.User,
        Action = action,
        From = from,
        To = to,
        Text = Trim(text, 2000),
    };

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
