using System.Net;

namespace Platform.Tests.Trust;

/// <summary>
/// Accounts against online guessing and stolen sessions: failed sign-ins are held back with a growing wait, per account
/// and per client address; an unknown email costs what a known one costs; a password change and "sign out everywhere"
/// end every earlier token; writes per account and sign-ins per address are rate-limited with a 429 and Retry-After.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class AccountAbuseTests(AppFixture app)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Failed_sign_ins_of_one_account_are_held_back_with_a_growing_wait_and_a_right_password_clears_them()
    {
        var email = await RegisterAsync();
        for (var i = 0; i < 6; i++) Assert.Equal(401, await TokenStatusAsync(email, "wrong password!"));

        // The sixth failure holds the account back one second: even the right password waits.
        var held = await TokenAsync(email, Password);
        Assert.Equal(429, held.Context.Response.StatusCode);
        Assert.Equal("1", held.Context.Response.Headers.RetryAfter.ToString());
        var problem = Json.Parse(await held.ReadAsTextAsync());
        Assert.Equal("too-many-requests", problem.Code());

        await Task.Delay(1_100);
        Assert.Equal(401, await TokenStatusAsync(email, "still wrong!!")); // the seventh failure: two seconds now
        var longer = await TokenAsync(email, Password);
        Assert.Equal(429, longer.Context.Response.StatusCode);
        Assert.Equal("2", longer.Context.Response.Headers.RetryAfter.ToString());

        await Task.Delay(2_100);
        Assert.Equal(200, await TokenStatusAsync(email, Password));
        Assert.Equal(401, await TokenStatusAsync(email, "wrong again!!")); // counting starts anew after a success
        Assert.Equal(200, await TokenStatusAsync(email, Password));
    }

    [Fact]
    public async Task Sign_ins_from_one_address_are_limited_per_minute_with_a_problem_and_retry_after()
    {
        var email = await RegisterAsync();
        var address = DocumentationAddress();
        for (var i = 0; i < 30; i++) Assert.Equal(200, await TokenStatusAsync(email, Password, address));
        var refused = await TokenAsync(email, Password, address);
        Assert.Equal(429, refused.Context.Response.StatusCode);
        Assert.True(int.Parse(refused.Context.Response.Headers.RetryAfter.ToString()) is >= 1 and <= 60);
        Assert.Equal("too-many-requests", Json.Parse(await refused.ReadAsTextAsync()).Code());
        Assert.Equal(200, await TokenStatusAsync(email, Password, DocumentationAddress())); // another address is not held
    }

    [Fact]
    public async Task Failed_sign_ins_from_one_address_over_many_emails_are_held_back()
    {
        var address = DocumentationAddress();
        for (var i = 0; i < 21; i++) Assert.Equal(401, await TokenStatusAsync($"{Guid.NewGuid():N}@example.org", "guessing", address));
        var held = await TokenAsync($"{Guid.NewGuid():N}@example.org", "guessing", address);
        Assert.Equal(429, held.Context.Response.StatusCode);
        Assert.Equal("1", held.Context.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task Failed_sign_ins_count_across_nodes_and_are_kept_without_the_email_or_address()
    {
        // Two guards over one database, as two nodes behind a proxy: a guesser who spreads attempts gains nothing.
        var email = await RegisterAsync();
        var address = DocumentationAddress();
        var node1 = ActivatorUtilities.CreateInstance<Platform.Api.Accounts.SignInGuard>(app.Host.Services);
        var node2 = ActivatorUtilities.CreateInstance<Platform.Api.Accounts.SignInGuard>(app.Host.Services);
        await using var session = app.Store.QuerySession();
        var wrong = new Platform.Api.Accounts.Credentials(email, "wrong password!");
        for (var i = 0; i < 6; i++)
        {
            var (account, wait) = await (i % 2 == 0 ? node1 : node2).VerifyAsync(wrong, address, session, CancellationToken.None);
            Assert.Null(account);
            Assert.Null(wait);
        }
        var held = await node2.VerifyAsync(new Platform.Api.Accounts.Credentials(email, Password), address, session, CancellationToken.None);
        Assert.Null(held.Account);
        Assert.NotNull(held.RetryAfter);

        await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var stored = new Npgsql.NpgsqlCommand(
            $"select count(*) from platform.{Platform.Api.Accounts.SignInGuard.TableName} t where t::text ilike @email or t::text ilike @address", connection);
        stored.Parameters.AddWithValue("email", $"%{email}%");
        stored.Parameters.AddWithValue("address", $"%{address}%");
        Assert.Equal(0L, await stored.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_unknown_email_costs_what_a_known_one_costs()
    {
        var known = new List<string>();
        for (var i = 0; i < 8; i++) known.Add(await RegisterAsync());
        await TokenStatusAsync(known[0], "warm up the hasher");

        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var i = 1; i < known.Count; i++)
        {
            knownTimes.Add(await TimeAsync(known[i]));
            unknownTimes.Add(await TimeAsync($"{Guid.NewGuid():N}@example.org"));
        }
        var ratio = Median(unknownTimes) / Median(knownTimes);
        Assert.True(ratio is > 0.5 and < 2, $"unknown {Median(unknownTimes):F1} ms, known {Median(knownTimes):F1} ms");
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_token_of_the_account_and_a_new_sign_in_works()
    {
        var email = await RegisterAsync();
        var first = await TokenValueAsync(email, Password);
        var second = await TokenValueAsync(email, Password);
        Assert.Equal(200, await MeStatusAsync(second));

        await app.Host.Scenario(x => { x.Post.Url("/api/accounts/me/sign-out-everywhere"); x.WithRequestHeader("Authorization", $"Bearer {first}"); x.StatusCodeShouldBe(200); });

        Assert.Equal(401, await MeStatusAsync(first));
        Assert.Equal(401, await MeStatusAsync(second));
        await Task.Delay(10);
        Assert.Equal(200, await MeStatusAsync(await TokenValueAsync(email, Password)));
    }

    [Fact]
    public async Task A_password_change_asks_for_the_current_one_and_ends_earlier_tokens()
    {
        var email = await RegisterAsync();
        var token = await TokenValueAsync(email, Password);

        var wrong = await ChangeAsync(token, new { currentPassword = "not my password", newPassword = "a new long password" }, 400);
        Assert.True(Json.Parse(wrong).GetProperty("errors").TryGetProperty("currentPassword", out _));
        var tooShort = await ChangeAsync(token, new { currentPassword = Password, newPassword = "short" }, 400);
        Assert.True(Json.Parse(tooShort).GetProperty("errors").TryGetProperty("newPassword", out _));
        Assert.Equal(200, await MeStatusAsync(token)); // refused changes change nothing

        await ChangeAsync(token, new { currentPassword = Password, newPassword = "a new long password" }, 200);
        Assert.Equal(401, await MeStatusAsync(token));
        Assert.Equal(401, await TokenStatusAsync(email, Password));
        Assert.Equal(200, await TokenStatusAsync(email, "a new long password"));
    }

    [Fact]
    public async Task Role_changes_made_at_the_same_moment_are_all_kept()
    {
        var admin = await app.NetworkAdministratorAsync();
        var person = await app.ResidentAsync();
        var cities = new[] { "york", "utrecht", "lviv" };
        var roles = new[] { CityRole.Official, CityRole.Moderator };
        var grants = cities.SelectMany(city => roles.Select(role => (city, role))).ToList();

        await Task.WhenAll(grants.Select(g => app.Host.Scenario(x =>
        {
            x.Post.Json(new { accountId = person.Id, role = g.role.ToString().ToLowerInvariant() }).ToUrl($"/api/cities/{g.city}/roles");
            x.As(admin);
            x.StatusCodeShouldBe(200);
        })));

        await using var session = app.Store.QuerySession();
        var account = await session.LoadAsync<Platform.Api.Accounts.Account>(person.Id);
        foreach (var (city, role) in grants) Assert.True(account!.Holds(city, role), $"{role} in {city} was lost");
    }

    [Fact]
    public async Task Writes_of_one_account_are_limited_with_a_429_and_retry_after()
    {
        var city = await app.NewCityAsync();
        var concern = await app.RaiseAsync(city);
        var resident = await app.ResidentAsync(city);
        var statuses = new List<int>();
        for (var i = 0; i < 420 && !statuses.Contains(429); i++)
        {
            var result = await app.Host.Scenario(x =>
            {
                x.Put.Url($"/api/cities/{city}/concerns/{concern}/follow");
                x.As(resident);
                x.IgnoreStatusCode();
            });
            statuses.Add(result.Context.Response.StatusCode);
            if (result.Context.Response.StatusCode == 429) Assert.NotEmpty(result.Context.Response.Headers.RetryAfter.ToString());
        }
        Assert.Contains(429, statuses);
        Assert.True(statuses.Count(s => s == 200) >= 300, $"{statuses.Count(s => s == 200)} writes passed before the limit");
        var other = await app.ResidentAsync(city); // another account is not held back
        await app.Host.Scenario(x => { x.Put.Url($"/api/cities/{city}/concerns/{concern}/follow"); x.As(other); x.StatusCodeShouldBe(200); });
    }

    [Fact]
    public async Task The_status_page_of_a_429_says_to_wait_and_try_again()
    {
        var result = await app.Host.Scenario(x => { x.Get.Url("/status/429"); x.StatusCodeShouldBe(429); });
        var page = await result.ReadAsTextAsync();
        Assert.Contains("Too many requests", page);
        Assert.Contains("Wait a minute", page);
    }

    private async Task<string> RegisterAsync()
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email, password = Password, displayName = "Ada", city = "york" }).ToUrl("/api/accounts");
            x.StatusCodeShouldBe(201);
        });
        return email;
    }

    private Task<IScenarioResult> TokenAsync(string email, string password, IPAddress? address = null) => app.Host.Scenario(x =>
    {
        x.Post.Json(new { email, password }).ToUrl("/api/accounts/token");
        if (address is not null) x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = address);
        x.IgnoreStatusCode();
    });

    private async Task<int> TokenStatusAsync(string email, string password, IPAddress? address = null) =>
        (await TokenAsync(email, password, address)).Context.Response.StatusCode;

    private async Task<string> TokenValueAsync(string email, string password)
    {
        var result = await TokenAsync(email, password);
        Assert.Equal(200, result.Context.Response.StatusCode);
        return Json.Parse(await result.ReadAsTextAsync()).GetProperty("accessToken").GetString()!;
    }

    private async Task<int> MeStatusAsync(string token) => (await app.Host.Scenario(x =>
    {
        x.Get.Url("/api/accounts/me");
        x.WithRequestHeader("Authorization", $"Bearer {token}");
        x.IgnoreStatusCode();
    })).Context.Response.StatusCode;

    private async Task<string> ChangeAsync(string token, object body, int status) => await (await app.Host.Scenario(x =>
    {
        x.Put.Json(body).ToUrl("/api/accounts/me/password");
        x.WithRequestHeader("Authorization", $"Bearer {token}");
        x.StatusCodeShouldBe(status);
    })).ReadAsTextAsync();

    private async Task<double> TimeAsync(string email)
    {
        var watch = Stopwatch.StartNew();
        Assert.Equal(401, await TokenStatusAsync(email, "a wrong password"));
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>A fresh address of the IPv6 documentation range: failure counts are kept in the database, across test runs too.</summary>
    private static IPAddress DocumentationAddress() => IPAddress.Parse($"2001:db8::{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}");

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
