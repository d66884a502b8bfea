using Platform.Domain.Organisations;

namespace Platform.Projections.Organisations;

/// <summary>The view of an organisation, kept by an inline projection of its stream.</summary>
public sealed class OrganisationView
{
    public Guid Id { get; set; }
    /// <summary>The city (the stream's tenant), for reads across cities: a person's data export.</summary>
    public string City { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>One of <see cref="OrganisationRules.Kinds"/>.</summary>
    public string Kind { get; set; } = "";
    public string Description { get; set; } = "";
    public string? Website { get; set; }
    public string[] Groups { get; set; } = [];
    public OrganisationStatus Status { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    /// <summary>Why the registration was declined or the organisation suspended (public, as the step itself).</summary>
    public string? StatusReason { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The accounts that act for it now (shown to its members and to the council only).</summary>
    public List<OrganisationMemberView> Members { get; set; } = [];
    /// <summary>Every step, oldest first.</summary>
    public List<OrganisationHistoryEntry> History { get; set; } = [];
    public long Sequence { get; set; }
}

public sealed record OrganisationMemberView(Guid AccountId, string Name, DateTimeOffset Since);

/// <summary>
/// One step of an organisation's history: <paramref name="Event"/> (registered, verified, declined, suspended,
/// member-added, member-removed), and <paramref name="Details"/>: the reason of a step, or the member's name (a member
/// step's name is shown to the organisation's members and the council only).
/// </summary>
public sealed record OrganisationHistoryEntry(DateTimeOffset At, string Event, string? Details, Guid? Member = null);

/// <summary>Inline projection of an Organisation stream into <see cref="OrganisationView"/>.</summary>
public sealed class OrganisationViewProjection : SingleStreamProjection<OrganisationView, Guid>
{
    public static OrganisationView Create(IEvent<OrganisationRegistered> e) => new()
    {
        Id = e.Data.OrganisationId,
        City = e.TenantId,
        Name = e.Data.Name,
        Kind = e.Data.Kind,
        Description = e.Data.Description,
        Website = e.Data.Website,
        Groups = e.Data.Groups,
        Status = OrganisationStatus.Pending,
        RegisteredAt = e.Data.RegisteredAt,
        UpdatedAt = e.Data.RegisteredAt,
        History = [new(e.Data.RegisteredAt, "registered", null)],
        Sequence = e.Sequence,
    };

    public static void Apply(IEvent<OrganisationMemberAdded> e, OrganisationView view)
    {
        var member = e.Data.AccountId;
        if (member != Guid.Empty && view.Members.All(m => m.AccountId != member))
            view.Members.Add(new OrganisationMemberView(member, e.Data.Name, e.Data.AddedAt));
        Step(view, e, e.Data.AddedAt, "member-added", e.Data.Name, member);
    }

    public static void Apply(IEvent<OrganisationMemberRemoved> e, OrganisationView view)
    {
        var removed = view.Members.FirstOrDefault(m => m.AccountId == e.Data.AccountId);
        view.Members.RemoveAll(m => m.AccountId == e.Data.AccountId);
        Step(view, e, e.Data.RemovedAt, "member-removed", removed?.Name ?? OrganisationRules.ErasedMemberName, e.Data.AccountId);
    }

    public static void Apply(IEvent<OrganisationVerified> e, OrganisationView view)
    {
        view.Status = OrganisationStatus.Verified;
        view.VerifiedAt = e.Data.VerifiedAt;
        view.StatusReason = null;
        Step(view, e, e.Data.VerifiedAt, "verified", null);
    }

    public static void Apply(IEvent<OrganisationDeclined> e, OrganisationView view)
    {
        view.Status = OrganisationStatus.Declined;
        view.StatusReason = e.Data.Reason;
        Step(view, e, e.Data.DeclinedAt, "declined", e.Data.Reason);
    }

    public static void Apply(IEvent<OrganisationSuspended> e, OrganisationView view)
    {
        view.Status = OrganisationStatus.Suspended;
        view.StatusReason = e.Data.Reason;
        Step(view, e, e.Data.SuspendedAt, "suspended", e.Data.Reason);
    }

    private static void Step(OrganisationView view, IEvent e, DateTimeOffset at, string what, string? details, Guid? member = null)
    {
        view.History.Add(new OrganisationHistoryEntry(at, what, details, member == Guid.Empty ? null : member));
        view.UpdatedAt = at;
        view.Sequence = e.Sequence;
    }
}
