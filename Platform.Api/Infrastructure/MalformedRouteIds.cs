namespace Platform.Api.Infrastructure;

/// <summary>
/// Wolverine answers a route id that is not a Guid (<c>/concerns/not-a-guid</c>) with an empty 404: no resource
/// has that address. The problem written for it then names the route value at fault, so a client can tell a
/// mistyped id from an item that does not exist.
/// </summary>
public static class MalformedRouteIds
{
    /// <summary>Every id in this API's and pages' routes is a Guid, and route ids are named "id" or "...Id".</summary>
    public static bool IsIdName(string name) => name == "id" || name.EndsWith("Id", StringComparison.Ordinal);

    public static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status != StatusCodes.Status404NotFound || problem.Extensions.ContainsKey("code")) return;
        foreach (var (name, value) in context.HttpContext.GetRouteData().Values)
        {
            if (!IsIdName(name)) continue;
            if (value is not string text || Guid.TryParse(text, out _)) continue;
            Name(problem, name, $"'{text}' is not an id (a GUID such as 01890a5d-ac96-774b-bcce-b302099a8057).");
            return;
        }
    }

    /// <summary>Puts the route value at fault in the problem's code and errors, with <paramref name="message"/>.</summary>
    public static void Name(Microsoft.AspNetCore.Mvc.ProblemDetails problem, string name, string message)
    {
        problem.Detail = message;
        problem.Extensions["code"] = "invalid-" + name;
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [name] = [message] };
    }
}

/// <summary>
/// The empty id (all zeros, in any of the Guid's spellings) is well formed but names nothing, and Marten refuses it
/// as a stream id with an exception: every write that loaded a stream by it answered 500. A route carrying it is a
/// 404 here, for the API (a problem naming the route value, as for an id that is not a Guid) and the pages alike,
/// before authorization and before any endpoint or page runs.
/// </summary>
public sealed class EmptyRouteIdMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        foreach (var (name, value) in context.GetRouteData().Values)
        {
            if (!MalformedRouteIds.IsIdName(name) || value is not string text || !Guid.TryParse(text, out var id) || id != Guid.Empty) continue;
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound; // the status page renders it in the visitor's language
                return;
            }
            var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not Found" };
            MalformedRouteIds.Name(problem, name, $"'{text}' is the empty id, which names nothing.");
            await Results.Problem(problem).ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
