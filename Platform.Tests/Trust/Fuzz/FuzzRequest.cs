using System.Text;

namespace Platform.Tests.Trust.Fuzz;

/// <summary>One generated request, with what it was meant to try (<see cref="Variant"/>) and who sends it.</summary>
public sealed record FuzzRequest(
    ApiOperation Operation,
    string Variant,
    string Caller,
    string? Authorization,
    string Method,
    string Url,
    string? ContentType,
    byte[]? Body,
    string? Accept)
{
    /// <summary>The city the route names (null for network routes), whose tenant a write would go to.</summary>
    public string? City { get; init; }

    /// <summary>An <c>Idempotency-Key</c> header to send (the API honours it on every write), or null.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The request as a reader needs it to send it again: method, URL, caller, content type and (the start of) the body.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(Method).Append(' ').Append(Shorten(Url, 400));
        text.Append(" as ").Append(Caller).Append(" [").Append(Variant).Append("] (").Append(Operation.OperationId).Append(')');
        if (Accept is not null) text.Append(", Accept: ").Append(Accept);
        if (IdempotencyKey is not null) text.Append(", Idempotency-Key: ").Append(Shorten(IdempotencyKey, 60));
        if (Body is null) text.Append(", no body");
        else
        {
            text.Append(", Content-Type: ").Append(ContentType ?? "(none)");
            text.Append(", body of ").Append(Body.Length).Append(" bytes: ").Append(Shorten(Encoding.UTF8.GetString(Body), 400));
        }
        return text.ToString();
    }

    public static string Shorten(string text, int length) =>
        text.Length <= length ? text : text[..length] + $"… ({text.Length - length} more characters)";
}
