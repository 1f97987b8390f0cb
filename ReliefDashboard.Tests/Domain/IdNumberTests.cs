namespace ReliefDashboard.Domain;

public class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440524188001010014")]
    public void Valid_PublishedExamples_PassTheCheckDigit(string id) => Assert.Null(IdNumber.Problem(id));

    [Theory]
    [InlineData("110105194912310021", "身份证号校验码不正确")]
    [InlineData("11010519491231002x", "身份证号末位应为数字或大写X")]
    [InlineData("1101051949123100", "身份证号应为18位")]
    [InlineData("11010519491332002X", "身份证号中的出生日期无效")]
    [InlineData("A1010519491231002X", "身份证号前17位应为数字")]
    [InlineData("", "身份证号不能为空")]
    public void Invalid_NumbersAreRefused_WithTheReasonInChinese(string id, string reason) => Assert.Equal(reason, IdNumber.Problem(id));

    [Fact]
    public void BirthDateAndSex_AreReadFromTheNumber()
    {
        Assert.Equal(new DateOnly(1949, 12, 31), IdNumber.BirthDate("11010519491231002X"));
        Assert.Equal(Sex.Female, IdNumber.SexOf("11010519491231002X"));
        Assert.Equal(Sex.Male, IdNumber.SexOf("440524188001010014"));
    }

    [Fact]
    public void Mask_KeepsFirstAndLastFour()
    {
        Assert.Equal("1101**********002X", IdNumber.Mask("11010519491231002X"));
        Assert.Equal("138****5678", IdNumber.MaskPhone("13812345678"));
    }
}
