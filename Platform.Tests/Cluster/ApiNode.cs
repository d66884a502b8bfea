
namespace Platform.Tests.Cluster;

/// <summary>
/// One API node as a real process (<c>dotnet Platform.Api.dll --urls http://127.0.0.1:port</c>, the build beside the
/// tests' own), in the Test environment, on the cluster's database and Redis. It keeps its port across
/// <see cref="KillAsync"/> / <see cref="TerminateAsync"/> and <see cref="StartAsync"/>, as a restarted node would.
/// </summary>
public sealed class ApiNode : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _logFolder;
    private int _starts;

    public ApiNode(int number, IReadOnlyDictionary<string, string> environment, string logFolder)
    {
        Number = number;
        Port = ServiceProcess.FreePort();
        _environment = environment;
        _logFolder = logFolder;
        Http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Number { get; }
    public int Port { get; }
    public Uri Address => new($"http://127.0.0.1:{Port}/");
    /// <summary>A client of this node only.</summary>
    public HttpClient Http { get; }
    public ServiceProcess? Process { get; private set; }
    public bool IsRunning => Process is { HasExited: false };
    /// <summary>The current (or last) run's log.</summary>
    public string? Log => Process?.Log;

    /// <summary>Starts the node and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan? wait = null)
    {
        Launch();
        await WaitReadyAsync(wait ?? TimeSpan.FromSeconds(90));
    }

    /// <summary>Starts the node's process, without waiting for anything.</summary>
    public void Launch()
    {
        if (IsRunning) throw new InvalidOperationException($"Node {Number} runs already.");
        var api = Path.Combine(ClusterPaths.Repository, "Platform.Api");
        var dll = Path.Combine(api, "bin", ClusterPaths.Configuration, "net10.0", "Platform.Api.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build the solution first.");
        var log = Path.Combine(_logFolder, $"node{Number}-{++_starts}.log");
        Process = ServiceProcess.Start("dotnet", [dll, "--urls", $"http://127.0.0.1:{Port}"], log, api, _environment);
    }

    /// <summary>SIGKILL, as a crash: nothing is finished, nothing said goodbye.</summary>
    public Task KillAsync() => Process?.KillAsync() ?? Task.CompletedTask;

    /// <summary>SIGTERM, as a rolling deploy does; waits for the node to stop (at most <paramref name="grace"/>, default 30 s).</summary>
    public Task TerminateAsync(TimeSpan? grace = null) => Process?.TerminateAsync(grace ?? TimeSpan.FromSeconds(30)) ?? Task.CompletedTask;

    /// <summary>Stops the node (SIGKILL unless <paramref name="graceful"/>) and starts it again on the same port.</summary>
    public async Task RestartAsync(bool graceful = false)
    {
        if (graceful) await TerminateAsync();
        else await KillAsync();
        await StartAsync();
    }

    public Task WaitReadyAsync(TimeSpan wait) => WaitAsync("health/ready", wait);

    /// <summary>Waits until <paramref name="path"/> answers a success status.</summary>
    public async Task WaitAsync(string path, TimeSpan wait)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < wait)
        {
            if (Process is null || Process.HasExited)
                throw new InvalidOperationException($"Node {Number} stopped during start-up. The end of its log:\n{Tail(Log)}");
            try
            {
                using var answer = await Http.GetAsync(path);
                if (answer.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Node {Number} was not ready within {wait.TotalSeconds:F0} s. The end of its log:\n{Tail(Log)}");
    }

    public static string Tail(string? log, int lines = 30) =>
        log is not null && File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(lines)) : "(no log)";

    public async ValueTask DisposeAsync()
    {
        if (Process is not null) await Process.DisposeAsync();
        Http.Dispose();
    }
}

/// <summary>Where the repository and the API's build are, found from the tests' own build folder.</summary>
public static class ClusterPaths
{
    public static string Repository { get; } = FindRepository();

    /// <summary>Release or Debug: the configuration the tests themselves were built in (…/bin/Release/net10.0/).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    private static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln"))) return folder.FullName;
        throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
    }

    public static string LogFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hrc-cluster-tests", $"logs-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
