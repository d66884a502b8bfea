using Platform.Api.EqualParticipation;
using Platform.Domain.EqualParticipation;

namespace Platform.Tests.Participation;

/// <summary>
/// Secondary suppression and the city's own districts (docs/participation.md, "Small groups"), on the pure breakdown:
/// whatever the people, no hidden number follows from the shown ones, the total and the bounds a reader is told.
/// </summary>
public class SmallGroupsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] CityDistricts = ["Tang Hall", "Clifton"];
    private static readonly PopulationShares Population = new()
    {
        Id = "york", Source = new("Census", 2021, null),
        Shares = [.. CityDistricts.Select(d => new PopulationShare(ProfileRules.District, d, 10))],
    };

    /// <summary>One person's answers, by dimension (null: not said).</summary>
    private sealed record Person(IReadOnlyDictionary<string, string?> Answers);

    /// <summary>The rows the SQL answers for people who all support: the total, then each dimension's groups and "not said".</summary>
    private static List<(string, string?, string?, long)> Rows(IReadOnlyList<Person> people)
    {
        var rows = new List<(string, string?, string?, long)> { (Activities.Supporting, null, null, people.Count) };
        foreach (var dimension in ProfileRules.Dimensions)
            rows.AddRange(people.GroupBy(p => p.Answers[dimension]).Select(g => (Activities.Supporting, (string?)dimension, g.Key, (long)g.Count())));
        return rows;
    }

    private static ActivityFigures Supporting(IReadOnlyList<Person> people) =>
        ParticipationBreakdownReader.Breakdown("york", Now, Population, Rows(people)).Activities.Single(a => a.Activity == Activities.Supporting);

    private static Person Answers(string? gender = null, string? district = null) => new(new Dictionary<string, string?>
    {
        [ProfileRules.AgeBand] = null, [ProfileRules.Gender] = gender, [ProfileRules.Disability] = null,
        [ProfileRules.MigrantBackground] = null, [ProfileRules.District] = district,
    });

    private static IEnumerable<Person> Many(int count, string? gender = null, string? district = null) =>
        Enumerable.Range(0, count).Select(_ => Answers(gender, district));

    [Fact]
    public void One_hidden_group_beside_a_shown_total_hides_the_next_smallest_group_too()
    {
        // 25 women, 30 men, 3 of another gender, 12 not said: 70 in all; 3 would be 70 - 25 - 30 - 12.
        var gender = Supporting([.. Many(25, "woman"), .. Many(30, "man"), .. Many(3, "another"), .. Many(12)])
            .Dimensions.Single(d => d.Dimension == ProfileRules.Gender);
        Assert.Equal(new PeopleCount(null, 10), gender.Groups.Single(g => g.Group == "another").People);
        Assert.Equal(PeopleCount.Withheld, gender.NotSaid);
        Assert.Equal(new PeopleCount(25, null), gender.Groups.Single(g => g.Group == "woman").People);
        Assert.Equal(new PeopleCount(30, null), gender.Groups.Single(g => g.Group == "man").People);
    }

    [Fact]
    public void Hidden_groups_adding_up_to_zero_or_to_their_bounds_are_not_left_alone()
    {
        // No one of another gender or not said: the two hidden cells add up to 0, so both would be known to be 0.
        var gender = Supporting([.. Many(25, "woman"), .. Many(30, "man")]).Dimensions.Single(d => d.Dimension == ProfileRules.Gender);
        Assert.Equal(PeopleCount.Withheld, gender.Groups.Single(g => g.Group == "woman").People);
        Assert.Equal(new PeopleCount(30, null), gender.Groups.Single(g => g.Group == "man").People);
    }

    [Fact]
    public void Every_district_outside_the_citys_own_counts_under_other_however_many_name_it()
    {
        var district = Supporting([.. Many(25, district: "Clifton"), .. Many(12, district: " tang hall"), .. Many(14, district: "Acacia Avenue 12"), .. Many(3, district: "Heworth"), .. Many(11)])
            .Dimensions.Single(d => d.Dimension == ProfileRules.District);
        Assert.Equal(["Tang Hall", "Clifton", Activities.OtherDistricts], district.Groups.Select(g => g.Group));
        Assert.Equal(new PeopleCount(17, null), district.Groups.Single(g => g.Group == Activities.OtherDistricts).People);
        Assert.Equal(new PeopleCount(12, null), district.Groups.Single(g => g.Group == "Tang Hall").People);
    }

    [Fact]
    public void Without_population_shares_no_district_is_named()
    {
        var rows = Rows([.. Many(40, district: "Clifton"), .. Many(20, district: "Heworth"), .. Many(15)]);
        var district = ParticipationBreakdownReader.Breakdown("york", Now, null, rows).Activities.Single(a => a.Activity == Activities.Supporting)
            .Dimensions.Single(d => d.Dimension == ProfileRules.District);
        Assert.Equal([Activities.OtherDistricts], district.Groups.Select(g => g.Group));
        Assert.Equal(new PeopleCount(60, null), district.Groups.Single().People);
    }

    /// <summary>Random crowds (a fixed seed, so a failure repeats): in no dimension does a hidden number follow.</summary>
    [Fact]
    public void No_hidden_number_follows_from_the_shown_ones_and_the_total()
    {
        var random = new Random(16);
        string?[] districts = [.. CityDistricts, "Heworth", "Acacia Avenue 12", null];
        var withheldSeen = 0;
        for (var run = 0; run < 3000; run++)
        {
            var size = random.Next(0, 70);
            var skew = random.Next(1, 5);
            string? Pick(IReadOnlyList<string?> answers) => answers[Math.Min(answers.Count - 1, (int)(answers.Count * Math.Pow(random.NextDouble(), skew)))];
            var people = Enumerable.Range(0, size).Select(_ => new Person(new Dictionary<string, string?>
            {
                [ProfileRules.AgeBand] = Pick([.. ProfileRules.AgeBands, null]),
                [ProfileRules.Gender] = Pick([.. ProfileRules.Genders, null]),
                [ProfileRules.Disability] = Pick([.. ProfileRules.YesNo, null]),
                [ProfileRules.MigrantBackground] = Pick([null, .. ProfileRules.YesNo]),
                [ProfileRules.District] = Pick(districts),
            })).ToList();
            var figures = Supporting(people);
            var truth = ParticipationBreakdownReader.Breakdown("york", Now, Population, Rows(people));
            Assert.Equal(size, figures.People.Count ?? size);
            withheldSeen += figures.Dimensions.SelectMany(d => d.Groups.Select(g => g.People).Append(d.NotSaid)).Count(c => c == PeopleCount.Withheld);

            // The total, when shown or when a dimension shows every cell (they add up to it).
            long? total = figures.People.Count ?? figures.Dimensions.Select(d => Cells(d)).Where(c => c.All(x => x.Count is not null))
                .Select(c => (long?)c.Sum(x => x.Count!.Value)).FirstOrDefault();
            if (total is not { } known) continue;
            foreach (var dimension in figures.Dimensions)
            {
                var cells = Cells(dimension);
                var actual = Actual(people, dimension);
                Assert.Equal(cells.Count, actual.Count);
                for (var i = 0; i < cells.Count; i++)
                    if (cells[i].Count is { } shown) Assert.Equal(actual[i], shown);
                var hidden = Enumerable.Range(0, cells.Count).Where(i => cells[i].Count is null).ToList();
                if (hidden.Count == 0) continue;
                var left = known - cells.Where(c => c.Count is not null).Sum(c => c.Count!.Value);
                // Every way the hidden cells can add up to what is left, within what a reader is told of each.
                var possible = hidden.Select(_ => new HashSet<long>()).ToList();
                Solve(hidden.Select(i => cells[i].FewerThan is { } f ? (0L, f - 1L) : (10L, left)).ToList(), 0, left, new long[hidden.Count], possible);
                for (var h = 0; h < hidden.Count; h++)
                {
                    Assert.Contains(actual[hidden[h]], possible[h]);
                    Assert.True(possible[h].Count > 1, $"run {run}: {dimension.Dimension} cell {hidden[h]} ({actual[hidden[h]]}) follows from the shown figures");
                }
            }
        }
        Assert.True(withheldSeen > 100, "the crowds exercise secondary suppression");
    }

    private static List<PeopleCount> Cells(DimensionFigures dimension) => [.. dimension.Groups.Select(g => g.People), dimension.NotSaid];

    /// <summary>The true count of each cell of a dimension, in the breakdown's order (its groups, then "not said").</summary>
    private static List<long> Actual(IReadOnlyList<Person> people, DimensionFigures dimension)
    {
        string? Cell(string? answer) => answer is null ? null
            : dimension.Dimension != ProfileRules.District ? answer
            : CityDistricts.FirstOrDefault(d => string.Equals(d, answer.Trim(), StringComparison.OrdinalIgnoreCase)) ?? Activities.OtherDistricts;
        var byCell = people.GroupBy(p => Cell(p.Answers[dimension.Dimension]) ?? "").ToDictionary(g => g.Key, g => (long)g.Count());
        return [.. dimension.Groups.Select(g => byCell.GetValueOrDefault(g.Group)), byCell.GetValueOrDefault("")];
    }

    private static void Solve(List<(long Low, long High)> bounds, int at, long left, long[] values, List<HashSet<long>> possible)
    {
        if (at == bounds.Count)
        {
            if (left != 0) return;
            for (var i = 0; i < values.Length; i++) possible[i].Add(values[i]);
            return;
        }
        for (var v = bounds[at].Low; v <= Math.Min(bounds[at].High, left); v++)
        {
            values[at] = v;
            Solve(bounds, at + 1, left - v, values, possible);
        }
    }
}
