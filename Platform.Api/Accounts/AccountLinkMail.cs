using MimeKit;
using Platform.Api.Mail;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Platform.Api.Accounts;

/// <summary>
/// Mail the link <paramref name="LinkId"/> to the account <paramref name="AccountId"/> (a durable message, stored with the
/// write that made the link). It holds no token: the handler makes it from the link when it sends.
/// </summary>
public sealed record SendAccountLink(Guid AccountId, Guid LinkId);

/// <summary>
/// Sends the email of an <see cref="AccountLink"/>, in the account's language. The <see cref="Mailer"/> tries a few times
/// at once; when the server stays unreachable the message is kept and handled again later (<see cref="RetryDelays"/>, the
/// last pause repeating), so the email arrives when the server is back. A link used, expired or of an erased account
/// by then is not sent.
/// </summary>
public static class SendAccountLinkHandler
{
    /// <summary>The pauses before the message is handled again after a transient failure; the last repeats.</summary>
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)];

    public static void Configure(HandlerChain chain) => chain.OnException(Mailer.IsTransient).ScheduleRetryIndefinitely(RetryDelays);

    public static async Task Handle(SendAccountLink message, IDocumentStore store, AccountLinks links, Mailer mailer, IStringLocalizer<Text> text,
        TimeProvider clock, ILogger<SendAccountLink> logger, CancellationToken cancellation)
    {
        if (!mailer.IsOn) return;
        await using var session = store.QuerySession();
        var account = await session.LoadAsync<Account>(message.AccountId, cancellation);
        var link = account?.Links.SingleOrDefault(l => l.Id == message.LinkId);
        if (account is null || link is null || link.UsedAt is not null || link.ExpiresAt <= clock.GetUtcNow())
        {
            logger.LogInformation("Not mailing account link {Link}: it is used, expired or gone", message.LinkId);
            return;
        }
        var email = MailComposer.InLanguage(account.PreferredLanguage, () => Compose(account, link, links.Token(account, link), mailer, text));
        await mailer.SendAsync(email, cancellation);
    }

    private static MimeMessage Compose(Account account, AccountLink link, string token, Mailer mailer, IStringLocalizer<Text> text)
    {
        var to = new MailboxAddress(account.DisplayName, account.Email);
        var hello = text["Mail.Hello", account.DisplayName];
        return link.Purpose == AccountLinkPurpose.VerifyEmail
            ? MailComposer.Compose(to, account.PreferredLanguage, text["Mail.VerifyEmail.Subject"],
                [hello, text["Mail.VerifyEmail.Body"], text["Mail.VerifyEmail.Expiry", (int)(link.ExpiresAt - link.CreatedAt).TotalHours]],
                new MailLink(text["Mail.VerifyEmail.Link"], mailer.Link("/verify-email?token=" + token)), text["Mail.VerifyEmail.NotYou"])
            : MailComposer.Compose(to, account.PreferredLanguage, text["Mail.ResetPassword.Subject"],
                [hello, text["Mail.ResetPassword.Body"], text["Mail.ResetPassword.Expiry", (int)(link.ExpiresAt - link.CreatedAt).TotalMinutes]],
                new MailLink(text["Mail.ResetPassword.Link"], mailer.Link("/reset-password?token=" + token)), text["Mail.ResetPassword.NotYou"]);
    }
}
