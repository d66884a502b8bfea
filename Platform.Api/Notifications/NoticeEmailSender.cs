using Platform.Api.Accounts;
using Platform.Api.Mail;
using Wolverine.Attributes;

namespace Platform.Api.Notifications;

/// <summary>
/// Settles the email of one notice, by the person's preference for its kind: at once (sent now), a digest (it waits for
/// the person's next one), or never. Exactly once: under a lock on the notice, a <see cref="NoticeEmail"/> already
/// written means it is settled and nothing is done; an email sent at once is recorded right after the SMTP server
/// accepted it. An SMTP failure leaves no record and reaches the caller (the durable message is tried again later).
/// </summary>
[WolverineIgnore]
public sealed class NoticeEmailSender(IDocumentStore store, NpgsqlDataSource database, Mailer mailer, NoticeMails mails, TimeProvider clock,
    ILogger<NoticeEmailSender> logger)
{
    public async Task SettleAsync(Guid noticeId, CancellationToken cancellation)
    {
        if (!mailer.IsOn) return; // email is off: the notice stays in the platform only
        await using var held = await EmailLock.TakeAsync(database, $"notice-email:{noticeId}", cancellation);
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<NoticeEmail>(noticeId, cancellation) is not null) return;
        var notice = await session.LoadAsync<Notice>(noticeId, cancellation);
        if (notice is null)
        {
            logger.LogInformation("Notice {Id} is gone (its person erased): no email", noticeId);
            return;
        }
        var account = await session.LoadAsync<Account>(notice.AccountId, cancellation);
        if (account is null) return; // erased or unknown: nothing, and nothing recorded about them
        var delivery = NotificationSettingsHandler.DeliveryOf(await session.LoadAsync<NotificationPreferences>(account.Id, cancellation), notice.Kind);

        var record = new NoticeEmail { Id = notice.Id, AccountId = account.Id, Kind = notice.Kind, Delivery = delivery, DecidedAt = clock.GetUtcNow() };
        if (delivery == EmailDelivery.AtOnce)
        {
            await mailer.SendAsync(mails.Single(account, notice), cancellation);
            record.SentAt = clock.GetUtcNow();
        }
        session.Store(record);
        await session.SaveChangesAsync(cancellation);
    }
}
