using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Data;
using ReliefDashboard.Demo;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Households;

/// <summary>
/// The registry at scale reads indexes instead of scanning: its counts come from the live sums, its searches from
/// the trigram and name indexes. Each must give exactly what the plain SQL filter gives.
/// </summary>
public sealed class RegistryIndexTests : IAsyncLifetime
{
    private static readonly DateOnly Today = SmallDistrict.Today;
    private readonly TestDatabase database = new(Path.Combine(Path.GetTempPath(), $"relief-registry-{Guid.NewGuid():N}.db"));
    private readonly FixedClock clock = new(Today);
    private ServiceProvider services = default!;

    public async ValueTask InitializeAsync()
    {
        services = TestServices.Build(database, clock);
        await DemoDataLoader.LoadAsync(services.GetRequiredService<DistrictWrite>(), 400, Today);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private HouseholdRegistryService RegistryFor(UserScope user)
    {
        services.GetRequiredService<TestUser>().Scope = user;
        return services.CreateScope().ServiceProvider.GetRequiredService<HouseholdRegistryService>();
    }

    private static IEnumerable<UserScope> Users(int town) =>
    [
        new("admin", "管理员", Roles.Admin, null, null),
        new("staff", "青石镇 王干事", Roles.TownStaff, town, null),
        new("dept", "区人社局", Roles.Department, null, "区人社局"),
        new("pv", "区经济发展局", Roles.Department, null, "区经济发展局"),
    ];

    [Fact]
    public async Task CountsFromTheSums_EqualTheSqlFilter_ForEveryUserAndFilter()
    {
        int town;
        List<LiveGroup> sums;
        await using (var db = database.CreateDbContext())
        {
            town = await db.Towns.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
            sums = await FigureSums.ReadAsync(db, FigureSums.VerifiedSince(Today, await PolicyStore.LoadStatusPolicyAsync(db)), default);
        }
        var answered = 0;
        foreach (var user in Users(town))
        {
            foreach (var townFilter in new int?[] { null, town })
            {
                foreach (var channel in new Channel?[] { null, Channel.Photovoltaic, Channel.IndustrialParkJob, Channel.SafetyNet })
                {
                    foreach (var labour in new bool?[] { null, true, false })
                    {
                        foreach (var gap in new RegistryGap?[] { null, RegistryGap.Unmet, RegistryGap.IdleLabour, RegistryGap.NoLocalJob, RegistryGap.Unverified })
                        {
                            var q = new RegistryQuery { TownId = townFilter, Channel = channel, HasLabour = labour, Gap = gap };
                            if (HouseholdRegistryService.CountsFromSums(sums, user, q) is not { } fromSums)
                            {
                                continue;
                            }
                            await using var db = database.CreateDbContext();
                            var sql = await (await HouseholdRegistryService.ListAsync(db, user, q, clock))
                                .GroupBy(h => h.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
                            Assert.True(sql.OrderBy(x => x.Key).SequenceEqual(fromSums.OrderBy(x => x.Key)),
                                $"{user.Role} {q}: sums {string.Join(",", fromSums)} sql {string.Join(",", sql)}");
                            answered++;
                        }
                    }
                }
            }
        }
        // Only labour together with the visit gap falls back to SQL.
        Assert.Equal(4 * 2 * 4 * (3 * 5 - 2), answered);
    }

    [Fact]
    public async Task Searches_FindASubstringOfANameOrAnIdNumber_AndFollowEdits()
    {
        Member member;
        await using (var db = database.CreateDbContext())
        {
            member = await db.Members.Where(m => m.Name.Length == 3).OrderBy(m => m.Id).FirstAsync();
        }
        var admin = Users(0).First();
        async Task<List<int>> Found(string text) =>
            (await RegistryFor(admin).SearchAsync(new RegistryQuery { Search = text, PageSize = 200 })).Rows.Select(r => r.Id).ToList();

        // A given name (two characters from the middle), a surname alone, a fragment of the ID number.
        Assert.Contains(member.HouseholdId, await Found(member.Name[1..]));
        Assert.Contains(member.HouseholdId, await Found(member.Name[..1]));
        Assert.Contains(member.HouseholdId, await Found(member.IdNumber[6..14]));
        Assert.Contains(member.HouseholdId, await Found(member.Name));
        Assert.DoesNotContain(member.HouseholdId, await Found("不存在的名字"));

        // A rename through the pipeline: the index follows in the same transaction.
        var written = await services.GetRequiredService<DistrictWrite>().CommitAsync(new WriteRequest(ChangeKind.HouseholdData, "测试", "改名"), admin, async w =>
        {
            (await w.Db.Members.SingleAsync(m => m.Id == member.Id)).Name = "欧阳锦绣";
            return null;
        });
        Assert.True(written.Ok);
        Assert.Contains(member.HouseholdId, await Found("阳锦绣"));
        Assert.Contains(member.HouseholdId, await Found("锦绣"));
        var others = await Found(member.Name);
        Assert.DoesNotContain(member.HouseholdId, others);
    }
}
