using System.Text.Json;
using MimeKit;
using Platform.Tests.Cluster;

namespace Platform.Tests.Support;

/// <summary>
/// A real SMTP server for the tests: smtp4dev (the .NET tool <c>Rnwood.Smtp4dev</c>, installed into <c>.tools/smtp4dev</c>
/// by <c>deploy/test</c>, or here on first use) as a process of its own on free loopback ports. It keeps every message it
/// receives; <see cref="MessagesAsync"/> reads them back through its web API as MIME messages. <see cref="StopAsync"/>
/// and <see cref="StartAsync()"/> take it down and up again on the same ports, for tests of an SMTP outage.
/// </summary>
public sealed class MailServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly HttpClient _web;
    private ServiceProcess? _process;

    private MailServer(string folder, int smtpPort, int webPort)
    {
        _folder = folder;
        SmtpPort = smtpPort;
        WebPort = webPort;
        _web = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/") };
    }

    public int SmtpPort { get; }
    public int WebPort { get; }

    /// <summary>Starts a new, empty server.</summary>
    public static async Task<MailServer> StartNewAsync()
    {
        var server = new MailServer(ServiceProcess.FolderFor($"smtp4dev-{Guid.NewGuid():N}", user: null), ServiceProcess.FreePort(), ServiceProcess.FreePort());
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts it (again, after <see cref="StopAsync"/>) on the same ports, keeping what it received.</summary>
    public async Task StartAsync()
    {
        var program = await ProgramAsync();
        _process = ServiceProcess.Start(program,
            [$"--baseappdatapath={_folder}", "--nousersettings", $"--db={Path.Combine(_folder, "smtp4dev.db")}", "--bindaddress=127.0.0.1",
             $"--smtpport={SmtpPort}", "--imapport=0", "--pop3port=0", "--messagestokeep=100000", $"--urls=http://127.0.0.1:{WebPort}"],
            Path.Combine(_folder, "smtp4dev.log"), _folder, new Dictionary<string, string> { ["HOME"] = _folder });
        var wait = TimeSpan.FromSeconds(120); // a loaded machine has taken over a minute to start it
        if (!await ServiceProcess.WaitForPortAsync(SmtpPort, wait) || !await ServiceProcess.WaitForPortAsync(WebPort, wait))
            throw new InvalidOperationException($"smtp4dev did not listen on 127.0.0.1:{SmtpPort} and :{WebPort}; see {_process.Log}.");
    }

    /// <summary>Stops the server (SIGKILL): connections to its SMTP port are refused until it starts again.</summary>
    public async Task StopAsync()
    {
        if (_process is not null) await _process.KillAsync();
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesAsync()
    {
        using var list = JsonDocument.Parse(await _web.GetStringAsync("api/messages?pageSize=100000"));
        var messages = new List<(DateTimeOffset At, MimeMessage Message)>();
        foreach (var summary in list.RootElement.GetProperty("results").EnumerateArray())
        {
            await using var raw = await _web.GetStreamAsync($"api/messages/{summary.GetProperty("id").GetString()}/raw");
            messages.Add((summary.GetProperty("receivedDate").GetDateTimeOffset(), await MimeMessage.LoadAsync(raw)));
        }
        return messages.OrderBy(m => m.At).Select(m => m.Message).ToList();
    }

    /// <summary>The messages to <paramref name="address"/>, waiting up to <paramref name="wait"/> for at least <paramref name="count"/> of them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1, TimeSpan? wait = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var to = (await MessagesAsync()).Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();
            if (to.Count >= count || deadline.Elapsed > (wait ?? TimeSpan.FromSeconds(30))) return to;
            await Task.Delay(200);
        }
    }

    /// <summary>Forgets every message received so far.</summary>
    public async Task ClearAsync() => (await _web.DeleteAsync("api/messages/*")).EnsureSuccessStatusCode();

    private static async Task<string> ProgramAsync()
    {
        var program = Path.Combine(ClusterPaths.Repository, ".tools", "smtp4dev", "smtp4dev");
        if (File.Exists(program)) return program;
        var install = Process.Start(new ProcessStartInfo("bash", ["-c", "source deploy/lib/dotnet.sh && ensure_dotnet && source deploy/lib/mail.sh && mail_ensure_installed"])
        {
            WorkingDirectory = ClusterPaths.Repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await install.WaitForExitAsync();
        return File.Exists(program) ? program : throw new InvalidOperationException($"smtp4dev is not installed at {program} and could not be installed: {await install.StandardError.ReadToEndAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        _web.Dispose();
    }
}
