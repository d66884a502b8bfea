namespace Platform.Api.Notifications;

/// <summary>
/// The email side of one notice (a network-wide document, id = the notice's id), written once its fate is settled: sent
/// at once (<see cref="SentAt"/> set after the SMTP server accepted the email), waiting for the person's next digest
/// (<see cref="Delivery"/> a digest, <see cref="SentAt"/> null), or not to be mailed (<see cref="EmailDelivery.Never"/>).
/// A notice with this record is never mailed at once again, however often its <see cref="NoticeRaised"/> is handled.
/// </summary>
public sealed class NoticeEmail
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public NoticeKind Kind { get; set; }
    public EmailDelivery Delivery { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>The digest that carried it, for a notice sent in one.</summary>
    public Guid? DigestId { get; set; }
}

/// <summary>
/// One digest email sent to one person (id derived from the person, the period and the day: <see cref="EmailIds.Digest"/>),
/// written after the SMTP server accepted it, with the notices it listed; a digest run again finds it and does not send again.
/// </summary>
public sealed class DigestEmail
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public EmailDelivery Period { get; set; }
    public DateOnly Day { get; set; }
    public List<Guid> NoticeIds { get; set; } = [];
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>A scheduled run that completed (digests of a period and day, the officials' lists of a day): id like <c>daily-digest:2026-12-07</c>.</summary>
public sealed class EmailRun
{
    public string Id { get; set; } = "";
    public DateTimeOffset CompletedAt { get; set; }
}

/// <summary>Ids derived from what they name, so that writing one twice writes the same document.</summary>
public static class EmailIds
{
    public static Guid Digest(Guid accountId, EmailDelivery period, DateOnly day) => Named($"digest:{accountId:N}:{period}:{day:yyyy-MM-dd}");

    /// <summary>The officials' daily list of <paramref name="city"/> for <paramref name="official"/> on <paramref name="day"/>: one notice.</summary>
    public static Guid DeadlinesList(string city, DateOnly day, Guid official) => Named($"deadlines:{city}:{day:yyyy-MM-dd}:{official:N}");

    /// <summary>A name-based id (RFC 9562 version 8, from SHA-256 of the name).</summary>
    public static Guid Named(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A 64-bit key for a PostgreSQL advisory lock on <paramref name="name"/>.</summary>
    public static long LockKey(string name) => BitConverter.ToInt64(Named(name).ToByteArray(), 0);
}
