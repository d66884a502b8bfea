using JasperFx.Events.Projections;
using Platform.Api.Infrastructure;
using Platform.Domain.Commitments;
using Platform.Domain.Concerns;
using Platform.Domain.Consultations;
using Platform.Domain.Proposals;
using Platform.Projections.Search;

namespace Platform.Tests.Search;

/// <summary>
/// The search index is rebuilt by one statement over the events (docs/projections.md), and that leaves every row as
/// the inline projection left it event by event: the last status, hidden as the last hiding or restoring left it, no
/// text after a redaction or an author's erasure, the highlight marks taken out of the text.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class SearchRebuildTests(AppFixture app)
{
    [Fact]
    public async Task The_index_rebuilt_in_sql_equals_what_the_inline_projection_wrote_event_by_event()
    {
        var city = await app.NewCityAsync();
        // A time whose ticks go past the microseconds PostgreSQL keeps (.1234567 s): both ways must cut them alike.
        var now = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond + 1_234_567, TimeSpan.Zero);
        var official = Guid.NewGuid();
        Guid Id() => Guid.CreateVersion7();
        ConcernRaised Raised(Guid id, string title, Guid? author = null) =>
            new(id, title, $"About {title}.", ["housing", "health"], [], "Centre", author ?? Guid.NewGuid(), false, now);
        ProposalSubmitted Submitted(Guid id, string title) => new(id, title, $"About {title}.", ["mobility"], [], null, Guid.NewGuid(), 10, now);
        CommitmentPublished Published(Guid id, string title) => new(id, title, $"About {title}.", ["housing"], [], [], "Housing",
            DateOnly.FromDateTime(now.UtcDateTime.AddYears(1)), now.AddYears(1), null, [], null, 1m, official, now);

        var (answered, hidden, redacted, erased, reopened, withdrawn) = (Id(), Id(), Id(), Id(), Id(), Id());
        var (accepted, withdrawnProposal, rejected) = (Id(), Id(), Id());
        var (fulfilled, abandoned, active) = (Id(), Id(), Id());
        var (published, draft) = (Id(), Id());
        var streams = new (Guid, object[])[]
        {
            (answered, [Raised(answered, "Mould in \u0002flats\u0003"), new ConcernAcknowledged(answered, official, "Housing", now.AddDays(20), now),
                new ConcernAnswered(answered, official, "We will inspect.", now)]),
            (hidden, [Raised(hidden, "Hidden twice"), new ConcernHidden(hidden, official, "Spam.", now), new ConcernRestored(hidden, official, "Not spam.", now),
                new ConcernHidden(hidden, official, "Spam after all.", now)]),
            (redacted, [Raised(redacted, "A private address"), new ConcernRedacted(redacted, official, "Personal data.", now)]),
            (erased, [Raised(erased, "Erased author", Guid.Empty), new ConcernAcknowledged(erased, official, "Housing", now.AddDays(20), now),
                new ConcernDeclined(erased, official, "Not ours.", now)]),
            (reopened, [Raised(reopened, "Lift broken again"), new ConcernAcknowledged(reopened, official, "Mobility", now.AddDays(20), now),
                new ConcernResolved(reopened, official, null, now), new ConcernReopened(reopened, "Broken again.", now.AddDays(20), now)]),
            (withdrawn, [Raised(withdrawn, "Withdrawn concern"), new ConcernWithdrawn(withdrawn, now)]),
            (accepted, [Submitted(accepted, "Benches"), new ProposalThresholdReached(accepted, 10, now.AddDays(30), now),
                new ProposalAccepted(accepted, official, "Yes.", null, now)]),
            (withdrawnProposal, [Submitted(withdrawnProposal, "Withdrawn proposal"), new ProposalWithdrawn(withdrawnProposal, now)]),
            (rejected, [Submitted(rejected, "Rejected proposal"), new ProposalRejected(rejected, official, "No budget.", now)]),
            (fulfilled, [Published(fulfilled, "Ramps"), new CommitmentFulfilled(fulfilled, "https://example.org/ramps", null, official, now)]),
            (abandoned, [Published(abandoned, "Tram line"), new CommitmentAbandoned(abandoned, "No funds.", official, now)]),
            (active, [Published(active, "Shelters")]),
            (published, [new ConsultationDrafted(published, "Parks", "About parks.", official, now),
                new ConsultationOpened(published, now, now.AddDays(7), [new ConsultationQuestion("q1", "Which park?", QuestionKind.SingleChoice, ["North", "South"])], official, now),
                new ConsultationClosed(published, now), new ConsultationOutcomePublished(published, official, "More trees.", [], now)]),
            (draft, [new ConsultationDrafted(draft, "Draft", "Not yet open.", official, now)]),
        };
        // Every event the index acts on is among them, so the statement is checked for each.
        Assert.Empty(SearchIndexProjection.EventTypes.Except(streams.SelectMany(s => s.Item2).Select(e => e.GetType())));
        foreach (var stream in streams) await app.AppendAsync(city, stream); // one transaction each, as they are written

        var inline = await RowsAsync(city);
        Assert.Equal(streams.Length, inline.Count);
        Assert.Equal("answered|Mould in  flats |false", Summary(inline[answered]));
        Assert.Equal("open|Hidden twice|true", Summary(inline[hidden]));
        Assert.Equal("open||false", Summary(inline[redacted]));
        Assert.Equal("declined||false", Summary(inline[erased]));
        Assert.Equal("acknowledged|Lift broken again|false", Summary(inline[reopened]));
        Assert.Equal("outcomepublished|Parks|false", Summary(inline[published]));
        Assert.Equal("draft|Draft|false", Summary(inline[draft]));

        using var daemon = await app.Store.BuildProjectionDaemonAsync();
        var name = ((DocumentStore)app.Store).Options.Projections.All
            .Single(p => p is IProjectionWrapper { InnerProjection: SearchIndexProjection }).Name;
        await app.Store.RebuildAsync(daemon, name, CancellationToken.None);

        var rebuilt = await RowsAsync(city);
        Assert.Equal(inline.Keys.Order(), rebuilt.Keys.Order());
        foreach (var (item, row) in inline) Assert.Equal(row, rebuilt[item]);
    }

    private static string Summary(string[] row) => $"{row[2]}|{row[3]}|{row[6]}";

    /// <summary>Every column of the city's rows (the text search columns too), as text, by item.</summary>
    private static async Task<Dictionary<Guid, string[]>> RowsAsync(string city)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select item_id, kind, status, title, body, rights::text, hidden::text, at::text, doc_english::text, doc_french::text, doc_dutch::text, doc_simple::text " +
            "from platform.search_entry where tenant_id = $1", connection) { Parameters = { new() { Value = city } } };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<Guid, string[]>();
        while (await reader.ReadAsync())
            rows[reader.GetGuid(0)] = [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString() ?? "")];
        return rows;
    }
}
