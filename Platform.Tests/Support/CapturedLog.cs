using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Platform.Tests.Support;

/// <summary>Every log entry the test host writes (at the levels its configuration lets through), for tests of what is logged.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    public sealed record Entry(DateTimeOffset At, LogLevel Level, string Category, string Message, Exception? Exception)
    {
        public string Text => $"{Message} {Exception}";
    }

    private readonly ConcurrentQueue<Entry> _entries = new();

    /// <summary>The entries written since <paramref name="since"/>.</summary>
    public IReadOnlyList<Entry> Since(DateTimeOffset since) => _entries.Where(e => e.At >= since).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            log._entries.Enqueue(new Entry(DateTimeOffset.UtcNow, logLevel, category, formatter(state, exception), exception));
            while (log._entries.Count > 20_000) log._entries.TryDequeue(out _); // a bounded memory of the latest entries
        }
    }
}
