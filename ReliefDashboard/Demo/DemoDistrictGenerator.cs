using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Demo;

/// <summary>
/// A plausible relocation district from a fixed seed: the same seed, size and date always give the same
/// records. Households are yielded one at a time so a million of them never sit in memory together.
/// Each household's status is computed by <see cref="StatusRules"/>, never chosen here.
/// </summary>
public sealed class DemoDistrictGenerator(int households, DateOnly asOf, StatusPolicy policy, int seed = DemoDistrictGenerator.DefaultSeed)
{
    public const int DefaultSeed = 20_524;
    public const int DistrictHouseholds = 2524;
    public const int DistrictPvHouseholds = 398;
    private const string AreaCode = "610623";

    private readonly Random rng = new(seed);
    private readonly HashSet<long> usedIds = [];

    public static List<Town> BuildTowns() =>
        DemoNames.Towns.Select(t =>
        {
            var town = new Town { Name = t.Name, Kind = t.SubDistrict ? TownKind.SubDistrict : TownKind.Town };
            if (t.CentralSite is not null)
            {
                town.Sites.Add(new ResettlementSite { Name = t.CentralSite, Kind = SiteKind.Centralized });
            }
            town.Sites.Add(new ResettlementSite { Name = $"{t.Name}分散安置", Kind = SiteKind.Dispersed });
            return town;
        }).ToList();

    /// <summary>Households of the district; <paramref name="towns"/> must be the saved result of <see cref="BuildTowns"/>.</summary>
    public IEnumerable<Household> Households(IReadOnlyList<Town> towns)
    {
        var counts = Apportion(households, DemoNames.Towns.Select(t => t.Weight).ToArray());
        var pvTowns = DemoNames.Towns.Select((t, i) => (t, i)).Where(x => x.t.Pv).Select(x => x.i).ToArray();
        var pvWanted = (int)Math.Round((double)DistrictPvHouseholds * households / DistrictHouseholds);
        var pvPool = pvTowns.Sum(i => counts[i]);
        var sequence = new int[towns.Count];

        // Interleave towns so that any prefix of the stream is a fair sample of the district.
        var remaining = (int[])counts.Clone();
        for (var n = 0; n < households; n++)
        {
            var ti = PickWeighted(remaining);
            remaining[ti]--;
            var spec = DemoNames.Towns[ti];
            var pv = false;
            if (spec.Pv)
            {
                pv = rng.Next(pvPool) < pvWanted;
                pvPool--;
                if (pv)
                {
                    pvWanted--;
                }
            }
            yield return Household(towns[ti], spec, ti, ++sequence[ti], pv);
        }
    }

    private Household Household(Town town, DemoNames.TownSpec spec, int townIndex, int seq, bool pv)
    {
        var central = town.Sites.FirstOrDefault(s => s.Kind == SiteKind.Centralized);
        var site = central is not null && rng.NextDouble() < 0.6 ? central : town.Sites.First(s => s.Kind == SiteKind.Dispersed);
        var h = new Household
        {
            Code = $"{AreaCode}{townIndex + 1:D3}{seq:D6}",
            TownId = town.Id,
            SiteId = site.Id,
            HeadName = "",
            OriginVillage = $"{Pick(DemoNames.VillagePrefix)}{Pick(DemoNames.VillageSuffix)}村",
            RelocationYear = 2016 + rng.Next(4),
            Phone = $"1{Pick(["3", "5", "8", "9"])}{rng.Next(0, 1_000_000_000):D9}",
            IsRegisteredPoor = rng.NextDouble() < 0.86,
            LastVerifiedOn = asOf.AddDays(-rng.Next(0, 80)),
        };
        h.IsCoRelocated = !h.IsRegisteredPoor;

        var noLabour = rng.NextDouble() < 0.055;
        AddMembers(h, noLabour);
        h.HeadName = h.Members[0].Name;
        h.IsThreeNo = !noLabour && rng.NextDouble() < 0.03;

        if (noLabour)
        {
            NoLabourMeasures(h, pv);
        }
        else
        {
            LabourMeasures(h, spec.Lag, pv);
        }
        if (rng.NextDouble() < 0.035 + 0.1 * spec.Lag)
        {
            h.LastVerifiedOn = asOf.AddDays(-rng.Next(91, 240));
        }

        HouseholdStatusUpdater.Recompute(h, asOf, policy);
        return h;
    }

    private void AddMembers(Household h, bool noLabour)
    {
        var headAge = noLabour ? rng.Next(66, 87) : rng.Next(28, 66);
        var headSex = rng.NextDouble() < 0.86 ? Sex.Male : Sex.Female;
        var surname = Pick(DemoNames.Surnames);
        AddMember(h, surname, headSex, headAge, Relation.Head, noLabour);
        if (rng.NextDouble() < (noLabour ? 0.55 : 0.88))
        {
            var spouseAge = Math.Max(20, headAge + rng.Next(-5, 4));
            AddMember(h, Pick(DemoNames.Surnames), headSex == Sex.Male ? Sex.Female : Sex.Male, spouseAge, Relation.Spouse, noLabour);
        }
        if (noLabour)
        {
            return;
        }
        var children = headAge < 32 ? rng.Next(0, 3) : Pick([0, 1, 1, 2, 2, 2, 3, 3]);
        for (var i = 0; i < children; i++)
        {
            var age = headAge - rng.Next(22, 34);
            if (age >= 0)
            {
                AddMember(h, surname, rng.NextDouble() < 0.52 ? Sex.Male : Sex.Female, age, Relation.Child, false);
            }
        }
        if (headAge < 50 && rng.NextDouble() < 0.2)
        {
            AddMember(h, surname, rng.NextDouble() < 0.5 ? Sex.Male : Sex.Female, Math.Min(92, headAge + rng.Next(22, 30)), Relation.Parent, false);
        }
    }

    private void AddMember(Household h, string surname, Sex sex, int age, Relation relation, bool noLabour)
    {
        var birth = asOf.AddYears(-age).AddDays(-rng.Next(1, 365));
        var labour = noLabour || age < 18 || age > 70 ? LabourCapacity.None
            : age > 60 ? (rng.NextDouble() < 0.6 ? LabourCapacity.Weak : LabourCapacity.None)
            : rng.NextDouble() < 0.06 ? LabourCapacity.Weak : LabourCapacity.Full;
        var education = age < 7 ? Education.None
            : age < 13 ? Education.Primary
            : age < 16 ? Education.JuniorHigh
            : age < 19 ? Education.SeniorHigh
            : age > 55 ? (rng.NextDouble() < 0.5 ? Education.None : Education.Primary)
            : (Education)Math.Min(5, Pick([1, 2, 2, 2, 3, 3, 4, 5]));
        var disability = rng.NextDouble() < (noLabour ? 0.3 : 0.03) ? (Disability)rng.Next(1, 7) : Disability.None;
        if (disability != Disability.None && labour == LabourCapacity.Full)
        {
            labour = LabourCapacity.Weak;
        }
        h.Members.Add(new Member
        {
            Name = surname + Pick(sex == Sex.Male ? DemoNames.MaleGiven : DemoNames.FemaleGiven),
            IdNumber = NewIdNumber(birth, sex),
            BirthDate = birth,
            Sex = sex,
            Relation = relation,
            LabourCapacity = labour,
            Education = education,
            IsUnemployedGraduate = education == Education.College && age is >= 21 and <= 28 && rng.NextDouble() < 0.3,
            Disability = disability,
        });
    }

    private string NewIdNumber(DateOnly birth, Sex sex)
    {
        while (true)
        {
            var seq = rng.Next(0, 500) * 2 + (sex == Sex.Male ? 1 : 0);
            var first17 = $"{AreaCode}{birth:yyyyMMdd}{seq:D3}";
            if (usedIds.Add(long.Parse(first17, System.Globalization.CultureInfo.InvariantCulture)))
            {
                return first17 + IdNumber.ComputeCheckChar(first17);
            }
        }
    }

    private void NoLabourMeasures(Household h, bool pv)
    {
        if (rng.NextDouble() < 0.93)
        {
            var start = asOf.AddMonths(-rng.Next(6, 60));
            h.Coverages.Add(new SafetyNetCoverage { Channel = Channel.SafetyNet, Kind = rng.NextDouble() < 0.7 ? CoverageKind.Dibao : CoverageKind.Tekun, StartDate = start, MonthlyAmount = 400 + rng.Next(0, 30) * 10 });
            h.Coverages.Add(new SafetyNetCoverage { Channel = Channel.SafetyNet, Kind = CoverageKind.ElderSubsidy, StartDate = start, MonthlyAmount = 100 });
        }
        if (pv)
        {
            AddPv(h);
        }
        else if (rng.NextDouble() < 0.2)
        {
            AddAssetShare(h, asOf.AddMonths(-rng.Next(3, 30)));
        }
    }

    private void LabourMeasures(Household h, double lag, bool pv)
    {
        var r = rng.NextDouble();
        var noMeasure = 0.004 + 0.05 * lag;
        var inProgress = noMeasure + 0.03 + 0.16 * lag;
        var atRisk = inProgress + 0.04 + 0.03 * lag;
        if (pv)
        {
            AddPv(h);
        }
        if (r < noMeasure)
        {
            if (rng.NextDouble() < 0.5)
            {
                var start = asOf.AddMonths(-rng.Next(14, 30));
                AddEmployment(h, Channel.TrainingAndLabourExport, start, start.AddMonths(rng.Next(6, 12)));
            }
        }
        else if (r < inProgress)
        {
            var start = rng.NextDouble() < 0.1 ? asOf.AddDays(rng.Next(3, 40)) : asOf.AddDays(-rng.Next(10, 170));
            if (rng.NextDouble() < 0.6)
            {
                var e = AddEmployment(h, Pick([Channel.IndustrialParkJob, Channel.CommunityFactoryOrBusiness, Channel.TrainingAndLabourExport]), start, null);
                e.ContractMonths = rng.NextDouble() < 0.5 ? null : rng.Next(3, 12);
            }
            else
            {
                AddAgriculture(h, start);
            }
        }
        else
        {
            var start = asOf.AddMonths(-rng.Next(7, 36)).AddDays(-rng.Next(0, 28));
            var measure = PrimaryMeasure(h, start);
            if (r < atRisk)
            {
                measure.EndDate = asOf.AddDays(rng.Next(1, 60));
            }
            if (rng.NextDouble() < 0.3)
            {
                AddAssetShare(h, asOf.AddMonths(-rng.Next(3, 30)));
            }
            if (rng.NextDouble() < 0.2)
            {
                var old = start.AddMonths(-rng.Next(8, 16));
                AddEmployment(h, Channel.TrainingAndLabourExport, old, start.AddDays(-rng.Next(5, 60)));
            }
        }
        if (rng.NextDouble() < 0.18)
        {
            AddTraining(h);
        }
        if (rng.NextDouble() < 0.1)
        {
            h.Coverages.Add(new SafetyNetCoverage { Channel = Channel.SafetyNet, Kind = CoverageKind.Dibao, StartDate = asOf.AddMonths(-rng.Next(3, 40)), MonthlyAmount = 300 + rng.Next(0, 30) * 10 });
        }
        foreach (var m in h.Members.Where(m => m.Disability != Disability.None))
        {
            h.Coverages.Add(new SafetyNetCoverage { Channel = Channel.SafetyNet, Kind = CoverageKind.DisabilitySubsidy, StartDate = asOf.AddMonths(-rng.Next(6, 48)), MonthlyAmount = 90, MemberId = null });
        }
    }

    private Measure PrimaryMeasure(Household h, DateOnly start)
    {
        var r = rng.NextDouble();
        return r switch
        {
            < 0.28 => AddEmployment(h, Channel.IndustrialParkJob, start, null),
            < 0.38 => AddEmployment(h, Channel.CommunityFactoryOrBusiness, start, null),
            < 0.60 => AddEmployment(h, Channel.TrainingAndLabourExport, start, null),
            < 0.70 => AddEmployment(h, Channel.PublicWelfarePost, start, start.AddMonths(24 + 12 * rng.Next(0, 2))),
            < 0.93 => AddAgriculture(h, start),
            _ => AddBusiness(h, start),
        };
    }

    private Employment AddEmployment(Household h, Channel channel, DateOnly start, DateOnly? end)
    {
        var worker = h.Members.Where(m => m.LabourCapacity == LabourCapacity.Full).DefaultIfEmpty(h.Members[0]).ToList();
        var member = worker[rng.Next(worker.Count)];
        var e = new Employment { Channel = channel, Member = member, StartDate = start, EndDate = end, Employer = "" };
        switch (channel)
        {
            case Channel.IndustrialParkJob:
                e.Park = Pick(DemoNames.Parks);
                e.Employer = Pick(DemoNames.ParkEmployers);
                e.ContractMonths = Pick<int?>([12, 12, 24, 36, null]);
                e.HasSocialInsurance = rng.NextDouble() < 0.8;
                e.MonthlyPay = 2500 + rng.Next(0, 21) * 100;
                break;
            case Channel.CommunityFactoryOrBusiness:
                e.Employer = $"{Pick(["服装加工", "手工艺品", "电子组装", "食品包装"])}社区工厂";
                e.ContractMonths = Pick<int?>([12, 24, null]);
                e.HasSocialInsurance = rng.NextDouble() < 0.5;
                e.MonthlyPay = 1800 + rng.Next(0, 13) * 100;
                break;
            case Channel.TrainingAndLabourExport:
                var outside = rng.NextDouble() < 0.4;
                e.Employer = Pick(outside ? DemoNames.OutsideEmployers : DemoNames.ProvinceEmployers);
                e.Location = outside ? WorkLocation.OutsideProvince : WorkLocation.InsideProvince;
                e.ContractMonths = Pick<int?>([12, 12, 24, 6, null]);
                e.HasSocialInsurance = rng.NextDouble() < 0.5;
                e.MonthlyPay = 3500 + rng.Next(0, 36) * 100;
                break;
            default:
                var (type, pay, employer) = DemoNames.Posts[rng.Next(DemoNames.Posts.Length)];
                e.PostType = type;
                e.Employer = employer;
                e.MonthlyPay = pay;
                e.ContractMonths = end is { } stop ? (stop.Year - start.Year) * 12 + stop.Month - start.Month : 24;
                break;
        }
        h.Employments.Add(e);
        return e;
    }

    private Industry AddAgriculture(Household h, DateOnly start)
    {
        var (type, unit, min, max) = DemoNames.AgriTypes[rng.Next(DemoNames.AgriTypes.Length)];
        var industry = new Industry
        {
            Channel = Channel.AgriculturalIndustry,
            Type = type,
            Scale = rng.Next(min, max + 1),
            ScaleUnit = unit,
            StartDate = start,
            Park = rng.NextDouble() < 0.35 ? "镇农业特色产业园" : null,
            AnnualIncome = 6000 + rng.Next(0, 40) * 500,
        };
        h.Industries.Add(industry);
        return industry;
    }

    private Industry AddBusiness(Household h, DateOnly start)
    {
        var industry = new Industry
        {
            Channel = Channel.CommunityFactoryOrBusiness,
            Type = Pick(DemoNames.Businesses),
            StartDate = start,
            LicenceNumber = $"92610623MA{rng.Next(0, 100_000_000):D8}",
            AnnualIncome = 20000 + rng.Next(0, 40) * 1000,
        };
        h.Industries.Add(industry);
        return industry;
    }

    private void AddTraining(Household h)
    {
        var trainees = h.Members.Where(m => m.LabourCapacity == LabourCapacity.Full).ToList();
        if (trainees.Count == 0)
        {
            return;
        }
        var (course, hours, certificate) = DemoNames.Courses[rng.Next(DemoNames.Courses.Length)];
        var start = asOf.AddDays(-rng.Next(20, 900));
        var end = start.AddDays(hours / 6 + rng.Next(0, 10));
        h.Trainings.Add(new Training
        {
            Channel = Channel.TrainingAndLabourExport,
            Member = trainees[rng.Next(trainees.Count)],
            Course = course,
            Provider = Pick(DemoNames.TrainingProviders),
            Hours = hours,
            Certificate = rng.NextDouble() < 0.7 ? certificate : null,
            StartDate = start,
            EndDate = end,
        });
    }

    private void AddPv(Household h) =>
        h.Industries.Add(new Industry
        {
            Channel = Channel.Photovoltaic,
            Type = "村级光伏电站收益",
            PvStation = "7.65兆瓦扶贫光伏电站",
            PvShareKw = 19.2m,
            StartDate = asOf.AddMonths(-rng.Next(18, 40)),
            AnnualIncome = 3000,
        });

    private void AddAssetShare(Household h, DateOnly start) =>
        h.Industries.Add(new Industry
        {
            Channel = Channel.AssetIncome,
            Type = "三变改革股份分红",
            Collective = $"{h.OriginVillage}股份经济合作社",
            ShareForm = (AssetShareForm)rng.Next(0, 5),
            StartDate = start,
            AnnualIncome = 300 + rng.Next(0, 25) * 50,
        });

    private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private int PickWeighted(int[] remaining)
    {
        var total = remaining.Sum();
        var x = rng.Next(total);
        for (var i = 0; i < remaining.Length; i++)
        {
            x -= remaining[i];
            if (x < 0)
            {
                return i;
            }
        }
        return remaining.Length - 1;
    }

    /// <summary>Largest-remainder split of <paramref name="total"/> by weights, so the parts sum exactly.</summary>
    public static int[] Apportion(int total, double[] weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => w / sum * total).ToArray();
        var parts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in exact.Select((e, i) => (frac: e - Math.Floor(e), i)).OrderByDescending(x => x.frac).Take(total - parts.Sum()).Select(x => x.i))
        {
            parts[i]++;
        }
        return parts;
    }
}
