using System.Text.Json;
using System.Text.RegularExpressions;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http.CodeGen;

namespace Platform.Api.Infrastructure;

/// <summary>
/// The one rule for JSON request bodies, applied to every endpoint whose handler takes one: a body that is not
/// a JSON object of the expected shape is refused with a 400 problem naming the field at fault, before the
/// handler runs, so nothing is stored.
/// <list type="bullet">
/// <item>No body, or the JSON <c>null</c> (which deserializes to a null command): <c>body-required</c>, naming <c>$</c>
/// (the serializer's name for the whole body). <see cref="Require{T}"/> is inserted ahead of every such handler.</item>
/// <item>A value of the wrong JSON type (an array or a string for the body, a number where a string belongs) or a
/// document that is not well-formed JSON: Wolverine refuses it while reading the body; <see cref="Describe"/> gives
/// that problem the platform's shape, <c>invalid-json</c> naming the value's JSON path (<c>$.title</c>, <c>$</c> for
/// the body itself), or <c>$</c> for malformed JSON.</item>
/// <item>A string holding U+0000, which PostgreSQL cannot store: refused while reading, as a value of the wrong type.</item>
/// </list>
/// A content type other than JSON is Wolverine's 415.
/// </summary>
public sealed partial class JsonBodyRule(JsonSerializerOptions json, JsonBodyTypes bodyTypes) : IHttpPolicy
{
    public const string InvalidJsonCode = "invalid-json";

    /// <summary>
    /// The application's JSON options, plus <see cref="NulFreeStrings"/>: bodies are read with them (and those
    /// endpoints' answers written, alike). Only there: the OpenAPI document describes strings from the
    /// application's own options, which a converter for <c>string</c> would leave without a type.
    /// </summary>
    private readonly JsonSerializerOptions _bodies = new(json) { Converters = { new NulFreeStrings() } };

    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => c.HasRequestType && c.RequestType is not null))
        {
            bodyTypes.Add(chain.RequestType!);
            chain.JsonSerializerOptions = _bodies;
            var require = typeof(JsonBodyRule).GetMethod(nameof(Require))!.MakeGenericMethod(chain.RequestType!);
            var call = new MethodCall(typeof(JsonBodyRule), require) { CommentText = "A JSON body that is null is refused (JsonBodyRule)" };
            chain.Middleware.InsertRange(0, [call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
        }
    }

    /// <summary>Ends the request with <c>body-required</c> when the body deserialized to null; lets it go on otherwise.</summary>
    public static IResult Require<T>(T? body) => body is null ? Problems.BodyRequired() : WolverineContinue.Result();

    /// <summary>
    /// Wolverine answers a body it cannot deserialize with a bare problem (title "Invalid JSON format", the
    /// serializer's message and position). This names the field as every other refusal does: <c>errors</c> maps
    /// the JSON path to a message, <c>code</c> is <c>invalid-json</c>; an empty body is <c>body-required</c>.
    /// </summary>
    public static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status != StatusCodes.Status400BadRequest || problem.Extensions.ContainsKey("code")) return;
        if (!problem.Extensions.ContainsKey("lineNumber") || !problem.Extensions.ContainsKey("bytePositionInLine")) return;

        if (context.HttpContext.Request.ContentLength is 0)
        {
            var error = Problems.BodyRequiredError;
            var required = Problems.From([error]);
            Fill(problem, required.Title, required.Detail, required.Type, error.Code, error.Field!, error.Message);
            problem.Extensions.Remove("lineNumber");
            problem.Extensions.Remove("bytePositionInLine");
            return;
        }

        // A value of the wrong type names its field; a document that is not well-formed JSON is the whole body's fault.
        var detail = problem.Detail ?? "";
        var path = detail.Contains(WrongTypeMessage, StringComparison.Ordinal) && JsonPath().Match(detail) is { Success: true } match
            ? match.Groups["path"].Value
            : "$";
        var message = !detail.Contains(WrongTypeMessage, StringComparison.Ordinal) ? "The body is not well-formed JSON."
            : path == "$" ? "The body is not a JSON object of the expected shape."
            : $"'{path}' is not of the expected type.";
        Fill(problem, "The request is not valid.", message, $"https://human-rights-cities.org/problems/{InvalidJsonCode}", InvalidJsonCode, path, message);
    }

    private static void Fill(ProblemDetails problem, string? title, string? detail, string? type, string code, string field, string message)
    {
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = type;
        problem.Extensions["code"] = code;
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
    }

    // System.Text.Json says "The JSON value could not be converted to <type>. Path: $.title | LineNumber: 0 | BytePositionInLine: 10."
    // for a value of the wrong type, and describes what it could not read (with the path where it stopped) for malformed JSON.
    private const string WrongTypeMessage = "could not be converted to";

    [GeneratedRegex(@"Path: (?<path>\$[^ ]*) \|")]
    private static partial Regex JsonPath();
}

/// <summary>
/// The full names of the request body types, filled by <see cref="JsonBodyRule"/> as Wolverine builds its routes. Wolverine
/// logs a body it cannot read at error level under its type's name, with the serializer's stack trace; that is a
/// client's mistake, answered 400, so the log keeps those entries at debug level at most (<see cref="IsClientMistakeLog"/>,
/// a logging filter in Program.cs). One instance per application, made before the logging and handed to both.
/// </summary>
public sealed class JsonBodyTypes
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _names = new(StringComparer.Ordinal);

    public void Add(Type bodyType) => _names[bodyType.FullName!] = true;

    /// <summary>True for an entry above debug level under a body type's name (an unreadable body); false for any other.</summary>
    public bool IsClientMistakeLog(string? category, LogLevel level) =>
        level > LogLevel.Debug && category is not null && _names.ContainsKey(category);
}
