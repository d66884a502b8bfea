using Platform.Domain.Monitoring;
using Platform.Domain.Reference;

namespace Platform.Tests.Domain;

/// <summary>
/// Given a series' events / when an official adopts, records, imports or changes a target (or an administrator edits the
/// catalogue) / then the events or the errors: adoption, measurement checks, corrections, imports, targets and gaps, with no database.
/// </summary>
public class IndicatorSeriesDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Official = Guid.NewGuid();
    private static IndicatorDefinition Def(string code) => IndicatorReference.Indicators[code];
    private static Guid Series(string code) => SeriesStream.Id("york", code);

    /// <summary>The city adopted <paramref name="code"/> of the catalogue (baseline 2018 at 80, target 95 by 2030 unless told).</summary>
    private static IndicatorAdopted Adopted(string code = "IND-013", string baseline = "2018", double value = 80, double? target = 95, int? year = 2030) =>
        new(Series(code), code, Def(code), false, baseline, value, target, year, "Housing", null, Official, Now);

    private static MeasurementRecorded Recorded(string period, double value, Dictionary<string, string>? groups = null, string code = "IND-013") =>
        new(Series(code), new Measurement(period, groups ?? [], value, null, SourceKind.Administrative, null, null), 1, Official, Now);

    private static AdoptIndicator Adopt(string? code = "IND-013", string? period = "2018", double? value = 80, double? target = 95, int? year = 2030,
        string? department = "Housing", LocalIndicatorInput? local = null, Guid? consultation = null) =>
        new AdoptIndicator(Series(code ?? ""), Official, code, new BaselineInput(period, value), target, year, department, consultation, local)
            { Catalogued = code is not null && IndicatorReference.Indicators.TryGetValue(code, out var d) ? d : null };

    private static RecordMeasurement Value(string period, double? value, Dictionary<string, string?>? groups = null, double? denominator = null,
        string? reason = null, string? units = null, string code = "IND-013", IndicatorDefinition? catalogued = null) =>
        new RecordMeasurement(Series(code), code, Official, new MeasurementInput(period, value, denominator, null, null, groups, null, units, reason))
            { Catalogued = catalogued ?? Def(code) };

    private static ImportMeasurements Import(string csv, string? source = null, string? reason = null)
    {
        var (rows, malformed, cells) = OpenSdgCsv.Read(csv);
        return new ImportMeasurements(Series("IND-013"), "IND-013", Official, rows, malformed, cells, source, null, reason) { Catalogued = Def("IND-013") };
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
    public void A_catalogue_indicator_is_adopted_with_its_baseline_target_and_department()
    {
        var adopted = Scenario.Given<IndicatorSeries>()
            .When(s => IndicatorSeriesDecider.Decide(Adopt(department: " Housing "), s, Now))
            .Single<IndicatorAdopted>();
        Assert.Equal(Adopted(), adopted);
    }

    [Fact]
    public void A_first_value_is_recorded_under_the_indicator_version()
    {
        var recorded = Scenario.Given<IndicatorSeries>(Adopted())
            .When(s => IndicatorSeriesDecider.Decide(Value("2024-Q2", 90, new() { ["Sex"] = "female", ["age"] = "" }, catalogued: Def("IND-013") with { Version = 3 }), s, Now))
            .Single<MeasurementRecorded>();
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
    public void Values_are_checked_against_unit_and_period(string code, string period, double value, string field) =>
        Scenario.Given<IndicatorSeries>(Adopted(code, "2018", code == "IND-075" ? 1 : 3, null, null))
            .When(s => IndicatorSeriesDecider.Decide(Value(period, value, code: code), s, Now))
            .RefusedNaming(field);

    [Fact]
    public void A_rate_needs_its_denominator_and_groups_must_be_declared()
    {
        Scenario.Given<IndicatorSeries>(Adopted("IND-016", target: null, year: null))
            .When(s => IndicatorSeriesDecider.Decide(Value("2020", 12, code: "IND-016"), s, Now)).RefusedNaming("denominator");
        Scenario.Given<IndicatorSeries>(Adopted())
            .When(s => IndicatorSeriesDecider.Decide(Value("2020", 80, new() { ["religion"] = "any" }), s, Now)).RefusedNaming("disaggregation.religion");
        Scenario.Given<IndicatorSeries>(Adopted("IND-075", "2018", 1, null, null))
            .When(s => IndicatorSeriesDecider.Decide(Value("2020", 1, new() { ["sex"] = "female" }, code: "IND-075"), s, Now)).RefusedNaming("disaggregation.sex");
        Scenario.Given<IndicatorSeries>(Adopted())
            .When(s => IndicatorSeriesDecider.Decide(Value("2020", 80, units: "furlongs"), s, Now)).RefusedNaming("units");
        Scenario.Given<IndicatorSeries>(Adopted())
            .When(s => IndicatorSeriesDecider.Decide(Value("2020", 80, units: "%"), s, Now)).Single<MeasurementRecorded>();
        // The current quarter has begun (1 October 2026), so it takes values; the next has not.
        Scenario.Given<IndicatorSeries>(Adopted())
            .When(s => IndicatorSeriesDecider.Decide(Value("2026-Q4", 80), s, Now)).Single<MeasurementRecorded>();
        Scenario.Given<IndicatorSeries>(Adopted())
            .When(s => IndicatorSeriesDecider.Decide(Value("2020", 80, reason: new string('r', MonitoringRules.ReasonMaxLength + 1)), s, Now)).Refused("invalid-reason", "reason");
    }

    [Fact]
    public void A_value_for_a_series_the_city_has_not_adopted_is_not_found_as_indicator_or_series()
    {
        Scenario.Given<IndicatorSeries>().When(s => IndicatorSeriesDecider.Decide(Value("2020", 80), s, Now)).Refused("series-not-found");
        Scenario.Given<IndicatorSeries>().When(s => IndicatorSeriesDecider.Decide(Value("2020", 80) with { Catalogued = null }, s, Now)).Refused("indicator-not-found");
    }

    [Fact]
    public void A_second_value_for_the_same_period_and_group_is_a_correction_that_needs_a_reason_and_keeps_history()
    {
        var recorded = Scenario.Given<IndicatorSeries>(Adopted()).When(s => IndicatorSeriesDecider.Decide(Value("2020", 82), s, Now)).Single<MeasurementRecorded>();
        var given = Scenario.Given<IndicatorSeries>(Adopted(), recorded);

        var error = given.When(s => IndicatorSeriesDecider.Decide(Value("2020", 83), s, Now)).Refused("correction-needs-reason", "reason");
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        given.When(s => IndicatorSeriesDecider.Decide(Value("2020", 82), s, Now)).Nothing();
        // Another group of the same period is not a correction.
        given.When(s => IndicatorSeriesDecider.Decide(Value("2020", 70, new() { ["sex"] = "female" }), s, Now)).Single<MeasurementRecorded>();

        var corrected = given.When(s => IndicatorSeriesDecider.Decide(Value("2020", 83, reason: "Late returns"), s, Now)).Single<MeasurementCorrected>();
        Assert.Equal(82, corrected.PreviousValue);
        Assert.Equal("Late returns", corrected.Reason);
        var point = Evolution<IndicatorSeries>.Fold([Adopted(), recorded, corrected])!.Find("2020", new Dictionary<string, string>())!;
        Assert.Equal(83, point.Measurement.Value);
        Assert.Equal(82, point.History.Single().Value);
        Assert.Equal("Late returns", point.CorrectionReason);
    }

    [Fact]
    public void Adoption_checks_baseline_target_and_department_and_refuses_unknown_indicators()
    {
        Then When(AdoptIndicator command) => Scenario.Given<IndicatorSeries>().When(s => IndicatorSeriesDecider.Decide(command, s, Now));

        When(Adopt("NOPE-1")).Refused("indicator-not-found");
        When(Adopt(" ")).Refused("invalid-code", "code");
        When(Adopt(value: 120)).RefusedNaming("baseline.value");
        When(Adopt(period: "2030")).RefusedNaming("baseline.period");
        When(Adopt(target: 101)).RefusedNaming("target");
        When(Adopt(year: 2018)).RefusedNaming("targetYear");
        When(Adopt(year: null)).RefusedNaming("targetYear");
        When(Adopt(department: " ")).RefusedNaming("department");
        When(Adopt(department: new string('d', MonitoringRules.DepartmentMaxLength + 1))).RefusedNaming("department");
        When(Adopt(consultation: Guid.NewGuid()) with { ConsultationKnown = false }).Refused("invalid-consultationId", "consultationId");
        When(Adopt(consultation: Guid.NewGuid())).Single<IndicatorAdopted>();
        Scenario.Given<IndicatorSeries>(Adopted()).When(s => IndicatorSeriesDecider.Decide(Adopt(), s, Now)).Refused("indicator-already-adopted");

        var local = new LocalIndicatorInput("Step-free bus stops", "mobility", "outcome", "%", null, null, "increase", null, ["District"]);
        When(Adopt("IND-013", local: local)).Refused("invalid-local", "local");
        var adopted = When(Adopt("YORK-BUS", local: local)).Single<IndicatorAdopted>();
        Assert.True(adopted.Local);
        Assert.Equal(UnitKind.Percentage, adopted.Definition.UnitKind);
        Assert.Equal(["district"], adopted.Definition.Disaggregations);
        When(Adopt("YORK-BUS", local: local with { Unit = "furlongs" })).RefusedNaming("local.unit");
        When(Adopt("YORK-BUS", local: local with { UnitKind = "rate", Unit = "per 1,000" })).RefusedNaming("local.rateBase");
    }

    [Fact]
    public void A_target_changes_with_a_reason_and_is_checked_as_at_adoption()
    {
        Then When(ChangeTarget command) => Scenario.Given<IndicatorSeries>(Adopted()).When(s => IndicatorSeriesDecider.Decide(command, s, Now));
        var id = Series("IND-013");

        Assert.Equal(new TargetChanged(id, 90, 2032, "New plan", Official, Now),
            When(new ChangeTarget(id, Official, 90, 2032, " New plan ")).Single<TargetChanged>());
        When(new ChangeTarget(id, Official, null, null, "Thresholds apply")).Single<TargetChanged>();
        When(new ChangeTarget(id, Official, 90, 2032, " ")).Refused("invalid-reason", "reason");
        When(new ChangeTarget(id, Official, 90, 2032, new string('r', MonitoringRules.ReasonMaxLength + 1))).Refused("invalid-reason", "reason");
        When(new ChangeTarget(id, Official, 101, 2032, "Why")).RefusedNaming("target");
        When(new ChangeTarget(id, Official, null, 2032, "Why")).RefusedNaming("target");
        When(new ChangeTarget(id, Official, 90, 2017, "Why")).RefusedNaming("targetYear");
        Scenario.Given<IndicatorSeries>().When(s => IndicatorSeriesDecider.Decide(new ChangeTarget(id, Official, 90, 2032, "Why"), s, Now)).Refused("series-not-found");
    }

    [Fact]
    public void Adding_an_indicator_to_the_catalogue_gives_version_1_and_refuses_a_code_that_exists()
    {
        var input = new IndicatorInput("YORK-1", "Bus stops", "mobility", null, "outcome", "%", null, null, "increase", null, null, null, null, null);
        var added = Scenario.Given<IndicatorSeries>().When(_ => CatalogueDecider.Decide(new AddIndicator(Official, input), null, Now)).Single<IndicatorCatalogued>();
        Assert.Equal((1, "YORK-1", "network", Official, Now), (added.Definition.Version, added.Definition.Code, added.Definition.Origin, added.AdministratorId, added.At));
        Scenario.Given<IndicatorSeries>().When(_ => CatalogueDecider.Decide(new AddIndicator(Official, input), Def("IND-013"), Now)).Refused("indicator-exists");
        Scenario.Given<IndicatorSeries>().When(_ => CatalogueDecider.Decide(new AddIndicator(Official, input with { Code = "bad code" }), null, Now))
            .Refused("invalid-code", "code");
    }

    [Fact]
    public void Revising_an_indicator_numbers_the_revision_and_keeps_what_was_not_given()
    {
        var rename = new IndicatorInput(null, "New name", null, null, null, null, null, null, null, null, null, null, null, null);
        var revised = Scenario.Given<IndicatorSeries>()
            .When(_ => CatalogueDecider.Decide(new ReviseIndicator("IND-016", Official, rename), Def("IND-016"), Now))
            .Single<IndicatorCatalogued>().Definition;
        Assert.Equal(2, revised.Version);
        Assert.Equal("New name", revised.Name);
        Assert.Equal(Def("IND-016").RateBase, revised.RateBase);
        Assert.Equal(Def("IND-016").Disaggregations, revised.Disaggregations);
        Scenario.Given<IndicatorSeries>().When(_ => CatalogueDecider.Decide(new ReviseIndicator("NOPE-1", Official, rename with { Name = "x" }), null, Now))
            .Refused("indicator-not-found");
        Scenario.Given<IndicatorSeries>().When(_ => CatalogueDecider.Decide(new ReviseIndicator("IND-016", Official, rename with { Code = "IND-017" }), Def("IND-016"), Now))
            .Refused("invalid-code", "code");
    }

    [Fact]
    public void An_import_is_one_event_or_a_report_of_every_bad_row()
    {
        var file = Import("Year,Sex,Value\n2019,,81\n2019,female,79\n2020,,x\n", source: "survey");
        Assert.Empty(file.Malformed);
        Assert.Equal(new ImportProblem(4, "Value", "'x' is not a number (use a dot for decimals)."), file.Cells.Single());
        // The cell that is not a number refuses the whole file.
        var cell = Scenario.Given<IndicatorSeries>(Adopted()).When(s => IndicatorSeriesDecider.Decide(file, s, Now)).Refused(MeasurementImport.RowProblem, "rows[4].Value");
        Assert.Equal(ErrorKind.RuleViolated, cell.Kind);

        var imported = Scenario.Given<IndicatorSeries>(Adopted())
            .When(s => IndicatorSeriesDecider.Decide(file with { Cells = [] }, s, Now))
            .Single<MeasurementsImported>();
        Assert.Equal(2, imported.Measurements.Length);
        Assert.All(imported.Measurements, m => Assert.Equal(SourceKind.Survey, m.Source));

        var given = Scenario.Given<IndicatorSeries>(Adopted(), imported);
        var again = Import("Year,Sex,Value\n2019,,82\n2019,female,79\n2027,,81\n");
        var refused = given.When(s => IndicatorSeriesDecider.Decide(again, s, Now));
        var problems = refused.Decision.Errors.Select(MeasurementImport.Problem).ToList();
        Assert.Contains(new ImportProblem(2, "Value", "2019 (headline) has a value already (81); to correct it, import with a reason."), problems);
        Assert.Contains(problems, p => p is { Line: 4, Column: "Year" });
        refused.RefusedNaming("rows[4].Year");

        var correction = again with { Rows = again.Rows.Take(2).ToList(), Reason = "Revised census" };
        var corrected = given.When(s => IndicatorSeriesDecider.Decide(correction, s, Now));
        Assert.Single(corrected.Single<MeasurementsImported>().Measurements);
        Assert.Equal(1, MeasurementImport.Imported(corrected.Decision));
        Assert.Equal(1, MeasurementImport.Unchanged(correction, corrected.Decision));

        given.When(s => IndicatorSeriesDecider.Decide(Import("Year,Sex,Value\n2019,,81\n"), s, Now)).Nothing();
        given.When(s => IndicatorSeriesDecider.Decide(Import("Year,Value\n2020,5\n", reason: new string('r', MonitoringRules.ReasonMaxLength + 1)), s, Now))
            .Refused(MeasurementImport.RowProblem, "rows[0].reason");
    }

    [Fact]
    public void A_file_not_in_the_layout_or_for_a_series_not_adopted_is_refused_before_its_rows()
    {
        var malformed = Scenario.Given<IndicatorSeries>(Adopted()).When(s => IndicatorSeriesDecider.Decide(Import("Value\n5\n"), s, Now))
            .Refused(MeasurementImport.RowProblem, "rows[1].Year");
        Assert.Equal(ErrorKind.Invalid, malformed.Kind);
        Scenario.Given<IndicatorSeries>().When(s => IndicatorSeriesDecider.Decide(Import("Value\n5\n"), s, Now)).Refused("series-not-found");
        Scenario.Given<IndicatorSeries>().When(s => IndicatorSeriesDecider.Decide(Import("Year,Value\n2020,5\n") with { Catalogued = null }, s, Now))
            .Refused("indicator-not-found");
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
        var series = Evolution<IndicatorSeries>.Fold([
            Adopted(),
            Recorded("2020", 85), Recorded("2020", 80, new() { ["sex"] = "female" }), Recorded("2022", 88),
            Recorded("2022", 84, new() { ["sex"] = "female" }), Recorded("2022", 91, new() { ["sex"] = "male" }),
            Recorded("2022", 70, new() { ["district"] = "Clifton" }), Recorded("2022", 93, new() { ["district"] = "Heworth" }),
        ])!;

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
