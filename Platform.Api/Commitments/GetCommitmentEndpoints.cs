using Marten;
using Platform.Api.Concerns;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Commitments;
using Platform.Domain.Reference;
using Wolverine.Http;

namespace Platform.Api.Commitments;

/// <summary>Reads of a city's commitments: public, as accountability requires.</summary>
public static class GetCommitmentEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>One commitment with its status, progress (rolled up from sub-commitments), full timeline and version.</summary>
    [WolverineGet("/api/cities/{city}/commitments/{id}", OperationId = "getCommitment")]
    public static async Task<IResult> Get(Guid id, string city, IQuerySession session, CommitmentReader reader, CancellationToken cancellation)
    {
        var commitment = await reader.LoadAsync(session, city, id, cancellation);
        return commitment is null ? Problems.NotFound("commitment") : Results.Ok(commitment);
    }

    /// <summary>
    /// The city's commitments, newest first, filtered by <c>status</c> (onTrack, atRisk, overdue, fulfilled,
    /// abandoned), <c>right</c>, <c>sdgTarget</c>, <c>department</c> (any case), <c>origin</c> ("kind:id" or
    /// "id") and <c>parent</c> (sub-commitments of one); <c>page</c> from 1, <c>pageSize</c> up to 100.
    /// Timelines are left out of lists.
    /// </summary>
    [WolverineGet("/api/cities/{city}/commitments", OperationId = "listCommitments")]
    public static async Task<IResult> List(string city, string? status, string? right, string? sdgTarget, string? department, string? origin,
        Guid? parent, int? page, int? pageSize, IQuerySession session, CommitmentReader reader, CancellationToken cancellation)
    {
        var errors = new List<DomainError>();
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        Paging.Check(number, size, MaxPageSize, errors);
        CommitmentStatus? parsedStatus = null;
        if (status is not null)
        {
            if (Enum.TryParse<CommitmentStatus>(status, ignoreCase: true, out var s) && !int.TryParse(status, out _)) parsedStatus = s;
            else errors.Add(DomainError.Invalid("status", $"'{status}' is not a status (onTrack, atRisk, overdue, fulfilled, abandoned)."));
        }
        if (right is not null && !ReferenceCatalogue.Default.IsRight(right)) errors.Add(DomainError.Invalid("right", $"'{right}' is not a right of the catalogue."));
        if (sdgTarget is not null && !ReferenceCatalogue.Default.IsSdgTarget(sdgTarget)) errors.Add(DomainError.Invalid("sdgTarget", $"'{sdgTarget}' is not a known SDG target."));
        if (department is { Length: > CommitmentRules.DepartmentMaxLength }) errors.Add(DomainError.Invalid("department", "The department is too long."));
        string? originKey = null;
        if (origin is not null)
        {
            originKey = OriginKey(origin);
            if (originKey is null) errors.Add(DomainError.Invalid("origin", "Give the origin as 'kind:id' (concern, proposal, consultation, townHall, recommendation) or as an id."));
        }
        if (errors.Count > 0) return Problems.Result(errors);

        var query = new CommitmentQuery(parsedStatus, right, sdgTarget, string.IsNullOrWhiteSpace(department) ? null : department.Trim().ToLowerInvariant(),
            originKey, parent, number, size);
        var (items, total) = await reader.ListAsync(session, city, query, cancellation);
        return Results.Ok(new Paged<CommitmentDetails>(items, number, size, total));
    }

    private static string? OriginKey(string origin)
    {
        var parts = origin.Trim().Split(':');
        if (parts is [var id]) return Guid.TryParse(id, out var g) ? g.ToString() : null;
        if (parts is not [var kind, var value] || !Guid.TryParse(value, out var guid)) return null;
        if (!Enum.TryParse<OriginKind>(kind, ignoreCase: true, out var k) || int.TryParse(kind, out _)) return null;
        return $"{Platform.Projections.Commitments.CommitmentViewProjection.Kind(k)}:{guid}";
    }
}
