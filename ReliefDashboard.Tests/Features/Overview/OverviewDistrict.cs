using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Overview;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Overview;

/// <summary>
/// Six households in two towns, made so every dashboard number can be worked out by hand:
/// <list type="bullet">
/// <item>青石镇 h1 Met: head works in the district on a 12-month contract; his wife (labour) has no job.</item>
/// <item>青石镇 h2 At risk: an apple orchard of a year that closes in 30 days.</item>
/// <item>青石镇 h3 No measure: its orchard closed 10 days ago; at the end of last month it was Met.</item>
/// <item>青石镇 h4 Safety net: no labour, dibao.</item>
/// <item>麻塬镇 h5 In progress: two months of labour export outside the province, no contract.</item>
/// <item>麻塬镇 h6 Met: a weak-labour head in a public-welfare post in the district, and a PV share.</item>
/// </list>
/// Last month-end is taken by the same builder the app uses, from these records.
/// </summary>
public static class OverviewDistrict
{
    public static readonly DateOnly Today = new(2026, 11, 29);
    public static readonly DateOnly LastMonthEnd = new(2026, 10, 31);

    public sealed record Seeded(int TownA, int TownB, int H1, int H3);

    public static async Task<Seeded> SeedAsync(TestDatabase database)
    {
        await using var db = database.Seed();
        var a = new Town { Name = "青石镇" };
        var b = new Town { Name = "麻塬镇" };
        a.Sites.Add(new ResettlementSite { Name = "青石新村安置社区", Kind = SiteKind.Centralized });
        b.Sites.Add(new ResettlementSite { Name = "麻塬镇分散安置", Kind = SiteKind.Dispersed });
        db.Towns.AddRange(a, b);
        await db.SaveChangesAsync();

        var seq = 0;
        Household Make(Town town, Action<HouseholdBuilder> build, bool labour = true)
        {
            var builder = new HouseholdBuilder(Today, labour);
            build(builder);
            var h = builder.BuildForInsert();
            seq++;
            h.Code = $"6106230010000{seq:D2}";
            h.TownId = town.Id;
            h.SiteId = town.Sites[0].Id;
            foreach (var m in h.Members)
            {
                m.IdNumber = Ids.Make(m.BirthDate, m.Sex, seq * 10 + h.Members.IndexOf(m));
            }
            return h;
        }

        var h1 = Make(a, x => x.Job(Today.AddMonths(-8), contractMonths: 12));
        h1.Members.Add(new Member
        {
            Name = "刘秀兰",
            IdNumber = "",
            BirthDate = new DateOnly(1972, 3, 1),
            Sex = Sex.Female,
            Relation = Relation.Spouse,
            LabourCapacity = LabourCapacity.Full,
        });
        h1.Members[1].IdNumber = Ids.Make(h1.Members[1].BirthDate, Sex.Female, 99);
        var h2 = Make(a, x => x.Industry(Today.AddMonths(-12), end: Today.AddDays(30)));
        var h3 = Make(a, x => x.Industry(Today.AddYears(-2), end: Today.AddDays(-10)));
        var h4 = Make(a, x => x.Coverage(Today.AddYears(-1)), labour: false);
        var h5 = Make(b, x => x.Job(Today.AddMonths(-2), channel: Channel.TrainingAndLabourExport));
        h5.Employments[0].Location = WorkLocation.OutsideProvince;
        var h6 = Make(b, x => x.Job(Today.AddMonths(-3), channel: Channel.PublicWelfarePost)
            .Industry(Today.AddYears(-2), channel: Channel.Photovoltaic));
        h6.Members[0].LabourCapacity = LabourCapacity.Weak;

        var households = new[] { h1, h2, h3, h4, h5, h6 };
        var policy = await PolicyStore.LoadStatusPolicyAsync(db);
        foreach (var h in households)
        {
            HouseholdStatusUpdater.Recompute(h, Today, policy);
        }
        db.Households.AddRange(households);
        await db.SaveChangesAsync();

        var history = new MonthlyFiguresBuilder([LastMonthEnd], policy);
        foreach (var h in households)
        {
            history.Add(h);
        }
        db.MonthlyFigures.AddRange(history.Rows);
        db.FigureMonths.Add(new FigureMonth { Month = LastMonthEnd, TakenAt = DateTime.UtcNow, Source = "测试" });
        await db.SaveChangesAsync();
        return new Seeded(a.Id, b.Id, h1.Id, h3.Id);
    }

    public static async Task<DistrictFigures> LoadAsync(TestDatabase database)
    {
        await using var db = database.Seed();
        return await DashboardQueries.LoadAsync(db, Today, new DateTime(2026, 11, 29, 4, 0, 0, DateTimeKind.Utc), null);
    }

    public static readonly UserScope Leader = new("leader", "领导小组", Roles.LeadingGroup, null, null);
}
