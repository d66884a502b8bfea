using System.Net;
using System.Resources;
using System.Text;
using MimeKit;
using Platform.Api.Accounts;
using Platform.Api.Mail;

namespace Platform.Api.Notifications;

/// <summary>
/// Writes the emails of notices: one notice, or a digest of several, in the person's language (the <c>Mail.</c> words of
/// <see cref="Text"/>), as plain text and HTML (every text that came from people HTML-encoded), with a link to each
/// item and a one-click unsubscribe (RFC 8058: <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c>, and a visible
/// link) for the kinds the email is about.
/// </summary>
public sealed class NoticeMails(Mailer mailer, UnsubscribeTokens tokens)
{
    private static readonly ResourceManager Words = new(typeof(Text));

    /// <summary>The languages emails are written in; any other preference reads English.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "nl", "uk"];

    /// <summary>Where the settings page is (the emails link to it).</summary>
    public const string SettingsPath = "/account/notification-settings";

    public static CultureInfo CultureOf(string? language) =>
        CultureInfo.GetCultureInfo(Languages.Contains(language) ? language! : "en");

    /// <summary>A word of the emails in <paramref name="culture"/> (English when a translation is missing).</summary>
    public static string Word(CultureInfo culture, string key, params object[] arguments)
    {
        var format = Words.GetString(key, culture) ?? key;
        return arguments.Length == 0 ? format : string.Format(culture, format, arguments);
    }

    /// <summary>The path of the item a notice is about (the council's queue for the officials' list).</summary>
    public static string ItemPath(Notice notice) => notice switch
    {
        { Kind: NoticeKind.DeadlinesList } => $"/cities/{notice.City}/council",
        { ItemKind: "" } => $"/cities/{notice.City}",
        _ => $"/cities/{notice.City}/{notice.ItemKind}s/{notice.ItemId}",
    };

    /// <summary>The email of one notice.</summary>
    public MimeMessage Single(Account account, Notice notice)
    {
        var culture = CultureOf(account.PreferredLanguage);
        var subject = Word(culture, $"Mail.Subject.{notice.Kind}", OneLine(notice.Title));
        return Compose(account, culture, subject, null, [notice], [notice.Kind]);
    }

    /// <summary>A digest of <paramref name="notices"/> (oldest first) for <paramref name="period"/>.</summary>
    public MimeMessage Digest(Account account, EmailDelivery period, IReadOnlyList<Notice> notices)
    {
        var culture = CultureOf(account.PreferredLanguage);
        var subject = Word(culture, $"Mail.Digest.Subject.{period}", notices.Count);
        return Compose(account, culture, subject, Word(culture, "Mail.Digest.Lead"), notices, notices.Select(n => n.Kind).Distinct().ToList());
    }

    private MimeMessage Compose(Account account, CultureInfo culture, string subject, string? lead, IReadOnlyList<Notice> notices,
        IReadOnlyList<NoticeKind> kinds)
    {
        var unsubscribe = mailer.Link("/unsubscribe?token=" + Uri.EscapeDataString(tokens.For(account.Id, kinds)));
        var settings = mailer.Link(SettingsPath);
        var hello = Word(culture, "Mail.Hello", OneLine(account.DisplayName));
        var why = Word(culture, "Mail.Why");
        var stop = Word(culture, kinds.Count == 1 ? "Mail.Unsubscribe" : "Mail.Digest.Unsubscribe");
        var change = Word(culture, "Mail.Settings");
        var open = Word(culture, "Mail.Open");

        var text = new StringBuilder().Append(hello).Append("\n\n");
        var html = new StringBuilder($"<!DOCTYPE html><html lang=\"{culture.Name}\"><head><meta charset=\"utf-8\"><title>{Encode(subject)}</title></head><body>")
            .Append($"<p>{Encode(hello)}</p>");
        if (lead is not null)
        {
            text.Append(lead).Append("\n\n");
            html.Append($"<p>{Encode(lead)}</p>");
        }
        foreach (var notice in notices)
        {
            var said = Word(culture, $"Mail.Lead.{notice.Kind}");
            var link = mailer.Link(ItemPath(notice));
            text.Append(said).Append('\n').Append('“').Append(OneLine(notice.Title)).Append("”\n");
            html.Append($"<h2 style=\"font-size:1.1em\">{Encode(notice.Title)}</h2><p>{Encode(said)}</p>");
            if (!string.IsNullOrWhiteSpace(notice.Detail))
            {
                text.Append(notice.Detail.Trim()).Append('\n');
                html.Append("<blockquote>").Append(string.Join("<br>", notice.Detail.Trim().Split('\n').Select(l => Encode(l.TrimEnd('\r'))))).Append("</blockquote>");
            }
            text.Append(open).Append(": ").Append(link).Append("\n\n");
            html.Append($"<p><a href=\"{Encode(link)}\">{Encode(open)}</a></p>");
        }
        text.Append("-- \n").Append(why).Append('\n').Append(stop).Append(": ").Append(unsubscribe).Append('\n').Append(change).Append(": ").Append(settings).Append('\n');
        html.Append($"<hr><p style=\"font-size:0.9em\">{Encode(why)}<br><a href=\"{Encode(unsubscribe)}\">{Encode(stop)}</a> · <a href=\"{Encode(settings)}\">{Encode(change)}</a></p></body></html>");

        var message = new MimeMessage { Subject = subject, Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody() };
        message.To.Add(new MailboxAddress(OneLine(account.DisplayName), account.Email));
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add(HeaderId.ContentLanguage, culture.Name);
        return message;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A subject or a name on one line: no line breaks from what people typed reach a header.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
