using System.IO.Compression;
using System.Xml.Linq;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Overview;
using ReliefDashboard.Figures;
using ReliefDashboard.Jobs;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Scorecards;

public class ScorecardPageTests : DashboardTestContext
{
    private static readonly UserScope Supervisor = new("sup", "督查 赵", Roles.Supervisor, null, null);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.GetRequiredService<MonthlyFiguresService>().TakeMissingAsync(SmallDistrict.Today);
        ActAs(Supervisor);
    }

    private IRenderedComponent<ScorecardPage> Open(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("scorecard" + query);
        var cut = Render<ScorecardPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=score-table] tbody tr[data-town]")));
        return cut;
    }

    private static List<string> Towns(IRenderedComponent<ScorecardPage> cut) =>
        cut.FindAll("[data-testid=score-table] tbody tr[data-town]").Select(r => r.GetAttribute("data-town")!).ToList();

    [Fact]
    public void TheLiveLeague_ShowsEveryTownWithCellsColouredByBand_AndTheAverageRow()
    {
        var cut = Open("");

        // SmallDistrict today: 青石镇 has one met household of two with the goal; 麻塬镇's only household has no measure.
        Assert.Equal(["青石镇", "麻塬镇"], Towns(cut));
        var cell = cut.Find("tr[data-town='麻塬镇'] td[data-indicator=Attainment]");
        Assert.Equal("Red", cell.GetAttribute("data-band"));
        // The band is said in a symbol and a word too, not by the fill colour alone.
        Assert.Equal("✗红", cell.QuerySelector("[data-testid=band-mark]")!.TextContent.Trim());
        Assert.Equal("0.0%", cell.QuerySelector(".value a")!.TextContent.Trim());
        Assert.Contains("gap=Unmet", cell.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("暂无", cut.Find("tr[data-town='青石镇'] td[data-indicator=FlagsClosedOnTime]").TextContent);
        // Two rows that are told apart: the towns' plain mean (50 % and 0 %) and the district counted by household (1 of 3).
        Assert.Contains("镇街平均", cut.Find("[data-testid=average-row]").TextContent);
        Assert.Contains("简单平均", cut.Find("[data-testid=average-row]").TextContent);
        Assert.Equal("25.0%", cut.Find("[data-testid=average-row] td[data-indicator=Attainment] .value").TextContent.Trim());
        Assert.Contains("全区合计", cut.Find("[data-testid=district-row]").TextContent);
        Assert.Equal("33.3%", cut.Find("[data-testid=district-row] td[data-indicator=Attainment] .value").TextContent.Trim());
        Assert.Contains("实时", cut.Find("[data-testid=period-title]").TextContent);
        Assert.Contains("2026年10月", cut.Markup); // the trend compares with last month-end
    }

    [Fact]
    public void BelowAverageOnly_KeepsTheTownsUnderTheAverageTotal()
    {
        var cut = Open("?below=true");

        Assert.Equal(["麻塬镇"], Towns(cut));
        Assert.Equal("true", cut.Find("tr[data-town]").GetAttribute("data-below-average"));
    }

    [Fact]
    public void AHeaderClick_SortsByThatColumn_AndASecondClickReversesIt()
    {
        var cut = Open("");
        var nav = Services.GetRequiredService<NavigationManager>();

        cut.Find("th[data-sort=noMeasure] button").Click();
        Assert.EndsWith("scorecard?sort=noMeasure&desc=True", nav.Uri);

        var sorted = Open("?sort=noMeasure&desc=true");
        Assert.Equal(["青石镇", "麻塬镇"], Towns(sorted)); // one each: equal values keep town order
        var byTown = Open("?sort=town&desc=true");
        Assert.Equal(["青石镇", "麻塬镇"], Towns(byTown)); // pinyin: qingshi after mayuan, reversed
    }

    [Fact]
    public async Task AClosedPeriod_IsMarkedReadOnly_AndShowsItsLists()
    {
        var closed = await Services.CreateScope().ServiceProvider.GetRequiredService<ScorecardService>().CloseAsync(new PeriodRef(PeriodKind.Quarter, 2026, 3));
        Assert.True(closed.Ok, closed.Error);

        var cut = Open("?period=2026-Q3");

        Assert.Contains("已关闭", cut.Find("[data-testid=closed-chip]").TextContent);
        Assert.Contains("麻塬镇", cut.Find("[data-testid=accountabilities]").TextContent);
        Assert.Contains("无", cut.Find("[data-testid=commendations]").TextContent);
        Assert.Contains("问责", cut.Find("tr[data-town='麻塬镇'] .verdict").TextContent);
    }

    [Fact]
    public void NonsenseSwitchesInTheAddress_AreOff_NotAnErrorPage()
    {
        var cut = Open("?below=maybe&desc=42&sort=<script>");

        Assert.Equal(["青石镇", "麻塬镇"], Towns(cut));
    }

    [Fact]
    public void AnUnknownPeriod_SaysSo()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("scorecard?period=2019-Q9");
        var cut = Render<ScorecardPage>();
        cut.WaitForAssertion(() => Assert.Contains("没有2019-Q9的考核记录", cut.Find("[data-testid=period-missing]").TextContent));
    }

    [Fact]
    public async Task TheExportedWorkbook_ReadBack_HoldsTheNumbersOnThePage_WithTheBandColours()
    {
        var cut = Open("?period=2026-10");
        var sheet = (await Services.CreateScope().ServiceProvider.GetRequiredService<ScorecardService>().SheetAsync("2026-10"))!;
        var bytes = ScorecardWorkbook.Write(sheet, ScoreTable.Rows(sheet, null, false, false));

        var rows = new MemoryStream(bytes).Query(useHeaderRow: false, startCell: $"A{ScorecardWorkbook.HeaderRow}")
            .Cast<IDictionary<string, object?>>().ToList();
        var headers = rows[0].Values.Select(v => v?.ToString()).ToList();
        Assert.Equal(ScorecardWorkbook.Headers(sheet), headers);
        var column = headers.Select((h, i) => (h, Name: ScorecardWorkbook.ColumnName(i))).ToDictionary(x => x.h!, x => x.Name);

        foreach (var town in Towns(cut))
        {
            var row = rows.Single(r => r[column["镇街"]]?.ToString() == town);
            var tr = cut.Find($"tr[data-town='{town}']");
            Assert.Equal(tr.QuerySelector("[data-testid=total] .value")!.TextContent.Trim()[..4], Convert.ToDecimal(row[column["总分"]]).ToString("0.0"));
            Assert.Equal(tr.QuerySelector("td.rank")!.TextContent.Trim()[..1], row[column["排名"]]!.ToString());
            foreach (var c in sheet.Columns)
            {
                var name = ScorecardPolicy.Name(c.Indicator);
                var onPage = tr.QuerySelector($"td[data-indicator={c.Indicator}] .value")?.TextContent.Trim().Split(' ')[0].Trim('▲', '▼', '＝').Trim();
                var inFile = row[column[$"{name}（{ScoreSheet.Unit(c.Indicator)}）"]];
                var formatted = inFile is string ? null : ScoreSheet.Format(c.Indicator, Convert.ToDecimal(inFile));
                Assert.Equal(onPage, formatted);
            }
        }
        var average = rows.Single(r => r[column["镇街"]]?.ToString() == "镇街平均（简单平均）");
        Assert.Equal(cut.Find("[data-testid=average-total]").TextContent.Trim(), Convert.ToDecimal(average[column["总分"]]).ToString("0.0"));

        // The red attainment cell of 麻塬镇 carries the red fill.
        var redRow = rows.FindIndex(r => r[column["镇街"]]?.ToString() == "麻塬镇") + ScorecardWorkbook.HeaderRow;
        Assert.Equal(ScorecardWorkbook.FillOf(Band.Red), FillOf(bytes, $"{column["达标率（%）"]}{redRow}"));
    }

    /// <summary>The RRGGBB fill of a cell, read from the sheet and style parts of the package.</summary>
    private static string? FillOf(byte[] xlsx, string reference)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var styles = XDocument.Load(zip.GetEntry("xl/styles.xml")!.Open());
        var style = int.Parse(sheet.Descendants(ns + "c").Single(c => (string?)c.Attribute("r") == reference).Attribute("s")!.Value);
        var fill = int.Parse(styles.Descendants(ns + "cellXfs").Single().Elements(ns + "xf").ElementAt(style).Attribute("fillId")!.Value);
        var rgb = styles.Descendants(ns + "fills").Single().Elements(ns + "fill").ElementAt(fill).Descendants(ns + "fgColor").SingleOrDefault()?.Attribute("rgb")?.Value;
        return rgb?[2..];
    }
}
