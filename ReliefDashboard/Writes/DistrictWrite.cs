using FluentValidation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;

namespace ReliefDashboard.Writes;

/// <summary>
/// The one way district data is changed. Every write — forms, the roster import, the ledger, flags, policy,
/// administration, the daily and monthly jobs — runs the same steps:
/// validate the input with its FluentValidation validator → wait for the write turn → apply (which authorizes
/// against the user's scope and may refuse) → recompute what depends on the change (a household's status and
/// stored figures, its payments' rule checks) → write the audit rows in <see cref="AuditTrail"/>'s one format →
/// commit in one transaction → publish one typed <see cref="DataChange"/>. A refusal or a failure anywhere rolls
/// everything back. The context refuses <c>SaveChanges</c> on district data outside this class.
/// </summary>
public sealed class DistrictWrite(
    IDbContextFactory<ReliefDbContext> dbFactory,
    ChangeNotifier notifier,
    WriteGate gate,
    TimeProvider clock,
    ILogger<DistrictWrite> logger,
    IServiceProvider? validators = null)
{
    /// <summary>A pipeline of its own, for the command line and the start-up, where no other writer shares the process.</summary>
    public static DistrictWrite For(IDbContextFactory<ReliefDbContext> dbFactory, TimeProvider clock, IServiceProvider? validators = null) =>
        new(dbFactory, new ChangeNotifier(), new WriteGate(), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<DistrictWrite>.Instance, validators);

    /// <summary>How long a person's save waits for a bulk job's transaction before being told to try again.</summary>
    public TimeSpan FormWait { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// How long a person's save waits in a queue of other people's saves (each a few milliseconds), when no bulk job
    /// holds the turn: a burst of clerks is served in order, not told the database is busy.
    /// </summary>
    public TimeSpan QueueWait { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Validates <paramref name="input"/> with its registered validator, then commits as <see cref="CommitAsync(WriteRequest, UserScope, Func{WriteContext, Task{Refusal?}}, CancellationToken)"/>.</summary>
    public async Task<Written> CommitAsync<TInput>(TInput input, WriteRequest request, UserScope user, Func<WriteContext, Task<Refusal?>> apply,
        CancellationToken ct = default)
    {
        // Validators are registered per scope; the pipeline serves background jobs too, so it takes a scope of its own.
        using var scope = validators?.CreateScope();
        var validator = scope?.ServiceProvider.GetService<IValidator<TInput>>()
            ?? throw new InvalidOperationException($"No validator is registered for {typeof(TInput).Name}; every input must have one");
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return new Written(WriteStatus.Invalid, validation.Errors.Select(e => e.ErrorMessage).Distinct().ToList());
        }
        return await CommitAsync(request, user, apply, ct);
    }

    /// <summary>A write without a form input (a job, an import already checked row by row, a confirmation).</summary>
    public async Task<Written> CommitAsync(WriteRequest request, UserScope user, Func<WriteContext, Task<Refusal?>> apply, CancellationToken ct = default)
    {
        using var turn = await TurnAsync(request, ct);
        if (turn is null)
        {
            return Busy();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.OpenDistrictWrite();
        Refusal? refusal;
        DataChange change;
        var held = TimeSpan.Zero;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // Microsoft.Data.Sqlite begins IMMEDIATE: the write lock is taken here, so every check the apply step
            // reads (a cap, a version, a duplicate) sees all that is committed and nothing can slip in before the commit.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var locked = clock.GetTimestamp();
            var context = new WriteContext(db, tx.GetDbTransaction(), user, now, clock.ToLocalDate(now));
            refusal = await apply(context);
            if (refusal is null)
            {
                change = await FinishAsync(db, context, request, ct);
                await tx.CommitAsync(ct);
            }
            else
            {
                await tx.RollbackAsync(ct);
                change = DataChange.Of(request.Kind);
            }
            held = clock.GetElapsedTime(locked);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Written(WriteStatus.Conflict, ["保存未成功：在您编辑期间，此记录已被他人修改。您填写的内容仍保留，请关闭后重新打开核对。"]);
        }
        catch (Exception ex) when (IsBusy(ex))
        {
            logger.LogWarning(ex, "{What}: the database stayed locked by another process", request.What);
            return Busy();
        }
        catch (Exception ex) when (ex is DbUpdateException or SqliteException)
        {
            // The transaction rolled back: nothing was written.
            logger.LogError(ex, "{What} failed", request.What);
            return new Written(WriteStatus.Failed, ["保存失败：数据库暂时无法写入，本次修改未保存。您填写的内容仍保留，请稍后再试。"]);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (refusal is not null)
        {
            if (refusal.DeniedTarget is { } target)
            {
                await using var log = await dbFactory.CreateDbContextAsync(ct);
                await ActivityLogs.WriteAsync(log, clock, user, ActivityLog.Kinds.Denied, target, request.What, ct);
            }
            return new Written(refusal.Status, refusal.Problems) { Held = held };
        }
        notifier.Publish(change);
        return new Written(WriteStatus.Saved, [], change) { Held = held };
    }

    /// <summary>A bulk job waits as long as it takes; a person waits <see cref="FormWait"/> for a bulk job, longer for other people.</summary>
    private async Task<IDisposable?> TurnAsync(WriteRequest request, CancellationToken ct)
    {
        if (request.IsBulk)
        {
            return await gate.EnterAsync(request.What, Timeout.InfiniteTimeSpan, ct);
        }
        // One place in the queue (waiting again would go to its back); given up only when a bulk job holds the turn.
        var waited = clock.GetTimestamp();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var entering = gate.EnterAsync(null, QueueWait, giveUp.Token);
        while (!entering.IsCompleted)
        {
            await Task.WhenAny(entering, Task.Delay(TimeSpan.FromMilliseconds(100), clock, ct));
            if (!entering.IsCompleted && gate.BulkJob is not null && clock.GetElapsedTime(waited) >= FormWait)
            {
                await giveUp.CancelAsync();
            }
        }
        try
        {
            return await entering;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private Written Busy() => new(WriteStatus.Busy,
        [gate.BulkJob is { } job
            ? $"系统正在执行批量任务（{job}），本次保存未执行。您填写的内容仍保留，请稍候片刻再保存。"
            : "数据库正忙，本次保存未执行。您填写的内容仍保留，请稍候片刻再保存。"]);

    private static bool IsBusy(Exception ex) =>
        (ex as SqliteException ?? ex.InnerException as SqliteException) is { SqliteErrorCode: 5 or 6 };

    /// <summary>Recompute, audit, save; returns the change to publish once committed.</summary>
    private async Task<DataChange> FinishAsync(ReliefDbContext db, WriteContext context, WriteRequest request, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await RecomputeStatusAsync(db, context.AsOf, ct);
        db.ChangeTracker.DetectChanges();
        await FigureSums.ApplyAsync(db, ct);

        var records = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && AuditTrail.IsAudited(e.Entity))
            .Select(e => (Entry: e, State: StateOf(e.State), Values: Values(e))).ToList();
        var towns = new HashSet<int>(context.TouchedTownIds);
        foreach (var h in db.ChangeTracker.Entries<Household>())
        {
            towns.Add(h.Entity.TownId);
        }

        await db.SaveChangesAsync(ct);
        if (context.RebuildAllFigures || context.FigureTowns.Count > 0)
        {
            var since = await FigureSums.StampAsync(db, ct)
                ?? FigureSums.VerifiedSince(context.Today, await PolicyStore.LoadStatusPolicyAsync(db, ct));
            await FigureSums.RebuildAsync(db, since, context.RebuildAllFigures ? null : context.FigureTowns, ct);
        }
        foreach (var step in context.Saved)
        {
            await step();
        }

        var stamp = new AuditStamp(context.Now, context.User.Name, request.Source);
        var names = new AuditNames(db);
        var households = new HashSet<int>(context.TouchedHouseholds);
        var rows = new List<AuditEntry>();
        foreach (var (entry, state, values) in records)
        {
            var (householdId, entityId) = Keys(entry.Entity);
            households.Add(householdId);
            AuditTrail.Rows(rows, stamp, entry.Entity, householdId, entityId, state, values.Fields, values.Before, values.After, names);
        }
        db.Audit.AddRange(rows);
        foreach (var benefit in db.ChangeTracker.Entries<Benefit>())
        {
            towns.Add(benefit.Entity.TownId);
        }
        await db.SaveChangesAsync(ct);

        if (!context.SkipPaymentChecks && households.Count > 0 && request.Kind is ChangeKind.HouseholdData or ChangeKind.Money or ChangeKind.Bulk)
        {
            var ids = households.ToList();
            if (await db.Benefits.AnyAsync(b => EF.Parameter(ids).Contains(b.HouseholdId), ct))
            {
                // A changed job, industry, shopfront or payment can change the check of the household's other payments.
                var policy = BenefitPolicy.FromSettings(await PolicyStore.LoadValuesAsync(db, ct));
                await BenefitLedger.RefreshAsync(db, policy, ids, ct);
            }
        }
        if (!context.SkipCrossCheck && households.Count > 0 && request.Kind is ChangeKind.HouseholdData or ChangeKind.Money or ChangeKind.Bulk)
        {
            await CrossCheckAsync(db, context, request, households, rows, ct);
        }
        return new DataChange(request.Kind, households, towns);
    }

    /// <summary>
    /// The cross-check of the households this write touched: a changed record can raise a finding or make one no
    /// longer hold; the correction is named by who made it, in which form, and what changed.
    /// </summary>
    private static async Task CrossCheckAsync(ReliefDbContext db, WriteContext context, WriteRequest request, IReadOnlyCollection<int> households,
        List<AuditEntry> rows, CancellationToken ct)
    {
        var lists = await Checks.ListsInUse.LoadAsync(db, ct);
        if (lists.IsEmpty)
        {
            return;
        }
        var settings = await PolicyStore.LoadValuesAsync(db, ct);
        var changes = rows.Where(r => r.Field != AuditLabels.Recomputed).GroupBy(r => r.HouseholdId).ToDictionary(g => g.Key,
            g => string.Join("；", g.Take(3).Select(r => r.OldValue is null || r.NewValue is null
                ? $"{r.Field}{((r.NewValue ?? r.OldValue) is { } v ? "：" + v : "")}"
                : $"{r.Field}：{r.OldValue} → {r.NewValue}")));
        string Because(int household) =>
            $"{context.User.Name}于{context.Today:yyyy-MM-dd}通过“{request.What}”修改了记录，疑点条件不再成立" +
            (changes.TryGetValue(household, out var what) && what.Length > 0 ? $"（{what}）" : "");
        var run = await Checks.CrossCheck.RunAsync(db, context.Transaction, new Checks.CheckRequest(context.AsOf, context.Now,
            StatusPolicy.FromSettings(settings), VerificationPolicy.FromSettings(settings), households, context.User.Name, Because), ct, lists);
        if (run != Checks.CheckRun.Nothing)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// Every household whose own facts changed in this write (itself, a member, a measure) gets its status and stored
    /// figures recomputed, once, before the save — so no write path can leave a stale status behind.
    /// </summary>
    private static async Task RecomputeStatusAsync(ReliefDbContext db, DateOnly today, CancellationToken ct)
    {
        var changed = new HashSet<Household>(ReferenceEqualityComparer.Instance);
        var byId = new HashSet<int>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            switch (e.Entity)
            {
                // A household whose only changes are the derived fields was recomputed by whoever changed them (the daily refresh).
                case Household h when e.State == EntityState.Added
                    || (e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified && !AuditTrail.Derived.Contains(p.Metadata.Name))):
                    changed.Add(h);
                    break;
                case Member or Measure:
                    var owner = (int)e.Property(nameof(Member.HouseholdId)).CurrentValue!;
                    var tracked = db.ChangeTracker.Entries<Household>().FirstOrDefault(x => (owner != 0 && x.Entity.Id == owner) || Owns(x.Entity, e.Entity));
                    if (tracked is not null)
                    {
                        changed.Add(tracked.Entity);
                    }
                    else if (owner != 0)
                    {
                        byId.Add(owner);
                    }
                    break;
            }
        }
        if (byId.Count > 0)
        {
            var ids = byId.ToList();
            changed.UnionWith(await db.Households.Where(h => ids.Contains(h.Id)).ToListAsync(ct));
        }
        if (changed.Count == 0)
        {
            return;
        }
        var policy = await PolicyStore.LoadStatusPolicyAsync(db, ct);
        foreach (var h in changed)
        {
            await EnsureRecordsAsync(db, h, ct);
            HouseholdStatusUpdater.Recompute(h, today, policy);
        }
    }

    private static bool Owns(Household h, object record) => record switch
    {
        Member m => h.Members.Contains(m),
        Employment j => h.Employments.Contains(j),
        Industry i => h.Industries.Contains(i),
        SafetyNetCoverage c => h.Coverages.Contains(c),
        Training t => h.Trainings.Contains(t),
        _ => false,
    };

    private static async Task EnsureRecordsAsync(ReliefDbContext db, Household h, CancellationToken ct)
    {
        if (db.Entry(h).State == EntityState.Added)
        {
            return;
        }
        var entry = db.Entry(h);
        foreach (var collection in new CollectionEntry[]
        {
            entry.Collection(x => x.Members), entry.Collection(x => x.Employments), entry.Collection(x => x.Industries),
            entry.Collection(x => x.Coverages), entry.Collection(x => x.Trainings),
        })
        {
            if (!collection.IsLoaded)
            {
                await collection.LoadAsync(ct);
            }
        }
    }

    private static RecordState StateOf(EntityState state) => state switch
    {
        EntityState.Added => RecordState.Added,
        EntityState.Deleted => RecordState.Removed,
        _ => RecordState.Modified,
    };

    /// <summary>A tracked record's fields with their values before and after, as the audit trail reads them.</summary>
    private static (string[] Fields, object?[]? Before, object?[]? After) Values(EntityEntry entry)
    {
        var properties = entry.Properties.ToList();
        var fields = properties.Select(p => p.Metadata.Name).ToArray();
        var before = entry.State == EntityState.Added ? null : properties.Select(p => p.OriginalValue).ToArray();
        var after = entry.State == EntityState.Deleted ? null : properties.Select(p => p.CurrentValue).ToArray();
        return (fields, before, after);
    }

    private static (int HouseholdId, int EntityId) Keys(object entity) => entity switch
    {
        Household h => (h.Id, h.Id),
        Member m => (m.HouseholdId, m.Id),
        Measure m => (m.HouseholdId, m.Id),
        Benefit b => (b.HouseholdId, b.Id),
        ShopfrontRental s => (s.HouseholdId, s.Id),
        BusinessLoan l => (l.HouseholdId, l.Id),
        _ => (0, 0),
    };

    /// <summary>Names for the id fields of the records in this write: tracked records first, then one lookup each.</summary>
    private sealed class AuditNames(ReliefDbContext db) : IAuditNames
    {
        private readonly Dictionary<(string, int), string?> cache = [];

        public string? Of(string field, object? id)
        {
            if (id is not int key)
            {
                return null;
            }
            if (cache.TryGetValue((field, key), out var known))
            {
                return known;
            }
            string? name = field switch
            {
                nameof(Household.TownId) => db.Towns.Local.FirstOrDefault(t => t.Id == key)?.Name
                    ?? db.Towns.AsNoTracking().Where(t => t.Id == key).Select(t => t.Name).FirstOrDefault(),
                nameof(Household.SiteId) => db.Sites.Local.FirstOrDefault(s => s.Id == key)?.Name
                    ?? db.Sites.AsNoTracking().Where(s => s.Id == key).Select(s => s.Name).FirstOrDefault(),
                nameof(Employment.MemberId) => db.Members.Local.FirstOrDefault(m => m.Id == key)?.Name
                    ?? db.Members.AsNoTracking().Where(m => m.Id == key).Select(m => m.Name).FirstOrDefault(),
                nameof(Benefit.EmploymentId) => db.Employments.Local.FirstOrDefault(e => e.Id == key)?.Employer
                    ?? db.Employments.AsNoTracking().Where(e => e.Id == key).Select(e => e.Employer).FirstOrDefault(),
                nameof(Benefit.IndustryId) => db.Industries.Local.FirstOrDefault(i => i.Id == key)?.Type
                    ?? db.Industries.AsNoTracking().Where(i => i.Id == key).Select(i => i.Type).FirstOrDefault(),
                nameof(Benefit.ShopfrontId) => db.Shopfronts.Local.FirstOrDefault(s => s.Id == key)?.Unit
                    ?? db.Shopfronts.AsNoTracking().Where(s => s.Id == key).Select(s => s.Unit).FirstOrDefault(),
                _ => null,
            };
            cache[(field, key)] = name;
            return name;
        }
    }
}
