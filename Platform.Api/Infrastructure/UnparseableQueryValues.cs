
namespace Platform.Api.Infrastructure;

/// <summary>
/// With <c>RejectUnparseableQueryValues</c> on, Wolverine answers a query value that does not parse to its
/// parameter's type (<c>?page=abc</c> for an <c>int? page</c>, <c>?parent=x</c> for a <c>Guid?</c>) with a 400 problem
/// carrying the parameter's name. This gives it the shape of every other refusal: <c>code</c>
/// <c>invalid-{name}</c> and <c>errors</c> naming the query field, as the endpoints' own checks do.
/// </summary>
public static class UnparseableQueryValues
{
    /// <summary>How much of the refused value the message repeats.</summary>
    private const int MaxEcho = 50;

    public static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status != StatusCodes.Status400BadRequest || problem.Extensions.ContainsKey("code")) return;
        if (!problem.Extensions.TryGetValue("parameter", out var parameter) || parameter is not string { Length: > 0 } name) return;

        var value = context.HttpContext.Request.Query[name].ToString();
        if (value.Length > MaxEcho) value = value[..MaxEcho] + "…";
        var message = $"'{value}' is not a valid value for '{name}'.";
        problem.Title = "The request is not valid.";
        problem.Detail = message;
        problem.Type = $"https://human-rights-cities.org/problems/invalid-{name}";
        problem.Extensions["code"] = "invalid-" + name;
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [name] = [message] };
    }
}
