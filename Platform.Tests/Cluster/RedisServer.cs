namespace Platform.Tests.Cluster;

/// <summary>
/// Debian's redis-server as the SignalR backplane of the cluster tests: a process of its own, as a non-root user (the
/// package's <c>redis</c> user when the tests run as root), on a free loopback port, keeping nothing on disk.
/// <c>deploy/test</c> installs the package when it is missing.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string User = "redis";
    private readonly string _folder;

    private RedisServer(int port, string folder)
    {
        Port = port;
        _folder = folder;
    }

    public int Port { get; }
    public ServiceProcess? Process { get; private set; }

    /// <summary>The value of <c>Platform:Live:Redis</c> that points at this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var redis = new RedisServer(ServiceProcess.FreePort(), ServiceProcess.FolderFor("redis", User));
        await redis.StartAsync(TimeSpan.FromSeconds(20));
        return redis;
    }

    /// <summary>Starts it (again, after a kill) on the same port.</summary>
    public async Task StartAsync(TimeSpan wait)
    {
        var program = ServiceProcess.Find("redis-server")
            ?? throw new InvalidOperationException("redis-server is not installed: run deploy/test (it installs it), or apt-get install redis-server.");
        Process = ServiceProcess.Start(program,
            ["--bind", "127.0.0.1", "--port", Port.ToString(), "--protected-mode", "yes", "--dir", _folder,
             "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"],
            Path.Combine(_folder, "redis.log"), _folder, runAs: User);
        if (!await ServiceProcess.WaitForPortAsync(Port, wait))
            throw new InvalidOperationException($"redis-server did not listen on 127.0.0.1:{Port} within {wait.TotalSeconds:F0} s; see {Process.Log}.");
    }

    public ValueTask DisposeAsync() => Process?.DisposeAsync() ?? ValueTask.CompletedTask;
}
