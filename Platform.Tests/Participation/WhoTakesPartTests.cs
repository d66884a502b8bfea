namespace Platform.Tests.Participation;

/// <summary>
/// Who takes part (docs/participation.md): distinct people per activity, by profile dimension, a group of fewer than
/// 10 people served as "fewer than 10" and never as its number; the same figures in the scorecard and the annual report.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class WhoTakesPartTests(AppFixture app)
{
    [Fact]
    public async Task Nine_women_supporting_are_fewer_than_ten_and_a_tenth_shows_the_number()
    {
        var city = await app.NewCityAsync();
        var concern = await app.RaiseAsync(city);
        var women = await app.PeopleAsync(city, 10, gender: "woman");
        foreach (var woman in women.Take(9)) await app.SupportAsync(concern, woman, city);

        var nine = await app.FiguresAsync(city, "supporting", "gender");
        var hidden = nine.Group("woman").GetProperty("people");
        Assert.Null(hidden.Count());
        Assert.Equal(10, hidden.GetProperty("fewerThan").GetInt32());
        Assert.Equal(JsonValueKind.Null, nine.Group("woman").GetProperty("sharePercent").ValueKind);
        var page = await app.GetTextAsync($"/cities/{city}/participation");
        Assert.Contains("fewer than 10", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@">\s*9\s*<"), page); // the nine are never shown as a number

        await app.SupportAsync(concern, women[9], city);
        var ten = await app.FiguresAsync(city, "supporting", "gender");
        Assert.Equal(10, ten.Group("woman").GetProperty("people").Count());
        Assert.Equal(JsonValueKind.Null, ten.Group("woman").GetProperty("people").GetProperty("fewerThan").ValueKind);
        Assert.Null(ten.Group("man").GetProperty("people").Count()); // no man: fewer than 10, not 0
    }

    [Fact]
    public async Task Those_without_a_profile_and_those_who_withdrew_it_are_counted_apart_as_not_said()
    {
        var city = await app.NewCityAsync();
        var concern = await app.RaiseAsync(city);
        var unsaid = await app.PeopleAsync(city, 9);
        var withdrawing = (await app.PeopleAsync(city, 1, gender: "man"))[0];
        foreach (var person in unsaid.Append(withdrawing)) await app.SupportAsync(concern, person, city);
        Assert.Null((await app.FiguresAsync(city, "supporting", "gender")).GetProperty("notSaid").Count());

        await app.SendForJsonAsync(HttpMethod.Delete, "/api/accounts/me/profile", null, withdrawing, 204);
        var gender = await app.FiguresAsync(city, "supporting", "gender");
        Assert.Equal(10, gender.GetProperty("notSaid").Count());
        Assert.Null(gender.Group("man").GetProperty("people").Count());
    }

    [Fact]
    public async Task Raising_voting_and_answering_count_each_person_once_anonymous_concerns_included()
    {
        var city = await app.NewCityAsync();
        var older = await app.PeopleAsync(city, 12, ageBand: "65-plus");
        // Half raise openly, half anonymously; one raises twice and still counts once.
        for (var i = 0; i < older.Count; i++)
            await app.RaiseAsync(city, new { title = $"Benches removed {i}", rights = new[] { "older-persons" }, anonymous = i % 2 == 0 }, older[i]);
        await app.RaiseAsync(city, new { title = "Benches removed again", rights = new[] { "older-persons" } }, older[0]);

        var official = await app.OfficialAsync(city);
        var consultation = await app.OpenConsultationAsync(official, city);
        var townHall = await app.OpenTownHallAsync(official, city);
        var poll = await app.OpenPollAsync(townHall, official, city: city);
        foreach (var person in older)
        {
            await app.RespondAsync(consultation, person, city: city);
            await app.VoteAsync(townHall, poll, person, 1, city: city);
        }

        var breakdown = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/participation"));
        foreach (var activity in new[] { "raising", "voting", "answering" })
        {
            Assert.Equal(12, ParticipationApi.Activity(breakdown, activity).GetProperty("people").Count());
            // All twelve are 65 or older: every other age band and "not said" are 0, which the 12 beside the total of 12
            // would give away, so the 12 is withheld (secondary suppression) while the rest read "fewer than 10".
            AssertWithheldBesideNoneElse(ParticipationApi.Dimension(breakdown, activity, "ageBand"), "65-plus");
        }
        Assert.Null(ParticipationApi.Activity(breakdown, "supporting").GetProperty("people").Count());

        // The scorecard and this year's report serve the same figures.
        var scorecard = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/scorecard")).GetProperty("participation");
        AssertWithheldBesideNoneElse(ParticipationApi.Dimension(scorecard, "raising", "ageBand"), "65-plus");
        var year = DateTimeOffset.UtcNow.Year;
        var report = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/reports/{year}")).GetProperty("whoTakesPart");
        Assert.Equal(year, report.GetProperty("year").GetInt32());
        AssertWithheldBesideNoneElse(ParticipationApi.Dimension(report.GetProperty("breakdown"), "answering", "ageBand"), "65-plus");
        var lastYear = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/reports/{year - 1}")).GetProperty("whoTakesPart").GetProperty("breakdown");
        Assert.Null(ParticipationApi.Activity(lastYear, "raising").GetProperty("people").Count());
    }

    /// <summary>The group everyone is in is withheld; the dimension's other groups and "not said" read "fewer than 10".</summary>
    private static void AssertWithheldBesideNoneElse(JsonElement dimension, string group)
    {
        var people = dimension.Group(group).GetProperty("people");
        Assert.Equal(JsonValueKind.Null, people.GetProperty("count").ValueKind);
        Assert.Equal(JsonValueKind.Null, people.GetProperty("fewerThan").ValueKind);
        Assert.Equal(10, dimension.GetProperty("notSaid").GetProperty("fewerThan").GetInt32());
    }

    [Fact]
    public async Task No_page_or_answer_shows_a_persons_profile_only_counts()
    {
        var city = await app.NewCityAsync();
        var person = (await app.PeopleAsync(city, 1, gender: "another", ageBand: "under-25"))[0];
        var concern = await app.RaiseAsync(city, author: person);
        var official = await app.OfficialAsync(city);
        foreach (var url in new[] { $"/api/cities/{city}/participation", $"/api/cities/{city}/concerns/{concern}", $"/api/cities/{city}/concerns/{concern}/history",
                     $"/api/cities/{city}/scorecard", $"/cities/{city}/participation" })
        {
            var body = await app.GetTextAsync(url, official);
            Assert.DoesNotContain(person.Id.ToString(), body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(app.Participant(person).ToString(), body, StringComparison.OrdinalIgnoreCase);
        }
        var gender = await app.FiguresAsync(city, "raising", "gender");
        Assert.Null(gender.Group("another").GetProperty("people").Count());
    }
}
