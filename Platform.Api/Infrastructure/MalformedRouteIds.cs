namespace Platform.Api.Infrastructure;

/// <summary>
/// Wolverine answers a route id that is not a Guid (<c>/concerns/not-a-guid</c>) with an empty 404: no resource
/// has that address. The problem written for it then names the route value at fault, so a client can tell a
/// mistyped id from an item that does not exist.
/// </summary>
public static class MalformedRouteIds
{
    public static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status != StatusCodes.Status404NotFound || problem.Extensions.ContainsKey("code")) return;
        foreach (var (name, value) in context.HttpContext.GetRouteData().Values)
        {
            // Every id in this API's routes is a Guid, and route ids are named "id" or "...Id".
            if (name != "id" && !name.EndsWith("Id", StringComparison.Ordinal)) continue;
            if (value is not string text || Guid.TryParse(text, out _)) continue;
            var message = $"'{text}' is not an id (a GUID such as 01890a5d-ac96-774b-bcce-b302099a8057).";
            problem.Detail = message;
            problem.Extensions["code"] = "invalid-" + name;
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [name] = [message] };
            return;
        }
    }
}
