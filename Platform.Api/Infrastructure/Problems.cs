
namespace Platform.Api.Infrastructure;

/// <summary>Turns refused decisions into RFC 9457 problem details.</summary>
public static class Problems
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>
    /// One problem for all errors of a decision. Its status is that of the first error; <c>errors</c> maps
    /// each field to its messages (the ASP.NET Core validation shape), so forms can show them next to fields.
    /// </summary>
    public static ProblemDetails From(IReadOnlyList<DomainError> errors)
    {
        var first = errors[0];
        var status = StatusOf(first.Kind);
        var problem = new ValidationProblemDetails(errors
            .Where(e => e.Field is not null)
            .GroupBy(e => e.Field!)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Status = status,
            Title = status == StatusCodes.Status400BadRequest ? "The request is not valid." : first.Message,
            Detail = string.Join(" ", errors.Select(e => e.Message)),
            Type = $"https://human-rights-cities.org/problems/{first.Code}",
        };
        problem.Extensions["code"] = first.Code;
        return problem;
    }

    public static IResult Result(IReadOnlyList<DomainError> errors)
    {
        var problem = From(errors);
        return Results.Problem(problem);
    }

    public static IResult NotFound(string what) => Result([DomainError.NotFound(what)]);

    /// <summary>
    /// A body of JSON <c>null</c> (or none where one is needed) deserializes to a null command; it is malformed
    /// input like any other, named "$" as the serializer names the whole body.
    /// </summary>
    public static IResult BodyRequired() => Result([BodyRequiredError]);

    public static readonly DomainError BodyRequiredError = new(ErrorKind.Invalid, "body-required", "The request needs a JSON object as its body.", "$");
}
