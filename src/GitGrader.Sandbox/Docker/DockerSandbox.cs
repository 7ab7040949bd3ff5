using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using GitGrader.Core.Processes;
using GitGrader.Core.Sandboxing;
using GitGrader.Sandbox.Docker.Seccomp;
using GitGrader.Sandbox.Engine;
using GitGrader.Sandbox.Engine.DockerDotNet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitGrader.Sandbox.Docker;

/// <summary>
/// <see cref="ISandbox"/> on a Docker engine: one fresh container per submission with no network,
/// a read-only root, a size-capped tmpfs workspace, memory = memory+swap, a CPU quota, a pids cap,
/// every capability dropped but the three GitGrader's own root execs use (a student exec has none),
/// no-new-privileges, an init process, ulimits, and every step run as a non-root user.
/// Containers and volumes are labelled; those of processes that died are reaped at first use and at most once a minute
/// after, and those this process
/// could not remove when their session ended (the engine down or restarting) at its next session's start.
/// The engine is reached through <see cref="IContainerEngine"/> only.
/// </summary>
public sealed class DockerSandbox : ISandbox, IDisposable
{
    private const long ScratchTmpBytes = 16L * 1024 * 1024;

    /// <summary>/tmp is a quarter of the workspace, at least 16 MiB: a compiler's temporary files (gcc's .s of a test framework's main) fit.</summary>
    private static long ScratchBytesFor(Core.Assignments.ResourceLimits limits) => Math.Max(ScratchTmpBytes, limits.WorkspaceBytes / 4);

    // Files and folders the workspace holds at most (the kept copy of the working copy counts too): a
    // build that leaves hundreds of thousands of empty files runs out of them (the submission's verdict)
    // before restoring the working copy before each hidden step could take more than a few seconds.
    private const int WorkspaceInodes = 262_144;
    private const int BuildOutputTail = 30;

    /// <summary>How long a build waits for another process's build of the same image before it builds beside it.</summary>
    private static readonly TimeSpan BuildLockPatience = TimeSpan.FromMinutes(30);

    /// <summary>How often, at most, a session's start also reaps what dead processes on this host left.</summary>
    private static readonly TimeSpan ReapInterval = TimeSpan.FromMinutes(1);

    /// <summary>Docker's own read-only list with <c>/proc</c> itself added (a list given replaces the default).</summary>
    private static readonly string[] ReadOnlyProc = ["/proc", "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

    private readonly IContainerEngine _engine;
    private readonly ILogger<DockerSandbox> _logger;
    private readonly IDisposable? _owned;
    private readonly SemaphoreSlim _reapOnce = new(1, 1);

    // One build at a time per image repository: a grade that arrives while serve prepares its image at start waits for
    // that build and uses it, instead of building it a second time beside it (or removing it as superseded).
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _builds = new(StringComparer.Ordinal);

    // And one at a time across this host's processes on the same engine (serve and its workers prepare at start).
    private readonly string _buildLockFolder;
    private readonly LeftoverSandboxes _leftovers = new();
    private readonly string _runtime;
    private bool _reaped;
    private long _reapedAt;

    /// <summary>
    /// A sandbox on <paramref name="engine"/>; <paramref name="owned"/>, if given, is disposed with it. Its containers
    /// run under <paramref name="runtime"/> (a name the engine registered), or the engine's default when empty. Image builds
    /// are one at a time across this host's processes through lock files in <paramref name="buildLockFolder"/> (default
    /// <see cref="HostBuildLock.DefaultFolder"/>).
    /// </summary>
    internal DockerSandbox(IContainerEngine engine, ILogger<DockerSandbox>? logger = null, IDisposable? owned = null, string runtime = "", string? buildLockFolder = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(runtime);
        _engine = engine;
        _logger = logger ?? NullLogger<DockerSandbox>.Instance;
        _owned = owned;
        _runtime = runtime;
        _buildLockFolder = buildLockFolder ?? HostBuildLock.DefaultFolder;
    }

    /// <summary>The OCI runtime its containers run under; empty: the engine's default.</summary>
    public string Runtime => _runtime;

    /// <summary>The engine endpoint in use, for messages.</summary>
    public string Endpoint => _engine.Endpoint;

    /// <summary>
    /// Creates a sandbox with its own engine client, for the engine at <paramref name="endpoint"/>
    /// (default: DOCKER_HOST or the local socket). Throws <see cref="SandboxException"/> for an endpoint
    /// that is not understood.
    /// </summary>
    public static DockerSandbox Create(string? endpoint = null, ILogger<DockerSandbox>? logger = null)
    {
        var options = new DockerOptions();
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            options.Endpoint = endpoint;
        }

        return Create(options, logger);
    }

    /// <summary>Creates a sandbox with its own engine client for <paramref name="options"/>; throws <see cref="SandboxException"/> for options that are not valid.</summary>
    public static DockerSandbox Create(DockerOptions options, ILogger<DockerSandbox>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!DockerEndpoint.TryParse(options.Endpoint, out _))
        {
            throw new SandboxException(DockerEndpoint.Problem(options.Endpoint), "Give --docker-host, DOCKER_HOST or Docker:Endpoint as unix:///var/run/docker.sock or tcp://host:2375.");
        }

        if (new DockerOptionsValidator(DockerOptions.ConfigurationKey).Validate(null, options) is { Failed: true } invalid)
        {
            throw new SandboxException(invalid.FailureMessage, "Correct the Docker settings named.");
        }

        var client = DockerClientFactory.Create(options);
        return new DockerSandbox(new DockerDotNetEngine(client, options), logger, client, options.Runtime);
    }

    public async Task<ISandboxSession> StartSessionAsync(SandboxSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var started = Stopwatch.GetTimestamp();
        await ReapLeftoversWhenDueAsync(cancellationToken).ConfigureAwait(false);
        if (_leftovers.Count > 0)
        {
            await _leftovers.RemoveAsync(_engine, _logger, cancellationToken).ConfigureAwait(false);
        }

        // A missing image is the container create's own refusal (the same message and hint): no call of its own.
        var name = "gitgrader-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var labels = new Dictionary<string, string>
        {
            [SandboxLabels.Managed] = "true",
            [SandboxLabels.Owner] = SandboxLabels.CurrentOwner,
            [SandboxLabels.Purpose] = settings.Purpose,
        };
        string? containerId = null;
        try
        {
            containerId = await _engine.CreateContainerAsync(GvisorAdjustments.For(BuildContainer(name, settings, labels), _runtime), cancellationToken).ConfigureAwait(false);
            await _engine.StartContainerAsync(containerId, cancellationToken).ConfigureAwait(false);
            SandboxLog.Started(_logger, ShortId(containerId), settings.Purpose, settings.Image, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new DockerSandboxSession(_engine, _logger, containerId, _leftovers);
        }
        catch when (containerId is not null)
        {
            await RemoveAfterFailedStartAsync(containerId).ConfigureAwait(false);
            throw;
        }
    }

    public async Task<string> PrepareImageAsync(ImageRecipe recipe, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var baseId = await _engine.ImageIdAsync(recipe.BaseImage, cancellationToken).ConfigureAwait(false)
            ?? throw new SandboxException($"The image '{recipe.BaseImage}' to build {recipe.Repository} on is not in the Docker engine at {_engine.Endpoint}.", ImageHints.Missing(recipe.BaseImage));

        // Named by content and base: an unchanged autograder on an unchanged base is built once.
        var baseShort = baseId.Replace("sha256:", string.Empty, StringComparison.Ordinal)[..12];
        var tag = $"{recipe.Repository}:{recipe.ContentHash[..16]}-{baseShort}";
        if (await _engine.ImageIdAsync(tag, cancellationToken).ConfigureAwait(false) is not null)
        {
            return tag;
        }

        var gate = _builds.GetOrAdd(recipe.Repository, _ => new SemaphoreSlim(1, 1));
        if (!gate.Wait(0))
        {
            progress?.Report($"Waiting for the build of {recipe.Repository} under way");
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            using var hostLock = await HostBuildLock.AcquireAsync(
                _buildLockFolder,
                _engine.Endpoint,
                recipe.Repository,
                BuildLockPatience,
                () => progress?.Report($"Waiting for the build of {recipe.Repository} under way in another GitGrader process on this host"),
                _logger,
                cancellationToken).ConfigureAwait(false);

            // Built while this waited (here or by another process): used as it is.
            if (await _engine.ImageIdAsync(tag, cancellationToken).ConfigureAwait(false) is not null)
            {
                return tag;
            }

            return await BuildAsync(recipe, tag, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<string> BuildAsync(ImageRecipe recipe, string tag, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report($"Building {tag} (once per change of what it is built from)");
        using var context = TarBuilder.Build(recipe.Context);
        var transcript = new BuildTranscript(BuildOutputTail);
        try
        {
            var labels = new Dictionary<string, string> { [SandboxLabels.Managed] = "true", [SandboxLabels.Purpose] = recipe.Repository };
            var started = Stopwatch.GetTimestamp();
            await _engine.BuildImageAsync(
                tag,
                context,
                labels,
                line =>
                {
                    SandboxLog.BuildOutput(_logger, line);
                    transcript.Observe(line);
                },
                cancellationToken).ConfigureAwait(false);
            SandboxLog.Built(_logger, tag, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await RemoveSupersededAsync(recipe.Repository, tag, cancellationToken).ConfigureAwait(false);
            return tag;
        }
        catch (ImageBuildException ex)
        {
            // Nothing half-built stays: the layers this build made are removed (those of an earlier build, in use, stay).
            foreach (var layer in transcript.LayersMade.Reverse())
            {
                await _engine.TryRemoveImageAsync(layer, CancellationToken.None).ConfigureAwait(false);
            }

            throw new SandboxException(
                transcript.Describe(tag, ex.Message),
                recipe.FixHint,
                ex);
        }
    }

    /// <summary>Earlier builds of the same autograder are of no further use: their tags are removed (those still in use stay).</summary>
    private async Task RemoveSupersededAsync(string repository, string current, CancellationToken cancellationToken)
    {
        foreach (var tag in await _engine.ListImageTagsAsync(repository, cancellationToken).ConfigureAwait(false))
        {
            if (tag != current && tag.StartsWith(repository + ":", StringComparison.Ordinal))
            {
                await _engine.TryRemoveImageAsync(tag, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Checks that the engine answers; throws <see cref="SandboxException"/> saying how to fix it when not.</summary>
    public Task PingAsync(CancellationToken cancellationToken) => _engine.PingAsync(cancellationToken);

    /// <summary>Whether the engine holds <paramref name="image"/>.</summary>
    public async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken) =>
        await _engine.ImageIdAsync(image, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Ids of the GitGrader containers in the engine that this process created, for checks that nothing is left behind.</summary>
    public async Task<IReadOnlyList<string>> ListOwnContainersAsync(CancellationToken cancellationToken)
    {
        var containers = await _engine.ListContainersAsync(SandboxLabels.ManagedFilter, cancellationToken).ConfigureAwait(false);
        return containers
            .Where(c => c.Labels.TryGetValue(SandboxLabels.Owner, out var owner) && owner == SandboxLabels.CurrentOwner)
            .Select(c => c.Id)
            .ToList();
    }

    /// <summary>Removes GitGrader containers and volumes whose owning process (on this host) is gone.</summary>
    public async Task<(int Containers, int Volumes)> ReapLeftoversAsync(CancellationToken cancellationToken)
    {
        var containers = 0;
        foreach (var container in await _engine.ListContainersAsync(SandboxLabels.ManagedFilter, cancellationToken).ConfigureAwait(false))
        {
            if (IsOrphan(container.Labels))
            {
                await _engine.RemoveContainerAsync(container.Id, cancellationToken).ConfigureAwait(false);
                containers++;
            }
        }

        var volumes = 0;
        foreach (var volume in await _engine.ListVolumesAsync(SandboxLabels.ManagedFilter, cancellationToken).ConfigureAwait(false))
        {
            if (IsOrphan(volume.Labels))
            {
                try
                {
                    await _engine.RemoveVolumeAsync(volume.Id, cancellationToken).ConfigureAwait(false);
                    volumes++;
                }
                catch (SandboxException)
                {
                    // Still in use by a container being removed; the next reap takes it.
                }
            }
        }

        if (containers + volumes > 0)
        {
            SandboxLog.Reaped(_logger, containers, volumes);
        }

        return (containers, volumes);
    }

    public void Dispose()
    {
        _owned?.Dispose();
        _reapOnce.Dispose();
        foreach (var gate in _builds.Values)
        {
            gate.Dispose();
        }

    }

    private static string ShortId(string id) => id.Length > 12 ? id[..12] : id;

    /// <summary>Removes what a start that failed left; a failure to do so is logged (the next start reaps it), never hides the first.</summary>
    private async Task RemoveAfterFailedStartAsync(string containerId)
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _engine.RemoveContainerAsync(containerId, cleanup.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SandboxException or OperationCanceledException)
        {
            SandboxLog.RemoveFailed(_logger, ex, ShortId(containerId));
            _leftovers.Add(containerId);
        }
    }

    /// <summary>
    /// At the first start: the runtime checked, and what dead processes left reaped; then the reap again at a start at
    /// least <see cref="ReapInterval"/> after the last, so a long-running worker also clears what a peer on this host left
    /// when it was killed mid-grade (its job is graded again here, its container must not run on).
    /// </summary>
    private async Task ReapLeftoversWhenDueAsync(CancellationToken cancellationToken)
    {
        if (_reaped && Stopwatch.GetElapsedTime(_reapedAt) < ReapInterval)
        {
            return;
        }

        await _reapOnce.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_reaped)
            {
                await CheckRuntimeAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!_reaped || Stopwatch.GetElapsedTime(_reapedAt) >= ReapInterval)
            {
                await ReapLeftoversAsync(cancellationToken).ConfigureAwait(false);
                _reapedAt = Stopwatch.GetTimestamp();
                _reaped = true;
            }
        }
        finally
        {
            _reapOnce.Release();
        }
    }

    /// <summary>A configured runtime the engine does not have fails here, once, saying how to register it.</summary>
    private async Task CheckRuntimeAsync(CancellationToken cancellationToken)
    {
        if (_runtime.Length == 0)
        {
            return;
        }

        var known = await _engine.RuntimesAsync(cancellationToken).ConfigureAwait(false);
        if (!known.Contains(_runtime, StringComparer.Ordinal))
        {
            throw new SandboxException(
                $"Docker:Runtime is '{_runtime}', but the Docker engine at {_engine.Endpoint} has no runtime of that name (it has: {string.Join(", ", known.Order(StringComparer.Ordinal))}).",
                _runtime == "runsc"
                    ? "Register gVisor with the engine: as root, `bash grader-images/ensure-docker.sh` (installs Debian's runsc and adds it to \"runtimes\" in /etc/docker/daemon.json, then reloads dockerd), or empty Docker:Runtime for the default runc."
                    : $"Register it under \"runtimes\" in /etc/docker/daemon.json (\"{_runtime}\": {{\"path\": \"/path/to/binary\"}}) and reload the engine (`kill -HUP $(pidof dockerd)`), or empty Docker:Runtime for the default runc.");
        }
    }

    private static bool IsOrphan(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(SandboxLabels.Owner, out var owner) && LocalProcess.IsGone(owner);

    private static ContainerSpec BuildContainer(string name, SandboxSettings settings, IReadOnlyDictionary<string, string> labels)
    {
        var limits = settings.Limits;
        return new ContainerSpec
        {
            Name = name,
            Image = settings.Image,
            Entrypoint = ["sleep"],
            Command = ["infinity"],
            User = SandboxUsers.Grader,
            WorkingDirectory = "/",
            Environment = ["HOME=/tmp"],
            Labels = labels,
            NetworkDisabled = true,
            MemoryBytes = limits.MemoryBytes,
            NanoCpus = (long)(limits.Cpus * 1_000_000_000),
            PidsLimit = limits.Pids,
            ReadOnlyRootFilesystem = true,

            // The whole of /proc read-only: a step's program is the same user as the harness that started it,
            // and the kernel here has no Yama, so under runc it could otherwise open the harness's
            // /proc/<pid>/mem for writing (as good as ptrace, which the seccomp profile refuses). Opening any
            // /proc file for writing now fails with EROFS; reading is unchanged.
            ReadOnlyPaths = ReadOnlyProc,
            Init = true,
            CapDrop = ["ALL"],

            // For GitGrader's own root execs only (they restore the working copy and lay instructor files
            // out root-owned); an exec as the student user has no capability at all, and cannot gain one.
            CapAdd = ["CHOWN", "DAC_OVERRIDE", "FOWNER"],
            SecurityOptions = ["no-new-privileges", SandboxSeccompProfile.SecurityOption],
            IpcMode = "private",
            Tmpfs = new Dictionary<string, string>
            {
                ["/tmp"] = string.Create(CultureInfo.InvariantCulture, $"rw,exec,nosuid,nodev,size={ScratchBytesFor(limits)},mode=1777"),
            },
            Ulimits =
            [
                new ContainerUlimit("nofile", 1024, 1024),
                new ContainerUlimit("fsize", limits.WorkspaceBytes, limits.WorkspaceBytes),
                new ContainerUlimit("core", 0, 0),
            ],
            // A tmpfs volume, not a tmpfs mount: the engine cannot upload into a tmpfs mount (nor into the read-only root).
            // Anonymous: made with the container, removed with it (no volume create or remove of its own).
            Volumes =
            [
                new VolumeMount(
                    SandboxPaths.Workspace,
                    labels,
                    new Dictionary<string, string>
                    {
                        ["type"] = "tmpfs",
                        ["device"] = "tmpfs",
                        ["o"] = string.Create(CultureInfo.InvariantCulture, $"size={limits.WorkspaceBytes},nr_inodes={WorkspaceInodes},uid=0,gid=0,mode=0755,nosuid,nodev"),
                    }),
            ],
        };
    }
}
