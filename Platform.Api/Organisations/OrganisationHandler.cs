using Platform.Domain.Concerns;
using Platform.Domain.Monitoring;
using Platform.Domain.Organisations;
using Platform.Projections.Commitments;
using Platform.Projections.Organisations;
using Wolverine.Attributes;

namespace Platform.Api.Organisations;

/// <summary>
/// The organisations feature's writes, for both faces: each command is decided on its stream in the session's city
/// through <see cref="StreamWrite"/>, with what only the server knows added first (a member's display name, the account
/// an email address names, the city's indicators and commitments a shadow report may link to). After a write of an
/// organisation, its members' <see cref="CityRole.Organisation"/> follows it: granted while it is verified, withdrawn
/// when it is suspended or they leave it (through <see cref="RoleEndpoints.SetRoleAsync"/>, as every role change).
/// </summary>
[WolverineIgnore] // called directly by the faces, not a message handler
public sealed class OrganisationHandler(IDocumentStore store, AccountDirectory accounts, TimeProvider clock)
{
    public static readonly DomainError OrganisationChanged =
        DomainError.Conflict("organisation-changed", "The organisation changed meanwhile; reload it and try again.");

    public static readonly DomainError ShadowReportChanged =
        DomainError.Conflict("shadow-report-changed", "The shadow report changed meanwhile; reload it and try again.");

    public async Task<Written> Handle(RegisterOrganisation command, IDocumentSession session, CancellationToken cancellation)
    {
        var name = (await accounts.FindAsync(command.AccountId, cancellation))?.DisplayName ?? "";
        return await OrganisationAsync(command with { MemberName = name }, command.OrganisationId, OrganisationDecider.Decide, session, cancellation);
    }

    public Task<Written> Handle(VerifyOrganisation command, IDocumentSession session, CancellationToken cancellation) =>
        OrganisationAsync(command, command.OrganisationId, OrganisationDecider.Decide, session, cancellation);

    public Task<Written> Handle(DeclineOrganisation command, IDocumentSession session, CancellationToken cancellation) =>
        OrganisationAsync(command, command.OrganisationId, OrganisationDecider.Decide, session, cancellation);

    public Task<Written> Handle(SuspendOrganisation command, IDocumentSession session, CancellationToken cancellation) =>
        OrganisationAsync(command, command.OrganisationId, OrganisationDecider.Decide, session, cancellation);

    /// <summary>The email address is looked up among the network's accounts (compared as every email is: trimmed, lower-cased).</summary>
    public async Task<Written> Handle(AddOrganisationMember command, IDocumentSession session, CancellationToken cancellation)
    {
        Account? member = null;
        if (!string.IsNullOrWhiteSpace(command.Email) && command.Email.Length <= 254)
        {
            var email = AccountRules.NormaliseEmail(command.Email);
            await using var query = store.QuerySession();
            member = await query.Query<Account>().FirstOrDefaultAsync(a => a.Email == email, cancellation);
        }
        return await OrganisationAsync(command with { MemberId = member?.Id, MemberName = member?.DisplayName ?? "" }, command.OrganisationId,
            OrganisationDecider.Decide, session, cancellation);
    }

    public Task<Written> Handle(RemoveOrganisationMember command, IDocumentSession session, CancellationToken cancellation) =>
        OrganisationAsync(command, command.OrganisationId, OrganisationDecider.Decide, session, cancellation, command.MemberId);

    /// <summary>The concern's stream starts with its <see cref="ConcernRaised"/> and <see cref="ConcernRaisedOnBehalf"/>, in one append.</summary>
    public async Task<Written> Handle(RaiseConcernOnBehalf command, IDocumentSession session, CancellationToken cancellation)
    {
        var organisation = await session.LoadAsync<Organisation>(command.OrganisationId, cancellation);
        return await StreamWrite.DecideAsync<Concern>(session, command.Concern.ConcernId,
            concern => OrganisationDecider.Decide(command, organisation, concern, clock.GetUtcNow()), Concerns.ConcernHandler.ConcernChanged, cancellation);
    }

    public async Task<Written> Handle(PublishShadowReport command, IDocumentSession session, CancellationToken cancellation)
    {
        var organisation = await session.LoadAsync<Organisation>(command.OrganisationId, cancellation);
        var context = await ContextAsync(session, cancellation);
        return await StreamWrite.DecideAsync<ShadowReport>(session, command.ReportId,
            report => ShadowReportDecider.Decide(command with { Context = context }, organisation, report, clock.GetUtcNow()), ShadowReportChanged, cancellation);
    }

    public async Task<Written> Handle(CorrectShadowReport command, IDocumentSession session, CancellationToken cancellation)
    {
        var published = await session.LoadAsync<ShadowReport>(command.ReportId, cancellation);
        var organisation = published is null ? null : await session.LoadAsync<Organisation>(published.OrganisationId, cancellation);
        var context = await ContextAsync(session, cancellation);
        return await StreamWrite.DecideAsync<ShadowReport>(session, command.ReportId,
            report => ShadowReportDecider.Decide(command with { Context = context }, organisation, report, clock.GetUtcNow()), ShadowReportChanged, cancellation);
    }

    public Task<Written> Handle(HideShadowReport command, IDocumentSession session, CancellationToken cancellation) =>
        StreamWrite.DecideAsync<ShadowReport>(session, command.ReportId, report => ShadowReportDecider.Decide(command, report, clock.GetUtcNow()),
            ShadowReportChanged, cancellation);

    public Task<Written> Handle(RestoreShadowReport command, IDocumentSession session, CancellationToken cancellation) =>
        StreamWrite.DecideAsync<ShadowReport>(session, command.ReportId, report => ShadowReportDecider.Decide(command, report, clock.GetUtcNow()),
            ShadowReportChanged, cancellation);

    /// <summary>What a shadow report of this city may link to, and the years it may comment on.</summary>
    private async Task<ShadowReportContext> ContextAsync(IDocumentSession session, CancellationToken cancellation)
    {
        var codes = await session.Query<IndicatorSeries>().Select(s => s.Code).ToListAsync(cancellation);
        var commitments = await session.Query<CommitmentView>().Select(c => c.Id).ToListAsync(cancellation);
        return new ShadowReportContext(codes.ToHashSet(StringComparer.Ordinal), commitments.ToHashSet(), Reports.CityReportReader.FirstYear,
            clock.GetUtcNow().Year);
    }

    /// <summary>
    /// Decides on the organisation's stream; then (also after a repeat, which so repairs a role change an interrupted
    /// earlier attempt left out) the members of a verified organisation hold the city's organisation role, and the members
    /// of a suspended one and a member just <paramref name="removed"/> lose it unless they act for another verified
    /// organisation of the city. A registration or a declination changes no role: a waiting organisation's members never
    /// held it through it (and a role an administrator granted otherwise stays).
    /// </summary>
    private async Task<Written> OrganisationAsync<TCommand>(TCommand command, Guid id, Func<TCommand, Organisation?, DateTimeOffset, Decision> decide,
        IDocumentSession session, CancellationToken cancellation, Guid? removed = null)
    {
        var written = await StreamWrite.DecideAsync<Organisation>(session, id, organisation => decide(command, organisation, clock.GetUtcNow()),
            OrganisationChanged, cancellation);
        if (written.IsRefused) return written;
        var city = session.TenantId;
        var organisations = await session.Query<OrganisationView>().ToListAsync(cancellation);
        var organisation = organisations.Single(o => o.Id == id);
        var members = organisation.Members.Select(m => m.AccountId).ToList();
        var acting = organisations.Where(o => o.Status == OrganisationStatus.Verified).SelectMany(o => o.Members.Select(m => m.AccountId)).ToHashSet();
        var grant = organisation.Status == OrganisationStatus.Verified ? members : [];
        var withdraw = (organisation.Status == OrganisationStatus.Suspended ? members : []).Concat(removed is { } gone ? new[] { gone } : [])
            .Where(account => !acting.Contains(account));
        await using var query = store.QuerySession();
        foreach (var (account, held) in grant.Select(a => (a, true)).Concat(withdraw.Select(a => (a, false))))
        {
            if (await query.LoadAsync<Account>(account, cancellation) is { } found && found.Holds(city, CityRole.Organisation) != held)
                await RoleEndpoints.SetRoleAsync(account, city, CityRole.Organisation, held, store, accounts, cancellation);
        }
        return written;
    }
}
