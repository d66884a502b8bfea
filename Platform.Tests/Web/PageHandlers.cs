using System.Globalization;
using System.Net.Http.Headers;
using Platform.Api.Consultations;
using Platform.Tests.Accounts;
using Wolverine;

namespace Platform.Tests.Web;

/// <summary>How a page refuses someone without the role: the forbidden page (a redirect), or the page itself saying why (200).</summary>
public enum PageRefusal { Forbidden, ShownOnPage }

/// <summary>
/// A form prepared on a page of one city: the page's route values (<c>id</c>, <c>code</c>), its fields, a CSV file for
/// uploads, and the city whose store it writes when that is not the page's city (<paramref name="StoresIn"/>: a peer review
/// is written on the reviewing city's pages into the reviewed city's cycle).
/// </summary>
public sealed record PageForm(IReadOnlyDictionary<string, string> Route, IReadOnlyDictionary<string, string> Fields, string? Csv = null, string? StoresIn = null)
{
    public static PageForm Of(object? id = null, params (string Name, string Value)[] fields) =>
        new(id is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["id"] = id.ToString()! }, fields.ToDictionary(f => f.Name, f => f.Value));
}

/// <summary>
/// One POST handler of a page: its route template and handler name (as the app's page descriptors give them; empty for
/// <c>OnPost</c>), who may post it, how it refuses others, and how to prepare its form in a city (null for pages outside a city).
/// </summary>
public sealed record PageHandler(string Route, string Handler, Who Who, PageRefusal Outsider, Func<PageScene, Task<PageForm>>? Arrange)
{
    public string Name => Handler.Length == 0 ? Route : $"{Route} ({Handler})";
}

/// <summary>
/// Prepares the items a page's form acts on, in one city of the browser host, through its HTTP API with the bearer token
/// of that city's council (an account holding every role there, the one that also posts the forms).
/// </summary>
public sealed class PageScene(BrowserFixture browser, string city, string token) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = browser.BaseAddress };

    public string City => city;

    /// <summary>The browser host the scene prepares items in (for accounts other than the council's).</summary>
    public BrowserFixture Browser => browser;

    public async Task<JsonElement> SendAsync(HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await _http.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        if (!answer.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {url}: {(int)answer.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<Guid> CreateAsync(string url, object body) => (await SendAsync(HttpMethod.Post, url, body)).GetProperty("id").GetGuid();

    public Task<Guid> ConcernAsync() => CreateAsync($"/api/cities/{city}/concerns", ConcernApi.ValidBody());

    public async Task<Guid> ConcernAfterAsync(string action, HttpMethod? method = null, object? body = null)
    {
        var id = await ConcernAsync();
        await SendAsync(method ?? HttpMethod.Post, $"/api/cities/{city}/concerns/{id}/{action}", body);
        return id;
    }

    public Task<Guid> ProposalAsync() => CreateAsync($"/api/cities/{city}/proposals", ProposalApi.ValidBody());

    public async Task<Guid> SupportedProposalAsync()
    {
        var id = await ProposalAsync();
        await SendAsync(HttpMethod.Post, $"/api/cities/{city}/proposals/{id}/supports");
        return id;
    }

    public Task<Guid> CommitmentAsync() => CreateAsync($"/api/cities/{city}/commitments", CommitmentApi.Body());

    public Task<Guid> IndicatorProposalAsync() => CreateAsync($"/api/cities/{city}/indicator-proposals", IndicatorProposals.IndicatorProposalApi.Body());

    public async Task<Guid> SupportedIndicatorProposalAsync()
    {
        var id = await IndicatorProposalAsync();
        await SendAsync(HttpMethod.Post, $"/api/cities/{city}/indicator-proposals/{id}/supports");
        return id;
    }

    public Task<Guid> PracticeAsync() => CreateAsync($"/api/cities/{city}/practices", PracticeApi.Body());

    /// <summary>A good practice of a new third city (with an official of its own), for this city to adopt.</summary>
    public async Task<Guid> NetworkPracticeAsync()
    {
        var publisher = $"x{Guid.NewGuid():N}"[..20];
        await using (var session = browser.Store.LightweightSession())
        {
            session.Store(new Platform.Api.Cities.City { Id = publisher, Names = new() { ["en"] = "Practiceton" }, TimeZone = "Europe/London", RegisteredAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync();
        }
        var (_, email) = await browser.AccountAsync(publisher, CityRole.Official);
        using var api = new BrowserApi(browser);
        using var scene = new PageScene(browser, publisher, await api.TokenAsync(email));
        return await scene.PracticeAsync();
    }

    /// <summary>A third city's practice that this city says it adopted.</summary>
    public async Task<Guid> AdoptedPracticeAsync()
    {
        var id = await NetworkPracticeAsync();
        await SendAsync(HttpMethod.Put, $"/api/cities/{city}/adopted-practices/{id}", new { note = "Two night lines from May." });
        return id;
    }

    public async Task<Guid> FollowedCommitmentAsync()
    {
        var id = await CommitmentAsync();
        await SendAsync(HttpMethod.Put, $"/api/cities/{city}/commitments/{id}/follow");
        return id;
    }

    public Task<Guid> DraftConsultationAsync() =>
        CreateAsync($"/api/cities/{city}/consultations", new { title = "Getting around", description = "Tell us how you travel." });

    public async Task<Guid> OpenConsultationAsync(DateTimeOffset? closesAt = null)
    {
        var id = await DraftConsultationAsync();
        await SendAsync(HttpMethod.Post, $"/api/cities/{city}/consultations/{id}/open", ConsultationApi.OpenBody(closesAt));
        return id;
    }

    /// <summary>A consultation whose short window has ended, closed by the platform's own close message.</summary>
    public async Task<Guid> ClosedConsultationAsync()
    {
        var closesAt = DateTimeOffset.UtcNow.AddSeconds(2);
        var id = await OpenConsultationAsync(closesAt);
        var wait = closesAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        using var scope = browser.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new CloseConsultation(city, id));
        return id;
    }

    public Task<Guid> ScheduledTownHallAsync() => CreateAsync($"/api/cities/{city}/town-halls", TownHallApi.ScheduleBody());

    public async Task<Guid> OpenTownHallAsync()
    {
        var id = await ScheduledTownHallAsync();
        await SendAsync(HttpMethod.Post, $"/api/cities/{city}/town-halls/{id}/open");
        return id;
    }

    public async Task<(Guid TownHall, Guid Poll)> OpenPollAsync()
    {
        var id = await OpenTownHallAsync();
        var poll = (await SendAsync(HttpMethod.Post, $"/api/cities/{city}/town-halls/{id}/polls", new { question = "What first?", options = TownHallApi.Options }))
            .GetProperty("id").GetGuid();
        return (id, poll);
    }

    /// <summary>A local indicator adopted by the city, with a code of its own; returns the code.</summary>
    public async Task<string> AdoptedIndicatorAsync()
    {
        var code = Scene.NewIndicatorCode();
        await SendAsync(HttpMethod.Post, $"/api/cities/{city}/indicators", Scene.LocalIndicatorBody(code));
        return code;
    }

    /// <summary>A concern of the council's account (its author), answered by it and reopened by its contests <paramref name="times"/> times, then answered again.</summary>
    public async Task<Guid> ContestedAsync(int times)
    {
        var id = await ConcernAsync();
        for (var i = 0; i < times; i++)
        {
            await SendAsync(HttpMethod.Post, $"/api/cities/{city}/concerns/{id}/answer", new { answer = "Kerbs raised." });
            await SendAsync(HttpMethod.Post, $"/api/cities/{city}/concerns/{id}/contests", new { reason = "Nothing changed." });
        }
        await SendAsync(HttpMethod.Post, $"/api/cities/{city}/concerns/{id}/answer", new { answer = "Kerbs raised, really." });
        return id;
    }

    /// <summary>A concern reopened twice and escalated to the independent body.</summary>
    public async Task<Guid> EscalatedAsync()
    {
        var id = await ContestedAsync(2);
        await SendAsync(HttpMethod.Post, $"/api/cities/{city}/concerns/{id}/escalation", new { reason = "Reopened twice." });
        return id;
    }
    /// <summary>An organisation the council's account registers (its founder), waiting for verification; returns its id.</summary>
    public Task<Guid> OrganisationAsync() => CreateAsync($"/api/cities/{city}/organisations", OrganisationApi.Body());

    /// <summary>An organisation the council's account registers and verifies (so it acts for it); returns its id.</summary>
    public async Task<Guid> VerifiedOrganisationAsync()
    {
        var id = await OrganisationAsync();
        await SendAsync(HttpMethod.Post, $"/api/cities/{city}/organisations/{id}/verification");
        return id;
    }

    /// <summary>The year shadow reports of the matrix comment on: the last full year.</summary>
    public static string ShadowYear => (DateTimeOffset.UtcNow.Year - 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>A shadow report of a verified organisation of the council's account, hidden by it as a moderator when asked: its page's route values.</summary>
    public async Task<PageForm> ShadowReportAsync(bool hidden, params (string Name, string Value)[] fields)
    {
        var organisation = await VerifiedOrganisationAsync();
        var id = await CreateAsync($"/api/cities/{city}/organisations/{organisation}/shadow-reports", OrganisationApi.ShadowBody(int.Parse(ShadowYear, CultureInfo.InvariantCulture)));
        if (hidden) await SendAsync(HttpMethod.Post, $"/api/cities/{city}/reports/{ShadowYear}/shadow/{id}/hiding", new { reason = "It names a private person." });
        return new PageForm(new Dictionary<string, string> { ["year"] = ShadowYear, ["id"] = id.ToString() }, fields.ToDictionary(f => f.Name, f => f.Value));
    }

    /// <summary>An organisation of the council's account with a second member (a new account of the city): the form removing that member.</summary>
    public async Task<PageForm> OrganisationMemberAsync()
    {
        var organisation = await OrganisationAsync();
        var (member, email) = await browser.AccountAsync(city);
        await SendAsync(HttpMethod.Post, $"/api/cities/{city}/organisations/{organisation}/members", new { email });
        return PageForm.Of(organisation, ("memberId", member.ToString()));
    }

    /// <summary>The email address of a new account (a resident of the city), for a form that names one.</summary>
    public async Task<string> NewEmailAsync() => (await browser.AccountAsync(city)).Email;

    /// <summary>A new Open311 client app of the city (its key issued through the API); returns its id.</summary>
    public Task<Guid> Open311ClientAsync() => CreateAsync($"/api/cities/{city}/open311/clients", new { app = "Matrix app" });

    public void Dispose() => _http.Dispose();
}

/// <summary>
/// Every POST handler of the pages, by route template and handler name. The page matrix fails when the app has a page
/// handler that is not here. Pages of a city are checked with their form as prepared; the others are listed with why not.
/// </summary>
public static class PageHandlers
{
    private const string Concern = "/cities/{city}/concerns/{id:guid}", Proposal = "/cities/{city}/proposals/{id:guid}",
        Commitment = "/cities/{city}/commitments/{id:guid}", Consultation = "/cities/{city}/consultations/{id:guid}",
        TownHall = "/cities/{city}/town-halls/{id:guid}", Organisation = "/cities/{city}/organisations/{id:guid}",
        ShadowReport = "/cities/{city}/reports/{year}/shadow/{id:guid}", IndicatorProposal = "/cities/{city}/indicators/proposals/{id:guid}";

    private static Func<PageScene, Task<PageForm>> On(Func<PageScene, Task<Guid>> item, params (string, string)[] fields) =>
        async s => PageForm.Of(await item(s), fields);

    private static Func<PageScene, Task<PageForm>> New(params (string, string)[] fields) => _ => Task.FromResult(PageForm.Of(null, fields));

    private static string Day(int days) => CommitmentApi.InDays(days);

    private const string UnRecommendation = "/cities/{city}/un-recommendations/{id:guid}", Cycle = "/cities/{city}/assessments/{cycle}",
        Review = "/cities/{city}/peer-reviews/{reviewed}/{cycle}";

    private static PageForm OfCycle(string cycle, params (string Name, string Value)[] fields) =>
        new(new Dictionary<string, string> { ["cycle"] = cycle }, fields.ToDictionary(f => f.Name, f => f.Value));

    private static PageForm OfReview((string Reviewed, string Cycle) review, params (string Name, string Value)[] fields) =>
        new(new Dictionary<string, string> { ["reviewed"] = review.Reviewed, ["cycle"] = review.Cycle }, fields.ToDictionary(f => f.Name, f => f.Value),
            StoresIn: review.Reviewed);

    public static readonly IReadOnlyList<PageHandler> All =
    [
        // A concern: residents support and follow it, officials answer it, moderators hide and restore it.
        new(Concern, "Support", Who.Resident, PageRefusal.ShownOnPage, On(s => s.ConcernAsync())),
        new(Concern, "WithdrawSupport", Who.Resident, PageRefusal.ShownOnPage, On(s => s.ConcernAfterAsync("supports"))),
        new(Concern, "Follow", Who.Resident, PageRefusal.ShownOnPage, On(s => s.ConcernAsync())),
        new(Concern, "Unfollow", Who.Resident, PageRefusal.ShownOnPage, On(s => s.ConcernAfterAsync("follow", HttpMethod.Put))),
        new(Concern, "Acknowledge", Who.Official, PageRefusal.Forbidden, On(s => s.ConcernAsync(), ("department", "Parks"))),
        new(Concern, "Answer", Who.Official, PageRefusal.Forbidden, On(s => s.ConcernAsync(), ("answer", "New benches by June."))),
        new(Concern, "Decline", Who.Official, PageRefusal.Forbidden, On(s => s.ConcernAsync(), ("decline-reason", "The county runs these buses."))),
        new(Concern, "Resolve", Who.Official, PageRefusal.Forbidden, On(s => s.ConcernAsync(), ("resolve-note", "Done."))),
        new(Concern, "Hide", Who.Moderator, PageRefusal.Forbidden, On(s => s.ConcernAsync(), ("hide-reason", "A private phone number."))),
        new(Concern, "Redact", Who.Moderator, PageRefusal.Forbidden, On(s => s.ConcernAsync(), ("redact-reason", "A private phone number."))),
        new(Concern, "Contest", Who.Author, PageRefusal.Forbidden, On(s => s.ContestedAsync(0), ("contest-reason", "The stop has no kerb yet."))),
        new(Concern, "Escalate", Who.Author, PageRefusal.Forbidden, On(s => s.ContestedAsync(2), ("escalate-reason", "Reopened twice, nothing done."))),
        new(Concern, "Finding", Who.IndependentBody, PageRefusal.Forbidden, On(s => s.EscalatedAsync(), ("finding", "Not done."), ("outcome", "upheld"))),
        new(Concern, "Restore", Who.Moderator, PageRefusal.Forbidden,
            On(s => s.ConcernAfterAsync("hiding", body: new { reason = "A private phone number." }), ("restore-reason", "The number is gone."))),
        new("/cities/{city}/concerns/new", "", Who.Resident, PageRefusal.Forbidden,
            New(("title", "Benches removed from the square"), ("description", "All of them."), ("rights", "housing"), ("district", "Clifton"))),

        // A proposal.
        new(Proposal, "Support", Who.Resident, PageRefusal.ShownOnPage, On(s => s.ProposalAsync())),
        new(Proposal, "WithdrawSupport", Who.Resident, PageRefusal.ShownOnPage, On(s => s.SupportedProposalAsync())),
        new(Proposal, "Accept", Who.Official, PageRefusal.Forbidden, On(s => s.ProposalAsync(), ("decision", "Agreed."),
            ("commitment-title", "Step-free access at every tram stop"), ("commitment-dueDate", Day(300)), ("commitment-department", "Transport"))),
        new(Proposal, "Reject", Who.Official, PageRefusal.Forbidden, On(s => s.ProposalAsync(), ("reject-reason", "Outside the council's powers."))),
        new("/cities/{city}/proposals/new", "", Who.Resident, PageRefusal.Forbidden,
            New(("title", "Free swimming lessons"), ("description", "For every child."), ("rights", "culture"), ("district", "Clifton"))),

        // A proposed indicator: residents support it, officials put it to a consultation, adopt or decline it.
        new(IndicatorProposal, "Support", Who.Resident, PageRefusal.ShownOnPage, On(s => s.IndicatorProposalAsync())),
        new(IndicatorProposal, "WithdrawSupport", Who.Resident, PageRefusal.ShownOnPage, On(s => s.SupportedIndicatorProposalAsync())),
        new(IndicatorProposal, "Consult", Who.Official, PageRefusal.Forbidden, async s =>
        {
            var id = await s.IndicatorProposalAsync();
            return PageForm.Of(id, ("consultationId", (await s.DraftConsultationAsync()).ToString()));
        }),
        new(IndicatorProposal, "Adopt", Who.Official, PageRefusal.Forbidden, async s => PageForm.Of(await s.IndicatorProposalAsync(),
            ("code", Scene.NewIndicatorCode()), ("unitKind", "percentage"), ("direction", "decrease"), ("dataSource", "administrative"),
            ("baseline-period", "2025"), ("baseline-value", "23.5"), ("department", "Housing Services"))),
        new(IndicatorProposal, "Decline", Who.Official, PageRefusal.Forbidden, On(s => s.IndicatorProposalAsync(), ("decline-reason", "The register cannot tell."))),
        new("/cities/{city}/indicators/proposals/new", "", Who.Resident, PageRefusal.Forbidden, New(("name", "Households waiting a year for housing"),
            ("right", "housing"), ("type", "outcome"), ("unit", "% of households"), ("source", "Housing register"), ("why", "Nobody counts it."))),

        // A commitment: officials report on it, residents follow it.
        new(Commitment, "Progress", Who.Official, PageRefusal.Forbidden, On(s => s.CommitmentAsync(), ("progress-percent", "40"), ("progress-note", "Kerbs ordered."))),
        new(Commitment, "Milestone", Who.Official, PageRefusal.Forbidden, On(s => s.CommitmentAsync(), ("milestone-title", "Contract signed"), ("milestone-dueDate", Day(30)))),
        new(Commitment, "Deadline", Who.Official, PageRefusal.Forbidden, On(s => s.CommitmentAsync(), ("deadline-dueDate", Day(365)), ("deadline-reason", "The contractor went bankrupt."))),
        new(Commitment, "Fulfil", Who.Official, PageRefusal.Forbidden, On(s => s.CommitmentAsync(), ("fulfil-evidenceUrl", "https://example.org/done"))),
        new(Commitment, "Abandon", Who.Official, PageRefusal.Forbidden, On(s => s.CommitmentAsync(), ("abandon-reason", "Merged into the city-wide programme."))),
        new(Commitment, "Follow", Who.Resident, PageRefusal.ShownOnPage, On(s => s.CommitmentAsync())),
        new(Commitment, "Unfollow", Who.Resident, PageRefusal.ShownOnPage, On(s => s.FollowedCommitmentAsync())),
        new("/cities/{city}/commitments/new", "", Who.Official, PageRefusal.Forbidden,
            New(("title", "Step-free access to every library"), ("rights", "disability-inclusion"), ("department", "Libraries"), ("dueDate", Day(365)))),

        // Good practices: officials publish, revise and withdraw the city's own, and say the city adopted another city's.
        new("/cities/{city}/practices/new", "", Who.Official, PageRefusal.Forbidden, New(("title", "Night buses for shift workers"),
            ("summary", "Three night lines."), ("whatWasDone", "Surveyed shift workers."), ("results", "Ridership doubled."), ("rights", "mobility"))),
        new("/cities/{city}/practices/{id:guid}/edit", "", Who.Official, PageRefusal.Forbidden, On(s => s.PracticeAsync(), ("title", "Night buses and trams"),
            ("summary", "Three night lines."), ("whatWasDone", "Surveyed shift workers."), ("results", "Ridership doubled."), ("rights", "mobility"))),
        new("/cities/{city}/practices/{id:guid}/edit", "Withdraw", Who.Official, PageRefusal.Forbidden, On(s => s.PracticeAsync(), ("reason", "Replaced."))),
        new("/cities/{city}/practices/{id:guid}/adopt", "", Who.Official, PageRefusal.Forbidden, On(s => s.NetworkPracticeAsync(), ("note", "Two night lines."))),
        new("/cities/{city}/practices/{id:guid}/adopt", "Undo", Who.Official, PageRefusal.Forbidden, On(s => s.AdoptedPracticeAsync())),

        // A consultation: officials open it and publish its outcome, residents answer it.
        new(Consultation, "Open", Who.Official, PageRefusal.Forbidden, On(s => s.DraftConsultationAsync(),
            ("q1-text", "Which bus route matters most?"), ("q1-kind", "SingleChoice"), ("q1-options", "6\n10"), ("closesAt", Day(14)))),
        new(Consultation, "Outcome", Who.Official, PageRefusal.Forbidden, On(s => s.ClosedConsultationAsync(), ("summary", "Night buses from May."))),
        new(Consultation, "", Who.Resident, PageRefusal.ShownOnPage, On(s => s.OpenConsultationAsync(), ("q-bus", "6"), ("q-safe", "3"))),
        // Officials and organisations answer it on behalf of a resident met offline (docs/participation.md).
        new(Consultation, "Assist", Who.Official, PageRefusal.Forbidden, On(s => s.OpenConsultationAsync(), ("assist-name", "A. B."),
            ("assist-consent", "Consent given orally at the library."), ("assist-q-bus", "6"), ("assist-q-safe", "3"))),
        new("/cities/{city}/consultations/new", "", Who.Official, PageRefusal.Forbidden, New(("title", "Getting around"), ("description", "Tell us how you travel."))),

        // A town hall: officials run it, residents vote in its poll (the form names the poll it shows).
        new(TownHall, "Vote", Who.Resident, PageRefusal.ShownOnPage, async s =>
        {
            var (townHall, poll) = await s.OpenPollAsync();
            return PageForm.Of(townHall, ("pollId", poll.ToString()), ("option", "1"));
        }),
        new(TownHall, "Open", Who.Official, PageRefusal.Forbidden, On(s => s.ScheduledTownHallAsync())),
        new(TownHall, "Poll", Who.Official, PageRefusal.Forbidden, On(s => s.OpenTownHallAsync(), ("question", "What first?"), ("options", "More buses\nSafer crossings"))),
        new(TownHall, "ClosePoll", Who.Official, PageRefusal.Forbidden, async s =>
        {
            var (townHall, poll) = await s.OpenPollAsync();
            return PageForm.Of(townHall, ("pollId", poll.ToString()));
        }),
        new(TownHall, "Close", Who.Official, PageRefusal.Forbidden, On(s => s.OpenTownHallAsync(), ("minutes", "The council heard 40 residents."))),
        new("/cities/{city}/town-halls/new", "", Who.Official, PageRefusal.Forbidden, New(("title", "Clifton town hall"), ("description", "Transport."),
            ("startsAt", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd'T'HH:mm")), ("location", "Clifton library"), ("district", "Clifton"))),

        // An indicator: officials record a value, or import a file of them.
        new("/cities/{city}/indicators/{code}", "Record", Who.Official, PageRefusal.Forbidden, async s =>
            new PageForm(new Dictionary<string, string> { ["code"] = await s.AdoptedIndicatorAsync() },
                new Dictionary<string, string> { ["period"] = "2024", ["value"] = "85.5" })),
        new("/cities/{city}/indicators/{code}/import", "", Who.Official, PageRefusal.Forbidden, async s =>
            new PageForm(new Dictionary<string, string> { ["code"] = await s.AdoptedIndicatorAsync() }, new Dictionary<string, string>(), "Year,Value\n2023,84.2\n")),
        // Open311: officials issue and revoke the keys of client apps.
        new("/cities/{city}/council/open311", "", Who.Official, PageRefusal.Forbidden, New(("app", "Street Reporter"))),
        new("/cities/{city}/council/open311", "Revoke", Who.Official, PageRefusal.Forbidden,
            async s => PageForm.Of(null, ("clientId", (await s.Open311ClientAsync()).ToString()))),

        // Equal participation (docs/participation.md): officials tag a concern's groups and enter the population shares; officials
        // and organisations record a support or a concern on behalf of a resident met offline.
        new(Concern, "TagGroups", Who.Official, PageRefusal.Forbidden, On(s => s.ConcernAsync(), ("groups", "women"))),
        new(Concern, "AssistSupport", Who.Official, PageRefusal.Forbidden, On(s => s.ConcernAsync(), ("assist-name", "A. B."),
            ("assist-consent", "Consent given orally at the library."))),
        new("/cities/{city}/council/population", "", Who.Official, PageRefusal.Forbidden, New(("share.gender.woman", "51"),
            ("districts", "Clifton: 6.5"), ("source.name", "Census 2021"), ("source.year", "2021"))),
        new("/cities/{city}/assisted", "", Who.Official, PageRefusal.Forbidden, New(("resident.name", "A. B."),
            ("consentNote", "Consent given orally at the library."), ("title", "No bench at the stop"), ("rights", "mobility"))),
        // Organisations: officials (or the network) verify them, their members act for them (the council's account founds each one here).
        new(Organisation, "Verify", Who.Verifier, PageRefusal.Forbidden, On(s => s.OrganisationAsync())),
        new(Organisation, "Decline", Who.Verifier, PageRefusal.Forbidden, On(s => s.OrganisationAsync(), ("decline-reason", "Not active in the city."))),
        new(Organisation, "Suspend", Who.Verifier, PageRefusal.Forbidden, On(s => s.VerifiedOrganisationAsync(), ("suspend-reason", "Spam."))),
        new(Organisation, "AddMember", Who.Author, PageRefusal.Forbidden, async s => PageForm.Of(await s.OrganisationAsync(), ("email", await s.NewEmailAsync()))),
        new(Organisation, "RemoveMember", Who.Author, PageRefusal.Forbidden, s => s.OrganisationMemberAsync()),
        new("/cities/{city}/organisations/new", "", Who.Resident, PageRefusal.Forbidden,
            New(("name", "York Disability Forum"), ("kind", "civil-society"), ("description", "Disabled residents, for themselves."), ("groups", "disability"))),
        new(Organisation + "/concerns/new", "", Who.Author, PageRefusal.Forbidden, On(s => s.VerifiedOrganisationAsync(),
            ("group", "disability"), ("title", "No ramp at the library"), ("rights", "disability-inclusion"))),
        new(Organisation + "/shadow-reports/new", "", Who.Author, PageRefusal.Forbidden, On(s => s.VerifiedOrganisationAsync(),
            ("year", PageScene.ShadowYear), ("title", "Housing is not getting better"), ("indicators", "Overcrowding rose."))),
        new(ShadowReport, "Correct", Who.Author, PageRefusal.Forbidden, s => s.ShadowReportAsync(false, ("title", "Corrected"), ("indicators", "Figures added."))),
        new(ShadowReport, "Hide", Who.Moderator, PageRefusal.Forbidden, s => s.ShadowReportAsync(false, ("hide-reason", "It names a private person."))),
        new(ShadowReport, "Restore", Who.Moderator, PageRefusal.Forbidden, s => s.ShadowReportAsync(true, ("restore-reason", "The name is gone."))),
        // UN recommendations: officials record, import, answer, follow up and link them.
        new("/cities/{city}/un-recommendations/new", "", Who.Official, PageRefusal.Forbidden, _ => Task.FromResult(PageForm.Of(null,
            ("source", "upr"), ("cycle", "UPR 4th cycle 2022"), ("paragraph", $"p{Guid.NewGuid():N}"[..12]), ("text", "Provide adequate social housing."), ("rights", "housing")))),
        new("/cities/{city}/un-recommendations/import", "", Who.Official, PageRefusal.Forbidden, _ => Task.FromResult(new PageForm(new Dictionary<string, string>(),
            new Dictionary<string, string>(), $"source,cycle,paragraph,text,rights\nupr,UPR 4th cycle 2022,{Guid.NewGuid():N},Provide adequate social housing.,housing\n"))),
        new(UnRecommendation, "Answer", Who.Official, PageRefusal.Forbidden, On(s => s.UnRecommendationAsync(), ("response", "supported"))),
        new(UnRecommendation, "FollowUp", Who.Official, PageRefusal.Forbidden, On(s => s.UnRecommendationAsync(supported: true),
            ("text", "Forty flats bought."), ("date", Day(0)), ("status", "inProgress"))),
        new(UnRecommendation, "Link", Who.Official, PageRefusal.Forbidden, async s =>
            PageForm.Of(await s.UnRecommendationAsync(supported: true), ("commitmentId", (await s.CommitmentAsync()).ToString()))),

        // The self-assessment: officials start a cycle, assess items, submit, and answer the peer review's recommendations.
        new("/cities/{city}/assessments", "", Who.Official, PageRefusal.Forbidden, async s =>
        {
            await s.SubmitOpenDraftsAsync();
            return PageForm.Of(null, ("cycle", $"p{Guid.NewGuid():N}"[..12]));
        }),
        new(Cycle, "Assess", Who.Official, PageRefusal.Forbidden, async s =>
            OfCycle(await s.OpenDraftAsync(), ("item", "B4"), ("level", "inPlace"), ("evidence", "https://example.org/council"), ("note", "Meets monthly."))),
        new(Cycle, "Submit", Who.Official, PageRefusal.Forbidden, async s => OfCycle(await s.CompleteDraftAsync())),
        new(Cycle, "Answer", Who.Official, PageRefusal.Forbidden, async s =>
        {
            var (cycle, recommendation) = await s.ReviewedAsync(supported: false);
            return OfCycle(cycle, ("recommendationId", recommendation.ToString()), ("response", "supported"));
        }),
        new(Cycle, "FollowUp", Who.Official, PageRefusal.Forbidden, async s =>
        {
            var (cycle, recommendation) = await s.ReviewedAsync(supported: true);
            return OfCycle(cycle, ("recommendationId", recommendation.ToString()), ("text", "Monthly meetings."), ("date", Day(0)), ("status", "implemented"));
        }),
        new(Cycle, "Link", Who.Official, PageRefusal.Forbidden, async s =>
        {
            var (cycle, recommendation) = await s.ReviewedAsync(supported: true);
            return OfCycle(cycle, ("recommendationId", recommendation.ToString()), ("commitmentId", (await s.CommitmentAsync()).ToString()));
        }),
        // The peer review: the reviewing city's officials write it on their city's pages, into the reviewed city's cycle.
        new(Review, "Finding", Who.Official, PageRefusal.Forbidden, async s =>
            OfReview(await s.ToReviewAsync(), ("item", "B4"), ("finding", "The council meets twice a year."))),
        new(Review, "Recommend", Who.Official, PageRefusal.Forbidden, async s =>
            OfReview(await s.ToReviewAsync(), ("item", "B4"), ("text", "Meet every month."), ("rights", "participation"))),
        new(Review, "Submit", Who.Official, PageRefusal.Forbidden, async s => OfReview(await s.ToReviewAsync(withFinding: true))),
        // Recognition: officials declare the city's commitment.
        new("/cities/{city}/recognition", "", Who.Official, PageRefusal.Forbidden, New(("decidedOn", Day(-10)), ("decisionUrl", "https://example.org/council/decision"))),

        // Outside any city: nothing there names a city to act in (registration names the city one joins, which is anyone's choice).
        new("/sign-in", "", Who.Anyone, PageRefusal.ShownOnPage, null),
        new("/sign-out", "", Who.Anyone, PageRefusal.ShownOnPage, null),
        new("/register", "", Who.Anyone, PageRefusal.ShownOnPage, null),
        new("/language", "", Who.Anyone, PageRefusal.ShownOnPage, null),
        // The signed-in person's own account: nothing of a city.
        new("/account", "Password", Who.SignedIn, PageRefusal.ShownOnPage, null),
        new("/account", "SignOutEverywhere", Who.SignedIn, PageRefusal.ShownOnPage, null),
        new("/account", "Erase", Who.SignedIn, PageRefusal.ShownOnPage, null),
        // The signed-in person's own notices and settings: nothing of a city (another person's notice is not found).
        new("/notifications", "Read", Who.SignedIn, PageRefusal.ShownOnPage, null),
        new("/notifications", "ReadAll", Who.SignedIn, PageRefusal.ShownOnPage, null),
        new("/account/notification-settings", "", Who.SignedIn, PageRefusal.ShownOnPage, null),
        // The signed-in person's own participation profile (docs/participation.md).
        new("/account/profile", "", Who.SignedIn, PageRefusal.ShownOnPage, null),
        new("/account/profile", "Withdraw", Who.SignedIn, PageRefusal.ShownOnPage, null),
        // An email's unsubscribe link: its signed token names the account, no sign-in and no city.
        new("/unsubscribe", "", Who.Anyone, PageRefusal.ShownOnPage, null),
        new("/account", "SendVerification", Who.SignedIn, PageRefusal.ShownOnPage, null),
        // Mailed links (email verification, password reset): the token names the account, nothing of a city.
        new("/verify-email", "", Who.Anyone, PageRefusal.ShownOnPage, null),
        new("/forgot-password", "", Who.Anyone, PageRefusal.ShownOnPage, null),
        new("/reset-password", "", Who.Anyone, PageRefusal.ShownOnPage, null),
    ];
}
