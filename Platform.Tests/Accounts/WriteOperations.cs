using Microsoft.AspNetCore.Identity;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Domain.Assessments;
using Platform.Projections.Assessments;
using Platform.Tests.IndicatorProposals;
using Wolverine;

namespace Platform.Tests.Accounts;

/// <summary>Who may call a write: the one expectation the authorization matrix holds per operation.</summary>
public enum Who
{
    /// <summary>Anyone, signed in or not.</summary>
    Anyone,
    /// <summary>Any signed-in account, wherever it holds roles.</summary>
    SignedIn,
    /// <summary>A member of the route's city in any role (resident, verified resident, official, moderator).</summary>
    Resident,
    /// <summary>
    /// A verified resident of the route's city: supports, votes and consultation answers in a city that asks for
    /// verified residency (the matrix's city does, so that this column differs from <see cref="Resident"/>).
    /// </summary>
    VerifiedResident,
    /// <summary>An official of the route's city.</summary>
    Official,
    /// <summary>A moderator of the route's city.</summary>
    Moderator,
    /// <summary>A network administrator.</summary>
    NetworkAdministrator,
    /// <summary>
    /// An official of the city assigned to review the route city's assessment, who is no official of the reviewed
    /// city: the one designed cross-city write (the matrix assigns the other city).
    /// </summary>
    Reviewer,
    /// <summary>A member of the route city's independent body (escalated concerns' findings).</summary>
    IndependentBody,
    /// <summary>The author of the item only (none of the matrix's callers; the author's own call is checked beside).</summary>
    Author,
    /// <summary>An official of the route's city or a network administrator: they verify, decline and suspend the city's organisations.</summary>
    Verifier,
}

/// <summary>
/// A request prepared for one city: the values of its route's parameters (the city's slug is added), and a JSON body or a
/// CSV text. <see cref="Author"/>: the one person who may make it, for <see cref="Who.Author"/>.
/// </summary>
public sealed record Call(IReadOnlyDictionary<string, string> Route, object? Body = null, string? Csv = null, Actor? Author = null)
{
    /// <summary>A form-encoded body (application/x-www-form-urlencoded) instead of JSON: Open311's <c>POST requests</c>.</summary>
    public string? Form { get; init; }

    public static Call Of(object? body = null, params (string Name, object Value)[] route) =>
        new(route.ToDictionary(r => r.Name, r => r.Value.ToString()!), body);
}

/// <summary>
/// Where a request is prepared: <see cref="City"/>, with <see cref="Other"/> the matrix's other city (which reviews
/// <see cref="City"/>'s assessments). Every helper creates what it needs anew, with people of its own.
/// </summary>
public sealed class Scene(AppFixture app, string city, string other)
{
    public const string Password = "matrix-password-2026";

    public AppFixture App => app;

    /// <summary>Stores (or gives to <paramref name="owner"/>) an unread notice with the id <paramref name="id"/>.</summary>
    public async Task NoticeOfAsync(Guid id, Actor owner)
    {
        await using var session = app.Store.LightweightSession();
        session.Store(new Platform.Api.Notifications.Notice
        {
            Id = id, AccountId = owner.Id, City = city, Kind = Platform.Api.Notifications.NoticeKind.ConcernAnswered, ItemKind = "concern",
            ItemId = Guid.NewGuid(), Title = "Matrix notice", At = DateTimeOffset.UtcNow,
        });
        await session.SaveChangesAsync();
    }
    public string City => city;
    public string Other => other;

    public Task<Actor> ResidentAsync() => app.AccountAsync(city, CityRole.Resident);
    public Task<Actor> VerifiedAsync() => app.AccountAsync(city, CityRole.Resident, CityRole.VerifiedResident);
    public Task<Actor> OfficialAsync() => app.AccountAsync(city, CityRole.Official);
    public Task<Actor> ModeratorAsync() => app.AccountAsync(city, CityRole.Moderator);
    public Task<Actor> ReviewerAsync() => app.AccountAsync(other, CityRole.Official);

    public Task<Guid> ConcernAsync(Actor? author = null) => app.RaiseAsync(city, author: author);

    /// <summary>The key of a new Open311 client app of the city, issued by one of its officials.</summary>
    public async Task<string> Open311KeyAsync() => (await Open311.Open311Scene.IssueAsync(app, city, await OfficialAsync(), "Matrix app")).Key;

    /// <summary>A new Open311 client app of the city; returns its id.</summary>
    public async Task<Guid> Open311ClientAsync() => (await Open311.Open311Scene.IssueAsync(app, city, await OfficialAsync(), "Matrix app")).Id;
    public Task<Guid> ProposalAsync(Actor? author = null) => app.SubmitAsync(city, author: author);
    public async Task<Guid> CommitmentAsync() => await app.PublishCommitmentAsync(await OfficialAsync(), city: city);
    /// <summary>A good practice of the city, published by one of its officials.</summary>
    public async Task<Guid> PracticeAsync() => await app.PracticeAsync(city, await OfficialAsync());

    /// <summary>A good practice of a third city of the network (neither this one nor the other), for this city to adopt.</summary>
    public async Task<Guid> NetworkPracticeAsync()
    {
        var (publisher, official) = await app.PracticeCityAsync();
        return await app.PracticeAsync(publisher, official);
    }

    /// <summary>A third city's practice that this city says it adopted.</summary>
    public async Task<Guid> AdoptedPracticeAsync()
    {
        var id = await NetworkPracticeAsync();
        await app.AdoptPracticeAsync(city, await OfficialAsync(), id);
        return id;
    }
    public async Task<Guid> DraftConsultationAsync() => await app.DraftConsultationAsync(await OfficialAsync(), city);
    public Task<Guid> OpenConsultationAsync() => app.OpenConsultationAsync(city: city);
    public async Task<Guid> ScheduledTownHallAsync() => await app.ScheduleTownHallAsync(await OfficialAsync(), city);
    public async Task<Guid> OpenTownHallAsync() => await app.OpenTownHallAsync(await OfficialAsync(), city);

    public async Task<(Guid TownHall, Guid Poll)> OpenPollAsync()
    {
        var official = await OfficialAsync();
        var townHall = await app.OpenTownHallAsync(official, city);
        return (townHall, await app.OpenPollAsync(townHall, official, city: city));
    }

    /// <summary>
    /// A concern of <paramref name="author"/>, answered and reopened by the author's contests <paramref name="times"/> times,
    /// then answered again (so it may be contested, or escalated once reopened twice).
    /// </summary>
    public async Task<Guid> ContestedConcernAsync(Actor author, int times)
    {
        var id = await ConcernAsync(author);
        var official = await OfficialAsync();
        for (var i = 0; i < times; i++)
        {
            await app.ActAsync(id, "answer", official, new { answer = "Kerbs raised." }, city: city);
            await app.ActAsync(id, "contests", author, new { reason = "Nothing changed." }, city: city);
        }
        await app.ActAsync(id, "answer", official, new { answer = "Kerbs raised, really." }, city: city);
        return id;
    }

    public async Task<Guid> HiddenConcernAsync()
    {
        var id = await ConcernAsync();
        await app.ActAsync(id, "hiding", await ModeratorAsync(), new { reason = "A private phone number." }, city: city);
        return id;
    }

    /// <summary>
    /// A consultation whose window has ended and that has closed: opened with a window of a minute, then closed by the
    /// platform's own close message, handled on a clock moved past the window (and put back at once).
    /// </summary>
    public async Task<Guid> ClosedConsultationAsync()
    {
        // One moved clock at a time (two scenes may prepare side by side); nothing else prepared meanwhile minds two minutes.
        await ClockGate.WaitAsync();
        try
        {
            var id = await app.OpenConsultationAsync(city: city, closesAt: DateTimeOffset.UtcNow.AddMinutes(1));
            app.Clock.Offset += TimeSpan.FromMinutes(2);
            try
            {
                using var scope = app.Host.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new Platform.Api.Consultations.CloseConsultation(city, id));
            }
            finally
            {
                app.Clock.Offset -= TimeSpan.FromMinutes(2);
            }
            return id;
        }
        finally
        {
            ClockGate.Release();
        }
    }

    private static readonly SemaphoreSlim ClockGate = new(1, 1);

    /// <summary>A local indicator adopted by the city (a code of its own, so it exists in this city only); returns the code.</summary>
    public async Task<string> AdoptedIndicatorAsync()
    {
        var code = NewIndicatorCode();
        await app.PostAsync($"/api/cities/{city}/indicators", LocalIndicatorBody(code), await OfficialAsync(), 201);
        return code;
    }

    public static string NewIndicatorCode() => $"MX-{Guid.NewGuid():N}"[..15].ToUpperInvariant();

    /// <summary>An indicator proposed in the city by a resident of it; returns its id.</summary>
    public async Task<Guid> IndicatorProposalAsync() => await app.ProposeAsync(city, await ResidentAsync());

    public static object LocalIndicatorBody(string code) => new
    {
        code,
        baseline = new { period = "2019", value = 82 },
        target = 95,
        targetYear = 2030,
        department = "Housing",
        local = new
        {
            name = "Residents with sufficient living space", right = "housing", type = "outcome", unit = "%", unitKind = "percentage",
            direction = "increase", source = "administrative", disaggregations = new[] { "sex" },
        },
    };

    public static object CatalogueIndicatorBody(string code) => new
    {
        code, name = "Share of bus stops with step-free access", right = "mobility", type = "outcome", unit = "%", unitKind = "percentage",
        direction = "increase",
    };

    /// <summary>An indicator added to the network's catalogue (a code of its own, so revising it changes no other test's indicator); returns the code.</summary>
    public async Task<string> CatalogueIndicatorAsync()
    {
        var code = NewIndicatorCode();
        await app.PostAsync("/api/indicators", CatalogueIndicatorBody(code), await app.NetworkAdministratorAsync(), 201);
        return code;
    }

    public static string NewCycle() => $"m{Guid.NewGuid():N}"[..12];

    /// <summary>A cycle with every framework item assessed (not submitted); returns the cycle.</summary>
    public async Task<string> CompleteDraftAsync(Actor? official = null)
    {
        official ??= await OfficialAsync();
        var cycle = NewCycle();
        await app.StartAssessmentAsync(city, official, cycle);
        foreach (var item in AssessmentApi.AllItems) await app.AssessAsync(city, official, item, AssessmentApi.AdvancedLevel(item), cycle);
        return cycle;
    }

    public async Task<string> SubmittedAssessmentAsync()
    {
        var official = await OfficialAsync();
        var cycle = await CompleteDraftAsync(official);
        await app.PostAsync($"{AssessmentApi.AssessmentUrl(city, cycle)}/submit", null, official, 200);
        return cycle;
    }

    /// <summary>A submitted assessment with <see cref="Other"/> assigned to review it, and the reviewer (an official of <see cref="Other"/>).</summary>
    public async Task<(string Cycle, Actor Reviewer)> UnderReviewAsync()
    {
        var cycle = await SubmittedAssessmentAsync();
        await app.AssignReviewerAsync(city, await app.NetworkAdministratorAsync(), other, cycle);
        return (cycle, await ReviewerAsync());
    }

    /// <summary>A reviewed assessment (its review submitted) with one recommendation, answered "supported" when asked; returns the cycle and the recommendation.</summary>
    public async Task<(string Cycle, Guid Recommendation)> ReviewedAsync(bool supported = false)
    {
        var (cycle, reviewer) = await UnderReviewAsync();
        var url = AssessmentApi.AssessmentUrl(city, cycle);
        await app.PostAsync($"{url}/review/findings", new { item = "B4", finding = "The council meets twice a year." }, reviewer, 200);
        var recommendation = await app.RecommendAsync(city, reviewer, "B4", cycle);
        await app.PostAsync($"{url}/review/submit", null, reviewer, 200);
        if (supported) await app.PostAsync($"{url}/recommendations/{recommendation}/response", new { response = "supported" }, await OfficialAsync(), 200);
        return (cycle, recommendation);
    }

    /// <summary>Submits every cycle of the city still in draft, so that a new one may start (one open cycle per city).</summary>
    public async Task SubmitOpenDraftsAsync()
    {
        List<string> drafts;
        await using (var session = app.Store.QuerySession(city))
            drafts = (await session.Query<AssessmentView>().Where(a => a.Stage == AssessmentStage.Draft).Select(a => a.Cycle).ToListAsync()).ToList();
        foreach (var cycle in drafts)
        {
            var official = await OfficialAsync();
            foreach (var item in AssessmentApi.AllItems) await app.AssessAsync(city, official, item, AssessmentApi.AdvancedLevel(item), cycle);
            await app.PostAsync($"{AssessmentApi.AssessmentUrl(city, cycle)}/submit", null, official, 200);
        }
    }

    /// <summary>A UN recommendation of the city (a paragraph of its own), answered "supported" when asked; returns its id.</summary>
    public async Task<Guid> UnRecommendationAsync(bool supported = false)
    {
        var official = await OfficialAsync();
        var created = await app.PostAsync($"/api/cities/{city}/un-recommendations", UnRecommendationBody(), official, 201);
        var id = created.GetProperty("id").GetGuid();
        if (supported) await app.PostAsync($"/api/cities/{city}/un-recommendations/{id}/response", new { response = "supported" }, official, 200);
        return id;
    }

    public static object UnRecommendationBody() => new
    {
        source = "upr", cycle = "UPR 4th cycle 2022", paragraph = $"m{Guid.NewGuid():N}"[..12], text = "Provide adequate social housing.",
        rights = new[] { "housing" }, sdgTargets = new[] { "11.1" },
    };

    /// <summary>An account that signs in with <see cref="Password"/> (stored directly, as the test actors are); returns its email.</summary>
    public async Task<string> AccountWithPasswordAsync()
    {
        var id = Guid.CreateVersion7();
        var account = new Account { Id = id, Email = $"{id:N}@matrix.invalid", DisplayName = "Matrix person", CreatedAt = DateTimeOffset.UtcNow };
        account.Grant(city, CityRole.Resident);
        account.PasswordHash = app.Host.Services.GetRequiredService<IPasswordHasher<Account>>().HashPassword(account, Password);
        await using var session = app.Store.LightweightSession();
        session.Store(account);
        await session.SaveChangesAsync();
        return account.Email;
    }

    /// <summary>Gives the actor's account <see cref="Password"/>.</summary>
    public async Task SetPasswordAsync(Actor actor)
    {
        await using var session = app.Store.LightweightSession();
        var account = (await session.LoadAsync<Account>(actor.Id))!;
        account.PasswordHash = app.Host.Services.GetRequiredService<IPasswordHasher<Account>>().HashPassword(account, Password);
        session.Store(account);
        await session.SaveChangesAsync();
    }
}

/// <summary>
/// One write of the API: its OpenAPI operation id, who may call it, and how to prepare a valid request for it in a city.
/// <see cref="Repeatable"/>: a prepared request stays valid after an allowed caller made it (another caller may make it
/// too), so it is prepared once. <see cref="BeforeAllowed"/>: what an allowed caller does first (answer before amending).
/// <see cref="ElsewhereItem"/>: the answer when the route names, besides the city, an item of another city (404 unless said
/// otherwise; null when what the route names belongs to the network, not to a city).
/// </summary>
public sealed record WriteOperation(string Id, Who Who, Func<Scene, Task<Call>> Arrange, bool Repeatable = false,
    Func<Scene, Call, Actor, Task>? BeforeAllowed = null, int? ElsewhereItem = 404);

/// <summary>Every write of the API, by operation id. The matrix test fails when the OpenAPI document has one that is not here.</summary>
public static class WriteOperations
{
    private static Task<Call> Ready(Call call) => Task.FromResult(call);

    private static Call Id(object id, object? body = null) => Call.Of(body, ("id", id));

    /// <summary>A shadow report of last year by a new verified organisation of the scene's city, hidden by a moderator when asked; returns its id.</summary>
    private static async Task<Guid> ShadowReportAsync(Scene s, bool hidden)
    {
        var (organisation, member) = await s.App.VerifiedOrganisationAsync(s.City);
        var year = DateTimeOffset.UtcNow.Year - 1;
        var id = await s.App.PublishShadowReportAsync(s.City, organisation, member, year);
        if (hidden)
            await s.App.PostAsync($"/api/cities/{s.City}/reports/{year}/shadow/{id}/hiding", new { reason = "It names a private person." }, await s.ModeratorAsync(), 200);
        return id;
    }

    public static readonly IReadOnlyList<WriteOperation> All =
    [
        // Accounts: network-wide, no city in the route.
        new("registerAccount", Who.Anyone, s => Ready(Call.Of(new
        {
            email = $"{Guid.NewGuid():N}@matrix.invalid", password = Scene.Password, displayName = "New resident", city = s.City,
        }))),
        new("issueToken", Who.Anyone, async s => Call.Of(new { email = await s.AccountWithPasswordAsync(), password = Scene.Password }),
            Repeatable: true),
        new("signIn", Who.Anyone, async s => Call.Of(new { email = await s.AccountWithPasswordAsync(), password = Scene.Password }),
            Repeatable: true),
        new("signOut", Who.Anyone, _ => Ready(Call.Of()), Repeatable: true),
        new("signOutEverywhere", Who.SignedIn, _ => Ready(Call.Of()), Repeatable: true),
        new("changeMyPassword", Who.SignedIn, _ => Ready(Call.Of(new { currentPassword = Scene.Password, newPassword = "another-password-2026" })),
            Repeatable: true, BeforeAllowed: (s, _, caller) => s.SetPasswordAsync(caller)),
        // Each allowed caller erases their own account (fresh for this operation), confirmed by its password.
        new("eraseMyAccount", Who.SignedIn, _ => Ready(Call.Of(new { password = Scene.Password })),
            Repeatable: true, BeforeAllowed: (s, _, caller) => s.SetPasswordAsync(caller)),
        // Mailed links: a fresh link of a fresh account for each caller (a link works once); the reset request answers the same for all.
        new("verifyEmail", Who.Anyone, async s => Call.Of(new { token = await s.App.LinkTokenAsync(AccountLinkPurpose.VerifyEmail, s.City) })),
        new("resendEmailVerification", Who.SignedIn, _ => Ready(Call.Of()), Repeatable: true),
        new("requestPasswordReset", Who.Anyone, async s => Call.Of(new { email = await s.AccountWithPasswordAsync() }), Repeatable: true),
        new("resetPassword", Who.Anyone, async s => Call.Of(new
        {
            token = await s.App.LinkTokenAsync(AccountLinkPurpose.ResetPassword, s.City), newPassword = "a-new-password-2026",
        })),

        // Notifications: the caller's own notices and settings. The notice marked read is made the allowed caller's first.
        new("markMyNotificationRead", Who.SignedIn, _ => Ready(Id(Guid.NewGuid())), Repeatable: true, ElsewhereItem: null,
            BeforeAllowed: (s, call, caller) => s.NoticeOfAsync(Guid.Parse(call.Route["id"]), caller)),
        new("markAllMyNotificationsRead", Who.SignedIn, _ => Ready(Call.Of()), Repeatable: true),

        // Cities and roles.
        new("registerCity", Who.NetworkAdministrator, _ => Ready(Call.Of(new
        {
            slug = $"m{Guid.NewGuid():N}"[..20], names = new { en = "Matrixville" }, languages = new[] { "en" }, timeZone = "Europe/Paris",
        }))),
        new("changeCitySettings", Who.NetworkAdministrator, _ => Ready(Call.Of(new
        {
            concernResponseDays = 20, proposalSupportThreshold = 1, proposalDecisionDays = 60, supportsRequireVerifiedResidency = true,
        })), Repeatable: true),
        new("joinCity", Who.SignedIn, _ => Ready(Call.Of()), Repeatable: true),
        // Notification settings: the caller's own.
        new("changeMyNotificationSettings", Who.SignedIn, _ => Ready(Call.Of(new { optedIn = new[] { "townHallScheduled" }, email = new { concernAnswered = "dailyDigest" } })),
            Repeatable: true),
        // The route names an account: verifying another city's resident here is refused as not a resident of this city.
        new("verifyResident", Who.Official, async s => Call.Of(null, ("accountId", (await s.ResidentAsync()).Id)), Repeatable: true,
            ElsewhereItem: 422),
        new("grantCityRole", Who.NetworkAdministrator, async s => Call.Of(new { accountId = (await s.ResidentAsync()).Id, role = "moderator" }),
            Repeatable: true),
        // Accounts are the network's, not a city's: an administrator may revoke a role in any city from any account.
        new("revokeCityRole", Who.NetworkAdministrator, async s => Call.Of(null, ("accountId", (await s.ModeratorAsync()).Id), ("role", "moderator")),
            Repeatable: true, ElsewhereItem: null),

        // Concerns.
        new("raiseConcern", Who.Resident, _ => Ready(Call.Of(ConcernApi.ValidBody())), Repeatable: true),
        new("supportConcern", Who.VerifiedResident, async s => Id(await s.ConcernAsync()), Repeatable: true),
        new("withdrawConcernSupport", Who.Resident, async s => Id(await s.ConcernAsync()), Repeatable: true),
        new("acknowledgeConcern", Who.Official, async s => Id(await s.ConcernAsync(), new { department = "Transport" })),
        new("answerConcern", Who.Official, async s => Id(await s.ConcernAsync(), new { answer = "Raised kerbs at every stop by June." })),
        new("declineConcern", Who.Official, async s => Id(await s.ConcernAsync(), new { reason = "The county runs these buses." })),
        new("resolveConcern", Who.Official, async s => Id(await s.ConcernAsync(), new { note = "Done." })),
        new("hideConcern", Who.Moderator, async s => Id(await s.ConcernAsync(), new { reason = "A private phone number." })),
        new("redactConcern", Who.Moderator, async s => Id(await s.ConcernAsync(), new { reason = "A threat against a neighbour." })),
        new("restoreConcern", Who.Moderator, async s => Id(await s.HiddenConcernAsync(), new { reason = "The number is gone." })),
        new("withdrawConcern", Who.Author, async s =>
        {
            var author = await s.ResidentAsync();
            return Id(await s.ConcernAsync(author)) with { Author = author };
        }, Repeatable: true),
        new("contestConcern", Who.Author, async s =>
        {
            var author = await s.ResidentAsync();
            return Id(await s.ContestedConcernAsync(author, 0), new { reason = "The stop has no kerb yet." }) with { Author = author };
        }, Repeatable: true),
        new("escalateConcern", Who.Author, async s =>
        {
            var author = await s.ResidentAsync();
            return Id(await s.ContestedConcernAsync(author, 2), new { reason = "Reopened twice, nothing done." }) with { Author = author };
        }, Repeatable: true),
        new("recordEscalationFinding", Who.IndependentBody, async s =>
        {
            var author = await s.ResidentAsync();
            var id = await s.ContestedConcernAsync(author, 2);
            await s.App.ActAsync(id, "escalation", author, new { reason = "Reopened twice." }, city: s.City);
            return Id(id, new { finding = "The council did not act.", outcome = "upheld" });
        }),
        new("followConcern", Who.Resident, async s => Id(await s.ConcernAsync()), Repeatable: true),
        new("unfollowConcern", Who.Resident, async s => Id(await s.ConcernAsync()), Repeatable: true),

        // Open311: officials manage the city's client apps; a client app with a key of the city submits, whoever calls.
        new("issueOpen311Key", Who.Official, _ => Ready(Call.Of(new { app = "Street Reporter" })), Repeatable: true),
        new("revokeOpen311Key", Who.Official, async s => Id(await s.Open311ClientAsync()), Repeatable: true),
        // Another city's request (its key) sent to this city's route: the key is unknown here, 403.
        new("open311CreateRequest", Who.Anyone, async s => Call.Of(null, ("format", "json")) with
        {
            Form = $"api_key={Uri.EscapeDataString(await s.Open311KeyAsync())}&service_code=housing&lat=53.96&long=-1.08&description=Damp%20flats",
        }, Repeatable: true, ElsewhereItem: 403),

        // Proposals.
        new("submitProposal", Who.Resident, _ => Ready(Call.Of(ProposalApi.ValidBody())), Repeatable: true),
        new("supportProposal", Who.VerifiedResident, async s => Id(await s.ProposalAsync()), Repeatable: true),
        new("withdrawProposalSupport", Who.Resident, async s => Id(await s.ProposalAsync()), Repeatable: true),
        new("acceptProposal", Who.Official, async s => Id(await s.ProposalAsync(), new { decision = "Agreed.", commitment = CommitmentApi.Body() })),
        new("rejectProposal", Who.Official, async s => Id(await s.ProposalAsync(), new { reason = "Outside the council's powers." })),
        new("withdrawProposal", Who.Author, async s =>
        {
            var author = await s.ResidentAsync();
            return Id(await s.ProposalAsync(author)) with { Author = author };
        }, Repeatable: true),

        // Co-created indicators: residents propose and support, officials consult, adopt or decline.
        new("proposeIndicator", Who.Resident, _ => Ready(Call.Of(IndicatorProposalApi.Body())), Repeatable: true),
        new("supportIndicatorProposal", Who.VerifiedResident, async s => Id(await s.IndicatorProposalAsync()), Repeatable: true),
        new("withdrawIndicatorProposalSupport", Who.Resident, async s => Id(await s.IndicatorProposalAsync()), Repeatable: true),
        new("putIndicatorProposalToConsultation", Who.Official, async s => Id(await s.IndicatorProposalAsync(), new { consultationId = await s.DraftConsultationAsync() })),
        new("adoptIndicatorProposal", Who.Official, async s => Id(await s.IndicatorProposalAsync(), IndicatorProposalApi.Adoption(Scene.NewIndicatorCode()))),
        new("declineIndicatorProposal", Who.Official, async s => Id(await s.IndicatorProposalAsync(), new { reason = "The register cannot tell." })),

        // Commitments.
        new("publishCommitment", Who.Official, _ => Ready(Call.Of(CommitmentApi.Body())), Repeatable: true),
        new("planCommitmentMilestone", Who.Official, async s => Id(await s.CommitmentAsync(), new { title = "Contract signed", dueDate = CommitmentApi.InDays(30) }),
            Repeatable: true),
        new("reportCommitmentProgress", Who.Official, async s => Id(await s.CommitmentAsync(), new { percent = 40, note = "Kerbs ordered" })),
        new("changeCommitmentDeadline", Who.Official, async s => Id(await s.CommitmentAsync(), new { dueDate = CommitmentApi.InDays(365), reason = "The contractor went bankrupt." })),
        new("fulfilCommitment", Who.Official, async s => Id(await s.CommitmentAsync(), new { evidenceUrl = "https://example.org/done" })),
        new("abandonCommitment", Who.Official, async s => Id(await s.CommitmentAsync(), new { reason = "Merged into the city-wide programme." })),
        new("followCommitment", Who.Resident, async s => Id(await s.CommitmentAsync()), Repeatable: true),
        new("unfollowCommitment", Who.Resident, async s => Id(await s.CommitmentAsync()), Repeatable: true),

        // Good practices: the city's officials publish, revise and withdraw its own; they say the city adopted another city's
        // practice (which belongs to the network's library, not to a city the route names: no item of another city to refuse).
        new("publishPractice", Who.Official, _ => Ready(Call.Of(PracticeApi.Body())), Repeatable: true),
        new("revisePractice", Who.Official, async s => Id(await s.PracticeAsync(), PracticeApi.Body("Night buses and trams for shift workers")), Repeatable: true),
        new("withdrawPractice", Who.Official, async s => Id(await s.PracticeAsync(), new { reason = "Replaced by a city-wide scheme." }), Repeatable: true),
        new("adoptPractice", Who.Official, async s => Id(await s.NetworkPracticeAsync(), new { note = "Two night lines from May." }), Repeatable: true,
            ElsewhereItem: null),
        new("undoPracticeAdoption", Who.Official, async s => Id(await s.AdoptedPracticeAsync()), Repeatable: true, ElsewhereItem: null),

        // Consultations.
        new("draftConsultation", Who.Official, _ => Ready(Call.Of(new { title = "Getting around", description = "Tell us how you travel." })),
            Repeatable: true),
        new("openConsultation", Who.Official, async s => Id(await s.DraftConsultationAsync(), ConsultationApi.OpenBody())),
        new("respondToConsultation", Who.VerifiedResident, async s => Id(await s.OpenConsultationAsync(), ConsultationApi.Answers()), Repeatable: true),
        new("amendConsultationResponse", Who.VerifiedResident, async s => Id(await s.OpenConsultationAsync(), ConsultationApi.Answers(bus: "10")),
            Repeatable: true, BeforeAllowed: (s, call, caller) => s.App.RespondAsync(Guid.Parse(call.Route["id"]), caller, city: s.City)),
        new("publishConsultationOutcome", Who.Official, async s => Id(await s.ClosedConsultationAsync(), new { summary = "Night buses from May." })),

        // Town halls.
        new("scheduleTownHall", Who.Official, _ => Ready(Call.Of(TownHallApi.ScheduleBody())), Repeatable: true),
        new("openTownHall", Who.Official, async s => Id(await s.ScheduledTownHallAsync())),
        new("openTownHallPoll", Who.Official, async s => Id(await s.OpenTownHallAsync(), new { question = "What first?", options = TownHallApi.Options })),
        new("closeTownHallPoll", Who.Official, async s =>
        {
            var (townHall, poll) = await s.OpenPollAsync();
            return Call.Of(null, ("id", townHall), ("pollId", poll));
        }),
        new("closeTownHall", Who.Official, async s => Id(await s.OpenTownHallAsync(), new { minutes = "The council heard 40 residents.", commitmentIds = Array.Empty<Guid>() })),
        new("voteInTownHallPoll", Who.VerifiedResident, async s =>
        {
            var (townHall, poll) = await s.OpenPollAsync();
            return Call.Of(new { option = 1 }, ("id", townHall), ("pollId", poll));
        }, Repeatable: true),

        // Monitoring: the network's catalogue, and the city's indicators.
        new("addIndicator", Who.NetworkAdministrator, _ => Ready(Call.Of(Scene.CatalogueIndicatorBody(Scene.NewIndicatorCode())))),
        new("reviseIndicator", Who.NetworkAdministrator, async s => Call.Of(new { name = "Share of bus and tram stops with step-free access" },
            ("code", await s.CatalogueIndicatorAsync())), Repeatable: true),
        new("adoptIndicator", Who.Official, _ => Ready(Call.Of(Scene.LocalIndicatorBody(Scene.NewIndicatorCode())))),
        new("changeIndicatorTarget", Who.Official, async s => Call.Of(new { target = 90, targetYear = 2032, reason = "The council's new housing plan." },
            ("code", await s.AdoptedIndicatorAsync()))),
        new("recordMeasurement", Who.Official, async s => Call.Of(new { period = "2024", value = 85.5 }, ("code", await s.AdoptedIndicatorAsync())),
            Repeatable: true),
        new("importMeasurements", Who.Official, async s => Call.Of(null, ("code", await s.AdoptedIndicatorAsync())) with { Csv = "Year,Value\n2023,84.2\n" },
            Repeatable: true),

        // Assessments and peer reviews.
        new("startAssessment", Who.Official, _ => Ready(Call.Of(new { cycle = Scene.NewCycle() })),
            BeforeAllowed: (s, _, _) => s.SubmitOpenDraftsAsync()),
        new("assessFrameworkItem", Who.Official, async s =>
        {
            var cycle = Scene.NewCycle();
            await s.App.StartAssessmentAsync(s.City, await s.OfficialAsync(), cycle);
            return Call.Of(new { item = "A1", level = "inPlace", evidence = new[] { "https://example.org/evidence/A1" } }, ("cycle", cycle));
        }, Repeatable: true),
        new("submitAssessment", Who.Official, async s => Call.Of(null, ("cycle", await s.CompleteDraftAsync()))),
        new("assignPeerReviewer", Who.NetworkAdministrator, async s => Call.Of(new { reviewerCity = s.Other }, ("cycle", await s.SubmittedAssessmentAsync()))),
        new("recordPeerReviewFinding", Who.Reviewer, async s => Call.Of(new { item = "B4", finding = "The council meets twice a year." },
            ("cycle", (await s.UnderReviewAsync()).Cycle)), Repeatable: true),
        new("draftPeerReviewRecommendation", Who.Reviewer, async s => Call.Of(new { text = "Meet every month.", item = "B4", rights = new[] { "participation" } },
            ("cycle", (await s.UnderReviewAsync()).Cycle)), Repeatable: true),
        new("submitPeerReview", Who.Reviewer, async s =>
        {
            var (cycle, reviewer) = await s.UnderReviewAsync();
            await s.App.PostAsync($"{AssessmentApi.AssessmentUrl(s.City, cycle)}/review/findings", new { item = "B4", finding = "Twice a year." }, reviewer, 200);
            return Call.Of(null, ("cycle", cycle));
        }),
        new("awardRecognition", Who.NetworkAdministrator, async s => Call.Of(new { level = "recognised" }, ("cycle", (await s.ReviewedAsync()).Cycle))),
        new("answerRecommendation", Who.Official, async s =>
        {
            var (cycle, recommendation) = await s.ReviewedAsync();
            return Call.Of(new { response = "supported" }, ("cycle", cycle), ("recommendationId", recommendation));
        }),
        new("reportRecommendationFollowUp", Who.Official, async s =>
        {
            var (cycle, recommendation) = await s.ReviewedAsync(supported: true);
            return Call.Of(new { text = "Monthly meetings since March.", date = CommitmentApi.InDays(0), status = "inProgress" },
                ("cycle", cycle), ("recommendationId", recommendation));
        }, Repeatable: true),
        // Equal participation (docs/participation.md). The matrix's callers hold no organisation role: of them, the city's
        // officials alone may assist (the participation tests check organisations).
        new("saveMyParticipationProfile", Who.SignedIn, _ => Ready(Call.Of(new { consent = true, ageBand = "25-44", gender = "woman" })), Repeatable: true),
        new("withdrawMyParticipationProfile", Who.SignedIn, _ => Ready(Call.Of()), Repeatable: true),
        new("setPopulationShares", Who.Official, _ => Ready(Call.Of(new
        {
            shares = new[] { new { dimension = "gender", group = "woman", percent = 51.0 } }, source = new { name = "Census 2021", year = 2021 },
        })), Repeatable: true),
        new("tagConcernGroups", Who.Official, async s => Id(await s.ConcernAsync(), new { groups = new[] { "women", "disability" } }), Repeatable: true),
        new("raiseAssistedConcern", Who.Official, _ => Ready(Call.Of(new
        {
            resident = new { name = "A. B." }, consentNote = "Consent given orally at the library.", title = "No bench at the stop", rights = new[] { "mobility" },
        })), Repeatable: true),
        new("supportConcernAssisted", Who.Official, async s => Id(await s.ConcernAsync(),
            new { resident = new { name = "A. B." }, consentNote = "Consent given orally at the library." }), Repeatable: true),
        new("respondToConsultationAssisted", Who.Official, async s => Id(await s.OpenConsultationAsync(),
            new { resident = new { name = "C. D." }, consentNote = "Consent given by phone.", answers = new object[]
            {
                new { questionId = "bus", choices = new[] { "6" } }, new { questionId = "needs", choices = new[] { "ramps" } }, new { questionId = "safe", scale = 4 },
            } }),
            Repeatable: true),
        new("eraseOfflineResident", Who.Official, async s =>
        {
            var supported = await s.App.PostAsync($"/api/cities/{s.City}/concerns/{await s.ConcernAsync()}/assisted-supports",
                new { resident = new { name = "E. F." }, consentNote = "Consent given orally at the library." }, await s.OfficialAsync(), 200);
            return Call.Of(null, ("id", supported.GetProperty("offlineResidentId").GetGuid()));
        }),
        // Organisations: members of the city register them, officials or the network verify them; their members act for them
        // (the matrix's callers are members of none: each call's own member is its author).
        new("registerOrganisation", Who.Resident, _ => Ready(Call.Of(OrganisationApi.Body())), Repeatable: true),
        new("verifyOrganisation", Who.Verifier, async s => Id((await s.App.RegisterOrganisationAsync(s.City)).Id), Repeatable: true),
        new("declineOrganisation", Who.Verifier, async s => Id((await s.App.RegisterOrganisationAsync(s.City)).Id, new { reason = "Not active in the city." }),
            Repeatable: true),
        new("suspendOrganisation", Who.Verifier, async s => Id((await s.App.VerifiedOrganisationAsync(s.City)).Id, new { reason = "Spam." }), Repeatable: true),
        new("addOrganisationMember", Who.Author, async s =>
        {
            var (id, founder) = await s.App.RegisterOrganisationAsync(s.City);
            return Id(id, new { email = $"{(await s.ResidentAsync()).Id:N}@test.invalid" }) with { Author = founder };
        }, Repeatable: true),
        new("removeOrganisationMember", Who.Author, async s =>
        {
            var (id, founder) = await s.App.RegisterOrganisationAsync(s.City);
            var colleague = await s.ResidentAsync();
            await s.App.PostAsync($"/api/cities/{s.City}/organisations/{id}/members", new { email = $"{colleague.Id:N}@test.invalid" }, founder, 200);
            return Call.Of(null, ("id", id), ("accountId", colleague.Id)) with { Author = founder };
        }, Repeatable: true),
        new("raiseConcernOnBehalf", Who.Author, async s =>
        {
            var (id, member) = await s.App.VerifiedOrganisationAsync(s.City);
            return Id(id, new { title = "No ramp at the library", rights = new[] { "disability-inclusion" }, group = "disability" }) with { Author = member };
        }, Repeatable: true),
        new("publishShadowReport", Who.Author, async s =>
        {
            var (id, member) = await s.App.VerifiedOrganisationAsync(s.City);
            return Id(id, OrganisationApi.ShadowBody(DateTimeOffset.UtcNow.Year - 1)) with { Author = member };
        }, Repeatable: true),
        new("correctShadowReport", Who.Author, async s =>
        {
            var (organisation, member) = await s.App.VerifiedOrganisationAsync(s.City);
            var year = DateTimeOffset.UtcNow.Year - 1;
            var report = await s.App.PublishShadowReportAsync(s.City, organisation, member, year);
            return Call.Of(new { title = "Corrected", indicators = "Figures of December added." }, ("year", year), ("id", report)) with { Author = member };
        }, Repeatable: true),
        new("hideShadowReport", Who.Moderator, async s => Call.Of(new { reason = "It names a private person." }, ("year", DateTimeOffset.UtcNow.Year - 1),
            ("id", await ShadowReportAsync(s, hidden: false))), Repeatable: true),
        new("restoreShadowReport", Who.Moderator, async s => Call.Of(new { reason = "The name is gone." }, ("year", DateTimeOffset.UtcNow.Year - 1),
            ("id", await ShadowReportAsync(s, hidden: true))), Repeatable: true),

        new("linkRecommendationToCommitment", Who.Official, async s =>
        {
            var (cycle, recommendation) = await s.ReviewedAsync(supported: true);
            return Call.Of(new { commitmentId = await s.CommitmentAsync() }, ("cycle", cycle), ("recommendationId", recommendation));
        }, Repeatable: true),
        // The city's declaration of its commitment (the same declaration again changes nothing).
        new("declareHumanRightsCommitment", Who.Official, _ => Ready(Call.Of(new
        {
            decidedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)).ToString("yyyy-MM-dd"), decisionUrl = "https://example.org/council/decision",
        })), Repeatable: true),

        // UN recommendations.
        new("recordUnRecommendation", Who.Official, _ => Ready(Call.Of(Scene.UnRecommendationBody()))),
        new("importUnRecommendations", Who.Official, _ => Ready(Call.Of() with
        {
            Csv = $"source,cycle,paragraph,text,rights\nupr,UPR 4th cycle 2022,{Guid.NewGuid():N},Provide adequate social housing.,housing\n",
        }), Repeatable: true),
        new("answerUnRecommendation", Who.Official, async s => Id(await s.UnRecommendationAsync(), new { response = "supported" })),
        new("reportUnRecommendationFollowUp", Who.Official, async s =>
            Id(await s.UnRecommendationAsync(supported: true), new { text = "Forty flats bought.", date = CommitmentApi.InDays(0), status = "inProgress" }),
            Repeatable: true),
        new("linkUnRecommendationToCommitment", Who.Official, async s =>
            Id(await s.UnRecommendationAsync(supported: true), new { commitmentId = await s.CommitmentAsync() }), Repeatable: true),
    ];
}
