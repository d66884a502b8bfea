using Wolverine.Tracking;

namespace Platform.Tests.Commitments;

/// <summary>
/// A commitment becomes overdue by itself: publishing schedules a durable message for the end of the due
/// date (the start of the next day in the city's time zone); a deadline change schedules a new one and the
/// old one goes stale. The tests move the platform's clock to seconds before the due date ends, so the real
/// scheduled message fires a few seconds later.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class OverdueCommitmentsTests(AppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private const string MessageType = "Platform.Api.Commitments.CheckCommitmentDue";

    /// <summary>Moves the clock to <paramref name="before"/> ahead of the end of today in York; returns today's date there.</summary>
    private string MoveClockToJustBeforeTheEndOfToday(TimeSpan before)
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, london).DateTime);
        var end = Platform.Domain.Commitments.DueDates.EndOf(today, london);
        app.Clock.Offset = end - before - now;
        return today.ToString("yyyy-MM-dd");
    }

    [Fact]
    public async Task The_scheduled_message_records_the_commitment_overdue_when_its_due_date_ends()
    {
        try
        {
            var today = MoveClockToJustBeforeTheEndOfToday(TimeSpan.FromSeconds(3));
            var official = await app.OfficialAsync(); // its token is minted on the moved clock
            var id = await app.PublishCommitmentAsync(official, CommitmentApi.Body(dueDate: today));
            Assert.Equal(1, await ScheduledChecksAsync(id, today));

            var overdue = await WaitForAsync(id, c => c.TimelineKinds().Contains("overdue"));
            Assert.Equal("overdue", overdue.GetProperty("status").GetString());
            Assert.Equal(today, overdue.GetProperty("timeline").EnumerateArray().Last().GetProperty("details").GetProperty("dueDate").GetString());
            Assert.NotEqual(JsonValueKind.Null, overdue.GetProperty("overdueSince").ValueKind);

            // An overdue commitment still reports progress and can be fulfilled late.
            await app.ActAsync(id, "progress", new { percent = 90 }, official);
            var late = await app.ActAsync(id, "fulfilment", new { evidenceUrl = "https://york.gov.uk/late" }, official);
            Assert.Equal("fulfilled", late.GetProperty("status").GetString());
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_deadline_change_reschedules_and_the_stale_message_does_nothing()
    {
        try
        {
            var today = MoveClockToJustBeforeTheEndOfToday(TimeSpan.FromSeconds(3));
            var official = await app.OfficialAsync(); // its token is minted on the moved clock
            var id = await app.PublishCommitmentAsync(official, CommitmentApi.Body(dueDate: today));
            var tomorrow = DateOnly.Parse(today).AddDays(1).ToString("yyyy-MM-dd");
            await app.ActAsync(id, "deadline", new { dueDate = tomorrow, reason = "Council meeting moved" }, official);
            Assert.Equal(1, await ScheduledChecksAsync(id, tomorrow));

            // The first message fires (its time has come) and finds the due date moved on.
            var watch = Stopwatch.StartNew();
            while (await ScheduledChecksAsync(id, today) > 0 && watch.Elapsed < Patience) await Task.Delay(250);
            Assert.Equal(0, await ScheduledChecksAsync(id, today));
            await Task.Delay(1000);
            var view = await app.GetCommitmentAsync(id);
            Assert.Equal(["published", "deadlineChanged"], view.TimelineKinds());
            Assert.Equal("onTrack", view.GetProperty("status").GetString());
            Assert.Equal(1, await ScheduledChecksAsync(id, tomorrow));

            // The new check, delivered once the new date has ended, records it.
            app.Clock.Offset += TimeSpan.FromDays(1);
            await app.Host.InvokeMessageAndWaitAsync(new Platform.Api.Commitments.CheckCommitmentDue("york", id, DateOnly.Parse(tomorrow)));
            var overdue = await app.GetCommitmentAsync(id);
            Assert.Equal(["published", "deadlineChanged", "overdue"], overdue.TimelineKinds());
            Assert.Equal("overdue", overdue.GetProperty("status").GetString());
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }

    private async Task<JsonElement> WaitForAsync(Guid id, Func<JsonElement, bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Patience)
        {
            var view = await app.GetCommitmentAsync(id);
            if (condition(view)) return view;
            await Task.Delay(250);
        }
        throw new TimeoutException($"Commitment {id} did not change as expected within {Patience}.");
    }

    /// <summary>Scheduled checks of commitment <paramref name="id"/> for due date <paramref name="dueDate"/> stored in PostgreSQL.</summary>
    private static async Task<long> ScheduledChecksAsync(Guid id, string dueDate)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from platform.wolverine_incoming_envelopes where status = 'Scheduled' and message_type = $1 " +
            "and position(convert_to($2, 'UTF8') in body) > 0 and position(convert_to($3, 'UTF8') in body) > 0", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = MessageType });
        command.Parameters.Add(new NpgsqlParameter { Value = id.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = dueDate });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
