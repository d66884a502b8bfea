using Platform.Domain.Concerns;
using Platform.Domain.Monitoring;
using Platform.Domain.Organisations;
using Platform.Projections.Commitments;

namespace Platform.Api.Demo;

/// <summary>
/// An organisation in each demo city, verified by the city's official: York's disability forum (with a concern raised on
/// its behalf and a shadow report on York's report of the last full year), a migrants' platform in Utrecht, the
/// ombudsperson's regional office in Lviv; and in York a tenants' association still waiting for verification. Each
/// city's resident account (<c>resident@city.demo</c>) acts for the city's verified organisation. Written through the
/// deciders, like every demo event.
/// </summary>
public static class DemoOrganisations
{
    private sealed record Seeded(string City, string Name, string Kind, string Description, string Website, string[] Groups, bool Verified);

    private static readonly Seeded[] Organisations =
    [
        new("york", "York Disability Forum", OrganisationRules.CivilSociety,
            "A forum run by disabled residents of York: we check that streets, buses, libraries and council services work for everyone, and speak up when they do not.",
            "https://example.org/york-disability-forum", [Groups.Disability, Groups.OlderPeople], true),
        new("york", "Acomb Tenants' Association", OrganisationRules.CivilSociety,
            "Tenants of the council's flats in Acomb, meeting monthly at the community centre since 2011.",
            "https://example.org/acomb-tenants", [Groups.LowIncome, Groups.Children], false),
        new("utrecht", "Utrechts Platform Nieuwkomers", OrganisationRules.CivilSociety,
            "Volunteers and newcomers together: advice on housing, work and schooling, and a voice for refugees and migrants in the city's policies.",
            "https://example.org/platform-nieuwkomers", [Groups.Migrants, Groups.EthnicMinorities], true),
        new("lviv", "Regional office of the Ombudsperson in Lviv", OrganisationRules.Ombudsperson,
            "The regional representative of the Parliament Commissioner for Human Rights: receives complaints, visits shelters for displaced people and monitors the rights of people with disabilities.",
            "https://example.org/ombudsman-lviv", [Groups.Disability, Groups.Migrants, Groups.Children], true),
    ];

    public static async Task SeedAsync(IDocumentStore store, DateTimeOffset now, CancellationToken cancellation)
    {
        foreach (var city in Organisations.GroupBy(o => o.City))
        {
            Account official, member;
            await using (var query = store.QuerySession())
            {
                official = await query.Query<Account>().FirstAsync(a => a.Email == $"official@{city.Key}.demo", cancellation);
                member = await query.Query<Account>().FirstAsync(a => a.Email == $"resident@{city.Key}.demo", cancellation);
            }
            await using var session = store.LightweightSession(city.Key);
            foreach (var (id, events) in Streams(city.Key, official.Id, member.Id, member.DisplayName, now))
            {
                session.Events.StartStream<Organisation>(id, events.ToArray());
                if (Evolution<Organisation>.Fold(events) is { Status: OrganisationStatus.Verified } verified && city.Key == "york")
                    await ForumAsync(session, verified, member.Id, now, cancellation);
            }
            await session.SaveChangesAsync(cancellation);
            // Its member acts for the city's verified organisation: the role follows the verification, as the API grants it.
            await using var accounts = store.LightweightSession();
            var acting = (await accounts.LoadAsync<Account>(member.Id, cancellation))!;
            acting.Grant(city.Key, CityRole.Organisation);
            accounts.Store(acting);
            await accounts.SaveChangesAsync(cancellation);
        }
    }

    /// <summary>
    /// The organisations of <paramref name="city"/>, each registered by <paramref name="member"/> and (but York's tenants'
    /// association) verified by <paramref name="official"/>, decided step by step (a refused step throws).
    /// </summary>
    public static IReadOnlyList<(Guid Id, IReadOnlyList<object> Events)> Streams(string city, Guid official, Guid member, string memberName, DateTimeOffset now) =>
        Organisations.Where(o => o.City == city).Select(demo =>
        {
            var id = Guid.CreateVersion7();
            var events = new List<object>();
            Take(events, s => OrganisationDecider.Decide(new RegisterOrganisation(id, member, demo.Name, demo.Kind, demo.Description, demo.Website, demo.Groups)
                { MemberName = memberName }, s, now.AddDays(-75)));
            if (demo.Verified) Take(events, s => OrganisationDecider.Decide(new VerifyOrganisation(id, official), s, now.AddDays(-70)));
            return (id, (IReadOnlyList<object>)events);
        }).ToList();

    /// <summary>York's forum: a concern raised on its behalf, and its shadow report on York's report of the last full year.</summary>
    private static async Task ForumAsync(IDocumentSession session, Organisation forum, Guid member, DateTimeOffset now, CancellationToken cancellation)
    {
        var concern = new RaiseConcern(Guid.CreateVersion7(), member, "No step-free route into Acomb Explore library",
            "The ramp at the side entrance was removed during the works in June; wheelchair users and people with walking frames now cannot get in.",
            ["disability-inclusion", "culture"], ["11.7"], "Acomb");
        var raised = OrganisationDecider.Decide(new RaiseConcernOnBehalf(concern, forum.Id, Groups.Disability), forum, null, now.AddDays(-30));
        if (raised.IsRefused) throw new InvalidOperationException($"Demo concern on behalf refused: {raised.Errors[0].Message}");
        session.Events.StartStream<Concern>(concern.ConcernId, raised.Events.ToArray());

        var codes = await session.Query<IndicatorSeries>().Select(s => s.Code).ToListAsync(cancellation);
        var commitments = await session.Query<CommitmentView>().Select(c => c.Id).ToListAsync(cancellation);
        var year = now.Year - 1;
        var report = Guid.CreateVersion7();
        var published = ShadowReportDecider.Decide(new PublishShadowReport(report, forum.Id, member, year, new ShadowReportDraft(
            $"York {year}: accessible on paper, not yet in the street",
            "The report counts step-free bus stops, but not the stops where the kerb was raised and the shelter blocks the ramp. Our members surveyed 40 stops in Acomb and Tang Hall: 11 of those counted as step-free could not be used with a wheelchair.",
            "The commitment on step-free access is on track by its own milestones, yet its budget covers the city centre only. We ask that the outer districts get dates of their own.",
            "The self-assessment rates participation of disabled residents as in place. The forum was consulted once this year, on a draft already decided; we rate it as started.",
            codes.Take(1).ToList(), commitments.Take(1).ToList()))
        {
            Context = new ShadowReportContext(codes.ToHashSet(StringComparer.Ordinal), commitments.ToHashSet(), Reports.CityReportReader.FirstYear, now.Year),
        }, forum, null, now.AddDays(-10));
        if (published.IsRefused) throw new InvalidOperationException($"Demo shadow report refused: {published.Errors[0].Message}");
        session.Events.StartStream<ShadowReport>(report, published.Events.ToArray());
    }

    private static void Take(List<object> events, Func<Organisation?, Decision> decide)
    {
        var decision = decide(Evolution<Organisation>.Fold(events));
        if (decision.IsRefused) throw new InvalidOperationException($"Demo organisation refused: {decision.Errors[0].Message}");
        events.AddRange(decision.Events);
    }
}
