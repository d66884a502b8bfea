using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Wolverine.Marten.Subscriptions;

namespace Platform.Api.Notifications;

/// <summary>
/// Turns committed events into notices: one <see cref="Notice"/> per person who hears of the change
/// (<see cref="NoticeRecipients"/>), its id derived from the event's id and the person's account, and a durable
/// <see cref="NoticeRaised"/> for each notice written the first time. Run by the event daemon on one node at a time
/// (Wolverine spreads subscriptions over the nodes and moves them off a dead one); Wolverine enrols the batch's session in
/// its outbox, so the notices, their messages and the subscription's progress commit in one transaction. A batch
/// handled again after a crash (its transaction never committed) writes the same notices under the same ids: each
/// person gets each notice once.
/// </summary>
public sealed class NoticeSubscription : BatchSubscription
{
    public const string Name = "notices";
    private readonly NoticeRecipients _recipients;

    public NoticeSubscription(NoticeRecipients recipients) : base(Name)
    {
        _recipients = recipients;
        foreach (var type in NoticeChange.EventTypes) IncludeType(type);
        Options.BatchSize = 200;
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, IMessageBus bus,
        CancellationToken cancellationToken)
    {
        var members = new Dictionary<string, Task<NoticeRecipients.Members>>();
        Task<NoticeRecipients.Members> MembersOf(string city) =>
            members.TryGetValue(city, out var found) ? found : members[city] = _recipients.MembersAsync(city, cancellationToken);

        var notices = new Dictionary<Guid, Notice>();
        foreach (var e in page.Events)
        {
            if (NoticeChange.Of(e.Data) is not { } change) continue;
            if (await _recipients.ForAsync(operations.DocumentStore, e.TenantId, change, MembersOf, cancellationToken) is not { } addressees) continue;
            foreach (var account in addressees.Accounts)
            {
                var id = IdOf(e.Id, account);
                notices[id] = new Notice
                {
                    Id = id, AccountId = account, City = e.TenantId, Kind = change.Kind, ItemKind = change.ItemKind, ItemId = change.ItemId,
                    Title = addressees.Title, Detail = change.Detail, At = e.Timestamp,
                };
            }
        }
        if (notices.Count == 0) return;

        // A notice already stored (a subscription rebuilt from the start) keeps its read mark and raises no second message.
        var stored = (await operations.LoadManyAsync<Notice>(cancellationToken, notices.Keys)).Select(n => n.Id).ToHashSet();
        foreach (var notice in notices.Values.Where(n => !stored.Contains(n.Id)))
        {
            operations.Store(notice);
            await bus.PublishAsync(new NoticeRaised(notice.Id));
        }
    }

    /// <summary>A notice's id: derived from the event and the account as a person's stream about an item is (<see cref="PersonalStream"/>).</summary>
    public static Guid IdOf(Guid eventId, Guid accountId) => PersonalStream.Id(eventId, accountId);
}
