using Platform.Api.Web.PageCache;
using Platform.Domain.EqualParticipation;
using Wolverine.Attributes;

namespace Platform.Api.EqualParticipation;

/// <summary>The body of <c>PUT /api/accounts/me/profile</c>: the person's consent and their answers (each optional).</summary>
public sealed record ProfileRequest(bool? Consent, string? AgeBand, string? Gender, bool? Disability, bool? MigrantBackground, string? District);

/// <summary>A person's participation profile as they see it (no one else ever does): <paramref name="Given"/> is false when there is none.</summary>
public sealed record ProfileDetails(bool Given, string? AgeBand, string? Gender, bool? Disability, bool? MigrantBackground, string? District,
    DateTimeOffset? ConsentedAt)
{
    public static readonly ProfileDetails None = new(false, null, null, null, null, null, null);

    public static ProfileDetails Of(ParticipationProfile? profile) => profile is null
        ? None
        : new(true, profile.AgeBand, profile.Gender, profile.Disability, profile.MigrantBackground, profile.District, profile.ConsentedAt);
}

/// <summary>
/// The participation profile's reads and writes, for both faces (the API and the account's profile page). The profile
/// is one network-wide document under the person's pseudonym (<see cref="ParticipationProfile"/>): saving replaces it,
/// withdrawing deletes it. Either drops the cached pages of the cities the profile counts in (<see cref="CitiesOfAsync"/>).
/// </summary>
[WolverineIgnore] // called directly by the faces, not a message handler
public sealed class ProfileHandler(IDocumentStore store, Pseudonyms pseudonyms, TimeProvider clock, PageChanges pages)
{
    public async Task<ProfileDetails> ReadAsync(Guid accountId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return ProfileDetails.Of(await session.LoadAsync<ParticipationProfile>(pseudonyms.Of(accountId), cancellation));
    }

    /// <summary>Stores the profile (with consent only); answers it, or the errors naming the fields at fault (nothing stored).</summary>
    public async Task<(ProfileDetails? Profile, IReadOnlyList<DomainError> Errors)> SaveAsync(Guid accountId, ProfileRequest request, CancellationToken cancellation)
    {
        var command = new SaveProfile(pseudonyms.Of(accountId), request.Consent, request.AgeBand, request.Gender, request.Disability,
            request.MigrantBackground, request.District);
        var (profile, errors) = ProfileDecider.Decide(command, clock.GetUtcNow());
        if (profile is null) return (null, errors);
        await using var session = store.LightweightSession();
        var cities = await CitiesOfAsync(session, accountId, cancellation);
        session.Store(profile);
        await session.SaveChangesAsync(cancellation);
        pages.Changed(cities);
        return (ProfileDetails.Of(profile), []);
    }

    /// <summary>Withdraws every answer: the document is deleted (idempotent).</summary>
    public async Task WithdrawAsync(Guid accountId, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var cities = await CitiesOfAsync(session, accountId, cancellation);
        session.Delete<ParticipationProfile>(pseudonyms.Of(accountId));
        await session.SaveChangesAsync(cancellation);
        pages.Changed(cities);
    }

    /// <summary>
    /// The page scopes of the cities a person's profile counts in: the participation figures count the people who raised,
    /// supported, voted or answered in a city, which takes a role there (<see cref="Policies.Resident"/>), and a role
    /// withdrawn later leaves its city among the account's roles (<see cref="Account.Revoke"/> empties the city's list, and
    /// nothing removes the city). So the cities of the account's roles hold every city the profile counts in: read with
    /// the account, by its id, and no other city's pages are dropped.
    /// </summary>
    private static async Task<IReadOnlyCollection<string>> CitiesOfAsync(IQuerySession session, Guid accountId, CancellationToken cancellation) =>
        await session.LoadAsync<Account>(accountId, cancellation) is { } account ? [.. account.Roles.Keys.Select(PageScopes.City)] : [];
}
