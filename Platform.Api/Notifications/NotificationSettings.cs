using System.Text.Json;
using Platform.Api.Accounts;
using Wolverine.Attributes;

namespace Platform.Api.Notifications;

/// <summary>
/// A person's notification settings as the API and the page carry them: the opt-in kinds they want, and how each kind
/// reaches them by email (<c>atOnce</c>, <c>dailyDigest</c>, <c>weeklyDigest</c>, <c>never</c>), every kind listed.
/// </summary>
public sealed record NotificationSettingsDetails(IReadOnlyList<string> OptedIn, IReadOnlyDictionary<string, string> Email);

/// <summary>
/// A change of the settings: each part given replaces that part (kinds missing from <paramref name="Email"/> take the
/// default, at once), a part left out stays as it is. Kinds and deliveries are named as <see cref="NotificationSettingsDetails"/> names them.
/// </summary>
public sealed record ChangeNotificationSettings(List<string?>? OptedIn, Dictionary<string, string?>? Email);

/// <summary>
/// Reads and changes a person's <see cref="NotificationPreferences"/>, for both faces (the settings endpoint and page) and
/// the one-click unsubscribe. What is not a known kind or delivery is refused naming the field.
/// </summary>
[WolverineIgnore]
public sealed class NotificationSettingsHandler(IDocumentStore store)
{
    /// <summary>The kinds a person hears about only when they opted in.</summary>
    public static IReadOnlyList<NoticeKind> OptInKinds => NoticeChange.OptInKinds;

    /// <summary>How <paramref name="kind"/> reaches the person by email: opt-in kinds not opted in, never; else their choice, at once by default.</summary>
    public static EmailDelivery DeliveryOf(NotificationPreferences? preferences, NoticeKind kind) =>
        OptInKinds.Contains(kind) && preferences?.OptedIn.Contains(kind) != true ? EmailDelivery.Never
        : preferences?.Email.TryGetValue(kind, out var chosen) == true ? chosen
        : EmailDelivery.AtOnce;

    public static string NameOf<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static NotificationSettingsDetails Details(NotificationPreferences? preferences) => new(
        (preferences?.OptedIn ?? []).Distinct().Order().Select(NameOf).ToList(),
        Enum.GetValues<NoticeKind>().ToDictionary(NameOf, k => NameOf(preferences?.Email.TryGetValue(k, out var d) == true ? d : EmailDelivery.AtOnce)));

    public async Task<NotificationSettingsDetails> ReadAsync(Guid accountId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return Details(await session.LoadAsync<NotificationPreferences>(accountId, cancellation));
    }

    /// <summary>Applies <paramref name="change"/> to the account's settings: the new settings, or the refusals (nothing stored).</summary>
    public async Task<(NotificationSettingsDetails? Settings, IReadOnlyList<DomainError> Errors)> ChangeAsync(Guid accountId, ChangeNotificationSettings? change,
        CancellationToken cancellation)
    {
        if (change is null) return (null, [Problems.BodyRequiredError]);
        var errors = new List<DomainError>();
        var optedIn = new List<NoticeKind>();
        for (var i = 0; i < (change.OptedIn?.Count ?? 0); i++)
        {
            if (Parse<NoticeKind>(change.OptedIn![i]) is { } kind && OptInKinds.Contains(kind)) optedIn.Add(kind);
            else errors.Add(new DomainError(ErrorKind.Invalid, "notification-kind-not-opt-in", $"Only {string.Join(" and ", OptInKinds.Select(NameOf))} are chosen by opting in.", $"optedIn[{i}]"));
        }
        var email = new Dictionary<NoticeKind, EmailDelivery>();
        foreach (var (name, value) in change.Email ?? [])
        {
            if (Parse<NoticeKind>(name) is not { } kind)
                errors.Add(new DomainError(ErrorKind.Invalid, "notification-kind-unknown", "Not a kind of notice.", $"email.{Clip(name)}"));
            else if (Parse<EmailDelivery>(value) is not { } delivery)
                errors.Add(new DomainError(ErrorKind.Invalid, "email-delivery-unknown", "Choose atOnce, dailyDigest, weeklyDigest or never.", $"email.{NameOf(kind)}"));
            else email[kind] = delivery;
        }
        if (errors.Count > 0) return (null, errors);

        await using var session = store.LightweightSession();
        var preferences = await session.LoadAsync<NotificationPreferences>(accountId, cancellation) ?? new NotificationPreferences { Id = accountId };
        if (change.OptedIn is not null) preferences.OptedIn = optedIn.Distinct().ToList();
        if (change.Email is not null) preferences.Email = email;
        session.Store(preferences);
        await session.SaveChangesAsync(cancellation);
        return (Details(preferences), []);
    }

    /// <summary>Sets each of <paramref name="kinds"/> to never (the one-click unsubscribe); the other settings stay.</summary>
    public async Task StopAsync(Guid accountId, IEnumerable<NoticeKind> kinds, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var preferences = await session.LoadAsync<NotificationPreferences>(accountId, cancellation) ?? new NotificationPreferences { Id = accountId };
        foreach (var kind in kinds) preferences.Email[kind] = EmailDelivery.Never;
        session.Store(preferences);
        await session.SaveChangesAsync(cancellation);
    }

    /// <summary>A name of <typeparamref name="T"/> (any case, as <see cref="NameOf"/> writes it), never a number.</summary>
    public static T? Parse<T>(string? name) where T : struct, Enum =>
        name is { Length: > 0 and <= 64 } && char.IsLetter(name[0]) && Enum.TryParse<T>(name, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;

    private static string Clip(string name) => name.Length <= 64 ? name : name[..64];
}
