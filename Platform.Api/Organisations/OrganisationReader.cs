using Platform.Domain.Organisations;
using Platform.Projections.Organisations;

namespace Platform.Api.Organisations;

/// <summary>
/// Reads organisations and shadow reports for both faces. A city has a handful of organisations: lists read the
/// city's views whole and filter them here. Who sees what:
/// <list type="bullet">
/// <item>a verified or suspended organisation is public; one waiting or declined is seen by its members and by those
/// who verify (the city's officials, network administrators) only;</item>
/// <item>members' names are seen by the organisation's members and those who verify;</item>
/// <item>a hidden shadow report shows its moderator's reason to everyone, its text to moderators and the publishing
/// organisation's members.</item>
/// </list>
/// </summary>
public sealed class OrganisationReader(NpgsqlDataSource database, PlatformOptions platform)
{
    /// <summary>Whether <paramref name="user"/> verifies the organisations of <paramref name="city"/>.</summary>
    public static bool Verifies(ClaimsPrincipal user, string city) => user.IsNetworkAdministrator() || user.HoldsRole(city, CityRole.Official);

    private static bool Public(OrganisationStatus status) => status is OrganisationStatus.Verified or OrganisationStatus.Suspended;

    private static bool IsMember(OrganisationView view, ClaimsPrincipal user) =>
        user.IsSignedIn() && view.Members.Any(m => m.AccountId == user.AccountId());

    /// <summary>One organisation as <paramref name="user"/> may see it (null: none, or not theirs to see).</summary>
    public async Task<OrganisationDetails?> FindAsync(IQuerySession session, string city, Guid id, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var view = await session.LoadAsync<OrganisationView>(id, cancellation);
        if (view is null) return null;
        var member = IsMember(view, user);
        var insider = member || Verifies(user, city);
        if (!Public(view.Status) && !insider) return null;
        var history = insider ? view.History : view.History.Select(h => h.Event.StartsWith("member-", StringComparison.Ordinal)
            ? h with { Details = null, Member = null } : h).ToList();
        return new OrganisationDetails(view.Id, city, view.Name, view.Kind, view.Description, view.Website, view.Groups, view.Status, view.RegisteredAt,
            view.VerifiedAt, view.StatusReason, member, insider ? view.Members : null, history, view.Sequence);
    }

    /// <summary>
    /// The city's organisations in <paramref name="status"/> (verified: public; any other: for those who verify, who
    /// get null for the public list's callers otherwise), the oldest registration first.
    /// </summary>
    public async Task<IReadOnlyList<OrganisationSummary>> ListAsync(IQuerySession session, OrganisationStatus status, CancellationToken cancellation) =>
        (await session.Query<OrganisationView>().Where(o => o.Status == status).ToListAsync(cancellation))
            .OrderBy(o => o.RegisteredAt).ThenBy(o => o.Id).Select(Summary).ToList();

    /// <summary>The organisations of the city <paramref name="user"/> is a member of, whatever their status.</summary>
    public async Task<IReadOnlyList<OrganisationSummary>> MineAsync(IQuerySession session, ClaimsPrincipal user, CancellationToken cancellation) =>
        !user.IsSignedIn() ? [] : (await session.Query<OrganisationView>().ToListAsync(cancellation))
            .Where(o => IsMember(o, user)).OrderBy(o => o.Name, StringComparer.CurrentCulture).Select(Summary).ToList();

    private static OrganisationSummary Summary(OrganisationView o) => new(o.Id, o.Name, o.Kind, o.Groups, o.Status, o.RegisteredAt, o.VerifiedAt);

    /// <summary>One shadow report of <paramref name="year"/> as <paramref name="user"/> may see it (null: none of that year).</summary>
    public async Task<ShadowReportDetails?> ShadowReportAsync(IQuerySession session, string city, int year, Guid id, ClaimsPrincipal user,
        CancellationToken cancellation)
    {
        var view = await session.LoadAsync<ShadowReportView>(id, cancellation);
        if (view is null || view.Year != year) return null;
        var seesText = !view.Hidden || user.HoldsRole(city, CityRole.Moderator)
            || await session.LoadAsync<OrganisationView>(view.OrganisationId, cancellation) is { } organisation && IsMember(organisation, user);
        return Details(city, view, seesText);
    }

    /// <summary>The shadow reports on the city's report of <paramref name="year"/>, the first published first, as the public sees them.</summary>
    public static async Task<IReadOnlyList<ShadowReportDetails>> ShadowReportsAsync(IQuerySession session, string city, int year, CancellationToken cancellation) =>
        (await session.Query<ShadowReportView>().Where(r => r.Year == year).ToListAsync(cancellation))
            .OrderBy(r => r.PublishedAt).ThenBy(r => r.Id).Select(r => Details(city, r, !r.Hidden)).ToList();

    /// <summary>The shadow reports an organisation published, the latest year first, as the public sees them.</summary>
    public static async Task<IReadOnlyList<ShadowReportDetails>> ShadowReportsOfAsync(IQuerySession session, string city, Guid organisation,
        CancellationToken cancellation) =>
        (await session.Query<ShadowReportView>().Where(r => r.OrganisationId == organisation).ToListAsync(cancellation))
            .OrderByDescending(r => r.Year).ThenBy(r => r.PublishedAt).Select(r => Details(city, r, !r.Hidden)).ToList();

    private static ShadowReportDetails Details(string city, ShadowReportView view, bool seesText) => new(
        view.Id, city, view.Year, view.OrganisationId, view.OrganisationName,
        seesText ? view.Versions[^1] : null, seesText ? view.Versions : [],
        view.PublishedAt, view.UpdatedAt, view.Hidden, view.HiddenReason, view.HiddenAt, view.RestoredReason,
        $"/cities/{city}/reports/{view.Year}/shadow/{view.Id}", view.Sequence);

    /// <summary>
    /// The concerns with the name of the organisation each was raised on behalf of (read in one query for all of them):
    /// the organisation's current name, or the concern as it is when none was.
    /// </summary>
    public async Task<IReadOnlyList<Concerns.ConcernDetails>> NamedAsync(string city, IReadOnlyList<Concerns.ConcernDetails> concerns, CancellationToken cancellation)
    {
        var ids = concerns.Where(c => c.OnBehalf is not null).Select(c => c.OnBehalf!.OrganisationId).Distinct().ToArray();
        if (ids.Length == 0) return concerns;
        var names = new Dictionary<Guid, string>();
        await using (var command = database.CreateCommand(
                         $"select id, data->>'name' from {platform.Schema}.mt_doc_organisationview where tenant_id = $1 and id = any($2)"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = city });
            command.Parameters.Add(new NpgsqlParameter { Value = ids });
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation)) names[reader.GetGuid(0)] = reader.GetString(1);
        }
        return concerns.Select(c => c.OnBehalf is { } on && names.TryGetValue(on.OrganisationId, out var name)
            ? c with { OnBehalf = on with { OrganisationName = name } } : c).ToList();
    }
}
