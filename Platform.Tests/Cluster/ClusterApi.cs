using System.Net.Http.Headers;

namespace Platform.Tests.Cluster;

/// <summary>A resident of the cluster tests: a registered account and its bearer token.</summary>
public sealed record ClusterResident(string Email, string Token);

/// <summary>Requests of the cluster tests, as an outside client sends them (registration, sign-in, writes), to any node or the front.</summary>
public static class ClusterApi
{
    public const string Password = "cluster-tests-password-2026";

    /// <summary>Registers <paramref name="count"/> residents of <paramref name="city"/> (spread over <paramref name="servers"/>) and signs each in.</summary>
    public static async Task<IReadOnlyList<ClusterResident>> ResidentsAsync(IReadOnlyList<HttpClient> servers, int count, string city = "york")
    {
        var residents = new ClusterResident[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, cancellation) =>
        {
            var http = servers[i % servers.Count];
            var email = $"{Guid.CreateVersion7():N}@cluster.test";
            using (var registered = await http.PostAsJsonAsync("api/accounts", new { email, password = Password, displayName = "Cluster resident", city }, cancellation))
                await ExpectAsync(registered, 201);
            using var token = await http.PostAsJsonAsync("api/accounts/token", new { email, password = Password }, cancellation);
            await ExpectAsync(token, 200);
            residents[i] = new ClusterResident(email, (await JsonAsync(token)).GetProperty("accessToken").GetString()!);
        });
        return residents;
    }

    /// <summary>
    /// An official of <paramref name="city"/>: a resident registered through <paramref name="http"/> whose account is given
    /// the role in the database itself (no network administrator exists in the cluster tests), signed in once every node
    /// has seen the role change (they poll changes every second).
    /// </summary>
    public static async Task<ClusterResident> OfficialAsync(HttpClient http, string connectionString, string city = "york")
    {
        var resident = (await ResidentsAsync([http], 1, city))[0];
        await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var grant = new Npgsql.NpgsqlCommand(
                "update platform.mt_doc_account set data = jsonb_set(jsonb_set(data, array['roles', @city], '[\"Resident\", \"Official\"]'), " +
                "'{rolesChangedAt}', to_jsonb(now())), roles_changed_at = now() where data ->> 'email' = @email", connection);
            grant.Parameters.AddWithValue("city", city);
            grant.Parameters.AddWithValue("email", resident.Email);
            if (await grant.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException("The official's account was not found.");
        }
        await Task.Delay(1500);
        using var token = await http.PostAsJsonAsync("api/accounts/token", new { email = resident.Email, password = Password });
        await ExpectAsync(token, 200);
        return resident with { Token = (await JsonAsync(token)).GetProperty("accessToken").GetString()! };
    }

    /// <summary>Drafts and opens a consultation that closes <paramref name="closesIn"/> after it opens; answers its id and closing time.</summary>
    public static async Task<(Guid Id, DateTimeOffset ClosesAt)> OpenConsultationAsync(HttpClient http, ClusterResident official, TimeSpan closesIn, string city = "york")
    {
        using var draft = Authorised(HttpMethod.Post, $"api/cities/{city}/consultations", official);
        draft.Content = JsonContent.Create(new { title = "Closes while a node dies", description = "A scheduled close." });
        using var drafted = await http.SendAsync(draft);
        await ExpectAsync(drafted, 201);
        var id = (await JsonAsync(drafted)).GetProperty("id").GetGuid();
        var closesAt = DateTimeOffset.UtcNow + closesIn;
        using var open = Authorised(HttpMethod.Post, $"api/cities/{city}/consultations/{id}/open", official);
        open.Content = JsonContent.Create(ConsultationApi.OpenBody(closesAt));
        using var opened = await http.SendAsync(open);
        await ExpectAsync(opened, 200);
        return (id, closesAt);
    }

    public static async Task<Guid> RaiseConcernAsync(HttpClient http, ClusterResident author, string city = "york")
    {
        using var request = Authorised(HttpMethod.Post, $"api/cities/{city}/concerns", author);
        request.Content = JsonContent.Create(ConcernApi.ValidBody("Raised through one node, watched on all"));
        using var answer = await http.SendAsync(request);
        await ExpectAsync(answer, 201);
        return (await JsonAsync(answer)).GetProperty("id").GetGuid();
    }

    /// <summary>Supports the concern; returns the answer (<c>supported</c>, <c>changed</c>, <c>version</c>).</summary>
    public static async Task<JsonElement> SupportAsync(HttpClient http, ClusterResident resident, Guid concern, string city = "york")
    {
        using var request = Authorised(HttpMethod.Post, $"api/cities/{city}/concerns/{concern}/supports", resident);
        using var answer = await http.SendAsync(request);
        await ExpectAsync(answer, 200);
        return await JsonAsync(answer);
    }

    /// <summary>POSTs <paramref name="body"/> (none when null) as <paramref name="caller"/> and expects <paramref name="status"/>.</summary>
    public static async Task PostAsync(HttpClient http, ClusterResident caller, string url, object? body = null, int status = 200)
    {
        using var request = Authorised(HttpMethod.Post, url, caller);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var answer = await http.SendAsync(request);
        await ExpectAsync(answer, status);
    }

    private static HttpRequestMessage Authorised(HttpMethod method, string url, ClusterResident resident)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", resident.Token);
        return request;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage answer) =>
        JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task ExpectAsync(HttpResponseMessage answer, int status)
    {
        if ((int)answer.StatusCode != status)
            throw new InvalidOperationException(
                $"{answer.RequestMessage?.Method} {answer.RequestMessage?.RequestUri} answered {(int)answer.StatusCode}, not {status}: {await answer.Content.ReadAsStringAsync()}");
    }
}
