using Platform.Api.Accounts;
using Platform.Api.Mail;
using Wolverine.Attributes;

namespace Platform.Api.Notifications;

/// <summary>
/// Sends the digests of one period and day: one email per person listing the notices waiting for that period, then
/// marks them sent. The run holds a lock (a second copy waits, then finds the run done); each person's digest is
/// recorded (<see cref="DigestEmail"/>, with its notices) right after the SMTP server accepted it, so a run tried again
/// after a failure sends only the digests not sent yet.
/// </summary>
[WolverineIgnore]
public sealed class DigestSender(IDocumentStore store, NpgsqlDataSource database, Mailer mailer, NoticeMails mails, TimeProvider clock)
{
    /// <summary>Runs the digests of <paramref name="period"/> for <paramref name="day"/>; false when that run had completed before.</summary>
    public async Task<bool> RunAsync(EmailDelivery period, DateOnly day, CancellationToken cancellation)
    {
        if (period is not (EmailDelivery.DailyDigest or EmailDelivery.WeeklyDigest)) throw new ArgumentOutOfRangeException(nameof(period));
        var runId = $"{NotificationSettingsHandler.NameOf(period)}:{day:yyyy-MM-dd}";
        await using var held = await EmailLock.TakeAsync(database, "email-run:" + runId, cancellation);
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<EmailRun>(runId, cancellation) is not null) return false;
        if (mailer.IsOn)
        {
            var waiting = await session.Query<NoticeEmail>().Where(e => e.Delivery == period && e.SentAt == null).ToListAsync(cancellation);
            foreach (var person in waiting.GroupBy(e => e.AccountId))
                await SendOneAsync(session, person.Key, person.ToList(), period, day, cancellation);
        }
        session.Store(new EmailRun { Id = runId, CompletedAt = clock.GetUtcNow() });
        await session.SaveChangesAsync(cancellation);
        return true;
    }

    private async Task SendOneAsync(IDocumentSession session, Guid accountId, IReadOnlyList<NoticeEmail> waiting, EmailDelivery period, DateOnly day,
        CancellationToken cancellation)
    {
        var account = await session.LoadAsync<Account>(accountId, cancellation);
        var notices = (await session.LoadManyAsync<Notice>(cancellation, waiting.Select(w => w.Id))).OrderBy(n => n.At).ToList();
        if (account is null || notices.Count == 0)
        {
            // Erased (or their notices erased): nothing to send, nothing to keep.
            foreach (var gone in waiting) session.Delete(gone);
            await session.SaveChangesAsync(cancellation);
            return;
        }
        var digest = await session.LoadAsync<DigestEmail>(EmailIds.Digest(accountId, period, day), cancellation);
        if (digest is null)
        {
            await mailer.SendAsync(mails.Digest(account, period, notices), cancellation);
            digest = new DigestEmail
            {
                Id = EmailIds.Digest(accountId, period, day), AccountId = accountId, Period = period, Day = day,
                NoticeIds = notices.Select(n => n.Id).ToList(), SentAt = clock.GetUtcNow(),
            };
            session.Store(digest);
        }
        // Only what the digest listed is sent; a notice that arrived since waits for the next one.
        foreach (var sent in waiting.Where(w => digest.NoticeIds.Contains(w.Id)))
        {
            sent.SentAt = digest.SentAt;
            sent.DigestId = digest.Id;
            session.Store(sent);
        }
        await session.SaveChangesAsync(cancellation);
    }
}
