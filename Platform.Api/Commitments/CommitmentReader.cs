using Platform.Domain.Reference;
using Platform.Domain.Commitments;
using Platform.Projections.Commitments;

namespace Platform.Api.Commitments;

/// <summary>
/// Reads commitment views and derives what depends on the clock (status) and on sub-commitments
/// (roll-up): one document load plus one query for the children. Used by the HTTP endpoints and the
/// live hub alike.
/// </summary>
public sealed class CommitmentReader(TimeProvider clock)
{
    /// <summary>The "commitment" live view: the same body as <c>GET .../commitments/{id}</c>.</summary>
    public async Task<LiveView?> LiveAsync(IQuerySession session, string city, Guid id, CancellationToken cancellation) =>
        await LoadAsync(session, city, id, cancellation) is { } c ? new LiveView(Platform.Projections.Commitments.CommitmentLiveRoute.View, city, id, c.Version, c) : null;

    public async Task<CommitmentDetails?> LoadAsync(IQuerySession session, string city, Guid id, CancellationToken cancellation)
    {
        var view = await session.LoadAsync<CommitmentView>(id, cancellation);
        if (view is null) return null;
        var children = await session.Query<CommitmentView>().Where(c => c.ParentId == id).OrderBy(c => c.PublishedAt).ToListAsync(cancellation);
        return Details(city, view, children, clock.GetUtcNow(), withTimeline: true);
    }

    /// <summary>
    /// The filtered list, newest first. Filters on stored fields run in the database; the status depends on
    /// the clock and the roll-up, so it is derived here for the matching commitments before paging.
    /// </summary>
    public async Task<(IReadOnlyList<CommitmentDetails> Items, long Total)> ListAsync(IQuerySession session, string city, CommitmentQuery query, CancellationToken cancellation)
    {
        IQueryable<CommitmentView> views = session.Query<CommitmentView>();
        if (query.Right is { } right) views = views.Where(c => c.Rights.Contains(right));
        if (query.SdgTarget is { } target) views = views.Where(c => c.SdgTargets.Contains(target));
        if (query.Department is { } department) views = views.Where(c => c.DepartmentKey == department);
        if (query.Origin is { } origin) views = views.Where(c => c.OriginKeys.Contains(origin));
        if (query.Parent is { } parent) views = views.Where(c => c.ParentId == parent);
        var matching = await views.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id).ToListAsync(cancellation);

        var ids = matching.Select(c => c.Id).ToArray();
        IReadOnlyList<CommitmentView> childViews = ids.Length == 0
            ? []
            : await session.Query<CommitmentView>().Where(c => c.ParentId != null && ids.Contains(c.ParentId.Value)).ToListAsync(cancellation);
        var children = childViews.ToLookup(c => c.ParentId!.Value);
        var now = clock.GetUtcNow();
        var all = matching.Select(v => Details(city, v, children[v.Id].ToList(), now, withTimeline: false));
        if (query.Status is { } status) all = all.Where(c => c.Status == status);
        var list = all.ToList();
        return (list.Skip(Paging.Offset(query.Page, query.PageSize)).Take(query.PageSize).ToList(), list.Count);
    }

    /// <summary>A page of the filtered list (<see cref="ListAsync"/>), as the API answers it.</summary>
    public async Task<Paged<CommitmentDetails>> PageAsync(IQuerySession session, string city, CommitmentQuery query, CancellationToken cancellation)
    {
        var (items, total) = await ListAsync(session, city, query, cancellation);
        return new Paged<CommitmentDetails>(items, query.Page, query.PageSize, total);
    }

    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>
    /// The list's filters and page as a caller gives them, checked: <c>status</c> (onTrack, atRisk, overdue, fulfilled,
    /// abandoned), <c>right</c>, <c>sdgTarget</c>, <c>department</c> (any case), <c>origin</c> ("kind:id" or "id"),
    /// <c>parent</c>, <c>page</c> from 1, <c>pageSize</c> up to <see cref="MaxPageSize"/>. What is wrong is in <paramref name="errors"/>.
    /// </summary>
    public static CommitmentQuery Query(string? status, string? right, string? sdgTarget, string? department, string? origin,
        Guid? parent, int? page, int? pageSize, out List<DomainError> errors)
    {
        errors = [];
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
        return new CommitmentQuery(parsedStatus, right, sdgTarget, string.IsNullOrWhiteSpace(department) ? null : department.Trim().ToLowerInvariant(),
            originKey, parent, number, size);
    }

    private static string? OriginKey(string origin)
    {
        var parts = origin.Trim().Split(':');
        if (parts is [var id]) return Guid.TryParse(id, out var g) ? g.ToString() : null;
        if (parts is not [var kind, var value] || !Guid.TryParse(value, out var guid)) return null;
        if (!Enum.TryParse<OriginKind>(kind, ignoreCase: true, out var k) || int.TryParse(kind, out _)) return null;
        return $"{CommitmentViewProjection.Kind(k)}:{guid}";
    }

    public static CommitmentDetails Details(string city, CommitmentView v, IReadOnlyList<CommitmentView> children, DateTimeOffset now, bool withTimeline)
    {
        var rolledUp = CommitmentProgress.RollUp(children.Select(c => new ChildProgress(c.ReportedPercent, c.Weight, c.Phase)));
        var progress = v.Phase == CommitmentPhase.Fulfilled ? 100 : rolledUp ?? v.ReportedPercent;
        var total = (v.DueAt - v.PublishedAt).TotalSeconds;
        var elapsed = total <= 0 ? 100 : (int)Math.Round(Math.Clamp((now - v.PublishedAt).TotalSeconds / total, 0, 1) * 100);
        var subs = children.Select(c => new SubCommitment(c.Id, c.Title, c.Weight, c.Phase == CommitmentPhase.Fulfilled ? 100 : c.ReportedPercent,
            CommitmentProgress.StatusOf(c.Phase, c.OverdueRecorded, c.ReportedPercent, c.PublishedAt, c.DueAt, now))).ToArray();
        return new CommitmentDetails(
            v.Id, city, v.ParentId, v.Weight, v.Title, v.Description, v.Rights, v.SdgTargets, v.IndicatorCodes, v.Department,
            v.DueDate, v.DueAt, v.OriginalDueDate, v.Budget,
            v.Origins.Select(o => Link(city, o)).ToArray(),
            CommitmentProgress.StatusOf(v.Phase, v.OverdueRecorded, progress, v.PublishedAt, v.DueAt, now),
            v.Phase, progress, v.ReportedPercent, rolledUp is not null, elapsed, subs,
            v.Milestones.ToArray(), v.DeadlineChanges.ToArray(), v.OverdueSince,
            v.FulfilmentEvidenceUrl, v.FulfilledAt, v.AbandonReason, v.AbandonedAt, v.PublishedAt, v.UpdatedAt,
            withTimeline ? v.Timeline.ToArray() : null,
            children.Select(c => c.Sequence).DefaultIfEmpty(0).Max() is var childMax && childMax > v.Sequence ? childMax : v.Sequence);
    }

    private static OriginLink Link(string city, CommitmentOrigin origin)
    {
        var kind = CommitmentViewProjection.Kind(origin.Kind);
        var collection = origin.Kind switch
        {
            OriginKind.Concern => "concerns",
            OriginKind.Proposal => "proposals",
            OriginKind.Consultation => "consultations",
            OriginKind.TownHall => "town-halls",
            _ => "recommendations",
        };
        return new OriginLink(kind, origin.Id, $"/api/cities/{city}/{collection}/{origin.Id}");
    }
}

/// <summary>Filters and page of a commitment list. <paramref name="Department"/> is lower case; <paramref name="Origin"/> is "kind:id" or "id".</summary>
public sealed record CommitmentQuery(
    CommitmentStatus? Status = null,
    string? Right = null,
    string? SdgTarget = null,
    string? Department = null,
    string? Origin = null,
    Guid? Parent = null,
    int Page = 1,
    int PageSize = 20);
