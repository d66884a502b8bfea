using Platform.Domain.Monitoring;
using Platform.Projections.Consultations;

namespace Platform.Api.Monitoring;

/// <summary>What a write of values did, with the decision (recorded, corrected or unchanged; how many rows a file stored).</summary>
public sealed record MeasurementsWritten(Written Written, Decision? Decision);

/// <summary>
/// The Monitoring commands: a city's officials adopt indicators, record and import values and change targets (through
/// <see cref="StreamWrite"/> on the series stream); network administrators add and revise catalogue indicators (documents).
/// The handler gives each command what the decider needs that the caller cannot know: the catalogue's current revision
/// of the code, whether a consultation exists.
/// </summary>
public sealed class MonitoringHandler(TimeProvider clock)
{
    /// <summary>Another write of the same series came first.</summary>
    public static readonly DomainError SeriesChanged =
        DomainError.Conflict("series-changed", "Another value was recorded for this series at the same moment; try again.");

    public async Task<Written> Handle(AdoptIndicator command, IDocumentSession session, CancellationToken cancellation)
    {
        var code = command.Code?.Trim() ?? "";
        command = command with
        {
            Catalogued = code.Length > 0 ? await IndicatorCatalogue.FindAsync(session, code, cancellation) : null,
            ConsultationKnown = command.ConsultationId is not { } consultation || await session.LoadAsync<ConsultationView>(consultation, cancellation) is not null,
        };
        return await StreamWrite.DecideAsync<IndicatorSeries>(session, command.SeriesId, series => IndicatorSeriesDecider.Decide(command, series, clock.GetUtcNow()),
            DomainError.Conflict("indicator-already-adopted", $"The city has adopted {code} already."), cancellation);
    }

    public async Task<MeasurementsWritten> Handle(RecordMeasurement command, IDocumentSession session, CancellationToken cancellation)
    {
        command = command with { Catalogued = await IndicatorCatalogue.FindAsync(session, command.Code, cancellation) };
        return await WriteValuesAsync(session, command.SeriesId, (series, now) => IndicatorSeriesDecider.Decide(command, series, now), cancellation);
    }

    public async Task<MeasurementsWritten> Handle(ImportMeasurements command, IDocumentSession session, CancellationToken cancellation)
    {
        command = command with { Catalogued = await IndicatorCatalogue.FindAsync(session, command.Code, cancellation) };
        return await WriteValuesAsync(session, command.SeriesId, (series, now) => IndicatorSeriesDecider.Decide(command, series, now), cancellation);
    }

    public Task<Written> Handle(ChangeTarget command, IDocumentSession session, CancellationToken cancellation) =>
        StreamWrite.DecideAsync<IndicatorSeries>(session, command.SeriesId, series => IndicatorSeriesDecider.Decide(command, series, clock.GetUtcNow()),
            SeriesChanged, cancellation);

    /// <summary>A new catalogue indicator: the document of its first revision.</summary>
    public async Task<Written> Handle(AddIndicator command, IDocumentSession session, CancellationToken cancellation)
    {
        var existing = command.Input.Code is { Length: > 0 } code ? await IndicatorCatalogue.FindAsync(session, code.Trim(), cancellation) : null;
        var decision = CatalogueDecider.Decide(command, existing, clock.GetUtcNow());
        if (decision.IsRefused) return new Written(decision.Errors, null);
        var added = decision.Events.OfType<IndicatorCatalogued>().Single();
        session.Insert(new CatalogueIndicator
        {
            Id = added.Definition.Code, Current = added.Definition,
            Revisions = [new IndicatorRevision(added.Definition, added.AdministratorId, added.At)],
        });
        return await StreamWrite.CommitAsync(session, DomainError.Conflict("indicator-exists", $"{added.Definition.Code} was added by another request first."), cancellation)
               ?? Written.Nothing;
    }

    /// <summary>The next revision of a catalogue indicator; a shipped indicator gets its document, with the shipped revision first.</summary>
    public async Task<Written> Handle(ReviseIndicator command, IDocumentSession session, CancellationToken cancellation)
    {
        var stored = await session.LoadAsync<CatalogueIndicator>(command.Code, cancellation);
        var current = stored?.Current ?? await IndicatorCatalogue.FindAsync(session, command.Code, cancellation);
        var decision = CatalogueDecider.Decide(command, current, clock.GetUtcNow());
        if (decision.IsRefused) return new Written(decision.Errors, null);
        var revised = decision.Events.OfType<IndicatorCatalogued>().Single();
        var revisions = stored?.Revisions ?? [new IndicatorRevision(current!, null, null)];
        session.Store(new CatalogueIndicator
        {
            Id = command.Code, Current = revised.Definition,
            Revisions = [.. revisions, new IndicatorRevision(revised.Definition, revised.AdministratorId, revised.At)],
        });
        await session.SaveChangesAsync(cancellation);
        return Written.Nothing;
    }

    /// <summary>Values written to a series, with the decision kept for the answer (what was recorded, how many rows a file stored).</summary>
    private async Task<MeasurementsWritten> WriteValuesAsync(IDocumentSession session, Guid seriesId, Func<IndicatorSeries?, DateTimeOffset, Decision> decide,
        CancellationToken cancellation)
    {
        Decision? decision = null;
        var written = await StreamWrite.DecideAsync<IndicatorSeries>(session, seriesId, series => decision = decide(series, clock.GetUtcNow()), SeriesChanged, cancellation);
        return new MeasurementsWritten(written, decision);
    }
}
