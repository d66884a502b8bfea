using System.Text.RegularExpressions;
using MimeKit;
using Platform.Api.Accounts;

namespace Platform.Tests.Support;

/// <summary>Mailed account links in tests: a link made directly (as the platform makes one), and the link read back from a received email.</summary>
public static class AccountLinkApi
{
    /// <summary>A new account of <paramref name="city"/> (unverified) with a fresh link of <paramref name="purpose"/>; answers the link's token.</summary>
    public static async Task<string> LinkTokenAsync(this AppFixture app, AccountLinkPurpose purpose, string city = "york") =>
        (await app.AccountWithLinkAsync(purpose, city)).Token;

    /// <summary>A new account of <paramref name="city"/> with a fresh link of <paramref name="purpose"/>: the actor and the link's token.</summary>
    public static async Task<(Actor Actor, string Token)> AccountWithLinkAsync(this AppFixture app, AccountLinkPurpose purpose, string city = "york")
    {
        var actor = await app.ResidentAsync(city);
        return (actor, await app.LinkTokenAsync(actor, purpose));
    }

    /// <summary>A fresh link of <paramref name="purpose"/> for the actor's account; answers its token.</summary>
    public static Task<string> LinkTokenAsync(this AppFixture app, Actor actor, AccountLinkPurpose purpose) =>
        LinkTokenAsync(app.Host.Services, actor.Id, purpose);

    /// <summary>A fresh link of <paramref name="purpose"/> for the account, made by the host's own <see cref="AccountLinks"/>; answers its token.</summary>
    public static async Task<string> LinkTokenAsync(IServiceProvider host, Guid accountId, AccountLinkPurpose purpose)
    {
        var links = host.GetRequiredService<AccountLinks>();
        await using var session = host.GetRequiredService<IDocumentStore>().LightweightSession();
        var account = (await session.LoadAsync<Account>(accountId))!;
        var link = links.Create(account, purpose);
        session.Store(account);
        await session.SaveChangesAsync();
        return links.Token(account, link);
    }

    /// <summary>The address of the platform's link in an email's plain text (the page it opens, with its token).</summary>
    public static Uri LinkIn(MimeMessage email, string path)
    {
        var match = Regex.Match(email.TextBody ?? "", $@"https?://\S+{Regex.Escape(path)}\?token=[A-Za-z0-9_-]+");
        Assert.True(match.Success, $"no link to {path} in: {email.TextBody}");
        return new Uri(match.Value);
    }

    /// <summary>The token of the link to <paramref name="path"/> in an email.</summary>
    public static string TokenIn(MimeMessage email, string path) => LinkIn(email, path).Query["?token=".Length..];
}
