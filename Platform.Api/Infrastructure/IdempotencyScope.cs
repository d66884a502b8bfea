namespace Platform.Api.Infrastructure;

/// <summary>The idempotency key of the request being handled, if any (flows with the request's async context).</summary>
public sealed class IdempotencyScope
{
    private static readonly AsyncLocal<IdempotencyScope?> CurrentScope = new();

    public static IdempotencyScope? Current
    {
        get => CurrentScope.Value;
        set => CurrentScope.Value = value;
    }

    public required string RecordId { get; init; }
    public required string Fingerprint { get; init; }
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Set once a transaction holding this request's claim committed: the request wrote something.</summary>
    public bool Claimed { get; set; }
}
