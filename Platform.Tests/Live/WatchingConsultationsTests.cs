using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Platform.Tests.Live;

/// <summary>A real SignalR client watching a consultation's results while residents answer.</summary>
[Collection(IntegrationCollection.Name)]
public class WatchingConsultationsTests(AppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_watcher_gets_the_results_after_each_response_without_free_text()
    {
        var id = await app.OpenConsultationAsync();
        await using var connection = app.ConnectLive();
        var pushes = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("ViewChanged", view => pushes.Writer.TryWrite(view));
        await connection.StartAsync();

        var snapshot = await connection.InvokeAsync<JsonElement>("Watch", "consultation", "york", id);
        Assert.Equal(0, snapshot.GetProperty("data").GetProperty("results").GetProperty("participation").GetInt64());
        Assert.Equal("open", snapshot.GetProperty("data").GetProperty("consultation").GetProperty("status").GetString());

        await app.RespondAsync(id, await app.ResidentAsync(), ConsultationApi.Answers(more: "private words"));

        using var timeout = new CancellationTokenSource(Patience);
        JsonElement pushed;
        do pushed = await pushes.Reader.ReadAsync(timeout.Token);
        while (pushed.GetProperty("data").GetProperty("results").GetProperty("participation").GetInt64() < 1);

        Assert.True(pushed.GetProperty("version").GetInt64() >= snapshot.GetProperty("version").GetInt64());
        Assert.DoesNotContain("private words", pushed.GetRawText());
    }

    [Fact]
    public async Task A_draft_cannot_be_watched()
    {
        var id = await app.DraftConsultationAsync(await app.OfficialAsync());
        await using var connection = app.ConnectLive();
        await connection.StartAsync();
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Watch", "consultation", "york", id));
    }
}
