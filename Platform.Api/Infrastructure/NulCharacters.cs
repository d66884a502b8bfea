using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Api.Infrastructure;

/// <summary>
/// U+0000 is a valid character of .NET strings, JSON and URLs, but PostgreSQL stores it neither in text nor in
/// jsonb: a value carrying it (an email to look up, a search filter, a title) failed at the database with a 500.
/// It is refused where it enters instead, naming the field: in JSON bodies by <see cref="NulFreeStrings"/> (400
/// <c>invalid-json</c> naming the value's path, as any value of the wrong type), in query values and form fields
/// by <see cref="NulCharacterMiddleware"/>.
/// </summary>
public static class NulCharacters
{
    public const string Message = "The value contains the character U+0000, which cannot be stored.";

    public static bool In(string? text) => text is not null && text.Contains('\0');
}

/// <summary>Reads JSON strings (values and property names) as usual, refusing one that contains U+0000.</summary>
public sealed class NulFreeStrings : JsonConverter<string>
{
    // Thrown without a message, the serializer words it as any value it could not convert, with the value's path.
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return NulCharacters.In(text) ? throw new JsonException() : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } name && !NulCharacters.In(name) ? name : throw new JsonException();

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
}

/// <summary>Refuses a request whose query values or form fields carry U+0000: a 400 naming the field, before any endpoint or page runs.</summary>
public sealed class NulCharacterMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var field = Offending(context.Request.Query);
        if (field is null && context.Request.HasFormContentType)
        {
            try
            {
                field = Offending(await context.Request.ReadFormAsync(context.RequestAborted));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                // A form that cannot be read is left to the page or endpoint, which refuses it as before.
            }
        }
        if (field is null)
        {
            await next(context);
            return;
        }

        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await Problems.Result([Platform.Domain.DomainError.Invalid(field, NulCharacters.Message)]).ExecuteAsync(context);
    }

    private static string? Offending(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> fields)
    {
        foreach (var (name, values) in fields)
            if (NulCharacters.In(name) || values.Any(NulCharacters.In))
                return name.Replace("\0", "\\0", StringComparison.Ordinal);
        return null;
    }
}
