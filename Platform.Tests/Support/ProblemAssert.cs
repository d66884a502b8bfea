namespace Platform.Tests.Support;

/// <summary>What the bad-input tests of every feature assert of a refusal.</summary>
public static class ProblemAssert
{
    /// <summary>
    /// The answer is a problem (RFC 9457, <c>application/problem+json</c>) with <paramref name="status"/> that names
    /// <paramref name="field"/>: in its <c>errors</c>, in its <c>detail</c> (a body refused before the endpoint runs names the
    /// JSON path there) or as its <c>code</c>. Answers the problem for further checks.
    /// </summary>
    public static async Task<JsonElement> NamesAsync(IScenarioResult result, int status, string field)
    {
        Assert.StartsWith("application/problem+json", result.Context.Response.ContentType);
        var problem = Json.Parse(await result.ReadAsTextAsync());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        var named = problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.TryGetProperty(field, out _)
                    || problem.TryGetProperty("detail", out var detail) && detail.GetString()!.Contains(field, StringComparison.Ordinal)
                    || problem.TryGetProperty("code", out var code) && code.GetString() == field;
        Assert.True(named, $"the problem should name '{field}': {problem}");
        return problem;
    }
}
