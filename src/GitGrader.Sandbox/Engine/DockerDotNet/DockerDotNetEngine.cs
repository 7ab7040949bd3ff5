using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using GitGrader.Core.Sandboxing;
using GitGrader.Sandbox.Docker;

namespace GitGrader.Sandbox.Engine.DockerDotNet;

/// <summary>
/// <see cref="IContainerEngine"/> over Docker.DotNet's <see cref="IDockerClient"/>. Every call is bounded by
/// the request timeout here as well as in the client: the library leaves waits, archive downloads and its
/// TCP connect without one (its TCP transport does not pass the token to the connect), so each call is
/// also given up by <see cref="Task.WaitAsync(CancellationToken)"/> at the deadline. The exec stream and
/// the image build are bounded only by their callers' tokens.
/// </summary>
internal sealed class DockerDotNetEngine : IContainerEngine
{
    private static readonly IDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    private readonly IDockerClient _client;
    private readonly TimeSpan _requestTimeout;
    private readonly EngineFailures _failures;

    public DockerDotNetEngine(IDockerClient client, DockerOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _requestTimeout = options.RequestTimeout;
        Endpoint = options.Endpoint;
        _failures = new EngineFailures(options.Endpoint, options.RequestTimeout);
    }

    public string Endpoint { get; }

    public Task PingAsync(CancellationToken cancellationToken) =>
        CallAsync("ping", token => _client.System.PingAsync(token), cancellationToken);

    public Task<IReadOnlyCollection<string>> RuntimesAsync(CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyCollection<string>>("info", async token =>
        {
            var info = await _client.System.GetSystemInfoAsync(token).ConfigureAwait(false);
            return info.Runtimes is null ? [] : [.. info.Runtimes.Keys];
        }, cancellationToken);

    public Task<string?> ImageIdAsync(string image, CancellationToken cancellationToken) =>
        CallAsync<string?>("image inspect", async token =>
        {
            try
            {
                return (await _client.Images.InspectImageAsync(image, token).ConfigureAwait(false)).ID;
            }
            catch (DockerImageNotFoundException)
            {
                return null;
            }
        }, cancellationToken);

    public async Task BuildImageAsync(string tag, Stream context, IReadOnlyDictionary<string, string> labels, Action<string> onOutput, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var parameters = new ImageBuildParameters
        {
            Tags = [tag],
            NetworkMode = "host",
            Remove = true,
            ForceRemove = true,
            Labels = labels.ToDictionary(),
        };
        var progress = new BuildProgress(onOutput);
        try
        {
            await _client.Images.BuildImageFromDockerfileAsync(parameters, context, null, NoHeaders, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException ex)
        {
            throw new ImageBuildException($"the Docker engine refused it: {(int)ex.StatusCode} {EngineFailures.EngineMessage(ex)}", ex);
        }
        catch (Exception ex) when (_failures.Map("image build", ex, cancellationToken) is { } mapped)
        {
            throw mapped;
        }

        if (progress.Error is { } error)
        {
            throw new ImageBuildException(error);
        }
    }

    public Task<IReadOnlyList<string>> ListImageTagsAsync(string reference, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<string>>("image list", async token =>
        {
            var images = await _client.Images.ListImagesAsync(
                new ImagesListParameters { Filters = Filter("reference", reference) },
                token).ConfigureAwait(false);
            return images.SelectMany(i => i.RepoTags ?? []).ToList();
        }, cancellationToken);

    public Task<bool> TryRemoveImageAsync(string image, CancellationToken cancellationToken) =>
        CallAsync("image remove", async token =>
        {
            try
            {
                await _client.Images.DeleteImageAsync(image, new ImageDeleteParameters(), token).ConfigureAwait(false);
                return true;
            }
            catch (DockerApiException)
            {
                return false; // in use by a container, or already gone
            }
        }, cancellationToken);

    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken) =>
        CallAsync("volume remove", async token =>
        {
            try
            {
                await _client.Volumes.RemoveAsync(name, force: true, token).ConfigureAwait(false);
            }
            catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                // Already gone.
            }
        }, cancellationToken);

    public Task<string> CreateContainerAsync(ContainerSpec container, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        return CallAsync("container create", async token =>
        {
            try
            {
                var created = await _client.Containers.CreateContainerAsync(ContainerParameters.From(container), token).ConfigureAwait(false);
                return created.ID;
            }
            catch (DockerImageNotFoundException ex)
            {
                throw new SandboxException(
                    $"The grader image '{container.Image}' is not in the Docker engine at {Endpoint}.",
                    ImageHints.Missing(container.Image),
                    ex);
            }
        }, cancellationToken);
    }

    public Task StartContainerAsync(string id, CancellationToken cancellationToken) =>
        CallAsync("container start", token => _client.Containers.StartContainerAsync(id, new ContainerStartParameters(), token), cancellationToken);

    public Task KillContainerAsync(string id, CancellationToken cancellationToken) =>
        CallAsync("container kill", async token =>
        {
            try
            {
                await _client.Containers.KillContainerAsync(id, new ContainerKillParameters(), token).ConfigureAwait(false);
            }
            catch (DockerApiException ex) when (ex.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
            {
                // Not running any more, or gone: what a kill is for.
            }
        }, cancellationToken);

    public Task WaitContainerAsync(string id, CancellationToken cancellationToken) =>
        CallAsync("container wait", async token =>
        {
            try
            {
                await _client.Containers.WaitContainerAsync(id, token).ConfigureAwait(false);
            }
            catch (DockerContainerNotFoundException)
            {
                // Gone: not running.
            }
        }, cancellationToken);

    public Task RemoveContainerAsync(string id, CancellationToken cancellationToken) =>
        CallAsync("container remove", async token =>
        {
            try
            {
                await _client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, token).ConfigureAwait(false);
            }
            catch (DockerContainerNotFoundException)
            {
                // Already gone.
            }
        }, cancellationToken);

    public Task<ContainerMemory?> MemoryAsync(string id, CancellationToken cancellationToken) =>
        CallAsync<ContainerMemory?>("container stats", async token =>
        {
            try
            {
                var last = new LastReport<ContainerStatsResponse>();
                await _client.Containers.GetContainerStatsAsync(id, new ContainerStatsParameters { Stream = false }, last, token).ConfigureAwait(false);
                return last.Value?.MemoryStats is { Limit: > 0 } memory ? ContainerMemoryOf(memory) : null;
            }
            catch (DockerContainerNotFoundException)
            {
                return null;
            }
        }, cancellationToken);

    public Task<ContainerStatus?> InspectContainerAsync(string id, CancellationToken cancellationToken) =>
        CallAsync<ContainerStatus?>("container inspect", async token =>
        {
            try
            {
                var inspect = await _client.Containers.InspectContainerAsync(id, token).ConfigureAwait(false);
                return new ContainerStatus(inspect.State?.Running ?? false, inspect.State?.OOMKilled ?? false);
            }
            catch (DockerContainerNotFoundException)
            {
                return null;
            }
        }, cancellationToken);

    public Task<IReadOnlyList<LabelledResource>> ListContainersAsync(string label, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<LabelledResource>>("container list", async token =>
        {
            var containers = await _client.Containers.ListContainersAsync(
                new ContainersListParameters { All = true, Filters = Filter("label", label) },
                token).ConfigureAwait(false);
            return containers.Select(c => new LabelledResource(c.ID, Labels(c.Labels))).ToList();
        }, cancellationToken);

    public Task<IReadOnlyList<LabelledResource>> ListVolumesAsync(string label, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<LabelledResource>>("volume list", async token =>
        {
            var list = await _client.Volumes.ListAsync(new VolumesListParameters { Filters = Filter("label", label) }, token).ConfigureAwait(false);
            return (list.Volumes ?? []).Select(v => new LabelledResource(v.Name, Labels(v.Labels))).ToList();
        }, cancellationToken);

    public Task PutArchiveAsync(string containerId, string path, Stream tar, CancellationToken cancellationToken) =>
        CallAsync("archive upload", token => _client.Containers.ExtractArchiveToContainerAsync(
            containerId, new CopyToContainerParameters { Path = path }, tar, token), cancellationToken);

    public Task<Stream?> GetArchiveAsync(string containerId, string path, CancellationToken cancellationToken) =>
        CallAsync<Stream?>("archive download", async token =>
        {
            try
            {
                var archive = await _client.Containers.GetArchiveFromContainerAsync(
                    containerId, new ContainerPathStatParameters { Path = path }, statOnly: false, token).ConfigureAwait(false);
                return archive.Stream;
            }
            catch (DockerContainerNotFoundException ex) when (!EngineFailures.EngineMessage(ex).StartsWith("No such container", StringComparison.OrdinalIgnoreCase))
            {
                return null; // the engine answers 404 for a missing path as for a missing container
            }
        }, cancellationToken);

    public Task<string> CreateExecAsync(string containerId, ExecSpec exec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exec);
        return CallAsync("exec create", async token =>
        {
            var created = await _client.Exec.CreateContainerExecAsync(
                containerId,
                new ContainerExecCreateParameters
                {
                    Cmd = [.. exec.Command],
                    AttachStdin = exec.AttachStdin,
                    AttachStdout = true,
                    AttachStderr = true,
                    User = exec.User,
                    WorkingDir = exec.WorkingDirectory,
                    Env = [.. exec.Environment],
                },
                token).ConfigureAwait(false);
            return created.ID;
        }, cancellationToken);
    }

    public Task<IExecStream> StartExecAsync(string execId, CancellationToken cancellationToken) =>
        CallAsync<IExecStream>("exec start", async token =>
        {
            var stream = await _client.Exec.StartContainerExecAsync(execId, new ContainerExecStartParameters(), token).ConfigureAwait(false);
            return new DockerDotNetExecStream(stream, Endpoint);
        }, cancellationToken);

    public Task<ExecStatus> InspectExecAsync(string execId, CancellationToken cancellationToken) =>
        CallAsync("exec inspect", async token =>
        {
            var inspect = await _client.Exec.InspectContainerExecAsync(execId, token).ConfigureAwait(false);
            return new ExecStatus(inspect.Running, inspect.ExitCode);
        }, cancellationToken);

    private static Dictionary<string, IDictionary<string, bool>> Filter(string name, string value) =>
        new() { [name] = new Dictionary<string, bool> { [value] = true } };

    private static IReadOnlyDictionary<string, string> Labels(IDictionary<string, string>? labels) =>
        labels is null ? new Dictionary<string, string>() : new Dictionary<string, string>(labels);

    private Task CallAsync(string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        CallAsync(operation, async token =>
        {
            await call(token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>As <c>docker stats</c> counts it: usage less the inactive page cache (cgroup v1 <c>total_inactive_file</c>, v2 <c>inactive_file</c>).</summary>
    private static ContainerMemory ContainerMemoryOf(MemoryStats memory)
    {
        ulong inactive = 0;
        if (memory.Stats is { } stats && !stats.TryGetValue("total_inactive_file", out inactive))
        {
            _ = stats.TryGetValue("inactive_file", out inactive);
        }

        var usage = memory.Usage ?? 0;
        var used = usage > inactive ? usage - inactive : 0;
        return new ContainerMemory((long)Math.Min(used, long.MaxValue), (long)Math.Min(memory.Limit ?? 0, long.MaxValue));
    }

    private async Task<T> CallAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(_requestTimeout);
        try
        {
            return await call(bounded.Token).WaitAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (_failures.Map(operation, ex, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }
}
