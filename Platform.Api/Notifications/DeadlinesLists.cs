using Platform.Api.Accounts;
using Platform.Api.Concerns;
using Platform.Api.Proposals;
using Platform.Domain.Concerns;
using Platform.Domain.Council;
using Wolverine.Attributes;
using Wolverine.Marten.Publishing;

namespace Platform.Api.Notifications;

/// <summary>One line of an officials' list: a concern or proposal of the city and its response or decision deadline.</summary>
public sealed record DueItem(string Kind, Guid Id, string Title, DateTimeOffset Due);

/// <summary>
/// The officials' daily list: once a day per city, each official of the city gets one <see cref="Notice"/> of kind
/// <see cref="NoticeKind.DeadlinesList"/> (id derived from city, day and official, so it exists once) listing the
/// concerns awaiting the council (<see cref="CouncilQueue.Concerns"/>) and the proposals owed a decision
/// (<see cref="CouncilQueue.Proposals"/>) whose deadline is past or within <see cref="Within"/>; its
/// <see cref="NoticeRaised"/> goes out in the same transaction, and the email follows the official's preference. No
/// notice when the list is empty.
/// </summary>
[WolverineIgnore]
public sealed class DeadlinesLists(IDocumentStore store, NpgsqlDataSource database, OutboxedSessionFactory outbox, ConcernReader concerns,
    ProposalReader proposals, TimeProvider clock)
{
    /// <summary>A deadline this close is on the list.</summary>
    public static readonly TimeSpan Within = TimeSpan.FromDays(3);

    private const int PageSize = 100;
    private const int MaxPages = 20;

    /// <summary>
    /// Writes the lists of <paramref name="day"/>, of every city or of <paramref name="onlyCity"/>; false when that run had
    /// completed before.
    /// </summary>
    public async Task<bool> RunAsync(DateOnly day, string? onlyCity, IMessageBus bus, CancellationToken cancellation)
    {
        var runId = onlyCity is null ? $"deadlines:{day:yyyy-MM-dd}" : $"deadlines:{day:yyyy-MM-dd}:{onlyCity}";
        await using var held = await EmailLock.TakeAsync(database, "email-run:" + runId, cancellation);
        IReadOnlyList<City> cities;
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<EmailRun>(runId, cancellation) is not null) return false;
            cities = onlyCity is null ? await CityDirectory.ListAsync(query, cancellation)
                : await query.LoadAsync<City>(onlyCity, cancellation) is { } city ? [city] : [];
        }
        var now = clock.GetUtcNow();
        foreach (var city in cities)
        {
            var due = await DueAsync(city, now, cancellation);
            if (due.Count == 0) continue;
            await using var session = outbox.OpenSession(bus);
            var officials = await OfficialsAsync(session, city.Id, cancellation);
            foreach (var official in officials)
            {
                var id = EmailIds.DeadlinesList(city.Id, day, official.Id);
                if (await session.LoadAsync<Notice>(id, cancellation) is not null) continue;
                var culture = NoticeMails.CultureOf(official.PreferredLanguage);
                var name = city.Names.GetValueOrDefault(culture.Name) ?? city.Names.GetValueOrDefault("en") ?? city.Id;
                session.Store(new Notice
                {
                    Id = id, AccountId = official.Id, City = city.Id, Kind = NoticeKind.DeadlinesList, ItemKind = "", ItemId = Guid.Empty,
                    Title = NoticeMails.Word(culture, "Mail.Deadlines.Title", due.Count, name),
                    Detail = string.Join('\n', due.Select(d => NoticeMails.Word(culture, d.Due < now ? "Mail.Deadlines.Overdue" : "Mail.Deadlines.DueSoon",
                        NoticeMails.Word(culture, $"Mail.Deadlines.{d.Kind}"), d.Title, TimeZoneInfo.ConvertTime(d.Due, CityTimeZone.Of(city)).ToString("d", culture)))),
                    At = now,
                });
                await bus.PublishAsync(new NoticeRaised(id));
            }
            await session.SaveChangesAsync(cancellation);
        }
        await using (var session = store.LightweightSession())
        {
            session.Store(new EmailRun { Id = runId, CompletedAt = clock.GetUtcNow() });
            await session.SaveChangesAsync(cancellation);
        }
        return true;
    }

    /// <summary>The city's concerns and proposals past their deadline or within <see cref="Within"/> of it, soonest first.</summary>
    public async Task<IReadOnlyList<DueItem>> DueAsync(City city, DateTimeOffset now, CancellationToken cancellation)
    {
        var items = new List<DueItem>();
        foreach (var status in CouncilQueue.Concerns)
            foreach (var c in await Paging.AllAsync(page => concerns.ListAsync(city.Id, new ConcernQuery(Status: status, Page: page, PageSize: PageSize), null, cancellation), PageSize, MaxPages))
                if (c.Status != ConcernStatus.Hidden && (c.ResponseDue ?? c.RaisedAt.AddDays(city.Settings.ConcernResponseDays)) is var due && due - now <= Within)
                    items.Add(new DueItem("Concern", c.Id, c.Title, due));
        foreach (var status in CouncilQueue.Proposals)
            foreach (var p in await Paging.AllAsync(page => proposals.ListAsync(city.Id, new ProposalQuery(Status: status, Page: page, PageSize: PageSize), null, cancellation), PageSize, MaxPages))
                if (p.DecisionDue is { } due && due - now <= Within)
                    items.Add(new DueItem("Proposal", p.Id, p.Title, due));
        return items.OrderBy(i => i.Due).ToList();
    }

    private async Task<IReadOnlyList<Account>> OfficialsAsync(IQuerySession session, string city, CancellationToken cancellation)
    {
        // Roles are kept per city in the account document; the few officials are found by a JSON containment test.
        var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["roles"] = new Dictionary<string, string[]> { [city] = [nameof(CityRole.Official)] } });
        return (await session.QueryAsync<Account>("where data @> ?::jsonb", cancellation, json)).ToList();
    }
}
