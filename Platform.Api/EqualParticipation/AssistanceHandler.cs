using Platform.Api.Concerns;
using Platform.Api.Participation;
using Platform.Domain.Concerns;
using Platform.Domain.Consultations;
using Platform.Domain.EqualParticipation;
using Wolverine.Attributes;

namespace Platform.Api.EqualParticipation;

/// <summary>The body of an assisted concern: who it is for, their consent, and the concern as a resident would raise it.</summary>
public sealed record AssistedConcernRequest(AssistedResidentInput? Resident, string? ConsentNote, string? Title, string? Description,
    IReadOnlyList<string>? Rights, IReadOnlyList<string>? SdgTargets, string? District, bool Anonymous = false, IReadOnlyList<string>? Groups = null);

/// <summary>The body of an assisted support: who it is for and their consent.</summary>
public sealed record AssistedSupportRequest(AssistedResidentInput? Resident, string? ConsentNote);

/// <summary>The body of an assisted consultation answer: who it is for, their consent, and their answers.</summary>
public sealed record AssistedResponseRequest(AssistedResidentInput? Resident, string? ConsentNote, IReadOnlyList<AnswerInput?>? Answers);

/// <summary>What an assisted participation recorded: the item, and who it is recorded for (to assist the same resident again: <c>offlineResidentId</c>).</summary>
public sealed record AssistedDetails(Guid ItemId, string ItemKind, bool Changed, Guid? OfflineResidentId);

/// <summary>
/// Assisted participation (docs/participation.md): an official of the city, or an organisation of it, records a
/// concern, a support or a consultation answer on behalf of a resident met offline. Each goes through the item's own
/// rules and writer (the concern's decider and <see cref="StreamWrite"/>, the <see cref="ParticipationHandler"/> for
/// supports and answers: one resident, one voice still holds), with <see cref="ParticipationAssisted"/> appended to the
/// item's stream in the same transaction, and a new offline resident's record stored in it too.
/// </summary>
[WolverineIgnore]
public sealed class AssistanceHandler(ParticipationHandler participation, Pseudonyms pseudonyms, TimeProvider clock)
{
    /// <summary>Deletes the city's offline resident record (the session's tenant is the city); false when there is none.</summary>
    public static async Task<bool> EraseOfflineResidentAsync(Guid id, IDocumentSession session, CancellationToken cancellation)
    {
        if (await session.LoadAsync<OfflineResident>(id, cancellation) is null) return false;
        session.Delete<OfflineResident>(id);
        await session.SaveChangesAsync(cancellation);
        return true;
    }

    /// <summary>The resident a participation is recorded for: its id as a participant, as an author, and what the city's rules need to know.</summary>
    private sealed record Resident(Guid Participant, Guid AccountOrRecord, bool Verified, bool VerifiedEmail, OfflineResident? New);

    public async Task<(AssistedDetails? Done, IReadOnlyList<DomainError> Errors)> RaiseAsync(AssistedConcernRequest request, Guid assistant, string assistedAs,
        IDocumentSession session, CancellationToken cancellation)
    {
        var (resident, errors) = await ResidentAsync(request.Resident, request.ConsentNote, assistant, session, cancellation);
        if (resident is null) return (null, errors);
        var id = Guid.CreateVersion7();
        var raise = new RaiseConcern(id, resident.AccountOrRecord, request.Title, request.Description, request.Rights, request.SdgTargets, request.District,
            request.Anonymous)
        {
            AuthorId = pseudonyms.AuthorOf(resident.AccountOrRecord, request.Anonymous),
            Groups = request.Groups,
        };
        var assist = new AssistParticipation(id, AssistanceRules.Concern, resident.Participant, assistant, assistedAs, request.ConsentNote);
        if (resident.New is { } offline) session.Store(offline);
        var written = await StreamWrite.DecideAsync<Concern>(session, id,
            concern => AssistanceDecider.Decide(assist, ConcernDecider.Decide(raise, concern, clock.GetUtcNow()), clock.GetUtcNow()),
            ConcernHandler.ConcernChanged, cancellation);
        if (written.IsRefused) return (null, written.Errors);
        return (new AssistedDetails(id, AssistanceRules.Concern, true, resident.New?.Id), []);
    }

    public async Task<(AssistedDetails? Done, IReadOnlyList<DomainError> Errors)> SupportAsync(Guid concernId, string city, AssistedSupportRequest request,
        Guid assistant, string assistedAs, IDocumentSession session, CancellationToken cancellation)
    {
        var (resident, errors) = await ResidentAsync(request.Resident, request.ConsentNote, assistant, session, cancellation);
        if (resident is null) return (null, errors);
        var command = new SupportConcern(concernId, resident.Participant) { VerifiedResident = resident.Verified, VerifiedEmail = resident.VerifiedEmail };
        var assist = new AssistParticipation(concernId, AssistanceRules.Support, resident.Participant, assistant, assistedAs, request.ConsentNote);
        var done = await participation.Handle(command, city, Alongside(assist, resident, concernId), cancellation);
        if (done.IsRefused) return (null, done.Errors);
        return (new AssistedDetails(concernId, AssistanceRules.Support, done.Changed, resident.New?.Id), []);
    }

    public async Task<(AssistedDetails? Done, IReadOnlyList<DomainError> Errors)> AnswerAsync(Guid consultationId, string city, AssistedResponseRequest request,
        Guid assistant, string assistedAs, IDocumentSession session, CancellationToken cancellation)
    {
        var (resident, errors) = await ResidentAsync(request.Resident, request.ConsentNote, assistant, session, cancellation);
        if (resident is null) return (null, errors);
        var command = new SubmitConsultationResponse(consultationId, resident.Participant, request.Answers)
            { VerifiedResident = resident.Verified, VerifiedEmail = resident.VerifiedEmail };
        var assist = new AssistParticipation(consultationId, AssistanceRules.Answer, resident.Participant, assistant, assistedAs, request.ConsentNote);
        var done = await participation.Handle(command, city, Alongside(assist, resident, consultationId), cancellation);
        if (done.IsRefused) return (null, done.Errors);
        return (new AssistedDetails(consultationId, AssistanceRules.Answer, done.Changed, resident.New?.Id), []);
    }

    /// <summary>The work in the participation's transaction: the assistance's event on the item's stream, a new offline resident's record.</summary>
    private Func<IDocumentSession, CancellationToken, Task> Alongside(AssistParticipation assist, Resident resident, Guid itemStream) => (session, _) =>
    {
        if (resident.New is { } offline) session.Store(offline);
        session.Events.Append(itemStream, AssistanceDecider.Assisted(assist, clock.GetUtcNow()));
        return Task.CompletedTask;
    };

    /// <summary>
    /// Who the participation is for, checked with the consent note: an account of the city (by email; its pseudonym is
    /// its participant id, its roles say whether it is a verified resident), an offline resident recorded before in
    /// this city, or a new one (a name or initials). An offline resident was met in person by the assisting account:
    /// they count as verified, and have no email to verify.
    /// </summary>
    private async Task<(Resident?, IReadOnlyList<DomainError>)> ResidentAsync(AssistedResidentInput? input, string? consentNote, Guid assistant,
        IDocumentSession session, CancellationToken cancellation)
    {
        var errors = AssistanceDecider.CheckResident(input).ToList();
        if (AssistanceDecider.CheckConsent(consentNote) is { } consent) errors.Add(consent);
        if (errors.Count > 0) return (null, errors);
        var city = session.TenantId;
        if (Check.Optional(input!.Email) is { } email)
        {
            var normalised = AccountRules.NormaliseEmail(email);
            var account = await session.Query<Account>().Where(a => a.Email == normalised).FirstOrDefaultAsync(cancellation);
            if (account is null || !account.Roles.TryGetValue(city, out var roles) || roles.Count == 0)
                return (null, [new DomainError(ErrorKind.NotFound, "resident-not-found", "No account of the city has that email address.", "resident.email")]);
            return (new Resident(pseudonyms.Of(account.Id), account.Id, account.Holds(city, CityRole.VerifiedResident), account.EmailVerifiedAt is not null, null), []);
        }
        if (input.OfflineResidentId is { } id)
        {
            if (await session.LoadAsync<OfflineResident>(id, cancellation) is null)
                return (null, [new DomainError(ErrorKind.NotFound, "offline-resident-not-found", "No offline resident of the city has that id.", "resident.offlineResidentId")]);
            return (new Resident(id, id, true, true, null), []);
        }
        var (created, error) = AssistanceDecider.Offline(Guid.CreateVersion7(), input.Name, assistant, clock.GetUtcNow());
        if (created is null) return (null, [error!]);
        return (new Resident(created.Id, created.Id, true, true, created), []);
    }

    /// <summary>The role the caller assists in: official when they are one of the city's, else organisation.</summary>
    public static string AssistedAs(ClaimsPrincipal user, string city) =>
        user.HoldsRole(city, CityRole.Official) ? AssistanceRules.Official : AssistanceRules.Organisation;
}
