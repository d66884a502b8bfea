
namespace Platform.Tests.Notifications;

/// <summary>
/// Who hears of what (docs/notifications.md): each change reaches the people of its item once each, never the official
/// who made it, never an erased person; a hidden concern reaches its author only; the opt-in kinds reach those who asked.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class NoticeRecipientsTests(AppFixture app)
{
    [Fact]
    public async Task A_concern_change_reaches_its_author_supporters_and_followers_once_each_and_not_the_official()
    {
        var official = await app.OfficialAsync();
        var author = await app.ResidentAsync();
        var supporter = await app.ResidentAsync();
        var follower = await app.ResidentAsync();
        var both = await app.ResidentAsync(); // supports and follows: one notice all the same
        var withdrawn = await app.ResidentAsync();
        var bystander = await app.ResidentAsync();
        var concern = await app.RaiseAsync(author: author);
        await app.SupportAsync(concern, supporter);
        await app.SupportAsync(concern, both);
        await app.SupportAsync(concern, withdrawn);
        await app.Host.Scenario(x => { x.Delete.Url($"/api/cities/york/concerns/{concern}/supports"); x.As(withdrawn); x.StatusCodeShouldBeOk(); });
        await FollowAsync(concern, follower);
        await FollowAsync(concern, both);

        await app.ActAsync(concern, "acknowledgement", official, new { department = "Transport" });
        await app.ActAsync(concern, "answer", official, new { answer = "Raised kerbs by June." });
        await app.ActAsync(concern, "resolution", official, new { note = "Kerbs raised." });

        foreach (var person in new[] { author, supporter, follower, both })
        {
            var notices = await app.NoticesOnceAsync(person, 3);
            Assert.Equal(["concernResolved", "concernAnswered", "concernAcknowledged"], notices.Select(n => n.Kind())); // newest first
            Assert.All(notices, n => Assert.Equal(concern, n.ItemId()));
            Assert.Equal("Bus stops without step-free access", notices[0].GetProperty("title").GetString());
            Assert.Equal("Raised kerbs by June.", notices[1].GetProperty("detail").GetString());
            Assert.Equal($"/api/cities/york/concerns/{concern}", notices[0].GetProperty("href").GetString());
        }
        await app.NoticesSettledAsync();
        foreach (var person in new[] { official, withdrawn, bystander })
            Assert.Equal(0, (await app.NoticesAsync(person)).GetProperty("total").GetInt32());
        Assert.Equal(3, (await app.NoticesAsync(both)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_declined_anonymous_concern_reaches_its_author_and_a_hidden_one_its_author_only()
    {
        var official = await app.OfficialAsync();
        var moderator = await app.AccountAsync("york", CityRole.Moderator);
        var author = await app.ResidentAsync();
        var supporter = await app.ResidentAsync();
        var anonymous = new { title = "Damp in council flats", description = "Mould in the stairwells.", rights = new[] { "housing" }, sdgTargets = Array.Empty<string>(), anonymous = true };
        var concern = await app.RaiseAsync(body: anonymous, author: author);
        await app.SupportAsync(concern, supporter);
        await app.ActAsync(concern, "declination", official, new { reason = "A private landlord's building." });
        Assert.Equal("concernDeclined", (await app.NoticesOnceAsync(author, 1))[0].Kind());
        Assert.Equal("A private landlord's building.", (await app.NoticesOnceAsync(supporter, 1))[0].GetProperty("detail").GetString());

        // No lifecycle change reaches a hidden concern through the API today (it refuses them); the rule stands for any
        // that may (a change handled after the concern was hidden): asked directly, the recipients are its author alone.
        var hidden = await app.RaiseAsync(author: author);
        await app.SupportAsync(hidden, supporter);
        var change = Platform.Api.Notifications.NoticeChange.Of(new Platform.Domain.Concerns.ConcernAnswered(hidden, official.Id, "Noted.", DateTimeOffset.UtcNow))!;
        var recipients = app.Host.Services.GetRequiredService<Platform.Api.Notifications.NoticeRecipients>();
        var members = await recipients.MembersAsync("york", CancellationToken.None);
        Assert.Equal(new[] { author.Id, supporter.Id }.Order(), (await recipients.ForAsync(app.Store, "york", change, _ => Task.FromResult(members), CancellationToken.None))!.Accounts.Order());
        await app.ActAsync(hidden, "hiding", moderator, new { reason = "Names a private person." });
        Assert.Equal([author.Id], (await recipients.ForAsync(app.Store, "york", change, _ => Task.FromResult(members), CancellationToken.None))!.Accounts);
    }

    [Fact]
    public async Task A_proposal_reaching_its_threshold_and_decided_reaches_its_author_and_supporters()
    {
        var city = await app.CityWithThresholdAsync(threshold: 2);
        var official = await app.OfficialAsync(city);
        var author = await app.ResidentAsync(city);
        var supporters = await app.AccountsAsync(2, city, CityRole.Resident);
        var proposal = await app.SubmitAsync(city, author: author);
        foreach (var s in supporters) await app.SupportProposalAsync(proposal, s, city);
        await app.ActOnProposalAsync(proposal, "rejection", official, new { reason = "No budget this year." }, 200, city);

        foreach (var person in supporters.Append(author))
        {
            var notices = await app.NoticesOnceAsync(person, 2);
            Assert.Equal(["proposalDecided", "proposalThresholdReached"], notices.Select(n => n.Kind()));
            Assert.Equal("No budget this year.", notices[0].GetProperty("detail").GetString());
            Assert.Equal(city, notices[0].GetProperty("city").GetString());
        }
        await app.NoticesSettledAsync();
        Assert.Equal(0, (await app.NoticesAsync(official)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_commitment_change_reaches_its_followers_and_the_supporters_of_its_concerns_unless_they_stopped()
    {
        var official = await app.OfficialAsync();
        var concern = await app.RaiseAsync();
        var supporter = await app.ResidentAsync();
        var stopped = await app.ResidentAsync();
        var follower = await app.ResidentAsync();
        await app.SupportAsync(concern, supporter);
        await app.SupportAsync(concern, stopped);
        var commitment = await app.PublishCommitmentAsync(official, CommitmentApi.Body(origins: [new { kind = "concern", id = concern }]));
        await FollowAsync(commitment, follower, "commitments");
        await app.Host.Scenario(x => { x.Delete.Url($"/api/cities/york/commitments/{commitment}/follow"); x.As(stopped); x.StatusCodeShouldBeOk(); });

        await app.ActAsync(commitment, "progress", new { percent = 40, note = "Kerbs ordered" }, official);
        await app.ActAsync(commitment, "fulfilment", new { evidenceUrl = "https://york.example/kerbs" }, official);

        foreach (var person in new[] { supporter, follower })
        {
            var notices = await app.NoticesOnceAsync(person, 2);
            Assert.Equal(["commitmentFulfilled", "commitmentProgress"], notices.Where(n => n.ItemId() == commitment).Select(n => n.Kind()));
            Assert.Contains("Kerbs ordered", notices.Single(n => n.Kind() == "commitmentProgress").GetProperty("detail").GetString());
        }
        await app.NoticesSettledAsync();
        Assert.DoesNotContain((await app.NoticesAsync(stopped)).GetProperty("items").EnumerateArray(), n => n.ItemId() == commitment);
    }

    [Fact]
    public async Task A_consultation_opened_and_a_town_hall_scheduled_reach_the_residents_of_the_city_who_opted_in()
    {
        var city = await app.CityWithThresholdAsync(threshold: 5);
        var official = await app.OfficialAsync(city);
        var keen = await app.ResidentAsync(city);
        var halls = await app.ResidentAsync(city);
        var quiet = await app.ResidentAsync(city);
        var elsewhere = await app.ResidentAsync(); // of york, opted in to both
        await OptInAsync(keen, "consultationOpened", "townHallScheduled");
        await OptInAsync(halls, "townHallScheduled");
        await OptInAsync(elsewhere, "consultationOpened", "townHallScheduled");

        var consultation = await app.OpenConsultationAsync(official, city);
        var townHall = await app.ScheduleTownHallAsync(official, city);

        Assert.Equal(["townHallScheduled", "consultationOpened"], (await app.NoticesOnceAsync(keen, 2)).Select(n => n.Kind()));
        var only = Assert.Single(await app.NoticesOnceAsync(halls, 1));
        Assert.Equal(townHall, only.ItemId());
        Assert.Equal("Tang Hall town hall", only.GetProperty("title").GetString());
        await app.NoticesSettledAsync();
        Assert.Single((await app.NoticesAsync(halls)).GetProperty("items").EnumerateArray());
        Assert.Equal(0, (await app.NoticesAsync(quiet)).GetProperty("total").GetInt32());
        Assert.DoesNotContain((await app.NoticesAsync(elsewhere)).GetProperty("items").EnumerateArray(), n => n.ItemId() == consultation || n.ItemId() == townHall);
    }

    [Fact]
    public async Task An_erased_person_hears_of_nothing_more_and_their_notices_go_with_them()
    {
        var official = await app.OfficialAsync();
        var supporter = await app.ResidentAsync();
        var concern = await app.RaiseAsync();
        await app.SupportAsync(concern, supporter);
        await app.ActAsync(concern, "acknowledgement", official, new { department = "Transport" });
        await app.NoticesOnceAsync(supporter, 1);

        await app.Host.Services.GetRequiredService<Platform.Api.Accounts.PersonalData>().EraseAsync(supporter.Id, CancellationToken.None);
        await app.ActAsync(concern, "answer", official, new { answer = "Soon." });
        await app.NoticesSettledAsync();
        await using var session = app.Store.QuerySession();
        Assert.Equal(0, await session.Query<Platform.Api.Notifications.Notice>().CountAsync(n => n.AccountId == supporter.Id));
    }

    private Task<IScenarioResult> OptInAsync(Actor person, params string[] kinds) => app.Host.Scenario(x =>
    {
        x.Put.Json(new { optedIn = kinds }).ToUrl("/api/accounts/me/notifications/settings");
        x.As(person);
        x.StatusCodeShouldBeOk();
    });

    private Task<IScenarioResult> FollowAsync(Guid id, Actor person, string collection = "concerns") => app.Host.Scenario(x =>
    {
        x.Put.Url($"/api/cities/york/{collection}/{id}/follow");
        x.As(person);
        x.StatusCodeShouldBeOk();
    });
}
