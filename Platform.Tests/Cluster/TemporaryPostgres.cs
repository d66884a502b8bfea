
namespace Platform.Tests.Cluster;

/// <summary>
/// A PostgreSQL server of its own for a test that stops and starts PostgreSQL: a fresh cluster (initdb, as the
/// <c>postgres</c> user when the tests run as root) on a free loopback port, stopped with a fast shutdown and started
/// again by <c>pg_ctl</c>, and removed afterwards. The other tests' server is never touched.
/// </summary>
public sealed class TemporaryPostgres : IAsyncDisposable
{
    private const string Owner = "postgres";
    private readonly string _bin;
    private readonly string _folder;

    private TemporaryPostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }
    private string Data => Path.Combine(_folder, "data");
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=platform;Username=platform;Password=platform;Maximum Pool Size=40";

    public static async Task<TemporaryPostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL's server binaries are not installed (deploy/test installs them).");
        var server = new TemporaryPostgres(bin, ServiceProcess.FolderFor("postgres", Owner), ServiceProcess.FreePort());
        var passwords = Path.Combine(server._folder, "password");
        await File.WriteAllTextAsync(passwords, "platform\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passwords, (UnixFileMode)0x1A4); // 0644: readable by the owner of the cluster
        await server.AsOwnerAsync("initdb", "-D", server.Data, "-U", "platform", $"--pwfile={passwords}", "--auth-local=trust",
            "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8");
        await File.AppendAllTextAsync(Path.Combine(server.Data, "postgresql.conf"),
            $"\nlisten_addresses = '127.0.0.1'\nport = {server.Port}\nunix_socket_directories = '{server.Data}'\nmax_connections = 100\nfsync = off\n");
        await server.StartServerAsync();
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("create database platform", connection);
        await create.ExecuteNonQueryAsync();
        return server;
    }

    /// <summary>Starts the server and returns once it accepts connections.</summary>
    public Task StartServerAsync() => AsOwnerAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start");

    /// <summary>Stops the server with a fast shutdown: open transactions are rolled back, connections are closed.</summary>
    public Task StopServerAsync() => AsOwnerAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    private async Task AsOwnerAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(ServiceProcess.IsRoot ? "runuser" : Path.Combine(_bin, program))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder,
        };
        if (ServiceProcess.IsRoot)
            foreach (var argument in (string[])["-u", Owner, "--", Path.Combine(_bin, program)]) start.ArgumentList.Add(argument);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsOwnerAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(_folder, recursive: true);
    }
}
