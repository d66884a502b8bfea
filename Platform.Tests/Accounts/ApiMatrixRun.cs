using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http.Metadata;
using Platform.Api.Infrastructure;

namespace Platform.Tests.Accounts;

/// <summary>A write as the OpenAPI document describes it.</summary>
public sealed record DocumentedWrite(string OperationId, string Method, string Path, bool TakesBody)
{
    /// <summary>Under <c>/api/cities/{city}/</c>: the write acts in the city of its route.</summary>
    public bool InCity => Path.StartsWith("/api/cities/{city}", StringComparison.Ordinal)
        || Path.StartsWith("/open311/v2/{city}/", StringComparison.Ordinal); // Open311: the city of the route, a key of that city

    /// <summary>The route's parameters besides the city.</summary>
    public IReadOnlyList<string> Items { get; } =
        System.Text.RegularExpressions.Regex.Matches(Path, "\\{([^}]+)\\}").Select(m => m.Groups[1].Value).Where(n => n != "city").ToList();

    /// <summary>Every POST, PUT, PATCH and DELETE of the API's OpenAPI document (<c>GET /openapi/v1.json</c>).</summary>
    public static async Task<IReadOnlyList<DocumentedWrite>> ReadAllAsync(AppFixture app)
    {
        var answer = await app.Host.Scenario(x => { x.Get.Url("/openapi/v1.json"); x.StatusCodeShouldBeOk(); });
        using var document = JsonDocument.Parse(await answer.ReadAsTextAsync());
        var writes = new List<DocumentedWrite>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = operation.Name.ToUpperInvariant();
                if (method is not ("POST" or "PUT" or "PATCH" or "DELETE")) continue;
                var id = operation.Value.TryGetProperty("operationId", out var named) ? named.GetString()! : $"{method} {path.Name}";
                writes.Add(new DocumentedWrite(id, method, path.Name, operation.Value.TryGetProperty("requestBody", out _)));
            }
        return writes;
    }
}

/// <summary>
/// Someone calling the API: the roles held in the matrix's city (here) and in its other city (elsewhere), and whether a
/// network administrator. The expectation of every cell is derived from these and the operation's <see cref="Who"/>.
/// </summary>
public sealed record Caller(string Name, CityRole[] Here, CityRole[] Elsewhere, bool Administrator = false, bool Anonymous = false)
{
    private static readonly CityRole[] None = [], Every = Enum.GetValues<CityRole>();

    public static readonly Caller AnonymousCaller = new("anonymous", None, None, Anonymous: true);
    public static readonly Caller ResidentHere = new("resident here", [CityRole.Resident], None);
    public static readonly Caller VerifiedHere = new("verified resident here", [CityRole.Resident, CityRole.VerifiedResident], None);
    public static readonly Caller OfficialHere = new("official here", [CityRole.Official], None);
    public static readonly Caller ModeratorHere = new("moderator here", [CityRole.Moderator], None);
    public static readonly Caller IndependentBodyHere = new("independent body here", [CityRole.IndependentBody], None);
    public static readonly Caller ResidentElsewhere = new("resident elsewhere", None, [CityRole.Resident]);
    public static readonly Caller VerifiedElsewhere = new("verified resident elsewhere", None, [CityRole.Resident, CityRole.VerifiedResident]);
    public static readonly Caller OfficialElsewhere = new("official elsewhere", None, [CityRole.Official]);
    public static readonly Caller ModeratorElsewhere = new("moderator elsewhere", None, [CityRole.Moderator]);
    public static readonly Caller IndependentBodyElsewhere = new("independent body elsewhere", None, [CityRole.IndependentBody]);
    public static readonly Caller NetworkAdministrator = new("network administrator", None, None, Administrator: true);
    /// <summary>Every role of the city and the network's: allowed nearly everywhere here, so only the route keeps them out of the other city.</summary>
    public static readonly Caller CouncilHere = new("official and moderator here (and administrator)", Every, None, Administrator: true);
    /// <summary>Every role in both cities and the network's: only the route's city separates what they may touch.</summary>
    public static readonly Caller Everywhere = new("every role in both cities", Every, Every, Administrator: true);

    /// <summary>The callers of the matrix: anonymous, the four roles here and elsewhere, the network administrator.</summary>
    public static readonly Caller[] Matrix =
        [AnonymousCaller, ResidentHere, VerifiedHere, OfficialHere, ModeratorHere, IndependentBodyHere, ResidentElsewhere, VerifiedElsewhere, OfficialElsewhere,
         ModeratorElsewhere, IndependentBodyElsewhere, NetworkAdministrator];

    /// <summary>Who forges the other city's name and item ids into a request of this city: the four roles elsewhere, and the council here.</summary>
    public static readonly Caller[] Forgers = [ResidentElsewhere, VerifiedElsewhere, OfficialElsewhere, ModeratorElsewhere, IndependentBodyElsewhere, CouncilHere];

    public bool MayCall(Who who) => who switch
    {
        Who.Anyone => true,
        Who.SignedIn => !Anonymous,
        Who.Resident => Here.Length > 0,
        Who.VerifiedResident => Here.Contains(CityRole.VerifiedResident),
        Who.Official => Here.Contains(CityRole.Official),
        Who.Moderator => Here.Contains(CityRole.Moderator),
        Who.IndependentBody => Here.Contains(CityRole.IndependentBody),
        Who.NetworkAdministrator => Administrator,
        Who.Reviewer => Elsewhere.Contains(CityRole.Official) && !Here.Contains(CityRole.Official),
        Who.Author => false,
        Who.Verifier => Here.Contains(CityRole.Official) || Administrator,
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    /// <summary>A refusal: 401 for the anonymous (sign in first), 403 for a signed-in caller without the role.</summary>
    public int Refusal => Anonymous ? 401 : 403;
}

/// <summary>What kind of cell: a caller's own request, the author's, one with the other city forged into query and body,
/// one naming another city's item in the route, one in a city that does not exist.</summary>
public enum CellKind { Role, Author, Forged, ElsewhereItem, UnknownCity }

/// <summary>One checked cell: the operation, the caller, what was expected, what came back; <see cref="Failure"/> when it went wrong.</summary>
public sealed record Cell(CellKind Kind, string Operation, string Caller, string Expected, int Status, string? Failure);

/// <summary>
/// Runs the whole API matrix once per host: every documented write that <see cref="WriteOperations"/> knows, in a fresh pair of
/// cities (here: verified residency required, proposal threshold 1; elsewhere: threshold 1), for every caller, forged
/// variant, another city's item and an unknown city, checking the answer and what the store holds after each request.
/// </summary>
public sealed class ApiMatrixRun
{
    public List<Cell> Cells { get; } = [];
    /// <summary>Documented writes without an expectation, and expectations without a documented write.</summary>
    public List<string> Uncovered { get; } = [];
    public List<string> Stale { get; } = [];
    /// <summary>Writes the app maps under <c>/api</c> that its OpenAPI document leaves out (so the matrix would not see them).</summary>
    public List<string> Undocumented { get; } = [];
    /// <summary>How many writes the app maps under <c>/api</c>.</summary>
    public int Mapped { get; private set; }
    public TimeSpan Elapsed { get; private set; }
    /// <summary>Of <see cref="Elapsed"/>: the time the cells' own requests took (the rest prepared them and read the store).</summary>
    public TimeSpan Sending { get; private set; }

    private readonly AppFixture _app;
    /// <summary>Counts preparations: a fingerprint read before one is stale.</summary>
    private int _prepared;
    /// <summary>When the run started: the store's fingerprint looks at the accounts written since.</summary>
    private DateTimeOffset _since;
    private ((string, string) Cities, int Version, StoreFingerprint Print)? _last;
    private readonly string _schema;
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private ApiMatrixRun(AppFixture app)
    {
        _app = app;
        _schema = app.Host.Services.GetRequiredService<PlatformOptions>().Schema;
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (AppFixture Host, ApiMatrixRun Run)? _done;

    /// <summary>The run of this host, made by the first test that asks (the others read its cells).</summary>
    public static async Task<ApiMatrixRun> OfAsync(AppFixture app)
    {
        await Gate.WaitAsync();
        try
        {
            if (_done is { } done && ReferenceEquals(done.Host, app)) return done.Run;
            var run = new ApiMatrixRun(app);
            await run.ExecuteAsync();
            _done = (app, run);
            return run;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task ExecuteAsync()
    {
        var watch = Stopwatch.StartNew();
        _since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var documented = await DocumentedWrite.ReadAllAsync(_app);
        var expected = WriteOperations.All.ToDictionary(o => o.Id);
        Uncovered.AddRange(documented.Where(d => !expected.ContainsKey(d.OperationId)).Select(d => $"{d.OperationId} ({d.Method} {d.Path})"));
        Stale.AddRange(expected.Keys.Where(id => documented.All(d => d.OperationId != id)));
        var mapped = MappedWrites().ToList();
        Mapped = mapped.Count;
        Undocumented.AddRange(mapped.Where(w => !documented.Any(d => d.Method == w.Method && Template(d.Path) == w.Path)).Select(w => $"{w.Method} /{w.Path}"));
        foreach (var write in documented.Where(d => expected.ContainsKey(d.OperationId)))
        {
            try
            {
                await RunAsync(write, expected[write.OperationId]);
            }
            catch (Exception e)
            {
                Cells.Add(new Cell(CellKind.Role, write.OperationId, "(preparing)", "a prepared request", 0, $"preparing or sending failed: {e.GetType().Name}: {e.Message}"));
            }
        }
        Elapsed = watch.Elapsed;
    }

    private async Task RunAsync(DocumentedWrite write, WriteOperation operation)
    {
        var here = await _app.CityWithThresholdAsync(threshold: 1, verifiedOnly: true);
        var elsewhere = await _app.CityWithThresholdAsync(threshold: 1);
        var sceneHere = new Scene(_app, here, elsewhere);
        // The callers, the request here and (when the route names items) the same request in the other city, prepared side by side.
        var preparing = PeopleAsync(here, elsewhere);
        var arranging = operation.Arrange(sceneHere);
        var arrangingTheirs = write.InCity && write.Items.Count > 0 ? operation.Arrange(new Scene(_app, elsewhere, here)) : Task.FromResult<Call?>(null)!;
        await Task.WhenAll(preparing, arranging, arrangingTheirs);
        var (people, call, theirs) = (preparing.Result, arranging.Result, arrangingTheirs.Result);
        var fresh = true;

        var cells = Caller.Matrix.Select(c => (Kind: CellKind.Role, Caller: c)).ToList();
        if (write.InCity) cells.AddRange(Caller.Forgers.Select(c => (Kind: CellKind.Forged, Caller: c)));
        // Refusals first, on the request as prepared; then each allowed caller, on a request prepared again when the last one used it.
        foreach (var (kind, caller) in cells.OrderBy(c => c.Caller.MayCall(operation.Who)))
        {
            var allowed = caller.MayCall(operation.Who);
            var actor = people[caller];
            if (allowed)
            {
                if (!fresh) call = await operation.Arrange(sceneHere);
                if (operation.BeforeAllowed is { } before) await before(sceneHere, call, actor!);
                _prepared++;
            }
            var (url, body) = kind == CellKind.Forged ? Forged(write, call, here, theirs, elsewhere) : Request(write, call, here);
            await CheckAsync(kind, write, caller.Name, url, body, call, actor, here, elsewhere, allowed ? null : caller.Refusal);
            if (allowed) fresh = operation.Repeatable;
        }

        if (call.Author is { } author)
        {
            if (!fresh) throw new InvalidOperationException($"{write.OperationId}: an operation with an author must be repeatable for its refusals.");
            var (url, body) = Request(write, call, here);
            await CheckAsync(CellKind.Author, write, "the author", url, body, call, author, here, elsewhere, expected: null);
        }

        if (theirs is not null && operation.ElsewhereItem is { } status && write.Items.Count > 0)
        {
            // Their request, with its items, sent to this city's route by someone who holds every role in both cities.
            var (url, body) = Request(write, theirs, here);
            await CheckAsync(CellKind.ElsewhereItem, write, Caller.Everywhere.Name, url, body, theirs, people[Caller.Everywhere], here, elsewhere, status);
        }

        if (write.InCity)
        {
            var unknown = $"nowhere-{Guid.NewGuid():N}"[..20];
            foreach (var caller in Caller.Matrix)
            {
                var (url, body) = Request(write, call, unknown);
                await CheckAsync(CellKind.UnknownCity, write, caller.Name, url, body, call, people[caller], here, elsewhere, 404);
            }
        }
    }

    /// <summary>Every POST, PUT, PATCH and DELETE route the app maps under <c>/api</c> (its endpoint data source, not its description).</summary>
    private IEnumerable<(string Method, string Path)> MappedWrites() =>
        _app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => Template(e.RoutePattern.RawText ?? "").StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m.ToUpperInvariant(), Path: Template(e.RoutePattern.RawText!))))
            .Where(w => w.Method is "POST" or "PUT" or "PATCH" or "DELETE")
            .Distinct();

    /// <summary>A route template without its leading slash and parameter constraints, to compare the document's with the app's.</summary>
    private static string Template(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path.TrimStart('/'), @"\{([^}:?]+)[^}]*\}", "{$1}");

    /// <summary>Fresh accounts for every caller of one operation's cells (so no account nears the write rate limit).</summary>
    private async Task<Dictionary<Caller, Actor?>> PeopleAsync(string here, string elsewhere)
    {
        var callers = Caller.Matrix.Append(Caller.CouncilHere).Append(Caller.Everywhere).Where(c => !c.Anonymous).ToList();
        var actors = await _app.AccountsAsync(callers.Select(c =>
            ((IReadOnlyList<(string, CityRole)>)c.Here.Select(r => (here, r)).Concat(c.Elsewhere.Select(r => (elsewhere, r))).ToList(), c.Administrator)).ToList());
        var people = new Dictionary<Caller, Actor?> { [Caller.AnonymousCaller] = null };
        for (var i = 0; i < callers.Count; i++) people[callers[i]] = actors[i];
        return people;
    }

    /// <summary>
    /// Sends one request and checks it. <paramref name="expected"/> null: an allowed call, which answers 2xx and changes
    /// nothing of the other city. Else the status it must answer, having changed nothing at all.
    /// </summary>
    private async Task CheckAsync(CellKind kind, DocumentedWrite write, string caller, string url, string? json, Call call, Actor? actor,
        string here, string elsewhere, int? expected)
    {
        // What the store held after the last cell, unless something was prepared since.
        var before = _last is { } last && last.Cities == (here, elsewhere) && last.Version == _prepared ? last.Print
            : await StoreFingerprint.ReadAsync(TestDatabase.ConnectionString, _schema, here, elsewhere, _since);
        var sending = Stopwatch.StartNew();
        var status = await SendAsync(write.Method, url, json, call, actor);
        Sending += sending.Elapsed;
        var after = await StoreFingerprint.ReadAsync(TestDatabase.ConnectionString, _schema, here, elsewhere, _since);
        _last = ((here, elsewhere), _prepared, after);

        string? failure = null;
        if (expected is null)
        {
            if (status is < 200 or >= 300) failure = $"allowed, but answered {status}";
            // A write of the network (an account's own, the catalogue, a new city) names no city to keep out of; erasing
            // one's account, say, drops its roles in every city.
            else if (write.InCity && after.Second != before.Second) failure = "allowed here, but changed the other city";
        }
        else if (status != expected) failure = $"answered {status}";
        else if (after != before)
            failure = after.First != before.First ? "refused, but stored in this city"
                : after.Second != before.Second ? "refused, but stored in the other city"
                : "refused, but stored in the network's documents";
        Cells.Add(new Cell(kind, write.OperationId, caller, expected?.ToString() ?? "2xx", status, failure is null ? null : $"{write.Method} {url}: {failure}"));
    }

    private (string Url, string? Json) Request(DocumentedWrite write, Call call, string city)
    {
        var url = write.Path.Replace("{city}", city);
        foreach (var (name, value) in call.Route) url = url.Replace($"{{{name}}}", Uri.EscapeDataString(value));
        return (url, call.Body is null ? null : JsonSerializer.Serialize(call.Body, JsonOptions));
    }

    /// <summary>
    /// This city's request with the other city named everywhere a request could name a city and its items: <c>city</c> and
    /// each route parameter's value of the other city's request in the query string, and in the JSON body (one is sent
    /// when the operation takes none).
    /// </summary>
    private (string Url, string? Json) Forged(DocumentedWrite write, Call call, string here, Call? theirs, string elsewhere)
    {
        var (url, json) = Request(write, call, here);
        var forged = new Dictionary<string, string> { ["city"] = elsewhere };
        foreach (var (name, value) in theirs?.Route ?? new Dictionary<string, string>()) forged[name] = value;
        url += (url.Contains('?') ? "&" : "?") + string.Join("&", forged.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
        if (call.Csv is not null) return (url, json);
        // A form (Open311): the forged values as fields of their own after the request's.
        if (call.Form is not null) return (url, call.Form + "&" + string.Join("&", forged.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")));
        var body = json is null ? new JsonObject() : JsonNode.Parse(json) as JsonObject;
        if (body is null) return (url, json);
        foreach (var (name, value) in forged)
            if (name == "city" || !body.ContainsKey(name)) body[name] = value;
        return (url, body.ToJsonString());
    }

    private async Task<int> SendAsync(string method, string url, string? json, Call call, Actor? actor)
    {
        var csv = call.Csv;
        // A form call sends its form (forged: with the forged fields, which come as the "JSON" of the request).
        var form = call.Form is null ? null : json ?? call.Form;
        if (form is not null) json = null;
        // Alba takes a path; the query string is set on the request itself.
        var query = url.IndexOf('?') is var at and >= 0 ? url[at..] : "";
        var path = url[..(url.Length - query.Length)];
        var result = await _app.Host.Scenario(x =>
        {
            var send = method switch { "POST" => x.Post, "PUT" => x.Put, "PATCH" => x.Patch, "DELETE" => x.Delete, _ => throw new ArgumentException(method) };
            var text = csv ?? form ?? json;
            if (text is null) send.Url(path);
            else send.Text(text).ToUrl(path);
            x.ConfigureHttpContext(c =>
            {
                if (text is not null) c.Request.ContentType = csv is not null ? "text/csv" : form is not null ? "application/x-www-form-urlencoded" : "application/json";
                c.Request.QueryString = new QueryString(query);
            });
            if (actor is not null) x.As(actor);
            x.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }
}
