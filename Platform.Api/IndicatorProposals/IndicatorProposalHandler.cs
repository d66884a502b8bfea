using Platform.Api.Monitoring;
using Platform.Domain.IndicatorProposals;
using Platform.Domain.Monitoring;
using Platform.Projections.Consultations;
using Platform.Projections.IndicatorProposals;
using Wolverine.Attributes;

namespace Platform.Api.IndicatorProposals;

/// <summary>
/// The writes of proposed indicators, for both faces: each is decided on the proposal's stream in the session's city
/// through <see cref="StreamWrite"/>, with what the caller cannot know added first (whether the city, the catalogue
/// indicator of a variant, the consultation exist). An adoption also adopts the city's series, on its own stream, in
/// the same transaction: both happen or neither. Supports go through the participation writer.
/// </summary>
[WolverineIgnore] // called directly by the faces, not a message handler
public sealed class IndicatorProposalHandler(CityDirectory cities, TimeProvider clock)
{
    /// <summary>Another decision on the proposal came first.</summary>
    public static readonly DomainError ProposalChanged =
        DomainError.Conflict("indicator-proposal-changed", "The proposal changed meanwhile; reload it and try again.");

    public async Task<Written> Handle(ProposeIndicator command, IDocumentSession session, CancellationToken cancellation)
    {
        if (await cities.FindAsync(session.TenantId, cancellation) is null) return new Written([DomainError.NotFound("city")], null);
        var variant = Check.Optional(command.Input.VariantOf);
        command = command with
        {
            VariantKnown = variant is null
                           || variant.Length <= MonitoringRules.CodeMaxLength && !PlatformIndicators.IsComputed(variant)
                           && await IndicatorCatalogue.FindAsync(session, variant, cancellation) is not null,
        };
        return await StreamWrite.DecideAsync<IndicatorProposal>(session, command.ProposalId,
            proposal => IndicatorProposalDecider.Decide(command, proposal, clock.GetUtcNow()), ProposalChanged, cancellation);
    }

    public async Task<Written> Handle(PutIndicatorProposalToConsultation command, IDocumentSession session, CancellationToken cancellation)
    {
        command = command with
        {
            ConsultationKnown = command.ConsultationId is { } id && await session.LoadAsync<ConsultationView>(id, cancellation) is not null,
        };
        return await StreamWrite.DecideAsync<IndicatorProposal>(session, command.ProposalId,
            proposal => IndicatorProposalDecider.Decide(command, proposal, clock.GetUtcNow()), ProposalChanged, cancellation);
    }

    /// <summary>
    /// Adopts the proposal as series <c>request.Code</c> of the city: a catalogue code adopts that indicator, any other a
    /// local one defined from the proposal (name, right, type, unit) and the request (how values are checked). The series
    /// names the proposal, and the consultation it was put to, as its origin. Errors of the series' adoption name the
    /// request's fields.
    /// </summary>
    public async Task<Written> Handle(Guid proposalId, Guid officialId, AdoptIndicatorProposalRequest request, IDocumentSession session,
        CancellationToken cancellation)
    {
        var view = await session.LoadAsync<IndicatorProposalView>(proposalId, cancellation);
        var code = request.Code?.Trim() ?? "";
        var catalogued = code.Length is > 0 and <= MonitoringRules.CodeMaxLength ? await IndicatorCatalogue.FindAsync(session, code, cancellation) : null;
        var adoption = new AdoptIndicator(SeriesStream.Id(session.TenantId, code), officialId, request.Code, request.Baseline, request.Target,
            request.TargetYear, request.Department, view?.ConsultationId,
            catalogued is not null || view is null ? null : new LocalIndicatorInput(view.Name, view.Right, view.Type.ToString(), view.Unit,
                request.UnitKind, request.RateBase, request.Direction, request.DataSource, request.Disaggregations))
        {
            Catalogued = catalogued,
            Proposal = view is null ? null : new IndicatorOrigin(view.Id, view.By),
        };
        var command = new AdoptIndicatorProposal(proposalId, officialId, adoption);
        var now = clock.GetUtcNow();
        return await StreamWrite.DecideAsync<IndicatorProposal>(session, proposalId, proposal => IndicatorProposalDecider.Decide(command, proposal, now),
            ProposalChanged, async _ =>
            {
                var series = await session.Events.FetchForWriting<IndicatorSeries>(adoption.SeriesId, cancellation);
                var adopted = IndicatorSeriesDecider.Decide(adoption, series.Aggregate, now);
                if (adopted.IsRefused) return adopted.Errors.Select(RequestField).ToList();
                series.AppendMany(adopted.Events);
                return [];
            }, cancellation);
    }

    public Task<Written> Handle(DeclineIndicatorProposal command, IDocumentSession session, CancellationToken cancellation) =>
        StreamWrite.DecideAsync<IndicatorProposal>(session, command.ProposalId,
            proposal => IndicatorProposalDecider.Decide(command, proposal, clock.GetUtcNow()), ProposalChanged, cancellation);

    /// <summary>Who a proposal of <paramref name="user"/> in <paramref name="city"/> is by: an organisation when they act for one there.</summary>
    public static ProposedBy ProposerOf(ClaimsPrincipal user, string city) =>
        user.HoldsRole(city, CityRole.Organisation) ? ProposedBy.Organisation : ProposedBy.Resident;

    /// <summary>A local definition's fields are the request's own (<c>local.unitKind</c> is <c>unitKind</c>; its source kind is <c>dataSource</c>).</summary>
    private static DomainError RequestField(DomainError error) => error.Field switch
    {
        "local.source" => error with { Field = "dataSource" },
        { } field when field.StartsWith("local.", StringComparison.Ordinal) => error with { Field = field["local.".Length..] },
        _ => error,
    };
}
