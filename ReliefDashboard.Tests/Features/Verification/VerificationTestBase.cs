using System.Text;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Verification;
using ReliefDashboard.TestSupport;

namespace ReliefDashboard.Features.Verification;

/// <summary>The small district plus helpers: households with given records, and department lists imported through the real import.</summary>
public abstract class VerificationTestBase : ServiceTestBase
{
    protected static DateOnly Today => SmallDistrict.Today;

    /// <summary>The data month of the lists: the current month (the clock's 29 November).</summary>
    protected static readonly DateOnly DataMonth = new(2026, 11, 1);

    protected UserScope Supervisor => new("sup", "督查 张", Roles.Supervisor, null, null);

    protected static int sequence = 100;

    /// <summary>A household in town A with one labourer (the head), the records <paramref name="build"/> gives, stored as a town would have left it.</summary>
    protected async Task<(int Id, string IdNumber)> AddAsync(Action<HouseholdBuilder> build, Action<Household>? adjust = null, int? town = null)
    {
        var seq = Interlocked.Increment(ref sequence);
        var builder = new HouseholdBuilder(Today);
        build(builder);
        var h = builder.BuildForInsert();
        h.Code = $"6106230010{seq:D5}";
        h.TownId = town ?? Seeded.TownA;
        h.SiteId = h.TownId == Seeded.TownA ? Seeded.SiteA : Seeded.SiteB;
        h.Members[0].IdNumber = Ids.Make(h.Members[0].BirthDate, Sex.Male, seq);
        adjust?.Invoke(h);
        HouseholdStatusUpdater.Recompute(h, Today, StatusPolicy.Default);
        await using var db = Database.Seed();
        db.Households.Add(h);
        await db.SaveChangesAsync();
        return (h.Id, h.Members[0].IdNumber);
    }

    /// <summary>A CSV with the template's columns in order (empty cells where a row gives fewer), imported by an administrator.</summary>
    protected async Task<ListImportResult> ImportAsync(DepartmentListKind kind, params string[][] rows) =>
        await ImportAsAsync(kind, DataMonth, null, rows);

    protected async Task<ListImportResult> ImportAsAsync(DepartmentListKind kind, DateOnly month, UserScope? user, params string[][] rows)
    {
        var template = ListTemplates.Of(kind);
        var text = new StringBuilder(string.Join(",", template.Columns.Select(c => c.Header))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(",", row)).Append("\r\n");
        }
        return await ImportFileAsync(kind, month, user, "list.csv", Encoding.UTF8.GetBytes(text.ToString()));
    }

    protected async Task<ListImportResult> ImportFileAsync(DepartmentListKind kind, DateOnly month, UserScope? user, string name, byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"relief-list-{Guid.NewGuid():N}{Path.GetExtension(name)}");
        await File.WriteAllBytesAsync(path, content);
        try
        {
            return await As<DepartmentImport>(user).ImportAsync(path, new ListUploadInput(kind, month, name));
        }
        finally
        {
            File.Delete(path);
        }
    }

    protected async Task<List<Finding>> FindingsAsync(string? rule = null)
    {
        await using var db = Database.CreateDbContext();
        return await db.Findings.AsNoTracking().Include(f => f.Events).Where(f => rule == null || f.Rule == rule).OrderBy(f => f.Id).ToListAsync();
    }

    /// <summary>A policy setting changed as an administrator would change it.</summary>
    protected async Task SetAsync(string key, string value)
    {
        var result = await As<ReliefDashboard.Features.Policy.PolicyService>().UpdateAsync(key, value, "测试调整口径");
        Assert.True(result.Ok, string.Join("；", result.Errors));
    }
}
