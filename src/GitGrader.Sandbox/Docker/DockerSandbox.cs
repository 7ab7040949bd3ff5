using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using GitGrader.Core.Sandboxing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GitGrader.Sandbox.Docker;

/// <summary>
/// <see cref="ISandbox"/> on a Docker engine: one fresh container per submission with no network,
/// a read-only root, a size-capped tmpfs workspace, memory = memory+swap, a CPU quota, a pids cap,
/// every capability dropped, no-new-privileges, an init process, ulimits, and a non-root user.
/// Containers and volumes are labelled; those of processes that died are reaped at first use.
/// </summary>
public sealed class DockerSandbox : ISandbox, IDisposable
{
    private const long ScratchTmpBytes = 16L * 1024 * 1024;
    private readonly DockerApiClient _client;
    private readonly ILogger<DockerSandbox> _logger;
    private readonly SemaphoreSlim _reapOnce = new(1, 1);
    private bool _reaped;

    public DockerSandbox(IOptions<DockerOptions> options, ILogger<DockerSandbox>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = new DockerApiClient(options.Value);
        _logger = logger ?? NullLogger<DockerSandbox>.Instance;
    }

    /// <summary>The engine endpoint in use, for messages.</summary>
    public string Endpoint => _client.Endpoint;

    /// <summary>Creates a sandbox for the engine at <paramref name="endpoint"/> (default: DOCKER_HOST or the local socket).</summary>
    public static DockerSandbox Create(string? endpoint = null, ILogger<DockerSandbox>? logger = null)
    {
        var options = new DockerOptions();
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            options.Endpoint = endpoint;
        }

        return new DockerSandbox(Options.Create(options), logger);
    }

    public async Task<ISandboxSession> StartSessionAsync(SandboxSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var started = Stopwatch.GetTimestamp();
        await ReapLeftoversOnceAsync(cancellationToken).ConfigureAwait(false);

        if (!await _client.ImageExistsAsync(settings.Image, cancellationToken).ConfigureAwait(false))
        {
            throw new SandboxException(
                $"The grader image '{settings.Image}' is not in the Docker engine at {_client.Endpoint}.",
                ImageHint(settings.Image));
        }

        var name = "gitgrader-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var volume = name + "-work";
        var labels = new Dictionary<string, string>
        {
            [SandboxLabels.Managed] = "true",
            [SandboxLabels.Owner] = SandboxLabels.CurrentOwner,
            [SandboxLabels.Purpose] = settings.Purpose,
        };
        var limits = settings.Limits;

        await _client.CreateVolumeAsync(
            new VolumeCreateRequest
            {
                Name = volume,
                Labels = labels,
                DriverOpts = new Dictionary<string, string>
                {
                    ["type"] = "tmpfs",
                    ["device"] = "tmpfs",
                    ["o"] = string.Create(CultureInfo.InvariantCulture, $"size={limits.WorkspaceBytes},uid=0,gid=0,mode=0755,nosuid,nodev"),
                },
            },
            cancellationToken).ConfigureAwait(false);

        string? containerId = null;
        try
        {
            containerId = await _client.CreateContainerAsync(name, BuildContainer(settings, volume, labels), cancellationToken).ConfigureAwait(false);
            await _client.StartContainerAsync(containerId, cancellationToken).ConfigureAwait(false);
            SandboxLog.Started(_logger, containerId[..12], settings.Purpose, settings.Image, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new DockerSandboxSession(_client, _logger, containerId, volume);
        }
        catch
        {
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            if (containerId is not null)
            {
                await _client.RemoveContainerAsync(containerId, cleanup.Token).ConfigureAwait(false);
            }

            await _client.RemoveVolumeAsync(volume, cleanup.Token).ConfigureAwait(false);
            throw;
        }
    }

    public async Task<string> PrepareImageAsync(ImageRecipe recipe, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var baseId = await _client.ImageIdAsync(recipe.BaseImage, cancellationToken).ConfigureAwait(false)
            ?? throw new SandboxException($"The image '{recipe.BaseImage}' to build {recipe.Repository} on is not in the Docker engine at {_client.Endpoint}.", ImageHint(recipe.BaseImage));

        // Named by content and base: an unchanged autograder on an unchanged base is built once.
        var baseShort = baseId.Replace("sha256:", string.Empty, StringComparison.Ordinal)[..12];
        var tag = $"{recipe.Repository}:{recipe.ContentHash[..16]}-{baseShort}";
        if (await _client.ImageExistsAsync(tag, cancellationToken).ConfigureAwait(false))
        {
            return tag;
        }

        progress?.Report($"Building {tag} (once per change of the autograder)");
        using var context = TarBuilder.Build(recipe.Context);
        try
        {
            var labels = new Dictionary<string, string> { [SandboxLabels.Managed] = "true", [SandboxLabels.Purpose] = recipe.Repository };
            var started = Stopwatch.GetTimestamp();
            await _client.BuildImageAsync(tag, context, labels, line => SandboxLog.BuildOutput(_logger, line), cancellationToken).ConfigureAwait(false);
            SandboxLog.Built(_logger, tag, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await RemoveSupersededAsync(recipe.Repository, tag, cancellationToken).ConfigureAwait(false);
            return tag;
        }
        catch (DockerApiException ex)
        {
            throw new SandboxException(ex.Message, "Fix the autograder's setup.sh (it runs as root in the image, with the package archive reachable), then grade again.", ex);
        }
    }

    /// <summary>Earlier builds of the same autograder are of no further use: their tags are removed (those still in use stay).</summary>
    private async Task RemoveSupersededAsync(string repository, string current, CancellationToken cancellationToken)
    {
        foreach (var image in await _client.ListImagesAsync(repository, cancellationToken).ConfigureAwait(false))
        {
            foreach (var tag in image.RepoTags ?? [])
            {
                if (tag != current && tag.StartsWith(repository + ":", StringComparison.Ordinal))
                {
                    await _client.TryRemoveImageAsync(tag, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Checks that the engine answers; throws <see cref="SandboxException"/> saying how to fix it when not.</summary>
    public Task PingAsync(CancellationToken cancellationToken) => _client.PingAsync(cancellationToken);

    /// <summary>Whether the engine holds <paramref name="image"/>.</summary>
    public Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken) => _client.ImageExistsAsync(image, cancellationToken);

    /// <summary>Ids of the GitGrader containers in the engine that this process created, for checks that nothing is left behind.</summary>
    public async Task<IReadOnlyList<string>> ListOwnContainersAsync(CancellationToken cancellationToken)
    {
        var containers = await _client.ListContainersAsync(SandboxLabels.ManagedFilter, cancellationToken).ConfigureAwait(false);
        return containers
            .Where(c => c.Labels is not null && c.Labels.TryGetValue(SandboxLabels.Owner, out var owner) && owner == SandboxLabels.CurrentOwner)
            .Select(c => c.Id)
            .ToList();
    }

    /// <summary>Removes GitGrader containers and volumes whose owning process (on this host) is gone.</summary>
    public async Task<(int Containers, int Volumes)> ReapLeftoversAsync(CancellationToken cancellationToken)
    {
        var containers = 0;
        foreach (var container in await _client.ListContainersAsync(SandboxLabels.ManagedFilter, cancellationToken).ConfigureAwait(false))
        {
            if (IsOrphan(container.Labels))
            {
                await _client.RemoveContainerAsync(container.Id, cancellationToken).ConfigureAwait(false);
                containers++;
            }
        }

        var volumes = 0;
        foreach (var volume in await _client.ListVolumesAsync(SandboxLabels.ManagedFilter, cancellationToken).ConfigureAwait(false))
        {
            if (IsOrphan(volume.Labels))
            {
                try
                {
                    await _client.RemoveVolumeAsync(volume.Name, cancellationToken).ConfigureAwait(false);
                    volumes++;
                }
                catch (DockerApiException)
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
        _client.Dispose();
        _reapOnce.Dispose();
    }

    private async Task ReapLeftoversOnceAsync(CancellationToken cancellationToken)
    {
        if (_reaped)
        {
            return;
        }

        await _reapOnce.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_reaped)
            {
                await ReapLeftoversAsync(cancellationToken).ConfigureAwait(false);
                _reaped = true;
            }
        }
        finally
        {
            _reapOnce.Release();
        }
    }

    private static bool IsOrphan(IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is null || !labels.TryGetValue(SandboxLabels.Owner, out var owner))
        {
            return false;
        }

        var slash = owner.LastIndexOf('/');
        if (slash < 0 || owner[..slash] != Environment.MachineName || !int.TryParse(owner.AsSpan(slash + 1), CultureInfo.InvariantCulture, out var pid))
        {
            return false; // another host's, or not ours to judge
        }

        if (pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
    }

    private static ContainerCreateRequest BuildContainer(SandboxSettings settings, string volume, IReadOnlyDictionary<string, string> labels)
    {
        var limits = settings.Limits;
        return new ContainerCreateRequest
        {
            Image = settings.Image,
            Entrypoint = ["sleep"],
            Cmd = ["infinity"],
            User = SandboxUsers.Keeper,
            WorkingDir = "/",
            Env = ["HOME=/tmp"],
            NetworkDisabled = true,
            Labels = labels,
            HostConfig = new HostConfig
            {
                NetworkMode = "none",
                Memory = limits.MemoryBytes,
                MemorySwap = limits.MemoryBytes,
                NanoCpus = (long)(limits.Cpus * 1_000_000_000),
                PidsLimit = limits.Pids,
                ReadonlyRootfs = true,
                Init = true,
                CapDrop = ["ALL"],
                SecurityOpt = ["no-new-privileges"],
                IpcMode = "private",
                Tmpfs = new Dictionary<string, string>
                {
                    ["/tmp"] = string.Create(CultureInfo.InvariantCulture, $"rw,exec,nosuid,nodev,size={ScratchTmpBytes},mode=1777"),
                },
                Ulimits =
                [
                    new Ulimit("nofile", 1024, 1024),
                    new Ulimit("fsize", limits.WorkspaceBytes, limits.WorkspaceBytes),
                    new Ulimit("core", 0, 0),
                ],
                Mounts = [new Mount { Type = "volume", Source = volume, Target = SandboxPaths.Workspace }],
            },
        };
    }

    private static string ImageHint(string image)
    {
        var language = image.StartsWith("gitgrader/", StringComparison.Ordinal) ? image["gitgrader/".Length..].Split(':')[0] : null;
        return language is null
            ? $"Build or load '{image}' into the engine (docker build / docker load), or name another image in assignment.yml."
            : $"Build it with `bash grader-images/build.sh {language}` (it makes the Debian base locally when no registry is reachable).";
    }
}
