using GitGrader.Core.Sandboxing;

namespace GitGrader.Sandbox.Engine;

/// <summary>
/// The container engine operations the sandbox uses, in the sandbox's own terms: nothing of the
/// client library beneath crosses this seam. Every engine failure is a <see cref="SandboxException"/>
/// naming the operation, with a hint an operator can act on; cancellation through the caller's token
/// stays an <see cref="OperationCanceledException"/>. Ordinary calls are bounded by the engine's
/// request timeout; an exec's output stream and an image build are not (their callers set deadlines).
/// </summary>
internal interface IContainerEngine
{
    /// <summary>The engine's endpoint as configured, for messages.</summary>
    string Endpoint { get; }

    /// <summary>Checks that the engine answers.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>Names of the OCI runtimes the engine has registered (<c>runc</c>, and e.g. <c>runsc</c>).</summary>
    Task<IReadOnlyCollection<string>> RuntimesAsync(CancellationToken cancellationToken);

    /// <summary>The image's content id (<c>sha256:…</c>), or null when the engine does not hold it.</summary>
    Task<string?> ImageIdAsync(string image, CancellationToken cancellationToken);

    /// <summary>
    /// Builds <paramref name="tag"/> from a tar build context, on the host network (so a setup script
    /// can reach the package archive), passing each line of the build's output to <paramref name="onOutput"/>.
    /// A build the engine refuses or whose step fails throws <see cref="ImageBuildException"/>.
    /// </summary>
    Task BuildImageAsync(string tag, Stream context, IReadOnlyDictionary<string, string> labels, Action<string> onOutput, CancellationToken cancellationToken);

    /// <summary>Tags (<c>repository:tag</c>) of the images whose reference matches <paramref name="reference"/>.</summary>
    Task<IReadOnlyList<string>> ListImageTagsAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Removes an image tag; false when the engine refuses (in use by a container, already gone).</summary>
    Task<bool> TryRemoveImageAsync(string image, CancellationToken cancellationToken);

    /// <summary>Removes a volume; one already gone is not an error.</summary>
    Task RemoveVolumeAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates a container and returns its id.</summary>
    Task<string> CreateContainerAsync(ContainerSpec container, CancellationToken cancellationToken);

    /// <summary>Starts a created or stopped container.</summary>
    Task StartContainerAsync(string id, CancellationToken cancellationToken);

    /// <summary>Kills a container's processes; one that is not running or gone is not an error.</summary>
    Task KillContainerAsync(string id, CancellationToken cancellationToken);

    /// <summary>Waits until the container is not running; one that is gone is not an error.</summary>
    Task WaitContainerAsync(string id, CancellationToken cancellationToken);

    /// <summary>Removes a container by force, with its anonymous volumes; one already gone is not an error.</summary>
    Task RemoveContainerAsync(string id, CancellationToken cancellationToken);

    /// <summary>The container's state, or null when the engine has no such container.</summary>
    Task<ContainerStatus?> InspectContainerAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// The container's memory as the host counts it, or null when the engine does not say (a container not
    /// running). Unlike a read of the cgroup inside the container, this works under gVisor, whose sandbox has none.
    /// </summary>
    Task<ContainerMemory?> MemoryAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every container (running or not) carrying <paramref name="label"/> (<c>key=value</c>).</summary>
    Task<IReadOnlyList<LabelledResource>> ListContainersAsync(string label, CancellationToken cancellationToken);

    /// <summary>Every volume carrying <paramref name="label"/> (<c>key=value</c>); the resource id is the volume's name.</summary>
    Task<IReadOnlyList<LabelledResource>> ListVolumesAsync(string label, CancellationToken cancellationToken);

    /// <summary>Unpacks a tar archive into <paramref name="path"/> of a running container (into a volume: not into a read-only root or a tmpfs mount).</summary>
    Task PutArchiveAsync(string containerId, string path, Stream tar, CancellationToken cancellationToken);

    /// <summary>A tar stream of <paramref name="path"/> in the container, or null when there is no such path. The caller disposes it.</summary>
    Task<Stream?> GetArchiveAsync(string containerId, string path, CancellationToken cancellationToken);

    /// <summary>Creates an exec (stdout and stderr attached, no terminal) and returns its id.</summary>
    Task<string> CreateExecAsync(string containerId, ExecSpec exec, CancellationToken cancellationToken);

    /// <summary>
    /// Starts an exec attached to its streams. Cancelling or disposing the stream does not stop the
    /// process in the container: whoever gives up on a stream must kill what runs behind it.
    /// </summary>
    Task<IExecStream> StartExecAsync(string execId, CancellationToken cancellationToken);

    /// <summary>The exec's state. Just after its output ends, an exec may still say it is running.</summary>
    Task<ExecStatus> InspectExecAsync(string execId, CancellationToken cancellationToken);
}
