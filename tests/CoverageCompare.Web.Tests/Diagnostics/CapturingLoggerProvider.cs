using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CoverageCompare.Web.Tests.Diagnostics;

/// <summary>One log call as it was made: its event, its formatted message and every structured field.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Fields, Exception? Exception)
{
    /// <summary>Everything a log sink could write out for this call.</summary>
    public string AllText => string.Join("\n", [Category, Message, .. Fields.Select(f => $"{f.Key}={f.Value}"), Exception?.ToString() ?? ""]);
}

/// <summary>Keeps every log call of every category and level, scopes included, for tests to inspect.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> logs = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Logs => [.. logs];

    /// <summary>The app's own events of that id; the framework numbers its events per category too.</summary>
    public IReadOnlyList<CapturedLog> WithEvent(int eventId) =>
        [.. logs.Where(l => l.EventId.Id == eventId && l.Category.StartsWith("CoverageCompare.", StringComparison.Ordinal))];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = new Dictionary<string, object?>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs) fields[key] = value;
            }
            var scopeIndex = 0;
            provider.scopes.ForEachScope((scope, _) => fields[$"scope{scopeIndex++}"] = scope is IEnumerable<KeyValuePair<string, object?>> values
                ? string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"))
                : scope?.ToString(), (object?)null);
            provider.logs.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), fields, exception));
        }
    }
}
