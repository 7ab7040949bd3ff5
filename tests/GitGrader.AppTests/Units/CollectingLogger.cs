using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GitGrader.AppTests.Units;

/// <summary>An <see cref="ILogger{T}"/> that keeps every message it is given, with its level.</summary>
internal sealed class CollectingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
