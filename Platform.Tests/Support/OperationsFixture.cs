using System.Collections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Platform.Tests.Support;

/// <summary>
/// A host for tests of operations: telemetry on, with in-memory exporters (its spans, its metrics on demand) and every
/// log entry with the trace it was written in; a connection budget set to exceed the test cluster's max_connections
/// (300): ten nodes of 40 connections each, its connections named for it in pg_stat_activity.
/// </summary>
public sealed class OperationsFixture : AppFixture
{
    public const int PoolSize = 40;
    public const int Nodes = 10;
    public const string ApplicationName = "platform-operations-tests";

    /// <summary>Every span the host ended.</summary>
    public LockedList<Activity> Spans { get; } = new();

    /// <summary>Log entries with the trace id of their scope.</summary>
    public TracedLog TracedLog { get; } = new();

    private readonly LockedList<MetricSnapshot> _metrics = new();

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("PLATFORM_DB", $"{TestDatabase.ConnectionString};Application Name={ApplicationName}");
        builder.UseSetting("Platform:Telemetry:Enabled", "true");
        builder.UseSetting("Platform:Database:MaxPoolSize", PoolSize.ToString());
        builder.UseSetting("Platform:Database:ExpectedNodes", Nodes.ToString());
        // The request's own log entries, to see the trace id they carry (in this log only, not on the console).
        builder.ConfigureLogging(logging => logging.AddFilter<TracedLog>("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Information));
        builder.ConfigureServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
            services.AddSingleton<ILoggerProvider>(TracedLog);
        });
    }

    /// <summary>The metrics as collected now (cumulative since the host started).</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        _metrics.Clear();
        Host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        return _metrics.ToList();
    }

    /// <summary>Spans are exported as they end; this waits for those ended by other threads than the test's.</summary>
    public void FlushSpans() => Host.Services.GetRequiredService<TracerProvider>().ForceFlush();
}

[CollectionDefinition(Name, DisableParallelization = true)] // metrics count per process, connections per host: no other host runs beside it
public sealed class OperationsCollection : ICollectionFixture<OperationsFixture>
{
    public const string Name = "operations";
}

/// <summary>A list that exporters add to on their threads while a test reads it.</summary>
public sealed class LockedList<T> : ICollection<T>
{
    private readonly List<T> _items = [];

    public int Count { get { lock (_items) return _items.Count; } }
    public bool IsReadOnly => false;
    public void Add(T item) { lock (_items) _items.Add(item); }
    public void Clear() { lock (_items) _items.Clear(); }
    public bool Contains(T item) { lock (_items) return _items.Contains(item); }
    public void CopyTo(T[] array, int arrayIndex) { lock (_items) _items.CopyTo(array, arrayIndex); }
    public bool Remove(T item) { lock (_items) return _items.Remove(item); }
    public IEnumerator<T> GetEnumerator() { lock (_items) return _items.ToList().GetEnumerator(); }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Log entries with the trace id their logging scope carries (the host adds it to every entry written in an activity).</summary>
public sealed class TracedLog : ILoggerProvider, ISupportExternalScope
{
    public sealed record Entry(string Category, string Message, string? TraceId);

    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public LockedList<Entry> Entries { get; } = new();

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(TracedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => log._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string? traceId = null;
            log._scopes.ForEachScope((scope, _) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                    foreach (var (key, value) in values)
                        if (key == "TraceId") traceId = value?.ToString();
            }, (object?)null);
            if (log.Entries.Count < 20_000) log.Entries.Add(new Entry(category, formatter(state, exception), traceId));
        }
    }
}
