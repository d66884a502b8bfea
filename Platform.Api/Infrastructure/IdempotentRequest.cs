namespace Platform.Api.Infrastructure;

/// <summary>
/// A write done under an <c>Idempotency-Key</c>: claimed in the same transaction as the write itself,
/// then completed with the response that retries get back.
/// </summary>
public sealed class IdempotentRequest
{
    /// <summary>Caller, method, path and key, hashed.</summary>
    public string Id { get; set; } = "";
    /// <summary>Hash of the request body: the same key with another body is a client error.</summary>
    public string Fingerprint { get; set; } = "";
    public bool Completed { get; set; }
    public int Status { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
