
namespace Platform.Tests.Cluster;

/// <summary>
/// Debian's HAProxy in front of the test nodes, with the configuration <c>deploy/cluster</c> uses (printed by
/// <c>haproxy_config</c> of <c>deploy/lib/haproxy.sh</c>, so the tests exercise the shipped one), as a non-root user,
/// on a free loopback port.
/// </summary>
public sealed class HaproxyFront : IAsyncDisposable
{
    private const string User = "haproxy";

    private HaproxyFront(int port, ServiceProcess process)
    {
        Port = port;
        Process = process;
    }

    public int Port { get; }
    public Uri Address => new($"http://127.0.0.1:{Port}/");
    public ServiceProcess Process { get; }

    public static async Task<HaproxyFront> StartAsync(IEnumerable<ApiNode> nodes, bool waitForNodes = true)
    {
        var program = ServiceProcess.Find("haproxy")
            ?? throw new InvalidOperationException("haproxy is not installed: run deploy/test (it installs it), or apt-get install haproxy.");
        var port = ServiceProcess.FreePort();
        var folder = ServiceProcess.FolderFor("haproxy", User);
        var config = Path.Combine(folder, "haproxy.cfg");
        await File.WriteAllTextAsync(config, await ConfigAsync(port, nodes.Select(n => n.Port)));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(config, (UnixFileMode)0x1A4); // 0644: readable by the haproxy user
        var process = ServiceProcess.Start(program, ["-db", "-f", config], Path.Combine(folder, "haproxy.log"), folder, runAs: User);
        if (!await ServiceProcess.WaitForPortAsync(port, TimeSpan.FromSeconds(10)))
            throw new InvalidOperationException($"HAProxy did not listen on 127.0.0.1:{port}: {ApiNode.Tail(process.Log)}");
        var front = new HaproxyFront(port, process);
        if (waitForNodes) await front.WaitAllUpAsync(nodes.Count());
        return front;
    }

    /// <summary>The shipped configuration for a front on <paramref name="port"/> and nodes on <paramref name="nodePorts"/>.</summary>
    private static async Task<string> ConfigAsync(int port, IEnumerable<int> nodePorts)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-c", "source \"$0\" && haproxy_config \"$@\"", Path.Combine(ClusterPaths.Repository, "deploy", "lib", "haproxy.sh"), port.ToString()])
            start.ArgumentList.Add(argument);
        foreach (var nodePort in nodePorts) start.ArgumentList.Add(nodePort.ToString());
        using var bash = System.Diagnostics.Process.Start(start)!;
        var config = await bash.StandardOutput.ReadToEndAsync();
        var errors = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        if (bash.ExitCode != 0) throw new InvalidOperationException($"haproxy_config failed: {errors}");
        return config;
    }

    /// <summary>
    /// Waits until the front answers ready, then one health-check interval (1 s) more: the nodes were ready before HAProxy
    /// started, so by then its first check of every node has passed and round robin goes over all of them.
    /// </summary>
    private async Task WaitAllUpAsync(int nodes)
    {
        using var http = new HttpClient { BaseAddress = Address };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            try
            {
                using var answer = await http.GetAsync("health/ready");
                if (answer.IsSuccessStatusCode)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1.2));
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"HAProxy found none of the {nodes} nodes ready: {ApiNode.Tail(Process.Log)}");
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
