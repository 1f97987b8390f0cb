using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Data;

public class ReliefDbContext(DbContextOptions<ReliefDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Town> Towns => Set<Town>();
    public DbSet<ResettlementSite> Sites => Set<ResettlementSite>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Employment> Employments => Set<Employment>();
    public DbSet<Industry> Industries => Set<Industry>();
    public DbSet<SafetyNetCoverage> Coverages => Set<SafetyNetCoverage>();
    public DbSet<Training> Trainings => Set<Training>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<PolicySetting> PolicySettings => Set<PolicySetting>();
    public DbSet<PolicySettingChange> PolicyChanges => Set<PolicySettingChange>();
    public DbSet<ActivityLog> Activity => Set<ActivityLog>();
    public DbSet<MonthlyFigure> MonthlyFigures => Set<MonthlyFigure>();
    public DbSet<FigureSum> FigureSums => Set<FigureSum>();
    public DbSet<MoneySum> MoneySums => Set<MoneySum>();
    public DbSet<FigureMonth> FigureMonths => Set<FigureMonth>();
    public DbSet<ScorePeriod> ScorePeriods => Set<ScorePeriod>();
    public DbSet<ScoreRow> ScoreRows => Set<ScoreRow>();
    public DbSet<ScoreCellRow> ScoreCells => Set<ScoreCellRow>();
    public DbSet<SupervisionFlag> Flags => Set<SupervisionFlag>();
    public DbSet<FlagHousehold> FlagHouseholds => Set<FlagHousehold>();
    public DbSet<FlagEvent> FlagEvents => Set<FlagEvent>();
    public DbSet<FlagEvidence> FlagEvidence => Set<FlagEvidence>();
    public DbSet<SuggestionDismissal> SuggestionDismissals => Set<SuggestionDismissal>();
    public DbSet<Benefit> Benefits => Set<Benefit>();
    public DbSet<ShopfrontRental> Shopfronts => Set<ShopfrontRental>();
    public DbSet<BusinessLoan> Loans => Set<BusinessLoan>();
    public DbSet<CommunityFactory> Factories => Set<CommunityFactory>();
    public DbSet<SystemInfo> SystemInfo => Set<SystemInfo>();
    public DbSet<SignInSession> Sessions => Set<SignInSession>();
    public DbSet<DepartmentList> DepartmentLists => Set<DepartmentList>();
    public DbSet<DepartmentRecord> DepartmentRecords => Set<DepartmentRecord>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<HouseholdVisit> Visits => Set<HouseholdVisit>();
    public DbSet<VisitMemberCheck> VisitMembers => Set<VisitMemberCheck>();
    public DbSet<VisitPhoto> VisitPhotos => Set<VisitPhoto>();
    public DbSet<FindingEvent> FindingEvents => Set<FindingEvent>();
    public DbSet<VerificationEvidence> VerificationEvidence => Set<VerificationEvidence>();
    public DbSet<SpotCheck> SpotChecks => Set<SpotCheck>();
    public DbSet<SpotCheckItem> SpotCheckItems => Set<SpotCheckItem>();

    private bool districtWriteOpen;

    /// <summary>Opened by the write pipeline (<c>DistrictWrite</c>) on the context it commits through; nowhere else in the app.</summary>
    public void OpenDistrictWrite() => districtWriteOpen = true;

    /// <summary>
    /// District data changes only through the write pipeline, which validates, authorizes, recomputes, audits and
    /// publishes. A save of anything but the access journal (activity log, sign-in sessions, accounts) on a context
    /// the pipeline did not open throws, so a write path that bypasses it fails its first test.
    /// </summary>
    private void GuardDistrictData()
    {
        if (districtWriteOpen)
        {
            return;
        }
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !IsJournal(entry.Entity))
            {
                throw new InvalidOperationException(
                    $"{entry.Metadata.ClrType.Name} is district data: change it through DistrictWrite, which audits, recomputes and publishes");
            }
        }
    }

    private static bool IsJournal(object entity) =>
        entity is ActivityLog or SignInSession or AppUser || entity.GetType().Namespace == "Microsoft.AspNetCore.Identity";

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardDistrictData();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardDistrictData();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Money columns hold whole fen (INTEGER); SQL sums them exactly.</summary>
    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<decimal, long> FenConverter =
        new(yuan => Fen.FromYuan(yuan), fen => Fen.ToYuan(fen));

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(40);
            e.Property(u => u.Department).HasMaxLength(40);
            e.HasOne<Town>().WithMany().HasForeignKey(u => u.TownId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<SystemInfo>(e =>
        {
            e.HasKey(i => i.Key);
            e.Property(i => i.Key).HasMaxLength(40);
            e.Property(i => i.Value).HasMaxLength(200);
        });
        b.Entity<SignInSession>(e =>
        {
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.ClientAddress).HasMaxLength(64);
            e.HasIndex(x => x.UserId);
            e.HasIndex(x => x.ExpiresAt);
        });
        b.Entity<ActivityLog>(e =>
        {
            e.Property(a => a.User).HasMaxLength(60);
            e.Property(a => a.Kind).HasMaxLength(20);
            e.Property(a => a.Target).HasMaxLength(120);
            e.HasIndex(a => a.At);
        });
        b.Entity<PolicySettingChange>(e =>
        {
            e.Property(p => p.Key).HasMaxLength(80);
            e.Property(p => p.User).HasMaxLength(60);
            e.HasIndex(p => new { p.Key, p.At });
        });
        b.Entity<Town>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(40);
            e.HasIndex(t => t.Name).IsUnique();
            e.HasMany(t => t.Sites).WithOne(s => s.Town).HasForeignKey(s => s.TownId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ResettlementSite>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(60);
            e.HasIndex(s => new { s.TownId, s.Name }).IsUnique();
        });
        b.Entity<Household>(e =>
        {
            e.Property(h => h.Code).HasMaxLength(30);
            e.HasIndex(h => h.Code).IsUnique();
            e.Property(h => h.HeadName).HasMaxLength(40);
            e.Property(h => h.OriginVillage).HasMaxLength(60);
            e.Property(h => h.Phone).HasMaxLength(20);
            e.Property(h => h.StatusRule).HasMaxLength(40);
            e.Property(h => h.Version).IsConcurrencyToken();
            e.HasOne(h => h.Town).WithMany().HasForeignKey(h => h.TownId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(h => h.Site).WithMany().HasForeignKey(h => h.SiteId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(h => h.Members).WithOne().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(h => h.Employments).WithOne().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(h => h.Industries).WithOne().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(h => h.Coverages).WithOne().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(h => h.Trainings).WithOne().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(h => new { h.TownId, h.Status });
            e.HasIndex(h => new { h.SiteId, h.Status });
            e.HasIndex(h => h.Status);
            // The registry's first page of a status, or of a channel, in code order: read in order from these indexes
            // instead of sorting every match (a partial index per channel: the bit test itself cannot be indexed).
            e.HasIndex(h => new { h.Status, h.Code });
            foreach (var channel in Enum.GetValues<Channel>())
            {
                e.HasIndex([nameof(Household.Code)], $"IX_Households_Channel{(int)channel}")
                    .HasFilter($"(ChannelMask & {HouseholdStatusUpdater.Bit(channel)}) != 0");
            }
            e.HasIndex(h => h.HeadName);
            e.HasIndex(h => h.MemberCount);
            e.HasIndex(h => h.LastVerifiedOn);
            // Covers every column the dashboard sums, grouped as it groups them, so its one aggregate query reads
            // this narrow index instead of the wide household rows.
            e.HasIndex(h => new
            {
                h.TownId,
                h.ChannelMask,
                h.Status,
                h.IndustryMask,
                h.EmploymentMask,
                h.HasLabour,
                h.LabourMembers,
                h.EmployedLabourMembers,
                h.LocalLabourMembers,
                h.WorkersInDistrict,
                h.WorkersInProvince,
                h.WorkersOutsideProvince,
                h.LastVerifiedOn,
            }).HasDatabaseName("IX_Households_Dashboard");
        });
        b.Entity<FigureSum>(e =>
        {
            e.HasKey(f => new { f.TownId, f.ChannelMask, f.Status, f.IndustryMask, f.EmploymentMask });
            e.HasOne<Town>().WithMany().HasForeignKey(f => f.TownId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<MoneySum>(e =>
        {
            e.HasKey(f => new { f.TownId, f.Kind });
            e.Property(f => f.Amount).HasConversion(FenConverter);
            e.HasOne<Town>().WithMany().HasForeignKey(f => f.TownId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<MonthlyFigure>(e =>
        {
            e.HasKey(f => new { f.Month, f.TownId, f.ChannelMask, f.Status });
            e.HasOne<Town>().WithMany().HasForeignKey(f => f.TownId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<SupervisionFlag>(e =>
        {
            e.Property(f => f.Department).HasMaxLength(50);
            e.Property(f => f.Reason).HasMaxLength(1000);
            e.Property(f => f.RequiredAction).HasMaxLength(1000);
            e.Property(f => f.RaisedBy).HasMaxLength(100);
            e.Property(f => f.SuggestionKey).HasMaxLength(200);
            e.Property(f => f.Version).IsConcurrencyToken();
            e.HasIndex(f => new { f.TownId, f.State });
            e.HasIndex(f => new { f.State, f.Deadline });
            e.HasIndex(f => f.SuggestionKey);
            e.HasOne(f => f.Town).WithMany().HasForeignKey(f => f.TownId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(f => f.Households).WithOne().HasForeignKey(h => h.FlagId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(f => f.Events).WithOne().HasForeignKey(v => v.FlagId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(f => f.Evidence).WithOne().HasForeignKey(v => v.FlagId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DepartmentList>(e =>
        {
            e.Property(l => l.Department).HasMaxLength(40);
            e.Property(l => l.FileName).HasMaxLength(200);
            e.Property(l => l.Sha256).HasMaxLength(64);
            e.Property(l => l.ImportedBy).HasMaxLength(100);
            e.Property(l => l.Months).HasMaxLength(200);
            e.HasIndex(l => new { l.Kind, l.DataMonth });
        });
        b.Entity<DepartmentRecord>(e =>
        {
            e.Property(r => r.IdNumber).HasMaxLength(18);
            e.Property(r => r.Organisation).HasMaxLength(100);
            e.Property(r => r.Reference).HasMaxLength(40);
            // The cross-check's one lookup: a member's rows of a kind (and month); the list id retires a replaced list.
            e.HasIndex(r => new { r.Kind, r.IdNumber, r.Month, r.ListId }).HasDatabaseName("IX_DepartmentRecords_Lookup");
            // Only business registrations are looked up by licence number: a partial index keeps millions of contribution rows out of it.
            e.HasIndex(r => r.Reference).HasFilter("Kind = 2").HasDatabaseName("IX_DepartmentRecords_Licence");
            // No index on ListId (nor a foreign key, which would make one): every index costs each of a month's millions of
            // inserts, and rows are removed by list only when a list is replaced, a rare full scan.
        });
        b.Entity<Finding>(e =>
        {
            e.Property(f => f.Key).HasMaxLength(80);
            e.Property(f => f.Rule).HasMaxLength(40);
            e.Property(f => f.SubjectEntity).HasMaxLength(20);
            e.Property(f => f.Subject).HasMaxLength(100);
            e.Property(f => f.Detail).HasMaxLength(1000);
            e.Property(f => f.Facts).HasMaxLength(200);
            e.Property(f => f.Correction).HasMaxLength(1000);
            e.Property(f => f.Reason).HasMaxLength(2000);
            e.Property(f => f.EnteredBy).HasMaxLength(200);
            e.Property(f => f.Version).IsConcurrencyToken();
            e.HasIndex(f => new { f.Key, f.State });
            e.HasIndex(f => new { f.TownId, f.State, f.ConcludeDue });
            e.HasIndex(f => new { f.HouseholdId, f.State });
            e.HasOne(f => f.Household).WithMany().HasForeignKey(f => f.HouseholdId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Town>().WithMany().HasForeignKey(f => f.TownId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(f => f.Events).WithOne().HasForeignKey(v => v.FindingId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<HouseholdVisit>(e =>
        {
            e.Property(v => v.Visitor).HasMaxLength(100);
            e.Property(v => v.MetWith).HasMaxLength(200);
            e.Property(v => v.Findings).HasMaxLength(2000);
            e.Property(v => v.IncomeNote).HasMaxLength(500);
            e.Property(v => v.NextStep).HasMaxLength(1000);
            e.Property(v => v.RecordedBy).HasMaxLength(100);
            e.Property(v => v.MonthlyIncome).HasConversion(FenConverter);
            e.HasIndex(v => new { v.HouseholdId, v.VisitedOn });
            e.HasIndex(v => new { v.TownId, v.VisitedOn });
            e.HasOne(v => v.Household).WithMany().HasForeignKey(v => v.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(v => v.Members).WithOne().HasForeignKey(m => m.VisitId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(v => v.Photos).WithOne().HasForeignKey(p => p.VisitId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<VisitMemberCheck>(e =>
        {
            e.Property(m => m.MemberName).HasMaxLength(50);
            e.Property(m => m.Employer).HasMaxLength(200);
            e.Property(m => m.Note).HasMaxLength(500);
            e.Property(m => m.MonthlyPay).HasConversion(FenConverter);
        });
        b.Entity<VisitPhoto>(e =>
        {
            e.Property(p => p.FileName).HasMaxLength(200);
            e.Property(p => p.StoredName).HasMaxLength(100);
            e.Property(p => p.ContentType).HasMaxLength(100);
            e.Property(p => p.Sha256).HasMaxLength(64);
            e.Property(p => p.UploadedBy).HasMaxLength(100);
        });
        b.Entity<FindingEvent>(e =>
        {
            e.Property(v => v.User).HasMaxLength(100);
            e.Property(v => v.Text).HasMaxLength(2000);
        });
        b.Entity<VerificationEvidence>(e =>
        {
            e.Property(v => v.FileName).HasMaxLength(200);
            e.Property(v => v.StoredName).HasMaxLength(100);
            e.Property(v => v.ContentType).HasMaxLength(100);
            e.Property(v => v.Sha256).HasMaxLength(64);
            e.Property(v => v.UploadedBy).HasMaxLength(100);
            e.HasIndex(v => v.FindingId);
            e.HasIndex(v => v.SpotCheckItemId);
            e.HasOne<Finding>().WithMany().HasForeignKey(v => v.FindingId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<SpotCheckItem>().WithMany().HasForeignKey(v => v.SpotCheckItemId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SpotCheck>(e =>
        {
            e.Property(c => c.DrawnBy).HasMaxLength(100);
            e.Property(c => c.SharePercent).HasPrecision(5, 1);
            e.HasOne(c => c.Town).WithMany().HasForeignKey(c => c.TownId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Items).WithOne(i => i.SpotCheck).HasForeignKey(i => i.SpotCheckId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SpotCheckItem>(e =>
        {
            e.Property(i => i.CheckerUserId).HasMaxLength(450);
            e.Property(i => i.Checker).HasMaxLength(100);
            e.Property(i => i.Notes).HasMaxLength(2000);
            e.Property(i => i.RecordedBy).HasMaxLength(100);
            e.Property(i => i.FalseMeasures).HasMaxLength(1000);
            e.Property(i => i.EnteredBy).HasMaxLength(500);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.HasIndex(i => new { i.SpotCheckId, i.HouseholdId }).IsUnique();
            e.HasIndex(i => new { i.TownId, i.Result });
            e.HasIndex(i => i.HouseholdId);
            e.HasOne(i => i.Household).WithMany().HasForeignKey(i => i.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<FlagHousehold>(e =>
        {
            e.HasKey(h => new { h.FlagId, h.HouseholdId });
            e.HasOne(h => h.Household).WithMany().HasForeignKey(h => h.HouseholdId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(h => h.HouseholdId);
        });
        b.Entity<FlagEvent>(e =>
        {
            e.Property(v => v.User).HasMaxLength(100);
            e.Property(v => v.Text).HasMaxLength(2000);
        });
        b.Entity<FlagEvidence>(e =>
        {
            e.Property(v => v.FileName).HasMaxLength(200);
            e.Property(v => v.StoredName).HasMaxLength(100);
            e.Property(v => v.ContentType).HasMaxLength(100);
            e.Property(v => v.Sha256).HasMaxLength(64);
            e.Property(v => v.UploadedBy).HasMaxLength(100);
        });
        b.Entity<SuggestionDismissal>(e =>
        {
            e.Property(d => d.Key).HasMaxLength(200);
            e.Property(d => d.Facts).HasMaxLength(64);
            e.Property(d => d.Reason).HasMaxLength(500);
            e.Property(d => d.User).HasMaxLength(100);
            e.HasIndex(d => d.Key);
        });
        b.Entity<ScorePeriod>(e =>
        {
            e.HasIndex(p => new { p.Kind, p.Year, p.Number }).IsUnique();
            e.Property(p => p.Rules).HasMaxLength(2000);
            e.Property(p => p.ClosedBy).HasMaxLength(100);
            e.HasMany(p => p.Rows).WithOne().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ScoreRow>(e =>
        {
            e.HasIndex(r => new { r.PeriodId, r.TownId }).IsUnique();
            e.Property(r => r.Town).HasMaxLength(50);
            e.Property(r => r.Commendation).HasMaxLength(200);
            e.Property(r => r.Accountability).HasMaxLength(200);
            e.HasOne<Town>().WithMany().HasForeignKey(r => r.TownId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Cells).WithOne().HasForeignKey(c => c.RowId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<FigureMonth>(e =>
        {
            e.HasKey(f => f.Month);
            e.Property(f => f.Source).HasMaxLength(40);
        });
        b.Entity<Member>(e =>
        {
            e.Property(m => m.Name).HasMaxLength(40);
            e.Property(m => m.IdNumber).HasMaxLength(18);
            e.HasIndex(m => m.IdNumber);
            e.HasIndex(m => m.HouseholdId);
        });
        b.Entity<Employment>(e =>
        {
            e.ToTable("Employments");
            e.Property(m => m.Employer).HasMaxLength(80);
            e.Property(m => m.Park).HasMaxLength(60);
            e.Property(m => m.PostType).HasMaxLength(40);
            e.Property(m => m.MonthlyPay).HasConversion(FenConverter);
            e.HasOne(m => m.Member).WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.HouseholdId, m.Channel });
            // Covers the public-welfare post counts of the policy-implementation page.
            e.HasIndex(m => new { m.Channel, m.PostType, m.StartDate, m.EndDate }).HasDatabaseName("IX_Employments_Posts");
        });
        b.Entity<Industry>(e =>
        {
            e.ToTable("Industries");
            e.Property(m => m.Type).HasMaxLength(60);
            e.Property(m => m.AnnualIncome).HasConversion(FenConverter);
            e.HasIndex(m => new { m.HouseholdId, m.Channel });
            // Covers the policy-implementation page's park and PV counts, so they read the channel's slice of an index.
            e.HasIndex(m => new { m.Channel, m.Park, m.PvStation, m.StartDate, m.EndDate, m.HouseholdId, m.PvShareKw }).HasDatabaseName("IX_Industries_Programme");
        });
        b.Entity<Training>(e =>
        {
            e.ToTable("Trainings");
            e.Property(t => t.Course).HasMaxLength(60);
            e.Property(t => t.Provider).HasMaxLength(60);
            e.Property(t => t.Certificate).HasMaxLength(60);
            e.HasOne(t => t.Member).WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => t.HouseholdId);
        });
        b.Entity<SafetyNetCoverage>(e =>
        {
            e.ToTable("Coverages");
            e.Property(m => m.MonthlyAmount).HasConversion(FenConverter);
            e.HasIndex(m => m.HouseholdId);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.User).HasMaxLength(60);
            e.Property(a => a.Source).HasMaxLength(120);
            e.Property(a => a.Subject).HasMaxLength(80);
            e.Property(a => a.Entity).HasMaxLength(30);
            e.Property(a => a.Action).HasMaxLength(20);
            e.Property(a => a.Field).HasMaxLength(40);
            e.HasIndex(a => new { a.HouseholdId, a.At });
        });
        b.Entity<Benefit>(e =>
        {
            e.Property(x => x.Amount).HasConversion(FenConverter);
            e.Property(x => x.Fund).HasMaxLength(60);
            e.Property(x => x.Voucher).HasMaxLength(60);
            e.Property(x => x.RecordedBy).HasMaxLength(100);
            e.Property(x => x.Source).HasMaxLength(120);
            e.Property(x => x.VoidedBy).HasMaxLength(100);
            e.Property(x => x.VoidReason).HasMaxLength(200);
            e.Property(x => x.BreachText).HasMaxLength(2000);
            // The violations list and its counts: payments with a stored breach, by town, read from the index alone.
            e.HasIndex(x => new { x.Breaches, x.VoidedAt, x.TownId, x.Kind, x.HouseholdId }).HasDatabaseName("IX_Benefits_Breaches");
            // The ledger's newest-first page.
            e.HasIndex(x => new { x.PaidOn, x.Id });
            e.HasOne(x => x.Household).WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Employment>().WithMany().HasForeignKey(x => x.EmploymentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Industry>().WithMany().HasForeignKey(x => x.IndustryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ShopfrontRental>().WithMany().HasForeignKey(x => x.ShopfrontId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Town>().WithMany().HasForeignKey(x => x.TownId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.HouseholdId, x.Kind });
            e.HasIndex(x => new { x.Kind, x.PaidOn });
            // Covers the dashboard's money sums, read in group order (town, kind). VoidedAt is not first on purpose:
            // without statistics SQLite prefers an index with an equality on its first column, and "VoidedAt IS NULL"
            // would then win over the narrower breach and date indexes below.
            e.HasIndex(x => new { x.TownId, x.Kind, x.VoidedAt, x.HouseholdId, x.Amount }).HasDatabaseName("IX_Benefits_Money");
        });
        b.Entity<ShopfrontRental>(e =>
        {
            e.Property(x => x.MonthlyRent).HasConversion(FenConverter);
            e.Property(x => x.Unit).HasMaxLength(40);
            e.Property(x => x.Business).HasMaxLength(60);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Site).WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.HouseholdId);
        });
        b.Entity<BusinessLoan>(e =>
        {
            e.Property(x => x.Amount).HasConversion(FenConverter);
            e.Property(x => x.Lender).HasMaxLength(40);
            e.Property(x => x.Purpose).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne(x => x.Household).WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.HouseholdId, x.Status });
        });
        b.Entity<CommunityFactory>(e =>
        {
            e.Property(x => x.RentedAreaSqm).HasConversion<double>();
            e.Property(x => x.MonthlyRent).HasConversion(FenConverter);
            e.Property(x => x.Name).HasMaxLength(60);
            e.Property(x => x.Operator).HasMaxLength(60);
            e.Property(x => x.UpdatedBy).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TownId, x.Name }).IsUnique();
            e.HasOne(x => x.Town).WithMany().HasForeignKey(x => x.TownId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Site).WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PolicySetting>(e =>
        {
            e.HasKey(p => p.Key);
            e.Property(p => p.Key).HasMaxLength(80);
            e.HasData(PolicyDefaults.All);
        });
    }
}
