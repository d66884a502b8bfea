using Platform.Api.Accounts;
using Platform.Domain.Concerns;

namespace Platform.Tests.Trust;

/// <summary>
/// A resident's data is theirs: they download everything the platform holds on them, and erasing the account removes
/// it from the event store itself, from every table and every export, while every count and tally stays exact and
/// every token of the account stops working at once.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PersonalDataTests(AppFixture app)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_resident_exports_everything_they_did_and_erasing_the_account_removes_them_from_every_table_with_counts_kept()
    {
        var city = await app.NewCityAsync();
        var (person, email) = await app.RegisterAsync(city, Password);
        var marker = $"Mould in flat {Guid.NewGuid():N}";
        var secret = $"My neighbour {Guid.NewGuid():N} is ill";

        // What the person does: raise (openly and anonymously), support, submit, vote, answer, follow.
        var own = await app.RaiseAsync(city, new { title = marker, description = secret, rights = new[] { "housing" }, district = "Elm Street" }, person);
        var anonymous = await app.RaiseAsync(city, new { title = marker + " (anonymous)", description = secret, rights = new[] { "housing" }, anonymous = true }, person);
        var other = await app.RaiseAsync(city);
        await app.SupportAsync(other, person, city);
        var proposal = await app.SubmitAsync(city, new { title = marker + " proposal", description = secret, rights = new[] { "housing" } }, person);
        var official = await app.OfficialAsync(city);
        var townHall = await app.OpenTownHallAsync(official, city);
        var poll = await app.OpenPollAsync(townHall, official, city: city);
        await app.VoteAsync(townHall, poll, person, 1, city: city);
        var consultation = await app.OpenConsultationAsync(official, city);
        await app.RespondAsync(consultation, person, ConsultationApi.Answers(more: secret), city: city);
        await app.Host.Scenario(x => { x.Put.Url($"/api/cities/{city}/concerns/{other}/follow"); x.As(person); x.StatusCodeShouldBe(200); });

        // The export holds all of it.
        var export = Json.Parse(await app.GetTextAsync("/api/accounts/me/export", person));
        Assert.Equal(email, export.GetProperty("account").GetProperty("email").GetString());
        var kinds = export.GetProperty("activity").EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ToList();
        Assert.Equal(2, kinds.Count(k => k == "concern_raised"));
        Assert.Contains("concern_supported", kinds);
        Assert.Contains("proposal_submitted", kinds);
        Assert.Contains("town_hall_vote_cast", kinds);
        Assert.Contains("consultation_response_submitted", kinds);
        Assert.Contains(marker, export.GetRawText());
        Assert.Contains(secret, export.GetRawText());
        Assert.Equal(other, Assert.Single(export.GetProperty("follows").EnumerateArray()).GetProperty("itemId").GetGuid());

        var supportsBefore = (await app.GetConcernAsync(other, city)).GetProperty("supports").GetInt64();
        var votesBefore = (await app.GetTownHallAsync(townHall, city)).GetProperty("currentPoll").GetProperty("total").GetInt64();
        var answersBefore = (await app.ResultsAsync(consultation, official, city)).GetProperty("participation").GetInt64();
        var eventsBefore = await app.EventCountAsync();
        Assert.Contains(marker, await app.GetTextAsync($"/api/cities/{city}/concern-board")); // the board lists both with their titles

        // A wrong password erases nothing.
        await EraseAsync(person, "not my password", 400);
        Assert.Equal(200, (await app.Host.Scenario(x => { x.Get.Url("/api/accounts/me"); x.As(person); x.IgnoreStatusCode(); })).Context.Response.StatusCode);

        await EraseAsync(person, Password, 200);

        // Tokens stop at once; the email signs in no more.
        await app.Host.Scenario(x => { x.Get.Url("/api/accounts/me"); x.As(person); x.StatusCodeShouldBe(401); });
        await app.Host.Scenario(x => { x.Post.Json(new { email, password = Password }).ToUrl("/api/accounts/token"); x.StatusCodeShouldBe(401); });

        // Counts and tallies stay exact; nothing was appended or removed.
        Assert.Equal(supportsBefore, (await app.GetConcernAsync(other, city)).GetProperty("supports").GetInt64());
        Assert.Equal(votesBefore, (await app.GetTownHallAsync(townHall, city)).GetProperty("currentPoll").GetProperty("total").GetInt64());
        Assert.Equal(answersBefore, (await app.ResultsAsync(consultation, official, city)).GetProperty("participation").GetInt64());
        Assert.Equal(eventsBefore, await app.EventCountAsync());

        // What they raised stays, without their words.
        var erased = await app.GetConcernAsync(own, city);
        Assert.Equal(PersonalData.ErasedTitle, erased.GetProperty("title").GetString());
        Assert.Equal("", erased.GetProperty("description").GetString());
        Assert.Equal(PersonalData.ErasedTitle, (await app.GetConcernAsync(anonymous, city)).GetProperty("title").GetString());
        Assert.Equal(PersonalData.ErasedTitle, (await app.GetProposalAsync(proposal, city)).GetProperty("title").GetString());
        Assert.DoesNotContain(marker, await app.GetTextAsync($"/api/cities/{city}/open-data/concerns?format=csv"));
        var board = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concern-board")).GetProperty("top").EnumerateArray().ToList();
        Assert.Equal([PersonalData.ErasedTitle, PersonalData.ErasedTitle], board.Where(c => c.GetProperty("id").GetGuid() == own || c.GetProperty("id").GetGuid() == anonymous)
            .Select(c => c.GetProperty("title").GetString()));
        Assert.DoesNotContain(board, c => c.GetProperty("id").GetGuid() == own && c.GetProperty("district").ValueKind != JsonValueKind.Null);
        Assert.DoesNotContain(secret, await app.GetTextAsync($"/api/cities/{city}/consultations/{consultation}/results", official));

        // Nowhere in the database: not their id, email, words or answers.
        foreach (var needle in new[] { person.Id.ToString(), email, marker, secret })
            Assert.Empty(await TablesContainingAsync(needle));
    }

    [Fact]
    public async Task An_anonymous_concern_keeps_no_account_id_in_the_database_and_stays_its_authors()
    {
        var city = await app.NewCityAsync();
        var (author, _) = await app.RegisterAsync(city, Password);
        var title = $"Anonymous {Guid.NewGuid():N}";
        var id = await app.RaiseAsync(city, new { title, rights = new[] { "housing" }, anonymous = true }, author);

        Assert.Equal(["mt_doc_account"], await TablesContainingAsync(author.Id.ToString())); // its own account only: not the events, views or state

        var own = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns/{id}", author));
        Assert.True(own.GetProperty("authoredByYou").GetBoolean());
        Assert.False(Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns/{id}", await app.ResidentAsync(city))).GetProperty("authoredByYou").GetBoolean());
        Assert.Equal([id], Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns/mine", author)).Ids());
        Assert.Contains(title, await app.GetTextAsync("/api/accounts/me/export", author));

        var stranger = await app.ResidentAsync(city);
        await app.Host.Scenario(x => { x.Post.Url($"/api/cities/{city}/concerns/{id}/withdrawal"); x.As(stranger); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Url($"/api/cities/{city}/concerns/{id}/withdrawal"); x.As(author); x.StatusCodeShouldBe(200); });

        await EraseAsync(author, Password, 200);
        Assert.Empty(await TablesContainingAsync(title));
    }

    [Fact]
    public async Task A_moderator_redacts_a_concerns_text_from_the_store_itself_and_its_history_says_why()
    {
        var city = await app.NewCityAsync();
        var words = $"Call {Guid.NewGuid():N} at home";
        var id = await app.RaiseAsync(city, new { title = words, description = words, rights = new[] { "housing" }, district = "Elm Street" });
        await app.SupportAsync(id, await app.ResidentAsync(city), city);
        var moderator = await app.AccountAsync(city, Platform.Domain.Accounts.CityRole.Moderator);

        await app.ActAsync(id, "redaction", await app.ResidentAsync(city), new { reason = "Not mine to decide." }, status: 403, city: city);
        await app.ActAsync(id, "redaction", moderator, new { reason = "" }, status: 400, city: city);
        var redacted = await app.ActAsync(id, "redaction", moderator, new { reason = "A private phone number." }, city: city);

        Assert.Equal(Platform.Projections.Concerns.ConcernView.RedactedTitle, redacted.GetProperty("title").GetString());
        var concern = await app.GetConcernAsync(id, city);
        Assert.Equal("", concern.GetProperty("description").GetString());
        Assert.Equal(1, concern.GetProperty("supports").GetInt64());
        var history = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns/{id}/history"));
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("event").GetString() == "redacted" && e.GetProperty("details").GetString() == "A private phone number.");
        Assert.Empty(await TablesContainingAsync(words));

        Assert.Equal("concern-redacted", (await app.ActAsync(id, "redaction", moderator, new { reason = "Again." }, status: 409, city: city)).Code());
    }

    [Fact]
    public async Task An_anonymous_concern_stored_under_an_account_id_before_pseudonyms_is_moved_to_its_authors_pseudonym()
    {
        var city = await app.NewCityAsync();
        var (author, _) = await app.RegisterAsync(city, Password);
        // As the platform stored it before: the ConcernRaised event names the account.
        var id = Guid.CreateVersion7();
        var raised = ConcernDecider.Decide(new RaiseConcern(id, author.Id, "Old anonymous concern", "", ["housing"], [], null, Anonymous: true), null,
            DateTimeOffset.UtcNow);
        await using (var session = app.Store.LightweightSession(city))
        {
            session.Events.StartStream<Concern>(id, raised.Events);
            await session.SaveChangesAsync();
        }
        Assert.Contains("mt_events", await TablesContainingAsync(author.Id.ToString()));

        var migration = app.Host.Services.GetRequiredService<AnonymousAuthors>();
        Assert.True(await migration.MigrateAsync(CancellationToken.None) >= 1);
        Assert.Equal(0, await migration.MigrateAsync(CancellationToken.None)); // done once: a second run finds nothing

        Assert.Equal(["mt_doc_account"], await TablesContainingAsync(author.Id.ToString()));
        Assert.True(Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns/{id}", author)).GetProperty("authoredByYou").GetBoolean());
        Assert.Equal([id], Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns/mine", author)).Ids());
    }

    [Fact]
    public async Task Supports_votes_and_answers_are_stored_under_the_residents_pseudonym_and_still_one_voice_each_and_their_own()
    {
        var city = await app.NewCityAsync();
        var (person, _) = await app.RegisterAsync(city, Password);
        var concern = await app.RaiseAsync(city);
        var proposal = await app.SubmitAsync(city);
        var official = await app.OfficialAsync(city);
        var townHall = await app.OpenTownHallAsync(official, city);
        var poll = await app.OpenPollAsync(townHall, official, city: city);
        var consultation = await app.OpenConsultationAsync(official, city);

        Assert.True((await app.SupportAsync(concern, person, city)).GetProperty("changed").GetBoolean());
        Assert.True((await app.SupportProposalAsync(proposal, person, city)).GetProperty("changed").GetBoolean());
        await app.VoteAsync(townHall, poll, person, 2, city: city);
        await app.RespondAsync(consultation, person, city: city);

        // The database alone does not say who: their account id is in their account, nowhere else.
        Assert.Equal(["mt_doc_account"], await TablesContainingAsync(person.Id.ToString()));
        var participant = app.Participant(person).ToString();
        Assert.Contains("mt_events", await TablesContainingAsync(participant));

        // One voice each still holds, and they still see their own.
        Assert.False((await app.SupportAsync(concern, person, city)).GetProperty("changed").GetBoolean());
        Assert.False((await app.SupportProposalAsync(proposal, person, city)).GetProperty("changed").GetBoolean());
        Assert.Equal("already-voted", Json.Parse(await (await app.VoteAsync(townHall, poll, person, 0, status: 409, city: city)).ReadAsTextAsync()).Code());
        await app.RespondAsync(consultation, person, status: 409, city: city);
        Assert.Equal(2, Json.Parse(await app.GetTextAsync($"/api/cities/{city}/town-halls/{townHall}/polls/{poll}/votes/mine", person)).GetProperty("option").GetInt32());
        await app.GetTextAsync($"/api/cities/{city}/consultations/{consultation}/responses/mine", person);
        Assert.Equal(1, (await app.GetConcernAsync(concern, city)).GetProperty("supports").GetInt64());
        Assert.Equal(1, (await app.GetTownHallAsync(townHall, city)).GetProperty("currentPoll").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Supports_votes_and_answers_stored_under_an_account_id_before_pseudonyms_move_to_the_pseudonym_with_counts_kept()
    {
        var city = await app.NewCityAsync();
        var (person, _) = await app.RegisterAsync(city, Password);
        var concern = await app.RaiseAsync(city);
        var official = await app.OfficialAsync(city);
        var townHall = await app.OpenTownHallAsync(official, city);
        var poll = await app.OpenPollAsync(townHall, official, city: city);
        var consultation = await app.OpenConsultationAsync(official, city);

        // As the platform stored them before: streams named by item and account, events naming the account.
        var now = DateTimeOffset.UtcNow;
        await using (var session = app.Store.LightweightSession(city))
        {
            var questions = await session.LoadAsync<Platform.Domain.Consultations.Consultation>(consultation);
            var answer = Platform.Domain.Consultations.ConsultationDecider.Decide(new Platform.Domain.Consultations.SubmitConsultationResponse(consultation, person.Id,
                [new("bus", ["6"], null, null), new("needs", ["ramps"], null, null), new("safe", null, 4, null), new("more", null, null, "Old answer.")]), new(questions, null), now);
            Assert.False(answer.IsRefused);
            session.Events.StartStream<ResidentSupport>(PersonalStream.Id(concern, person.Id), new ConcernSupported(concern, person.Id, now));
            session.Events.StartStream<Platform.Domain.TownHalls.ResidentVote>(PersonalStream.Id(poll, person.Id),
                new Platform.Domain.TownHalls.TownHallVoteCast(townHall, poll, person.Id, 1, now));
            session.Events.StartStream<Platform.Domain.Consultations.ResidentResponse>(PersonalStream.Id(consultation, person.Id), answer.Events);
            await session.SaveChangesAsync();
        }
        Assert.Contains("mt_events", await TablesContainingAsync(person.Id.ToString()));
        var events = await app.EventCountAsync();

        var migration = app.Host.Services.GetRequiredService<ParticipationPseudonyms>();
        Assert.True(await migration.MigrateAsync(CancellationToken.None) >= 3);
        Assert.Equal(0, await migration.MigrateAsync(CancellationToken.None)); // done once: a second run finds nothing

        Assert.Equal(["mt_doc_account"], await TablesContainingAsync(person.Id.ToString()));
        Assert.Equal(events, await app.EventCountAsync());
        Assert.False((await app.SupportAsync(concern, person, city)).GetProperty("changed").GetBoolean()); // still theirs: a repeat
        Assert.Equal(1, (await app.GetConcernAsync(concern, city)).GetProperty("supports").GetInt64());
        Assert.Equal(1, Json.Parse(await app.GetTextAsync($"/api/cities/{city}/town-halls/{townHall}/polls/{poll}/votes/mine", person)).GetProperty("option").GetInt32());
        Assert.Equal("already-voted", Json.Parse(await (await app.VoteAsync(townHall, poll, person, 0, status: 409, city: city)).ReadAsTextAsync()).Code());
        await app.GetTextAsync($"/api/cities/{city}/consultations/{consultation}/responses/mine", person);
        await app.AmendAsync(consultation, person, ConsultationApi.Answers(), city: city);
        Assert.Equal(1, (await app.ResultsAsync(consultation, official, city)).GetProperty("participation").GetInt64());
    }

    [Fact]
    public async Task Contests_are_in_their_authors_export_and_erased_with_them_while_other_peoples_stay()
    {
        var city = await app.NewCityAsync();
        var (author, _) = await app.RegisterAsync(city, Password);
        var (supporter, _) = await app.RegisterAsync(city, Password);
        var official = await app.OfficialAsync(city);
        var id = await app.RaiseAsync(city, author: author);
        await app.SupportAsync(id, supporter, city);
        await app.ActAsync(id, "acknowledgement", official, new { department = "Transport" }, city: city);
        await app.ActAsync(id, "answer", official, new { answer = "Kerbs raised in June." }, city: city);
        var theirs = $"The kerb at stop {Guid.NewGuid():N} is as it was";
        var mine = $"Nothing changed at stop {Guid.NewGuid():N}";
        await app.ActAsync(id, "contests", supporter, new { reason = theirs }, city: city); // one supporter: recorded, not reopened
        await app.ActAsync(id, "contests", author, new { reason = mine }, city: city); // the author's: reopens, with these words

        var export = await app.GetTextAsync("/api/accounts/me/export", author);
        Assert.Contains(mine, export);
        Assert.DoesNotContain(theirs, export);
        Assert.Contains(theirs, await app.GetTextAsync("/api/accounts/me/export", supporter));

        await EraseAsync(author, Password, 200);

        Assert.Empty(await TablesContainingAsync(mine)); // the contest, the reopening, the view and the state
        Assert.NotEmpty(await TablesContainingAsync(theirs));
        var history = await app.GetTextAsync($"/api/cities/{city}/concerns/{id}/history");
        Assert.Contains(theirs, history);
        var view = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns/{id}"));
        Assert.Equal(2, view.GetProperty("contest").GetProperty("contests").GetInt32());
        Assert.Equal(1, view.GetProperty("contest").GetProperty("reopens").GetInt32());
    }

    private Task EraseAsync(Actor person, string password, int status) => app.Host.Scenario(x =>
    {
        x.Delete.Json(new { password }).ToUrl("/api/accounts/me");
        x.As(person);
        x.StatusCodeShouldBe(status);
    });

    /// <summary>Every table of the platform's schema with a row whose text contains <paramref name="needle"/>.</summary>
    private static async Task<List<string>> TablesContainingAsync(string needle)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = 'platform' and table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand($"select count(*) from platform.\"{table}\" t where t::text ilike @needle", connection);
            search.Parameters.AddWithValue("needle", $"%{needle}%");
            if ((long)(await search.ExecuteScalarAsync())! > 0) found.Add(table);
        }
        return found;
    }
}
