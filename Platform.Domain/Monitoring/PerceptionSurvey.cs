using System.Globalization;
using Platform.Domain.Consultations;

namespace Platform.Domain.Monitoring;

/// <summary>How residents answered one question linked to an indicator: residents who answered it, and the count per option or scale value.</summary>
public sealed record PerceptionTally(ConsultationQuestion Question, long Answers, IReadOnlyDictionary<string, long> Options);

/// <summary>
/// Turns a closed consultation's answers to a question linked to an indicator into a "community" value, recorded
/// beside official data through <see cref="IndicatorSeriesDecider"/>:
/// <list type="bullet">
/// <item>a percentage indicator takes the share (0-100, one decimal) of the residents who answered the question and
/// chose the option the indicator counts: the question's first option (so a question for "felt discriminated
/// against" lists "Yes" first), or 4 or 5 on a scale (agree, strongly agree);</item>
/// <item>an amount or difference indicator (an index) takes the mean of a scale question (1-5, two decimals);</item>
/// <item>other units (counts, rates, yes/no, years), free-text questions and questions nobody answered give no value.</item>
/// </list>
/// The period is the year the consultation closed; the value is the headline (no groups).
/// </summary>
public static class PerceptionSurvey
{
    public const int FavourableScaleFrom = 4;

    public static MeasurementInput? MeasurementFor(PerceptionTally tally, IndicatorDefinition definition, Guid consultationId, int year)
    {
        // Fewer respondents than the smallest group whose answers are shown: a value would tell their answers apart.
        if (tally.Answers < Consultations.ConsultationRules.SmallestGroupShown) return null;
        var question = tally.Question;
        double? value = (definition.UnitKind, question.Kind) switch
        {
            (UnitKind.Percentage, QuestionKind.Scale) => Share(tally, tally.Options.Where(o => ScaleValue(o.Key) >= FavourableScaleFrom).Sum(o => o.Value)),
            (UnitKind.Percentage, QuestionKind.SingleChoice or QuestionKind.MultipleChoice) when question.Options.Length > 0 =>
                Share(tally, tally.Options.GetValueOrDefault(question.Options[0])),
            (UnitKind.Amount or UnitKind.Difference, QuestionKind.Scale) => Mean(tally),
            _ => null,
        };
        if (value is null) return null;
        var note = $"Residents' perception survey: consultation {consultationId}, question '{question.Id}', {tally.Answers} respondents; "
                   + (question.Kind == QuestionKind.Scale && definition.UnitKind == UnitKind.Percentage ? "share answering 4 or 5 of 5"
                       : question.Kind == QuestionKind.Scale ? "mean of the 1-5 scale"
                       : $"share choosing '{question.Options[0]}'") + ".";
        if (note.Length > MonitoringRules.MethodNoteMaxLength) note = note[..MonitoringRules.MethodNoteMaxLength];
        return new MeasurementInput(year.ToString(CultureInfo.InvariantCulture), value, null, nameof(SourceKind.Community).ToLowerInvariant(),
            note, null, null, null, null);
    }

    private static double Share(PerceptionTally tally, long chosen) => Math.Round(100.0 * chosen / tally.Answers, 1);

    private static double? Mean(PerceptionTally tally)
    {
        var scaled = tally.Options.Select(o => (Value: ScaleValue(o.Key), Count: o.Value)).Where(o => o.Value > 0).ToList();
        var total = scaled.Sum(o => o.Count);
        return total == 0 ? null : Math.Round(scaled.Sum(o => o.Value * (double)o.Count) / total, 2);
    }

    private static int ScaleValue(string option) => int.TryParse(option, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
