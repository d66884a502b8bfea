using MimeKit;
using Xunit.Abstractions;
using Platform.Api.Notifications;

namespace Platform.Tests.Notifications;

/// <summary>Notices mailed at once, against a real SMTP server: the words, the parts, the link, the unsubscribe, the preferences.</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailNoticeTests(EmailFixture app, ITestOutputHelper output)
{
    /// <summary>Every kind a person hears about without opting in (the opt-in kinds are opted into below).</summary>
    private static readonly NoticeKind[] AllKinds = Enum.GetValues<NoticeKind>();

    [Fact]
    public async Task Each_kind_is_one_email_with_a_subject_naming_it_and_the_item_in_the_persons_language()
    {
        var (english, englishAddress) = await app.PersonAsync("en");
        var (french, frenchAddress) = await app.PersonAsync("fr");
        foreach (var person in new[] { english, french })
            await app.Host.Scenario(x =>
            {
                x.Put.Json(new { optedIn = new[] { "consultationOpened", "townHallScheduled" } }).ToUrl("/api/accounts/me/notifications/settings");
                x.As(person);
            });
        foreach (var kind in AllKinds)
        {
            await app.RaiseAsync(english.Id, kind, $"Item {kind}");
            await app.RaiseAsync(french.Id, kind, $"Item {kind}");
        }

        var inEnglish = await app.SettledAsync(englishAddress, AllKinds.Length, seconds: 1);
        var inFrench = await app.SettledAsync(frenchAddress, AllKinds.Length, seconds: 1);
        Assert.Equal(AllKinds.Length, inEnglish.Count);
        Assert.Equal(AllKinds.Length, inFrench.Count);
        foreach (var message in inEnglish.Concat(inFrench)) output.WriteLine($"received: {message.Subject}"); // the record of what the server got
        foreach (var kind in AllKinds)
        {
            Assert.Single(inEnglish, m => m.Subject!.EndsWith($"Item {kind}", StringComparison.Ordinal));
            Assert.Single(inFrench, m => m.Subject!.EndsWith($"Item {kind}", StringComparison.Ordinal));
        }
        Assert.Equal(AllKinds.Length, inEnglish.Select(m => m.Subject).Distinct().Count()); // a subject per kind
        Assert.Equal(AllKinds.Length, inFrench.Select(m => m.Subject).Distinct().Count());
        Assert.Empty(inEnglish.Select(m => m.Subject).Intersect(inFrench.Select(m => m.Subject)));

        Assert.Contains(inEnglish, m => m.Subject == "Concern answered: Item ConcernAnswered");
        Assert.Contains(inFrench, m => m.Subject == "Réponse à une préoccupation : Item ConcernAnswered");
        Assert.Contains(inEnglish, m => m.Subject == "Commitment overdue: Item CommitmentOverdue");
        Assert.Contains(inFrench, m => m.Subject == "Engagement en retard : Item CommitmentOverdue");
        Assert.Contains(inFrench, m => m.TextBody!.Contains("Bonjour Ana <Dúbois>,", StringComparison.Ordinal));
        Assert.Contains(inEnglish, m => m.TextBody!.Contains("Hello Ana <Dúbois>,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_email_has_plain_text_and_html_with_the_peoples_words_encoded_a_link_to_the_item_and_the_unsubscribe_headers()
    {
        var (person, address) = await app.PersonAsync("nl");
        var notice = await app.RaiseAsync(person.Id, NoticeKind.ConcernAnswered, "Lift <b>broken</b> & stairs",
            detail: "We <script>alert(1)</script> will fix it\nby June.");

        var message = Assert.Single(await app.SettledAsync(address, 1, seconds: 0));
        Assert.Equal("Zorg beantwoord: Lift <b>broken</b> & stairs", message.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType).ToArray());

        var link = $"{EmailFixture.PublicUrl}/cities/york/concerns/{notice.ItemId}";
        Assert.Contains(link, message.TextBody);
        Assert.Contains($"href=\"{link}\"", message.HtmlBody);
        Assert.Contains("We <script>alert(1)</script> will fix it", message.TextBody);
        Assert.Contains("We &lt;script&gt;alert(1)&lt;/script&gt; will fix it", message.HtmlBody);
        Assert.Contains("Lift &lt;b&gt;broken&lt;/b&gt; &amp; stairs", message.HtmlBody);
        Assert.DoesNotContain("<script>", message.HtmlBody);
        Assert.DoesNotContain("<b>broken", message.HtmlBody);
        Assert.Contains("lang=\"nl\"", message.HtmlBody);

        var unsubscribe = UnsubscribeLink(message);
        Assert.StartsWith($"{EmailFixture.PublicUrl}/unsubscribe?token=", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(unsubscribe, message.TextBody); // the visible link too
        Assert.Contains(unsubscribe.Replace("&", "&amp;"), message.HtmlBody);
    }

    [Fact]
    public async Task The_one_click_unsubscribe_works_without_signing_in_and_stops_that_kind_only()
    {
        var (person, address) = await app.PersonAsync("en");
        await app.RaiseAsync(person.Id, NoticeKind.CommitmentProgress, "Ramp at the library");
        var first = Assert.Single(await app.SettledAsync(address, 1, seconds: 0));
        var path = new Uri(UnsubscribeLink(first)).PathAndQuery;

        // A GET (a mail scanner following the link) shows the question and changes nothing.
        var page = await app.GetTextAsync(path);
        Assert.Contains("<form method=\"post\"", page);
        Assert.Null(await app.PreferencesAsync(person.Id));

        // The mail client's one-click: a POST of List-Unsubscribe=One-Click, no cookie, no token of a sign-in.
        using (var client = app.Host.Server.CreateClient())
        {
            var answer = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
            Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        }
        Assert.Equal(EmailDelivery.Never, (await app.PreferencesAsync(person.Id))!.Email[NoticeKind.CommitmentProgress]);

        await app.RaiseAsync(person.Id, NoticeKind.CommitmentProgress, "Ramp at the library, again");
        await app.RaiseAsync(person.Id, NoticeKind.CommitmentFulfilled, "Ramp at the library");
        var after = await app.SettledAsync(address, 2);
        Assert.Equal(2, after.Count);
        Assert.Equal("Commitment fulfilled: Ramp at the library", after[1].Subject);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("forged")]
    [InlineData("empty")]
    [InlineData("huge")]
    public async Task A_forged_or_tampered_unsubscribe_token_is_a_400_naming_it_and_changes_nothing(string how)
    {
        var (person, address) = await app.PersonAsync("en");
        await app.RaiseAsync(person.Id, NoticeKind.ConcernResolved, "Streetlights on Elm Road");
        var token = new Uri(UnsubscribeLink(Assert.Single(await app.SettledAsync(address, 1, seconds: 0)))).Query["?token=".Length..];
        token = Uri.UnescapeDataString(token);
        var bad = how switch
        {
            "tampered" => token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..],
            "forged" => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{person.Id:N}|3")).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            "empty" => "",
            _ => new string('A', 100_000),
        };

        var refused = await app.Host.Scenario(x =>
        {
            x.Post.FormData(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click", ["token"] = bad }).ToUrl("/unsubscribe");
            x.StatusCodeShouldBe(400);
        });
        await ProblemAssert.NamesAsync(refused, 400, "token");
        await app.Host.Scenario(x =>
        {
            x.Get.Url("/unsubscribe?token=" + Uri.EscapeDataString(bad[..Math.Min(bad.Length, 4000)]));
            x.StatusCodeShouldBe(400);
        });
        Assert.Null(await app.PreferencesAsync(person.Id));
    }

    [Fact]
    public async Task Never_an_opt_in_kind_not_opted_into_and_an_erased_or_unknown_account_get_no_email()
    {
        var (person, address) = await app.PersonAsync("en");
        await app.Host.Scenario(x =>
        {
            x.Put.Json(new { email = new Dictionary<string, string> { ["concernDeclined"] = "never" } }).ToUrl("/api/accounts/me/notifications/settings");
            x.As(person);
        });
        await app.RaiseAsync(person.Id, NoticeKind.ConcernDeclined, "Declined, unmailed");
        await app.RaiseAsync(person.Id, NoticeKind.TownHallScheduled, "Not opted in");
        await app.RaiseAsync(Guid.CreateVersion7(), NoticeKind.ConcernAnswered, "Nobody's");
        await app.RaiseAsync(person.Id, NoticeKind.ConcernAnswered, "Mailed");

        var received = await app.SettledAsync(address, 1);
        Assert.Equal("Concern answered: Mailed", Assert.Single(received).Subject);
    }

    [Fact]
    public async Task A_notice_handled_twice_or_raised_twice_is_mailed_once()
    {
        var (person, address) = await app.PersonAsync("uk");
        var notice = await app.RaiseAsync(person.Id, NoticeKind.ProposalDecided, "Нова бібліотека");
        await Task.WhenAll(
            app.InvokeAsync(new NoticeRaised(notice.Id)),
            app.InvokeAsync(new NoticeRaised(notice.Id)),
            PublishAgainAsync(notice.Id));
        await app.InvokeAsync(new NoticeRaised(notice.Id));

        var received = await app.SettledAsync(address, 1, seconds: 4);
        Assert.Equal("Рішення щодо пропозиції: Нова бібліотека", Assert.Single(received).Subject);
    }

    [Fact]
    public async Task Notices_that_arrive_while_the_smtp_server_is_down_each_arrive_once_when_it_is_back()
    {
        var (person, address) = await app.PersonAsync("en");
        await app.Mail.StopAsync();
        try
        {
            for (var i = 1; i <= 4; i++) await app.RaiseAsync(person.Id, NoticeKind.ConcernAcknowledged, $"Outage {i}");
            await Task.Delay(TimeSpan.FromSeconds(4)); // tried and failed, kept for later
        }
        finally
        {
            await app.Mail.StartAsync();
        }

        var received = await app.Mail.WaitForAsync(address, 4, TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(3));
        received = await app.Mail.WaitForAsync(address, wait: TimeSpan.Zero);
        Assert.Equal(["Concern acknowledged: Outage 1", "Concern acknowledged: Outage 2", "Concern acknowledged: Outage 3", "Concern acknowledged: Outage 4"],
            received.Select(m => m.Subject!).Order().ToArray());
    }

    private async Task PublishAgainAsync(Guid noticeId)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>().PublishAsync(new NoticeRaised(noticeId));
    }

    private static string UnsubscribeLink(MimeMessage message)
    {
        var header = message.Headers["List-Unsubscribe"]!;
        Assert.Matches("^<https://[^>]+>$", header);
        return header[1..^1];
    }
}
