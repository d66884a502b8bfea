using Platform.Domain.Monitoring;

namespace Platform.Api.Monitoring;

/// <summary>The network's indicator catalogue: browse by right, type, core and SDG; administrators add and revise.</summary>
public static class CatalogueEndpoints
{
    /// <summary>Indicators, filtered by right code, type (structural/process/outcome), core (true/false) and SDG code or target (11.1 or 11.1.1).</summary>
    [WolverineGet("/api/indicators", OperationId = "listIndicators")]
    public static async Task<IResult> List(string? right, string? type, string? core, string? sdg, IQuerySession session, CancellationToken cancellation)
    {
        var errors = new List<DomainError>();
        IndicatorType? byType = null;
        if (type is not null)
        {
            if (Enum.TryParse<IndicatorType>(type, ignoreCase: true, out var t) && !int.TryParse(type, out _)) byType = t;
            else errors.Add(DomainError.Invalid("type", "The type is structural, process or outcome."));
        }
        bool? byCore = null;
        if (core is not null)
        {
            if (bool.TryParse(core, out var c)) byCore = c;
            else errors.Add(DomainError.Invalid("core", "core is true or false."));
        }
        if (errors.Count > 0) return Problems.Result(errors);

        var all = await IndicatorCatalogue.AllAsync(session, cancellation);
        var found = all.Where(i => right is null || i.Right == right)
            .Where(i => byType is null || i.Type == byType)
            .Where(i => byCore is null || i.Core == byCore)
            .Where(i => sdg is null || i.SdgCodes.Any(s => s == sdg || s.StartsWith(sdg + ".", StringComparison.Ordinal)))
            .ToList();
        return Results.Ok(new { count = found.Count, indicators = found });
    }

    /// <summary>
    /// One indicator in its current revision, with its earlier revisions, and the local variants cities co-created from
    /// it (<c>coCreated</c>: each city's code and the proposal it was adopted from). Its <c>origin</c> says where it came
    /// from: the network's sources (OHCHR, the network, ...) or <c>platform</c> (computed from the platform's records).
    /// </summary>
    [WolverineGet("/api/indicators/{code}", OperationId = "getIndicator")]
    public static async Task<IResult> Get(string code, IQuerySession session, IndicatorProposals.IndicatorProposalReader proposals, CancellationToken cancellation)
    {
        var stored = await session.LoadAsync<CatalogueIndicator>(code, cancellation);
        var current = stored?.Current ?? await IndicatorCatalogue.FindAsync(session, code, cancellation);
        if (current is null) return Problems.NotFound("indicator");
        var revisions = stored?.Revisions ?? new List<IndicatorRevision> { new(current, null, null) };
        return Results.Ok(new { indicator = current, revisions, coCreated = await proposals.VariantsAsync(session, code, cancellation) });
    }

    [WolverinePost("/api/indicators", OperationId = "addIndicator")]
    [Authorize(Policy = Policies.NetworkAdministrator)]
    public static async Task<IResult> Add(IndicatorInput input, ClaimsPrincipal user, IDocumentSession session, MonitoringHandler handler, CancellationToken cancellation)
    {
        var written = await handler.Handle(new AddIndicator(user.AccountId(), input), session, cancellation);
        if (written.IsRefused) return written.Problem;
        var added = (await session.LoadAsync<CatalogueIndicator>(input.Code!.Trim(), cancellation))!.Current;
        return Results.Created($"/api/indicators/{added.Code}", new { indicator = added });
    }

    /// <summary>A new revision (version + 1); fields left out keep their values. Series keep the version each value was recorded under.</summary>
    [WolverinePut("/api/indicators/{code}", OperationId = "reviseIndicator")]
    [Authorize(Policy = Policies.NetworkAdministrator)]
    public static async Task<IResult> Revise(string code, IndicatorInput input, ClaimsPrincipal user, IDocumentSession session, MonitoringHandler handler,
        CancellationToken cancellation)
    {
        var written = await handler.Handle(new ReviseIndicator(code, user.AccountId(), input), session, cancellation);
        if (written.IsRefused) return written.Problem;
        var revised = (await session.LoadAsync<CatalogueIndicator>(code, cancellation))!.Current;
        return Results.Ok(new { indicator = revised });
    }
}
