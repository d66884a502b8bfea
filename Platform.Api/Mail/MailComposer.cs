using System.Net;
using System.Text;
using MimeKit;

namespace Platform.Api.Mail;

/// <summary>A link an email asks its reader to follow: the words of the button and the absolute address (<see cref="Mailer.Link"/>).</summary>
public sealed record MailLink(string Text, string Url);

/// <summary>
/// Builds the platform's emails: one subject, paragraphs, at most one link and an optional closing line, as
/// <c>multipart/alternative</c> with a plain-text and an HTML body saying the same (the HTML escapes every text). The
/// texts come translated; <see cref="InLanguage{T}"/> runs the composing code in the reader's language, so the
/// pages' localizer answers in it.
/// </summary>
public static class MailComposer
{
    public static MimeMessage Compose(MailboxAddress to, string language, string subject, IReadOnlyList<string> paragraphs, MailLink? link = null,
        string? closing = null)
    {
        var text = new StringBuilder();
        var html = new StringBuilder($"<!DOCTYPE html><html lang=\"{WebUtility.HtmlEncode(language)}\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject)).Append("</title></head><body style=\"font-family:sans-serif;line-height:1.5\">");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }
        if (link is not null)
        {
            text.Append(link.Text).Append(":\n").Append(link.Url).Append("\n\n");
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link.Url)).Append("\">").Append(WebUtility.HtmlEncode(link.Text)).Append("</a></p>");
        }
        if (closing is not null)
        {
            text.Append("-- \n").Append(closing).Append('\n');
            html.Append("<hr><p style=\"color:#555\">").Append(WebUtility.HtmlEncode(closing)).Append("</p>");
        }
        html.Append("</body></html>");

        var message = new MimeMessage { Subject = subject, Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody() };
        message.To.Add(to);
        message.Headers.Add(HeaderId.ContentLanguage, language);
        return message;
    }

    /// <summary>Runs <paramref name="compose"/> with <paramref name="language"/> as the current (UI) culture, for the localizer; then restores the caller's.</summary>
    public static T InLanguage<T>(string language, Func<T> compose)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return compose();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
