using Platform.Domain.Concerns;

namespace Platform.Domain.Organisations;

/// <summary>
/// The rules of organisations, as pure functions of command, state and time: registration, verification (or its
/// declination, or a later suspension), membership, and concerns raised on behalf of an organisation and a group.
/// Who may verify (the city's officials, a network administrator) is the faces' policy; who acts for an organisation
/// (a member, while it is verified) is decided here.
/// </summary>
public static class OrganisationDecider
{
    private static readonly DomainError NotFound = DomainError.NotFound("organisation");

    public static readonly DomainError NotMember =
        new(ErrorKind.Forbidden, "not-a-member", "Only the organisation's members can do this.");

    public static readonly DomainError NotActing =
        new(ErrorKind.Forbidden, "organisation-not-acting", "Only members of a verified organisation can act for it.");

    /// <summary>Register: a new stream, with the registering account as its first member, waiting for verification.</summary>
    public static Decision Decide(RegisterOrganisation command, Organisation? organisation, DateTimeOffset now)
    {
        if (organisation is not null) return Decision.Refuse(DomainError.Conflict("organisation-exists", "An organisation of that id is registered already."));
        var errors = new List<DomainError>();
        Check.Required(command.Name, "name", OrganisationRules.NameMaxLength, errors);
        if (command.Kind is not { } kind || !OrganisationRules.Kinds.Contains(kind))
            errors.Add(DomainError.Invalid("kind", $"Name the kind of organisation: {string.Join(", ", OrganisationRules.Kinds)}."));
        Check.Required(command.Description, "description", OrganisationRules.DescriptionMaxLength, errors);
        var website = Check.Url(command.Website, "website", OrganisationRules.WebsiteMaxLength, required: false, "",
            "The website must be an http or https address.", errors);
        Check.Codes(command.Groups, "groups", Groups.All.Count, Groups.IsKnown, "is not a group the platform knows", errors);
        if (errors.Count > 0) return Decision.Refuse(errors);

        return Decision.Accept(
            new OrganisationRegistered(command.OrganisationId, command.Name!.Trim(), command.Kind!, command.Description!.Trim(), website,
                (command.Groups ?? []).Distinct(StringComparer.Ordinal).ToArray(), now),
            new OrganisationMemberAdded(command.OrganisationId, command.AccountId, command.MemberName, now));
    }

    /// <summary>The statuses each verification step may start from (pages offer a step only from these).</summary>
    public static readonly IReadOnlyList<OrganisationStatus>
        VerifyFrom = [OrganisationStatus.Pending, OrganisationStatus.Suspended],
        DeclineFrom = [OrganisationStatus.Pending],
        SuspendFrom = [OrganisationStatus.Verified];

    /// <summary>Verify a waiting or suspended organisation; verifying a verified one changes nothing.</summary>
    public static Decision Decide(VerifyOrganisation command, Organisation? organisation, DateTimeOffset now)
    {
        if (organisation is null) return Decision.Refuse(NotFound);
        if (organisation.Status == OrganisationStatus.Verified) return Decision.NoChange;
        if (Refusal(organisation, VerifyFrom, "verified") is { } refused) return refused;
        return Decision.Accept(new OrganisationVerified(organisation.Id, command.VerifierId, now));
    }

    /// <summary>Decline a waiting registration, with a reason; declining it again changes nothing.</summary>
    public static Decision Decide(DeclineOrganisation command, Organisation? organisation, DateTimeOffset now) =>
        Step(organisation, command.Reason, OrganisationStatus.Declined, DeclineFrom, "declined",
            (o, reason) => new OrganisationDeclined(o.Id, command.VerifierId, reason, now));

    /// <summary>Suspend a verified organisation, with a reason; suspending it again changes nothing.</summary>
    public static Decision Decide(SuspendOrganisation command, Organisation? organisation, DateTimeOffset now) =>
        Step(organisation, command.Reason, OrganisationStatus.Suspended, SuspendFrom, "suspended",
            (o, reason) => new OrganisationSuspended(o.Id, command.VerifierId, reason, now));

    /// <summary>A member adds an account (found by its email address); adding a member again changes nothing.</summary>
    public static Decision Decide(AddOrganisationMember command, Organisation? organisation, DateTimeOffset now)
    {
        if (organisation is null) return Decision.Refuse(NotFound);
        if (!organisation.IsMember(command.AccountId)) return Decision.Refuse(NotMember);
        if (string.IsNullOrWhiteSpace(command.Email) || command.Email.Length > 254)
            return Decision.Refuse(DomainError.Invalid("email", "Give the email address of the account to add."));
        if (command.MemberId is not { } member)
            return Decision.Refuse(DomainError.Rule("no-account", "No account has that email address: ask the person to register first.", "email"));
        if (organisation.IsMember(member)) return Decision.NoChange;
        if (organisation.Members.Length >= OrganisationRules.MaxMembers)
            return Decision.Refuse(DomainError.Rule("too-many-members", $"An organisation has at most {OrganisationRules.MaxMembers} members."));
        return Decision.Accept(new OrganisationMemberAdded(organisation.Id, member, command.MemberName, now));
    }

    /// <summary>A member removes a member (or leaves); the last member stays, so that someone can still act for the organisation.</summary>
    public static Decision Decide(RemoveOrganisationMember command, Organisation? organisation, DateTimeOffset now)
    {
        if (organisation is null) return Decision.Refuse(NotFound);
        if (!organisation.IsMember(command.AccountId)) return Decision.Refuse(NotMember);
        if (!organisation.IsMember(command.MemberId)) return Decision.NoChange;
        if (organisation.Members.Length == 1)
            return Decision.Refuse(DomainError.Rule("last-member", "The organisation's last member cannot be removed."));
        return Decision.Accept(new OrganisationMemberRemoved(organisation.Id, command.MemberId, now));
    }

    /// <summary>
    /// A member of a verified organisation raises a concern on its behalf, for one of the groups it speaks for: the
    /// concern's own rules decide its raising (<see cref="ConcernDecider"/>), and <see cref="ConcernRaisedOnBehalf"/> follows
    /// its <see cref="ConcernRaised"/> in the concern's stream.
    /// </summary>
    public static Decision Decide(RaiseConcernOnBehalf command, Organisation? organisation, Concern? concern, DateTimeOffset now)
    {
        if (organisation is null) return Decision.Refuse(NotFound);
        if (!organisation.ActsFor(command.Concern.AccountId)) return Decision.Refuse(NotActing);
        var errors = new List<DomainError>();
        if (command.Group is not { } group || !organisation.Groups.Contains(group))
            errors.Add(DomainError.Invalid("group", organisation.Groups.Length == 0
                ? "The organisation speaks for no group: add the groups it speaks for first."
                : $"Name one of the groups the organisation speaks for: {string.Join(", ", organisation.Groups)}."));
        var raised = ConcernDecider.Decide(command.Concern with { Anonymous = false }, concern, now);
        if (raised.IsRefused || errors.Count > 0) return Decision.Refuse([.. raised.Errors, .. errors]);
        return Decision.Accept([.. raised.Events, new ConcernRaisedOnBehalf(command.Concern.ConcernId, organisation.Id, command.Group!, now)]);
    }

    /// <summary>A verification step that says why and ends in <paramref name="to"/> (a repeat changes nothing).</summary>
    private static Decision Step(Organisation? organisation, string? reason, OrganisationStatus to, IReadOnlyList<OrganisationStatus> from, string past,
        Func<Organisation, string, object> happened)
    {
        if (organisation is null) return Decision.Refuse(NotFound);
        if (Check.RequiredError(reason, "reason", OrganisationRules.ReasonMaxLength) is { } invalid) return Decision.Refuse(invalid);
        if (organisation.Status == to) return Decision.NoChange;
        if (Refusal(organisation, from, past) is { } refused) return refused;
        return Decision.Accept(happened(organisation, reason!.Trim()));
    }

    private static Decision? Refusal(Organisation organisation, IReadOnlyList<OrganisationStatus> from, string past)
    {
        if (from.Contains(organisation.Status)) return null;
        var status = organisation.Status.ToString().ToLowerInvariant();
        return Decision.Refuse(DomainError.Conflict($"organisation-{status}", $"An organisation that is {status} cannot be {past}."));
    }
}
