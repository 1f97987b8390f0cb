namespace ReliefDashboard.Domain;

/// <summary>The scoring maths against examples worked out by hand.</summary>
public class ScoringTests
{
    private static readonly IndicatorRule Attainment = new(IndicatorKind.Attainment, Weight: 60, HigherIsBetter: true, Target: 100, GreenFrom: 95, AmberFrom: 85);
    private static readonly IndicatorRule NoMeasure = new(IndicatorKind.NoMeasure, Weight: 20, HigherIsBetter: false, Target: 0, GreenFrom: 0, AmberFrom: 3, PointsPerUnit: 10);
    private static readonly IndicatorRule Employment = new(IndicatorKind.LabourEmployment, Weight: 20, HigherIsBetter: true, Target: 50, GreenFrom: 40, AmberFrom: 25);
    private static readonly IndicatorRule[] Rules = [Attainment, NoMeasure, Employment];

    private static (int, string, IReadOnlyDictionary<IndicatorKind, IndicatorValue>) Town(int id, string name, decimal? attainment, decimal? noMeasure, decimal? employment) =>
        (id, name, new Dictionary<IndicatorKind, IndicatorValue>
        {
            [IndicatorKind.Attainment] = new(attainment),
            [IndicatorKind.NoMeasure] = new(noMeasure),
            [IndicatorKind.LabourEmployment] = new(employment),
        });

    [Theory]
    [InlineData(100, 100)]
    [InlineData(92.4, 92.4)]
    [InlineData(0, 0)]
    public void HigherIsBetter_ScoresItsShareOfTheTarget(decimal value, decimal score) =>
        Assert.Equal(score, Attainment.Score(value));

    [Fact]
    public void HigherIsBetter_IsCappedAtFullMarks() => Assert.Equal(100, Employment.Score(75));

    [Theory]
    [InlineData(0, 100)]
    [InlineData(3, 70)]
    [InlineData(12, 0)]
    public void LowerIsBetter_LosesPointsForEveryUnitAboveTarget(decimal value, decimal score) =>
        Assert.Equal(score, NoMeasure.Score(value));

    [Theory]
    [InlineData(95, Band.Green)]
    [InlineData(94.9, Band.Amber)]
    [InlineData(85, Band.Amber)]
    [InlineData(84.9, Band.Red)]
    public void Bands_ReadTheValue_HighIsGood(decimal value, Band band) => Assert.Equal(band, Attainment.BandOf(value));

    [Theory]
    [InlineData(0, Band.Green)]
    [InlineData(3, Band.Amber)]
    [InlineData(4, Band.Red)]
    public void Bands_ReadTheValue_LowIsGood(decimal value, Band band) => Assert.Equal(band, NoMeasure.BandOf(value));

    [Fact]
    public void Total_IsTheWeightedMean_AndEqualTotalsShareARank()
    {
        var ranked = Scoring.Rank(
        [
            // 60×90 + 20×80 + 20×100 = 9,000 → 90.0
            Town(1, "甲镇", 90, 2, 60),
            // 60×100 + 20×50 + 20×100 = 9,000 → 90.0
            Town(2, "乙镇", 100, 5, 50),
            // 60×80 + 20×100 + 20×40 = 7,600 → 76.0
            Town(3, "丙镇", 80, 0, 20),
        ], Rules, totalGreenFrom: 90, totalAmberFrom: 80);

        Assert.Equal([(1, 90.0m, 1), (2, 90.0m, 1), (3, 76.0m, 3)], ranked.Select(t => (t.TownId, t.Total!.Value, t.Rank!.Value)));
        Assert.Equal([Band.Green, Band.Green, Band.Red], ranked.Select(t => t.TotalBand!.Value));
        Assert.Equal(Band.Amber, ranked[0].Cells.Single(c => c.Indicator == IndicatorKind.Attainment).Band);
    }

    [Fact]
    public void ATownWithNoLabour_HasNoEmploymentScore_AndTheOtherWeightsCarryItsTotal()
    {
        var ranked = Scoring.Rank([Town(7, "丁街道", 90, 1, null), Town(8, "戊镇", null, null, null)], Rules, 90, 80);

        var town = ranked[0];
        var employment = town.Cells.Single(c => c.Indicator == IndicatorKind.LabourEmployment);
        Assert.Equal((null, null, null), (employment.Value, employment.Score, employment.Band));
        // (60×90 + 20×90) ÷ 80 = 90.0
        Assert.Equal((90.0m, 1), (town.Total!.Value, town.Rank!.Value));
        Assert.Equal((null, null), (ranked[1].Total, ranked[1].Rank));
    }
}
