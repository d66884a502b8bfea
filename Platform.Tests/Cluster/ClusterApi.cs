using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Tests.Support;

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
