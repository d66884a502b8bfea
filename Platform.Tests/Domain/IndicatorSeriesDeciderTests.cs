using Platform.Domain;
using Platform.Domain.Monitoring;
using Platform.Domain.Reference;

namespace Platform.Tests.Domain;

/// <summary>Given / when / then on adoption, measurement validation, corrections, imports and gaps, with no database.</summary>
public class IndicatorSeriesDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Official = Guid.NewGuid();
    private static IndicatorDefinition Def(string code) => IndicatorReference.Indicators[code];

    private static IndicatorSeries Adopted(string code = "IND-013", string baseline = "2018", double value = 80, double? target = 95, int? year = 2030)
    {
        var decision = IndicatorSeriesDecider.Decide(new AdoptIndicator(code, new BaselineInput(baseline, value), target, year, "Housing", null, null),
            null, Def(code), SeriesStream.Id("york", code), Official, Now);
        Assert.False(decision.IsRefused, string.Join("; ", decision.Errors));
        return IndicatorSeries.Create((IndicatorAdopted)decision.Events.Single());
    }

    private static RecordMeasurement Value(string period, double? value, Dictionary<string, string?>? groups = null, double? denominator = null, string? reason = null, string? units = null) =>
        new(period, value, denominator, null, null, groups, null, units, reason);

    private static IReadOnlyList<DomainError> Refused(RecordMeasurement command, IndicatorSeries? series = null, string code = "IND-013")
    {
        var decision = IndicatorSeriesDecider.Decide(command, series ?? Adopted(code), Def(code), Official, Now);
        Assert.True(decision.IsRefused);
        return decision.Errors;
    }

    [Fact]
    public void The_shipped_catalogue_has_78_indicators_20_core_each_with_unit_direction_and_disaggregations()
    {
        Assert.Equal(78, IndicatorReference.Indicators.Count);
        Assert.Equal(20, IndicatorReference.Indicators.Values.Count(i => i.Core));
        Assert.All(IndicatorReference.Indicators.Values, i =>
        {
            Assert.Equal(1, i.Version);
            Assert.True(ReferenceCatalogue.Default.IsRight(i.Right), i.Code);
            Assert.True(i.UnitKind != UnitKind.Rate || i.RateBase > 0, i.Code);
            Assert.True(i.Type == IndicatorType.Structural || i.Disaggregations.Length > 0, i.Code);
        });
        Assert.Equal(DesiredDirection.Decrease, Def("IND-016").Direction);
        Assert.Equal(UnitKind.Percentage, Def("IND-013").UnitKind);
        Assert.Equal(SourceKind.Survey, Def("IND-072").Source);
        Assert.Equal("Adequate housing", ReferenceCatalogue.Default.Rights["housing"].Name);
        Assert.Equal(30, Articles.Udhr.Count);
        Assert.Equal("Dignity", Articles.EuCharter["1"].Chapter);
    }

    [Fact]
    public void A_first_value_is_recorded_under_the_indicator_version()
    {
        var decision = IndicatorSeriesDecider.Decide(Value("2024-Q2", 90, new() { ["Sex"] = "female", ["age"] = "" }), Adopted(), Def("IND-013") with { Version = 3 }, Official, Now);
        var recorded = Assert.IsType<MeasurementRecorded>(decision.Events.Single());
        Assert.Equal(3, recorded.IndicatorVersion);
        Assert.Equal("2024-Q2", recorded.Measurement.Period);
        Assert.Equal(new Dictionary<string, string> { ["sex"] = "female" }, recorded.Measurement.Disaggregation);
        Assert.Equal(SourceKind.Administrative, recorded.Measurement.Source);
    }

    [Theory]
    [InlineData("IND-013", "2020", 100.01, "value")]   // percentage above 100
    [InlineData("IND-013", "2020", -0.5, "value")]     // percentage below 0
    [InlineData("IND-021", "2020", 2.5, "value")]      // count with a fraction
    [InlineData("IND-021", "2020", -1, "value")]       // negative count
    [InlineData("IND-075", "2020", 2, "value")]        // yes/no
    [InlineData("IND-013", "2027", 50, "period")]      // future
    [InlineData("IND-013", "2017", 50, "period")]      // before the baseline
    [InlineData("IND-013", "2017-Q4", 50, "period")]
    [InlineData("IND-013", "20", 50, "period")]
    [InlineData("IND-013", "2020-Q0", 50, "period")]
    [InlineData("IND-013", "2020", double.NaN, "value")]
    public void Values_are_checked_against_unit_and_period(string code, string period, double value, string field)
    {
        var command = Value(period, value);
        var decision = IndicatorSeriesDecider.Decide(command, Adopted(code, "2018", code == "IND-075" ? 1 : 3, null, null), Def(code), Official, Now);
        Assert.Contains(decision.Errors, e => e.Field == field);
    }

    [Fact]
    public void A_rate_needs_its_denominator_and_groups_must_be_declared()
    {
        Assert.Contains(Refused(Value("2020", 12), code: "IND-016"), e => e.Field == "denominator");
        Assert.Contains(Refused(Value("2020", 80, new() { ["religion"] = "any" })), e => e.Field == "disaggregation.religion");
        Assert.Contains(Refused(Value("2020", 1, new() { ["sex"] = "female" }), Adopted("IND-075", "2018", 1, null, null), "IND-075"), e => e.Field == "disaggregation.sex");
        Assert.Contains(Refused(Value("2020", 80, units: "furlongs")), e => e.Field == "units");
        Assert.False(IndicatorSeriesDecider.Decide(Value("2020", 80, units: "%"), Adopted(), Def("IND-013"), Official, Now).IsRefused);
        // The current quarter has begun (1 October 2026), so it takes values; the next has not.
        Assert.False(IndicatorSeriesDecider.Decide(Value("2026-Q4", 80), Adopted(), Def("IND-013"), Official, Now).IsRefused);
    }

    [Fact]
    public void A_second_value_for_the_same_period_and_group_is_a_correction_that_needs_a_reason_and_keeps_history()
    {
        var series = Adopted();
        series = series.Apply((MeasurementRecorded)IndicatorSeriesDecider.Decide(Value("2020", 82), series, Def("IND-013"), Official, Now).Events.Single());

        var withoutReason = IndicatorSeriesDecider.Decide(Value("2020", 83), series, Def("IND-013"), Official, Now);
        var error = Assert.Single(withoutReason.Errors);
        Assert.Equal((ErrorKind.Conflict, "reason"), (error.Kind, error.Field));

        Assert.Same(Decision.NoChange, IndicatorSeriesDecider.Decide(Value("2020", 82), series, Def("IND-013"), Official, Now));
        // Another group of the same period is not a correction.
        Assert.IsType<MeasurementRecorded>(IndicatorSeriesDecider.Decide(Value("2020", 70, new() { ["sex"] = "female" }), series, Def("IND-013"), Official, Now).Events.Single());

        var corrected = (MeasurementCorrected)IndicatorSeriesDecider.Decide(Value("2020", 83, reason: "Late returns"), series, Def("IND-013"), Official, Now).Events.Single();
        Assert.Equal(82, corrected.PreviousValue);
        series = series.Apply(corrected);
        var point = series.Find("2020", new Dictionary<string, string>())!;
        Assert.Equal(83, point.Measurement.Value);
        Assert.Equal(82, point.History.Single().Value);
        Assert.Equal("Late returns", point.CorrectionReason);
    }

    [Fact]
    public void Adoption_checks_baseline_target_and_department_and_refuses_unknown_indicators()
    {
        AdoptIndicator Adopt(string? code = "IND-013", string? period = "2018", double? value = 80, double? target = 95, int? year = 2030, string? dept = "Housing", LocalIndicatorInput? local = null) =>
            new(code, new BaselineInput(period, value), target, year, dept, null, local);
        IReadOnlyList<DomainError> Errors(AdoptIndicator c, IndicatorDefinition? d) =>
            IndicatorSeriesDecider.Decide(c, null, d, Guid.NewGuid(), Official, Now).Errors;

        Assert.Equal("indicator-not-found", Errors(Adopt("NOPE-1"), null).Single().Code);
        Assert.Contains(Errors(Adopt(value: 120), Def("IND-013")), e => e.Field == "baseline.value");
        Assert.Contains(Errors(Adopt(period: "2030"), Def("IND-013")), e => e.Field == "baseline.period");
        Assert.Contains(Errors(Adopt(target: 101), Def("IND-013")), e => e.Field == "target");
        Assert.Contains(Errors(Adopt(year: 2018), Def("IND-013")), e => e.Field == "targetYear");
        Assert.Contains(Errors(Adopt(year: null), Def("IND-013")), e => e.Field == "targetYear");
        Assert.Contains(Errors(Adopt(dept: " "), Def("IND-013")), e => e.Field == "department");
        Assert.Equal("indicator-already-adopted", IndicatorSeriesDecider.Decide(Adopt(), Adopted(), Def("IND-013"), Guid.NewGuid(), Official, Now).Errors.Single().Code);

        var local = new LocalIndicatorInput("Step-free bus stops", "mobility", "outcome", "%", null, null, "increase", null, ["District"]);
        var adopted = (IndicatorAdopted)IndicatorSeriesDecider.Decide(Adopt("YORK-BUS", local: local), null, null, Guid.NewGuid(), Official, Now).Events.Single();
        Assert.True(adopted.Local);
        Assert.Equal(UnitKind.Percentage, adopted.Definition.UnitKind);
        Assert.Equal(["district"], adopted.Definition.Disaggregations);
        Assert.Contains(Errors(Adopt("YORK-BUS", local: local with { Unit = "furlongs" }), null), e => e.Field == "local.unit");
        Assert.Contains(Errors(Adopt("YORK-BUS", local: local with { UnitKind = "rate", Unit = "per 1,000" }), null), e => e.Field == "local.rateBase");
    }

    [Fact]
    public void Revising_an_indicator_numbers_the_revision_and_keeps_what_was_not_given()
    {
        var (revised, errors) = CatalogueDecider.Revise(new IndicatorInput(null, "New name", null, null, null, null, null, null, null, null, null, null, null, null), Def("IND-016"));
        Assert.Empty(errors);
        Assert.Equal(2, revised!.Version);
        Assert.Equal("New name", revised.Name);
        Assert.Equal(Def("IND-016").RateBase, revised.RateBase);
        Assert.Equal(Def("IND-016").Disaggregations, revised.Disaggregations);
        Assert.Equal("indicator-not-found", CatalogueDecider.Revise(new IndicatorInput(null, "x", null, null, null, null, null, null, null, null, null, null, null, null), null).Errors.Single().Code);
    }

    [Fact]
    public void An_import_is_one_event_or_a_report_of_every_bad_row()
    {
        var series = Adopted();
        var (rows, malformed, cells) = OpenSdgCsv.Read("Year,Sex,Value\n2019,,81\n2019,female,79\n2020,,x\n");
        Assert.Empty(malformed);
        Assert.Equal(new ImportProblem(4, "Value", "'x' is not a number (use a dot for decimals)."), cells.Single());
        var decision = MeasurementImport.Decide(rows, "survey", null, null, series, Def("IND-013"), Official, Now);
        Assert.Equal(2, decision.Event!.Measurements.Length);
        Assert.All(decision.Event.Measurements, m => Assert.Equal(SourceKind.Survey, m.Source));

        series = series.Apply(decision.Event);
        var (again, _, _) = OpenSdgCsv.Read("Year,Sex,Value\n2019,,82\n2019,female,79\n2027,,81\n");
        var refused = MeasurementImport.Decide(again, null, null, null, series, Def("IND-013"), Official, Now);
        Assert.Null(refused.Event);
        Assert.Contains(new ImportProblem(2, "Value", "2019 (headline) has a value already (81); to correct it, import with a reason."), refused.Problems);
        Assert.Contains(refused.Problems, p => p is { Line: 4, Column: "Year" });
        var corrected = MeasurementImport.Decide(again.Take(2).ToList(), null, null, "Revised census", series, Def("IND-013"), Official, Now);
        Assert.Single(corrected.Event!.Measurements);
        Assert.Equal(1, corrected.Unchanged);
    }

    [Theory]
    [InlineData("", "Year")]
    [InlineData("Value\n5\n", "Year")]
    [InlineData("Year,Sex\n2020,f\n", "Value")]
    [InlineData("Year,Value\n2020,5,6\n", "*")]
    [InlineData("Year,Year,Value\n2020,2020,5\n", "Year")]
    [InlineData("Year,Value\n", "Value")]
    public void A_file_not_in_the_layout_is_malformed(string csv, string column)
    {
        var (rows, malformed, _) = OpenSdgCsv.Read(csv);
        Assert.Empty(rows);
        Assert.Contains(malformed, p => p.Column == column);
    }

    [Fact]
    public void Gaps_compare_groups_of_a_dimension_with_each_other_and_the_headline_at_the_latest_period()
    {
        var series = Adopted();
        foreach (var (period, groups, value) in new (string, Dictionary<string, string?>?, double)[]
                 {
                     ("2020", null, 85), ("2020", new() { ["sex"] = "female" }, 80), ("2022", null, 88),
                     ("2022", new() { ["sex"] = "female" }, 84), ("2022", new() { ["sex"] = "male" }, 91),
                     ("2022", new() { ["district"] = "Clifton" }, 70), ("2022", new() { ["district"] = "Heworth" }, 93),
                 })
            series = series.Apply((MeasurementRecorded)IndicatorSeriesDecider.Decide(Value(period, value, groups), series, Def("IND-013"), Official, Now).Events.Single());

        var status = SeriesStatus.Of(series);
        Assert.Equal(new PeriodValue("2022", 88), status.Latest);
        Assert.Equal(new PeriodValue("2020", 85), status.Previous);
        Assert.Equal(Trend.Improving, status.Trend);
        var sex = status.Gaps.Single(g => g.Dimension == "sex");
        Assert.Equal(("female", "male", 7.0), (sex.Lowest, sex.Highest, sex.Spread));
        Assert.Equal(-4, sex.Groups.Single(g => g.Group == "female").DifferenceFromHeadline);
        var district = status.Gaps.Single(g => g.Dimension == "district");
        Assert.Equal(23, district.Spread);
        Assert.Equal(-18, district.Groups.Single(g => g.Group == "Clifton").DifferenceFromHeadline);
    }
}
