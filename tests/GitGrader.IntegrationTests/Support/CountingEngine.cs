using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GitGrader.Core.Sandboxing;
using GitGrader.Sandbox.Engine;

namespace GitGrader.IntegrationTests.Support;

/// <summary>The real engine, every call to it counted by name (an engine round trip each, an exec's stream included).</summary>
internal sealed class CountingEngine : IContainerEngine
{
    private readonly IContainerEngine _inner;
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _polls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _inspected = new(StringComparer.Ordinal);

    public CountingEngine(IContainerEngine inner)
    {
        _inner = inner;
    }

    public string Endpoint => _inner.Endpoint;

    /// <summary>The calls so far, by method name without its <c>Async</c>.</summary>
    public IReadOnlyDictionary<string, int> Calls => new SortedDictionary<string, int>(_calls, StringComparer.Ordinal);

    /// <summary>The calls so far, repeated polls of one exec not counted.</summary>
    public int Total => _calls.Values.Sum();

    /// <summary>Repeated inspects of an exec already inspected once (timing, not design: the engine's lag).</summary>
    public int Polls => _polls.Values.Sum();

    public void Clear()
    {
        _calls.Clear();
        _polls.Clear();
        _inspected.Clear();
    }

    public Task PingAsync(CancellationToken cancellationToken) => Count(_inner.PingAsync(cancellationToken));

    public Task<IReadOnlyCollection<string>> RuntimesAsync(CancellationToken cancellationToken) => Count(_inner.RuntimesAsync(cancellationToken));

    public Task<string?> ImageIdAsync(string image, CancellationToken cancellationToken) => Count(_inner.ImageIdAsync(image, cancellationToken));

    public Task BuildImageAsync(string tag, Stream context, IReadOnlyDictionary<string, string> labels, Action<string> onOutput, CancellationToken cancellationToken) =>
        Count(_inner.BuildImageAsync(tag, context, labels, onOutput, cancellationToken));

    public Task<IReadOnlyList<string>> ListImageTagsAsync(string reference, CancellationToken cancellationToken) => Count(_inner.ListImageTagsAsync(reference, cancellationToken));

    public Task<bool> TryRemoveImageAsync(string image, CancellationToken cancellationToken) => Count(_inner.TryRemoveImageAsync(image, cancellationToken));

    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken) => Count(_inner.RemoveVolumeAsync(name, cancellationToken));

    public Task<string> CreateContainerAsync(ContainerSpec container, CancellationToken cancellationToken) => Count(_inner.CreateContainerAsync(container, cancellationToken));

    public Task StartContainerAsync(string id, CancellationToken cancellationToken) => Count(_inner.StartContainerAsync(id, cancellationToken));

    public Task KillContainerAsync(string id, CancellationToken cancellationToken) => Count(_inner.KillContainerAsync(id, cancellationToken));

    public Task WaitContainerAsync(string id, CancellationToken cancellationToken) => Count(_inner.WaitContainerAsync(id, cancellationToken));

    public Task RemoveContainerAsync(string id, CancellationToken cancellationToken) => Count(_inner.RemoveContainerAsync(id, cancellationToken));

    public Task<ContainerStatus?> InspectContainerAsync(string id, CancellationToken cancellationToken) => Count(_inner.InspectContainerAsync(id, cancellationToken));

    public Task<ContainerMemory?> MemoryAsync(string id, CancellationToken cancellationToken) => Count(_inner.MemoryAsync(id, cancellationToken));

    public Task<IReadOnlyList<LabelledResource>> ListContainersAsync(string label, CancellationToken cancellationToken) => Count(_inner.ListContainersAsync(label, cancellationToken));

    public Task<IReadOnlyList<LabelledResource>> ListVolumesAsync(string label, CancellationToken cancellationToken) => Count(_inner.ListVolumesAsync(label, cancellationToken));

    public Task PutArchiveAsync(string containerId, string path, Stream tar, CancellationToken cancellationToken) => Count(_inner.PutArchiveAsync(containerId, path, tar, cancellationToken));

    public Task<Stream?> GetArchiveAsync(string containerId, string path, CancellationToken cancellationToken) => Count(_inner.GetArchiveAsync(containerId, path, cancellationToken));

    public Task<string> CreateExecAsync(string containerId, ExecSpec exec, CancellationToken cancellationToken) => Count(_inner.CreateExecAsync(containerId, exec, cancellationToken));

    public Task<IExecStream> StartExecAsync(string execId, CancellationToken cancellationToken) => Count(_inner.StartExecAsync(execId, cancellationToken));

    /// <summary>An exec asked about again (the engine still said it ran just after its output ended) is counted apart, as a poll.</summary>
    public Task<ExecStatus> InspectExecAsync(string execId, CancellationToken cancellationToken)
    {
        if (!_inspected.TryAdd(execId, 0))
        {
            _polls.AddOrUpdate("InspectExec", 1, (_, n) => n + 1);
            return _inner.InspectExecAsync(execId, cancellationToken);
        }

        return Count(_inner.InspectExecAsync(execId, cancellationToken));
    }

    private T Count<T>(T call, [CallerArgumentExpression(nameof(call))] string expression = "")
    {
        // "_inner.PingAsync(cancellationToken)" → "Ping"
        var name = expression["_inner.".Length..expression.IndexOf("Async(", StringComparison.Ordinal)];
        _calls.AddOrUpdate(name, 1, (_, n) => n + 1);
        return call;
    }
}
