
namespace Platform.Tests.Accounts;

/// <summary>Every refused account, role or city write answers problem details naming the field or rule, and stores nothing.</summary>
[Collection(IntegrationCollection.Name)]
public class AccountAndCityBadInputTests(AppFixture app)
{
    private const string NoBody = "<none>";
    private const string Settings = """{"concernResponseDays":30,"proposalSupportThreshold":100,"proposalDecisionDays":90}""";

    /// <summary>
    /// endpoint ("METHOD url", with {account} for an existing account's id and {email} for a registered email),
    /// caller (anonymous, resident, official, admin), body, status, field or rule named.
    /// </summary>
    public static TheoryData<string, string, string, int, string> RefusedWrites => new()
    {
        // Register: POST /api/accounts
        { "POST /api/accounts", "anonymous", """{"email":""", 400, "$" },
        { "POST /api/accounts", "anonymous", "null", 400, "$" },
        { "POST /api/accounts", "anonymous", NoBody, 400, "$" },
        { "POST /api/accounts", "anonymous", """{"email":5,"password":"long enough pass","displayName":"A","city":"york"}""", 400, "$.email" },
        { "POST /api/accounts", "anonymous", """{"email":"not-an-email","password":"long enough pass","displayName":"A","city":"york"}""", 400, "email" },
        { "POST /api/accounts", "anonymous", """{"email":"a@b","password":"long enough pass","displayName":"A","city":"york"}""", 400, "email" },
        { "POST /api/accounts", "anonymous", """{"password":"long enough pass","displayName":"A","city":"york"}""", 400, "email" },
        { "POST /api/accounts", "anonymous", """{"email":"short@example.org","password":"short","displayName":"A","city":"york"}""", 400, "password" },
        { "POST /api/accounts", "anonymous", $$"""{"email":"long@example.org","password":"{{new string('p', 201)}}","displayName":"A","city":"york"}""", 400, "password" },
        { "POST /api/accounts", "anonymous", """{"email":"nameless@example.org","password":"long enough pass","displayName":" ","city":"york"}""", 400, "displayName" },
        { "POST /api/accounts", "anonymous", $$"""{"email":"named@example.org","password":"long enough pass","displayName":"{{new string('n', 101)}}","city":"york"}""", 400, "displayName" },
        { "POST /api/accounts", "anonymous", """{"email":"nowhere@example.org","password":"long enough pass","displayName":"A","city":"atlantis"}""", 400, "city" },
        { "POST /api/accounts", "anonymous", """{"email":"nowhere@example.org","password":"long enough pass","displayName":"A"}""", 400, "city" },
        { "POST /api/accounts", "anonymous", """{"email":"klingon@example.org","password":"long enough pass","displayName":"A","city":"york","language":"tlh-x"}""", 400, "language" },
        { "POST /api/accounts", "anonymous", """{"email":"{email}","password":"long enough pass","displayName":"A","city":"york"}""", 409, "email" },
        // Token and cookie sign-in
        { "POST /api/accounts/token", "anonymous", """{"email":"{email}","password":"wrong password!"}""", 401, "wrong-credentials" },
        { "POST /api/accounts/token", "anonymous", """{"email":"nobody@example.org","password":"long enough pass"}""", 401, "wrong-credentials" },
        { "POST /api/accounts/token", "anonymous", """{"email":"{email}"}""", 401, "wrong-credentials" },
        { "POST /api/accounts/token", "anonymous", """{"email":"{email}","password":12345678901}""", 400, "$.password" },
        { "POST /api/accounts/token", "anonymous", "null", 400, "$" },
        { "POST /api/accounts/token", "anonymous", """{"email":""", 400, "$" },
        { "POST /api/accounts/sign-in", "anonymous", """{"email":"{email}","password":"wrong password!"}""", 401, "wrong-credentials" },
        { "POST /api/accounts/sign-in", "anonymous", "null", 400, "$" },
        // Register a city: POST /api/cities
        { "POST /api/cities", "admin", """{"slug":""", 400, "$" },
        { "POST /api/cities", "admin", "null", 400, "$" },
        { "POST /api/cities", "admin", """{"slug":"New York","names":{"en":"New York"},"timeZone":"America/New_York"}""", 400, "slug" },
        { "POST /api/cities", "admin", """{"slug":"x","names":{"en":"X"},"timeZone":"UTC"}""", 400, "slug" },
        { "POST /api/cities", "admin", """{"names":{"en":"Nameless"},"timeZone":"UTC"}""", 400, "slug" },
        { "POST /api/cities", "admin", """{"slug":"york","names":{"en":"York"},"timeZone":"Europe/London"}""", 409, "slug" },
        { "POST /api/cities", "admin", """{"slug":"tnames","timeZone":"UTC"}""", 400, "names" },
        { "POST /api/cities", "admin", """{"slug":"tnames","names":{"en":""},"timeZone":"UTC"}""", 400, "names" },
        { "POST /api/cities", "admin", """{"slug":"tnames","names":{"xx":"Nowhere"},"timeZone":"UTC"}""", 400, "names.xx" },
        { "POST /api/cities", "admin", """{"slug":"tlang","names":{"en":"T"},"languages":["en","klingon"],"timeZone":"UTC"}""", 400, "languages[1]" },
        { "POST /api/cities", "admin", """{"slug":"tlang","names":{"en":"T"},"languages":"en","timeZone":"UTC"}""", 400, "$.languages" },
        { "POST /api/cities", "admin", """{"slug":"ttz","names":{"en":"T"},"timeZone":"Mars/Olympus_Mons"}""", 400, "timeZone" },
        { "POST /api/cities", "admin", """{"slug":"ttz","names":{"en":"T"}}""", 400, "timeZone" },
        { "POST /api/cities", "admin", """{"slug":"tpop","names":{"en":"T"},"timeZone":"UTC","population":-5}""", 400, "population" },
        { "POST /api/cities", "admin", """{"slug":"tpop","names":{"en":"T"},"timeZone":"UTC","population":"many"}""", 400, "$.population" },
        { "POST /api/cities", "admin", """{"slug":"tset","names":{"en":"T"},"timeZone":"UTC","settings":{"concernResponseDays":0}}""", 400, "settings.concernResponseDays" },
        { "POST /api/cities", "admin", """{"slug":"tset","names":{"en":"T"},"timeZone":"UTC","settings":{"proposalSupportThreshold":0}}""", 400, "settings.proposalSupportThreshold" },
        { "POST /api/cities", "admin", """{"slug":"tset","names":{"en":"T"},"timeZone":"UTC","settings":{"proposalDecisionDays":366}}""", 400, "settings.proposalDecisionDays" },
        // Change a city's settings: PUT /api/cities/{city}/settings
        { "PUT /api/cities/york/settings", "admin", """{"concernResponseDays":0,"proposalSupportThreshold":100,"proposalDecisionDays":90}""", 400, "settings.concernResponseDays" },
        { "PUT /api/cities/york/settings", "admin", """{"concernResponseDays":366,"proposalSupportThreshold":100,"proposalDecisionDays":90}""", 400, "settings.concernResponseDays" },
        { "PUT /api/cities/york/settings", "admin", """{"concernResponseDays":30,"proposalSupportThreshold":1000001,"proposalDecisionDays":90}""", 400, "settings.proposalSupportThreshold" },
        { "PUT /api/cities/york/settings", "admin", """{"concernResponseDays":30,"proposalSupportThreshold":100,"proposalDecisionDays":-1}""", 400, "settings.proposalDecisionDays" },
        { "PUT /api/cities/york/settings", "admin", """{"concernResponseDays":"thirty"}""", 400, "$.concernResponseDays" },
        { "PUT /api/cities/york/settings", "admin", "null", 400, "$" },
        { "PUT /api/cities/york/settings", "admin", """{"concernResponseDays":""", 400, "$" },
        { "PUT /api/cities/atlantis/settings", "admin", Settings, 404, "city-not-found" },
        // Grant a role: POST /api/cities/{city}/roles
        { "POST /api/cities/york/roles", "admin", """{"accountId":"{account}","role":"wizard"}""", 400, "$.role" },
        { "POST /api/cities/york/roles", "admin", """{"accountId":"{account}","role":99}""", 400, "role" },
        { "POST /api/cities/york/roles", "admin", """{"accountId":"{account}"}""", 400, "role" },
        { "POST /api/cities/york/roles", "admin", """{"role":"official"}""", 400, "accountId" },
        { "POST /api/cities/york/roles", "admin", """{"accountId":"not-a-guid","role":"official"}""", 400, "$.accountId" },
        { "POST /api/cities/york/roles", "admin", """{"accountId":"01890a5d-ac96-774b-bcce-b302099a8057","role":"official"}""", 404, "account-not-found" },
        { "POST /api/cities/york/roles", "admin", "null", 400, "$" },
        { "POST /api/cities/atlantis/roles", "admin", """{"accountId":"{account}","role":"official"}""", 404, "city-not-found" },
        // Revoke a role: DELETE /api/cities/{city}/roles/{accountId}/{role}
        { "DELETE /api/cities/york/roles/{account}/wizard", "admin", NoBody, 400, "role" },
        { "DELETE /api/cities/york/roles/{account}/99", "admin", NoBody, 400, "role" },
        { "DELETE /api/cities/york/roles/not-a-guid/official", "admin", NoBody, 404, "accountId" },
        { "DELETE /api/cities/york/roles/01890a5d-ac96-774b-bcce-b302099a8057/official", "admin", NoBody, 404, "account-not-found" },
        // Verify a resident: POST /api/cities/{city}/residents/{accountId}/verification
        { "POST /api/cities/york/residents/not-a-guid/verification", "official", NoBody, 404, "accountId" },
        { "POST /api/cities/york/residents/01890a5d-ac96-774b-bcce-b302099a8057/verification", "official", NoBody, 404, "account-not-found" },
        { "POST /api/cities/utrecht/residents/{account}/verification", "utrecht-official", NoBody, 422, "not-a-resident" },
    };

    [Theory, MemberData(nameof(RefusedWrites))]
    public async Task A_refused_write_is_a_problem_naming_the_field_or_rule_and_stores_nothing(string endpoint, string caller, string body, int status, string named)
    {
        var account = await app.ResidentAsync("york");
        var email = $"{Guid.NewGuid():N}@example.org";
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email, password = "correct horse battery", displayName = "Ada", city = "york" }).ToUrl("/api/accounts");
            x.StatusCodeShouldBe(201);
        });
        Actor? actor = caller switch
        {
            "admin" => await app.NetworkAdministratorAsync(),
            "official" => await app.AccountAsync("york", CityRole.Official),
            "utrecht-official" => await app.AccountAsync("utrecht", CityRole.Official),
            "resident" => await app.ResidentAsync("york"),
            _ => null,
        };
        string Fill(string text) => text.Replace("{account}", account.Id.ToString()).Replace("{email}", email);
        var (method, url) = (endpoint.Split(' ')[0], Fill(endpoint.Split(' ')[1]));
        var before = await app.AccountsAndCitiesFingerprintAsync();

        var result = await app.Host.Scenario(x =>
        {
            var send = method switch { "POST" => x.Post, "PUT" => x.Put, _ => x.Delete };
            if (body == NoBody) send.Url(url);
            else
            {
                send.Text(Fill(body)).ToUrl(url);
                x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
            }
            if (actor is not null) x.As(actor);
            x.StatusCodeShouldBe(status);
        });

        Assert.StartsWith("application/problem+json", result.Context.Response.ContentType);
        var text = await result.ReadAsTextAsync();
        var problem = Json.Parse(text);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        var isNamed = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(named, out _)
                      || problem.TryGetProperty("code", out var code) && code.GetString() == named
                      || named.StartsWith('$') && problem.TryGetProperty("detail", out var detail) && detail.GetString()!.Contains(named, StringComparison.Ordinal);
        Assert.True(isNamed, $"the problem should name '{named}': {text}");
        Assert.DoesNotContain("correct horse battery", text);
        Assert.Equal(before, await app.AccountsAndCitiesFingerprintAsync());
    }
}
