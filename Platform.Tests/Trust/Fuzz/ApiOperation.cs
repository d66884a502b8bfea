
namespace Platform.Tests.Trust.Fuzz;

/// <summary>One parameter of an operation: where it goes (path or query), its name and its JSON schema.</summary>
public sealed record ApiParameter(string Name, string In, JsonElement Schema, bool Required);

/// <summary>One operation of the API as its OpenAPI document describes it.</summary>
public sealed record ApiOperation(string Method, string PathTemplate, string OperationId, IReadOnlyList<ApiParameter> Parameters, JsonElement? BodySchema)
{
    public IEnumerable<ApiParameter> PathParameters => Parameters.Where(p => p.In == "path");
    public IEnumerable<ApiParameter> QueryParameters => Parameters.Where(p => p.In == "query");
    public bool IsRead => Method == "GET";

    public override string ToString() => $"{Method} {PathTemplate} ({OperationId})";

    /// <summary>
    /// Every operation of the document, in the document's order. Header and cookie parameters are left out
    /// (the API declares none); a request body is kept when it has a JSON schema.
    /// </summary>
    public static IReadOnlyList<ApiOperation> AllOf(JsonElement document)
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var entry in path.Value.EnumerateObject())
            {
                if (entry.Name is "parameters" or "summary" or "description" or "servers") continue;
                var operation = entry.Value;
                var parameters = new List<ApiParameter>();
                if (operation.TryGetProperty("parameters", out var declared))
                {
                    foreach (var parameter in declared.EnumerateArray())
                    {
                        var place = parameter.GetProperty("in").GetString()!;
                        if (place is not ("path" or "query")) continue;
                        parameters.Add(new ApiParameter(
                            parameter.GetProperty("name").GetString()!,
                            place,
                            parameter.TryGetProperty("schema", out var schema) ? schema : default,
                            parameter.TryGetProperty("required", out var required) && required.GetBoolean()));
                    }
                }
                JsonElement? body = null;
                if (operation.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content))
                {
                    foreach (var media in content.EnumerateObject())
                        if (media.Name.Contains("json", StringComparison.Ordinal) && media.Value.TryGetProperty("schema", out var schema))
                            body = schema;
                }
                var id = operation.TryGetProperty("operationId", out var operationId) ? operationId.GetString()! : $"{entry.Name} {path.Name}";
                operations.Add(new ApiOperation(entry.Name.ToUpperInvariant(), path.Name, id, parameters, body));
            }
        }
        return operations;
    }
}
