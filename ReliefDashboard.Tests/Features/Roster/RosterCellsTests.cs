using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;
namespace ReliefDashboard.Features.Roster;

public class RosterCellsTests
{
    [Theory]
    [InlineData("2026-03-01")]
    [InlineData("2026/3/1")]
    [InlineData("2026.3.1")]
    [InlineData("20260301")]
    [InlineData("2026年3月1日")]
    public void Dates_AreReadInTheFormsLedgersUse(string text) => Assert.Equal(new DateOnly(2026, 3, 1), RosterCells.Date(text).Value);

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("三月一日")]
    [InlineData("45000")]
    public void NotADate_SaysHowToWriteOne(string text) => Assert.Equal($"“{text}”不是日期，应写成如 2026-03-01", RosterCells.Date(text).Problem);

    [Fact]
    public void Channels_AreChosenByWordsOrNumber()
    {
        var sheet = RosterTemplate.Employments;
        var choices = sheet.Column("渠道")!.Choices!;

        Assert.Equal("2. 园区用工就业", RosterCells.Choice("2", choices).Value);
        Assert.Equal("2. 园区用工就业", RosterCells.Choice("园区用工就业", choices).Value);
        Assert.Contains("不在可选范围内", RosterCells.Choice("1", choices).Problem); // channel 1 is an industry, not a job
    }

    [Fact]
    public void EveryBadCell_IsLocatedBySheetRowAndColumn()
    {
        var row = new RosterRow(7, new Dictionary<string, string>
        {
            ["户编号"] = "610623001000001",
            ["镇街"] = "青石镇",
            ["安置点"] = "",
            ["户主姓名"] = "王建军",
            ["迁出村"] = "石门村",
            ["搬迁年份"] = "二〇一八",
            ["建档立卡贫困户"] = "可能",
            ["最近走访核实日期"] = "2026-13-01",
        });

        var problems = RosterCells.Problems(RosterTemplate.Households, [row]).Select(p => p.ToString()).ToList();

        Assert.Equal(
        [
            "“搬迁户”第7行“安置点”列：必填，不能为空",
            "“搬迁户”第7行“搬迁年份”列：“二〇一八”不是整数",
            "“搬迁户”第7行“建档立卡贫困户”列：“可能”应填“是”或“否”",
            "“搬迁户”第7行“最近走访核实日期”列：“2026-13-01”不是日期，应写成如 2026-03-01",
        ], problems);
    }

    [Theory]
    [InlineData("3200", 3200)]
    [InlineData("3,200.50", 3200.50)]
    public void Amounts_AreNumbers(string text, decimal value) => Assert.Equal(value, RosterCells.Decimal(text).Value);
}
