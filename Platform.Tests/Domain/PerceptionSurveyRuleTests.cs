using Platform.Domain.Consultations;
using Platform.Domain.Monitoring;
using Platform.Domain.Reference;

namespace Platform.Tests.Domain;

/// <summary>How a question's answers become a community value, and that such a value sits beside the official one.</summary>
public class PerceptionSurveyRuleTests
{
    private static readonly Guid Consultation = Guid.NewGuid();
    private static IndicatorDefinition Indicator(string code) => IndicatorReference.Indicators[code];

    private static PerceptionTally Scale(params long[] counts) => new(
        new ConsultationQuestion("q", "How safe?", QuestionKind.Scale, [], "IND-072"), counts.Sum(),
        counts.Select((c, i) => (Option: (i + 1).ToString(), c)).ToDictionary(x => x.Option, x => x.c));

    [Fact]
    public void A_percentage_from_a_scale_is_the_share_answering_4_or_5()
    {
        var command = PerceptionSurvey.MeasurementFor(Scale(1, 1, 1, 2, 1), Indicator("IND-072"), Consultation, 2026)!;
        Assert.Equal(50.0, command.Value);
        Assert.Equal("2026", command.Period);
        Assert.Equal("community", command.Source);
        Assert.Contains(Consultation.ToString(), command.MethodNote);
    }

    [Fact]
    public void A_percentage_from_a_choice_is_the_share_choosing_the_first_option()
    {
        var tally = new PerceptionTally(new ConsultationQuestion("q", "Felt discriminated against?", QuestionKind.SingleChoice, ["Yes", "No"], "IND-063"),
            6, new Dictionary<string, long> { ["Yes"] = 2, ["No"] = 4 });
        Assert.Equal(33.3, PerceptionSurvey.MeasurementFor(tally, Indicator("IND-063"), Consultation, 2026)!.Value);
    }

    [Fact]
    public void An_index_takes_the_scale_mean_and_counts_or_unanswered_questions_give_nothing()
    {
        Assert.Equal(3.4, PerceptionSurvey.MeasurementFor(Scale(0, 2, 0, 2, 1), Indicator("IND-035"), Consultation, 2026)!.Value); // years (amount)
        Assert.Null(PerceptionSurvey.MeasurementFor(Scale(0, 1, 0, 2, 1), Indicator("IND-035"), Consultation, 2026));          // four respondents: too few to show
        Assert.Null(PerceptionSurvey.MeasurementFor(Scale(1, 1, 1, 1, 1), Indicator("IND-064"), Consultation, 2026));          // a count
        Assert.Null(PerceptionSurvey.MeasurementFor(Scale(0, 0, 0, 0, 0), Indicator("IND-072"), Consultation, 2026));          // nobody answered
    }

    [Fact]
    public void A_community_value_sits_beside_the_official_value_of_the_same_period_and_stays_out_of_the_status()
    {
        var definition = Indicator("IND-072");
        var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();
        var adopted = (IndicatorAdopted)IndicatorSeriesDecider.Decide(
            new AdoptIndicator(id, Guid.NewGuid(), "IND-072", new BaselineInput("2020", 60), 80, 2030, "Safety", null, null) { Catalogued = definition }, null, now).Events[0];
        var series = Evolution<IndicatorSeries>.Fold([adopted])!;
        var official = IndicatorSeriesDecider.Decide(
            new RecordMeasurement(id, "IND-072", Guid.NewGuid(), new MeasurementInput("2026", 66, null, null, null, null, null, null, null)) { Catalogued = definition }, series, now);
        series = Evolution<IndicatorSeries>.Then(series, official.Events[0])!;

        var community = IndicatorSeriesDecider.Decide(
            new RecordMeasurement(id, "IND-072", Guid.Empty, PerceptionSurvey.MeasurementFor(Scale(0, 0, 0, 3, 2), definition, Consultation, 2026)!) { Catalogued = definition },
            series, now);

        var recorded = Assert.IsType<MeasurementRecorded>(Assert.Single(community.Events)); // not a correction of the official 66
        series = Evolution<IndicatorSeries>.Then(series, recorded)!;
        Assert.Equal(2, series.Points.Count);
        Assert.Equal(66, SeriesStatus.Of(series).Latest!.Value);
        Assert.Equal(100, series.Find("2026", new Dictionary<string, string>(), SourceKind.Community)!.Measurement.Value);
    }
}
