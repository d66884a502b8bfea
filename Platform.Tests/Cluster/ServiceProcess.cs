using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Platform.Tests.Cluster;

/// <summary>
/// A program the cluster tests run as a real process: its output in a log file, stopped with the signal a test chooses
/// (SIGKILL, SIGTERM). Started through <c>exec</c>, so <see cref="Pid"/> is the program itself; when the tests run as root
/// and a <see cref="RunAs"/> user is given, the program runs as that user (through <c>setpriv</c>, which also execs).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    private readonly Process _process;

    private ServiceProcess(Process process, string log)
    {
        _process = process;
        Log = log;
    }

    public int Pid => _process.Id;
    public string Log { get; }
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/> in <paramref name="directory"/>, its output appended to <paramref name="log"/>.</summary>
    public static ServiceProcess Start(string program, IEnumerable<string> arguments, string log, string? directory = null,
        IReadOnlyDictionary<string, string>? environment = null, string? runAs = null)
    {
        var command = new List<string>();
        if (runAs is not null && IsRoot)
        {
            var user = UserExists(runAs) ? runAs : "nobody";
            command.AddRange(["setpriv", $"--reuid={user}", $"--regid={Group(user)}", "--init-groups", "--"]);
        }
        command.Add(program);
        command.AddRange(arguments);
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = directory ?? Environment.CurrentDirectory };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec {string.Join(' ', command.Select(Quote))} >>{Quote(log)} 2>&1 </dev/null");
        if (environment is not null)
            foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        lock (Started) Started.Add(process);
        return new ServiceProcess(process, log);
    }

    /// <summary>SIGKILL: the process ends at once, finishing nothing (a crashed node, a pulled plug).</summary>
    public Task KillAsync() => SignalAndWaitAsync(SigKill, TimeSpan.FromSeconds(10));

    /// <summary>SIGTERM: the process shuts down as it would in a rolling deploy; waits at most <paramref name="grace"/> for it.</summary>
    public Task TerminateAsync(TimeSpan grace) => SignalAndWaitAsync(SigTerm, grace);

    public Task WaitForExitAsync(CancellationToken cancellation) => _process.WaitForExitAsync(cancellation);

    private async Task SignalAndWaitAsync(int signal, TimeSpan wait)
    {
        if (_process.HasExited) return;
        if (kill(_process.Id, signal) != 0 && !_process.HasExited)
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            kill(_process.Id, SigKill);
            await _process.WaitForExitAsync();
            throw new TimeoutException($"Process {_process.Id} did not stop within {wait.TotalSeconds:F0} s of signal {signal}; killed it.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }

    /// <summary>A loopback port nobody listens on (at the moment of asking).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts connections on 127.0.0.1:<paramref name="port"/>; false after <paramref name="wait"/>.</summary>
    public static async Task<bool> WaitForPortAsync(int port, TimeSpan wait)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < wait)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        return false;
    }

    /// <summary>The path of <paramref name="program"/> on PATH or in the usual Debian folders; null when absent.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Concat(["/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin"])
        .Select(folder => Path.Combine(folder, program))
        .FirstOrDefault(File.Exists);

    public static bool IsRoot => geteuid() == 0;

    /// <summary>A folder that <paramref name="user"/> may write (when we are root), for a service's files.</summary>
    public static string FolderFor(string name, string? user)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hrc-cluster-tests", $"{name}-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        if (user is not null && IsRoot)
        {
            // /tmp/hrc-cluster-tests must be passable for the service's user too.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.GetDirectoryName(folder)!, (UnixFileMode)0x1FF); // 0777
            Run("chown", UserExists(user) ? user : "nobody", folder);
        }
        return folder;
    }

    /// <summary>Every process started here, killed when the test host exits however it exits, so no node outlives a run.</summary>
    private static readonly List<Process> Started = StartedList();

    private static List<Process> StartedList()
    {
        var started = new List<Process>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (started)
                foreach (var process in started)
                    try { if (!process.HasExited) kill(process.Id, SigKill); } catch (InvalidOperationException) { }
        };
        return started;
    }

    private static bool UserExists(string user) => Run("id", "-u", user).ExitCode == 0;

    private static string Group(string user) => Run("id", "-g", user).Output.Trim();

    private static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [DllImport("libc")]
    private static extern uint geteuid();
}
