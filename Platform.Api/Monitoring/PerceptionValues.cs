using Platform.Api.Consultations;
using Platform.Domain.Consultations;
using Platform.Domain.Monitoring;
using Platform.Projections.Consultations;

namespace Platform.Api.Monitoring;

/// <summary>
/// Residents' perception surveys feed indicators: when a consultation closes, every question linked to an indicator
/// the city has adopted becomes a "community" value of that series (rule: <see cref="PerceptionSurvey"/>), appended
/// in the session that closes the consultation, so both commit together or not at all.
/// </summary>
public static class PerceptionValues
{
    /// <summary>
    /// Appends the values to <paramref name="session"/> (a session of <paramref name="city"/>). The tally is final:
    /// answers are refused once the window has ended, which is when a consultation may close.
    /// </summary>
    public static async Task AppendAsync(IDocumentSession session, ConsultationReader reader, string city, Guid consultationId,
        DateTimeOffset closedAt, ILogger logger, CancellationToken cancellation)
    {
        var view = await session.LoadAsync<ConsultationView>(consultationId, cancellation);
        if (view is null || !view.Questions.Any(q => !string.IsNullOrWhiteSpace(q.IndicatorCode))) return;

        var results = await reader.ResultsAsync(city, view, withTexts: false, cancellation);
        var cityDocument = await session.LoadAsync<City>(city, cancellation);
        var year = TimeZoneInfo.ConvertTime(closedAt, CityTimeZone.Of(cityDocument)).Year;
        foreach (var question in view.Questions.Where(q => !string.IsNullOrWhiteSpace(q.IndicatorCode)))
        {
            var code = question.IndicatorCode!.Trim();
            var stream = await session.Events.FetchForWriting<IndicatorSeries>(SeriesStream.Id(city, code), cancellation);
            if (stream.Aggregate is not { } series) continue; // the city has not adopted the indicator: nothing to feed
            var result = results.Questions.FirstOrDefault(r => r.Id == question.Id);
            if (result is null) continue;
            var tally = new PerceptionTally(question, result.Answers, result.Options.ToDictionary(o => o.Option, o => o.Count));
            var catalogued = await IndicatorCatalogue.FindAsync(session, code, cancellation);
            if (PerceptionSurvey.MeasurementFor(tally, IndicatorSeriesDecider.Current(series, catalogued), consultationId, year) is not { } input) continue;

            // Recorded by the platform on the consultation's behalf: no official's id (the method note names the consultation).
            var command = new RecordMeasurement(series.Id, code, Guid.Empty, input) { Catalogued = catalogued };
            var decision = IndicatorSeriesDecider.Decide(command, series, closedAt);
            if (decision.IsRefused)
            {
                logger.LogWarning("Consultation {City}/{Id} gives no community value for {Code}: {Reason}", city, consultationId, code, decision.Errors[0].Message);
                continue;
            }
            stream.AppendMany(decision.Events);
        }
    }
}
