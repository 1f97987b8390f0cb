using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Households;

public class ValidatorTests
{
    private static readonly FixedClock Clock = new(new DateOnly(2026, 11, 29));

    private static MemberInput Member(string id) => new()
    {
        Name = "王小军",
        IdNumber = id,
        BirthDate = IdNumber.BirthDate(id)?.ToDateTime(TimeOnly.MinValue) ?? new DateTime(2000, 1, 1),
        Sex = id.Length == 18 ? IdNumber.SexOf(id) : Sex.Male,
        Relation = Relation.Child,
    };

    [Fact]
    public void Member_WithValidIdNumber_Passes() =>
        Assert.True(new MemberInputValidator(Clock).Validate(Member(Ids.Make(new DateOnly(2000, 1, 1), Sex.Male))).IsValid);

    [Theory]
    [InlineData("610623200001010010", "身份证号校验码不正确")]
    [InlineData("61062320000101001", "身份证号应为18位")]
    public void Member_WithInvalidIdNumber_FailsWithTheReason(string id, string message) =>
        Assert.Contains(message, new MemberInputValidator(Clock).Validate(Member(id)).Errors.Select(e => e.ErrorMessage));

    [Fact]
    public void Member_BornInTheFuture_Fails()
    {
        var id = Ids.Make(new DateOnly(2027, 1, 1), Sex.Male);
        Assert.Contains("出生日期不能晚于今天", new MemberInputValidator(Clock).Validate(Member(id)).Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void UnemployedGraduate_MustHaveCollegeEducation()
    {
        var m = Member(Ids.Make(new DateOnly(2000, 1, 1), Sex.Male));
        m.IsUnemployedGraduate = true;
        Assert.Contains("未就业高校毕业生须为大专及以上学历", new MemberInputValidator(Clock).Validate(m).Errors.Select(e => e.ErrorMessage));
        m.Education = Education.College;
        Assert.True(new MemberInputValidator(Clock).Validate(m).IsValid);
    }

    private static EmploymentInput Job() => new()
    {
        MemberId = 1,
        Channel = Channel.IndustrialParkJob,
        Employer = "东川建材有限公司",
        Park = "东川工业园区",
        ContractMonths = 12,
        MonthlyPay = 3000,
        StartDate = new DateTime(2026, 1, 1),
    };

    [Theory]
    [InlineData(1, true)]
    [InlineData(120, true)]
    [InlineData(0, false)]
    [InlineData(121, false)]
    public void ContractMonths_MustBeBetweenOneAndOneHundredTwenty(int months, bool valid)
    {
        var job = Job();
        job.ContractMonths = months;
        Assert.Equal(valid, new EmploymentInputValidator().Validate(job).IsValid);
    }

    [Fact]
    public void Employment_EndingBeforeItStarts_Fails()
    {
        var job = Job();
        job.EndDate = job.StartDate!.Value.AddDays(-1);
        Assert.Contains("结束日期不能早于开始日期", new EmploymentInputValidator().Validate(job).Errors.Select(e => e.ErrorMessage));
        job.EndDate = job.StartDate;
        Assert.True(new EmploymentInputValidator().Validate(job).IsValid);
    }

    [Fact]
    public void NegativePay_Fails_ZeroPasses()
    {
        var job = Job();
        job.MonthlyPay = -0.01m;
        Assert.Contains("月工资不能为负数", new EmploymentInputValidator().Validate(job).Errors.Select(e => e.ErrorMessage));
        job.MonthlyPay = 0;
        Assert.True(new EmploymentInputValidator().Validate(job).IsValid);
    }

    [Fact]
    public void IndustryChannel_CannotBeRecordedAsEmployment()
    {
        var job = Job();
        job.Channel = Channel.Photovoltaic;
        Assert.Contains("就业类措施只能属于第2、3、4、5类渠道", new EmploymentInputValidator().Validate(job).Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void AssetIncome_NeedsCollectiveAndShareForm()
    {
        var industry = new IndustryInput { Channel = Channel.AssetIncome, Type = "股份分红", StartDate = new DateTime(2026, 1, 1) };
        var errors = new IndustryInputValidator().Validate(industry).Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Contains("资产收益须填写集体经济组织或合作社", errors);
        Assert.Contains("资产收益须选择入股形式", errors);
    }

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("", true)]
    [InlineData("1381234567", false)]
    [InlineData("23812345678", false)]
    public void Phone_IsAnElevenDigitMobileNumberOrBlank(string phone, bool valid)
    {
        var input = new HouseholdInput { SiteId = 1, OriginVillage = "李家沟村", RelocationYear = 2018, Phone = phone };
        Assert.Equal(valid, new HouseholdInputValidator(Clock).Validate(input).IsValid);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(120, true)]
    [InlineData(0, false)]
    [InlineData(2001, false)]
    public void TrainingHours_AreBetweenOneAndTwoThousand(int? hours, bool valid)
    {
        var training = new TrainingInput { MemberId = 1, Course = "电工", Hours = hours, StartDate = new DateTime(2026, 3, 1) };
        Assert.Equal(valid, new TrainingInputValidator().Validate(training).IsValid);
    }
}

public class MemberNameTests
{
    private static readonly FixedClock Clock = new(SmallDistrict.Today);

    private static MemberInput Named(string name) => new()
    {
        Name = name,
        IdNumber = Ids.Make(new DateOnly(2000, 1, 1), Sex.Male),
        BirthDate = new DateTime(2000, 1, 1),
        Sex = Sex.Male,
    };

    [Theory]
    [InlineData("王小军", true)]
    [InlineData("欧阳", true)]
    [InlineData("阿依古丽·买买提", true)]
    [InlineData("王", false)]
    [InlineData("<b>王小军</b>", false)]
    [InlineData("12345", false)]
    [InlineData("王小军2", false)]
    [InlineData("·买买提", false)]
    [InlineData("阿依古丽··买买提", false)]
    [InlineData("Anna Müller", false)]
    [InlineData("王王王王王王王王王王王王王王王王王王王王王", false)]
    public void ANameIsTwoToTwentyChineseCharacters_OrMinorityPartsWithTheMiddleDot(string name, bool valid)
    {
        var result = new MemberInputValidator(Clock, new NamePolicy()).Validate(Named(name));
        Assert.Equal(valid, result.Errors.All(e => e.PropertyName != nameof(MemberInput.Name)));
        if (!valid)
        {
            Assert.Contains(result.Errors, e => e.ErrorMessage.StartsWith(NamePolicy.Rule, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ANameListedAsAnException_IsAccepted()
    {
        var names = new NamePolicy();
        names.Load("Anna Müller，玛丽亚");
        Assert.True(new MemberInputValidator(Clock, names).Validate(Named("Anna Müller")).IsValid);
        Assert.False(new MemberInputValidator(Clock, names).Validate(Named("Anna")).IsValid);
    }
}
