using System.Net.Http.Headers;

namespace Platform.Tests.Support;

/// <summary>
/// The HTTP API of the browser fixture's Kestrel host, called as an API client would (bearer tokens from
/// <c>/api/accounts/token</c>): what happens "in another room" while a page is open (votes, an official's actions).
/// </summary>
public sealed class BrowserApi(BrowserFixture browser) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = browser.BaseAddress };

    public async Task<string> TokenAsync(string email)
    {
        using var answer = await _http.PostAsJsonAsync("/api/accounts/token", new { email, password = BrowserFixture.Password });
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>POSTs <paramref name="body"/> with the token; fails the test on anything but 2xx; returns the answer's JSON (or an empty element).</summary>
    public async Task<JsonElement> PostAsync(string token, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await _http.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, $"POST {url}: {(int)answer.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Schedules and opens a town hall in York and opens a poll; returns (town hall, poll).</summary>
    public async Task<(Guid TownHall, Guid Poll)> OpenTownHallWithPollAsync(string officialToken, string question, string[] options, string city = "york")
    {
        var id = (await PostAsync(officialToken, $"/api/cities/{city}/town-halls", TownHallApi.ScheduleBody())).GetProperty("id").GetGuid();
        await PostAsync(officialToken, $"/api/cities/{city}/town-halls/{id}/open");
        var poll = (await PostAsync(officialToken, $"/api/cities/{city}/town-halls/{id}/polls", new { question, options })).GetProperty("id").GetGuid();
        return (id, poll);
    }

    public void Dispose() => _http.Dispose();
}
