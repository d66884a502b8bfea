
namespace Platform.Tests.Consultations;

/// <summary>A consultation closes by itself at the end of its window, through a durable scheduled message.</summary>
[Collection(IntegrationCollection.Name)]
public class ClosingConsultationsTests(AppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<TimeSpan> WaitUntilClosedAsync(AppFixture app, Guid id, string city = "york")
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Patience)
        {
            if ((await app.GetConsultationAsync(id, city: city)).GetProperty("status").GetString() == "closed") return watch.Elapsed;
            await Task.Delay(250);
        }
        throw new TimeoutException($"Consultation {id} did not close within {Patience}.");
    }

    [Fact]
    public async Task It_closes_by_itself_when_the_window_ends_and_then_takes_no_more_answers()
    {
        var closesAt = DateTimeOffset.UtcNow.AddSeconds(4);
        var id = await app.OpenConsultationAsync(closesAt: closesAt);
        var early = await app.ResidentAsync();
        await app.RespondAsync(id, early);

        // The close is a scheduled message stored in PostgreSQL with the opening, not a timer in memory.
        Assert.Equal(1, await ScheduledClosesAsync(id));

        await WaitUntilClosedAsync(app, id);
        var consultation = await app.GetConsultationAsync(id);
        Assert.True(consultation.GetProperty("closedAt").GetDateTimeOffset() >= closesAt);

        var before = await app.EventCountAsync();
        var late = await app.RespondAsync(id, await app.ResidentAsync(), status: 409);
        Assert.Equal("consultation-closed", Json.Parse(await late.ReadAsTextAsync()).GetProperty("code").GetString());
        var amend = await app.AmendAsync(id, early, ConsultationApi.Answers(bus: "10"), status: 409);
        Assert.Equal("consultation-closed", Json.Parse(await amend.ReadAsTextAsync()).GetProperty("code").GetString());
        Assert.Equal(before, await app.EventCountAsync());
        Assert.Equal(1, (await app.ResultsAsync(id)).GetProperty("participation").GetInt64());
    }

    [Fact]
    public async Task A_consultation_that_opens_later_refuses_answers_until_then()
    {
        var id = await app.OpenConsultationAsync(opensAt: DateTimeOffset.UtcNow.AddHours(1));
        var before = await app.EventCountAsync();

        var result = await app.RespondAsync(id, await app.ResidentAsync(), status: 409);

        Assert.Equal("consultation-not-yet-open", Json.Parse(await result.ReadAsTextAsync()).GetProperty("code").GetString());
        Assert.Equal(before, await app.EventCountAsync());
    }

    private static async Task<long> ScheduledClosesAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from platform.wolverine_incoming_envelopes where status = 'Scheduled' and message_type = 'Platform.Api.Consultations.CloseConsultation' " +
            "and position(convert_to($1, 'UTF8') in body) > 0", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id.ToString() });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
