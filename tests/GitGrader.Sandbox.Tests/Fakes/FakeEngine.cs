using GitGrader.Core.Sandboxing;
using GitGrader.Sandbox.Engine;

namespace GitGrader.Sandbox.Tests.Fakes;

/// <summary>
/// An <see cref="IContainerEngine"/> in memory that behaves as the engine does where the sandbox relies on
/// it: a process whose stream is given up keeps running until a <c>kill -9 -1</c> exec or a container
/// restart; inspect may say "running" just after the output ends; failures are what the real adapter throws.
/// </summary>
internal sealed class FakeEngine : IContainerEngine
{
    public const string PythonImage = "gitgrader/python:latest";

    public const string DefaultEndpoint = "unix:///fake/docker.sock";

    private int _ids;

    /// <summary>The endpoint named in messages and in the host's build-lock files; a test that shares one engine between
    /// sandboxes gives its own so that no other test's builds contend with it.</summary>
    public string Endpoint { get; init; } = DefaultEndpoint;

    /// <summary>Every call, in order: the operation, then what it was about.</summary>
    public List<string> Calls { get; } = [];

    public Dictionary<string, string> Images { get; } = new() { [PythonImage] = "sha256:" + new string('a', 64) };

    public List<ContainerSpec> CreatedContainers { get; } = [];

    /// <summary>The anonymous volumes made with each container (by the container's id), removed with it.</summary>
    public Dictionary<string, List<string>> ContainerVolumes { get; } = [];

    public List<LabelledResource> Containers { get; } = [];

    public List<LabelledResource> Volumes { get; } = [];

    public List<byte[]> Uploads { get; } = [];

    public List<FakeExec> Execs { get; } = [];

    /// <summary>Operations that fail, by name (as in <see cref="Calls"/>), with the exception they throw.</summary>
    public Dictionary<string, Exception> Failures { get; } = [];

    /// <summary>What a step (an exec of the step wrapper) does.</summary>
    public Func<ExecSpec, FakeExec> Step { get; set; } = _ => FakeExec.Exits(0);

    /// <summary>Exec creation of the kill script fails (as when a fork bomb holds every pid).</summary>
    public bool KillFails { get; set; }

    /// <summary>How many exec inspects to come answer "no such exec instance" (gVisor: the sandbox died and took the exec with it).</summary>
    public int LostExecInspects { get; set; }

    /// <summary>The container is not running (gVisor's sandbox taken by the OOM killer): execs are refused until it is started.</summary>
    public bool ContainerDown { get; set; }

    /// <summary>What container inspect says, one answer per call, before it says "running" (the default).</summary>
    public Queue<ContainerStatus> ContainerStates { get; } = new();

    /// <summary>The memory cgroup's oom_kill counter.</summary>
    public int OomKills { get; set; }

    /// <summary>What an archive download of a path returns.</summary>
    public Func<string, Stream?> Archive { get; set; } = _ => null;

    /// <summary>What a build does: given the tag and the output callback; default: adds the tag.</summary>
    public Func<string, Action<string>, Task> Build { get; set; } = (_, output) =>
    {
        output("Step 1/1 : FROM base");
        return Task.CompletedTask;
    };

    /// <summary>What the memory probe reads as the container's memory cap, in bytes.</summary>
    public long MemoryLimit { get; set; } = 256L * 1024 * 1024;

    /// <summary>What the memory probe reads as the memory that cannot be reclaimed, in bytes.</summary>
    public long MemoryUsed { get; set; }

    /// <summary>The container has no cgroup to read inside (gVisor): the memory probe prints nothing.</summary>
    public bool NoCgroupInside { get; set; }

    /// <summary>What the engine's stats say of the container's memory (the host's cgroup).</summary>
    public ContainerMemory? HostMemory { get; set; }

    public int KillScripts => Execs.Count(e => e.Spec is { } spec && IsKill(spec));

    public static ExecSpec StepOf(FakeExec exec) => exec.Spec!;

    public Task PingAsync(CancellationToken cancellationToken) => Do("ping", string.Empty);

    /// <summary>The runtimes the engine says it has.</summary>
    public List<string> Runtimes { get; } = ["runc"];

    public async Task<IReadOnlyCollection<string>> RuntimesAsync(CancellationToken cancellationToken)
    {
        await Do("info", string.Empty);
        return Runtimes;
    }

    public async Task<string?> ImageIdAsync(string image, CancellationToken cancellationToken)
    {
        await Do("image inspect", image);
        return Images.GetValueOrDefault(image);
    }

    public async Task BuildImageAsync(string tag, Stream context, IReadOnlyDictionary<string, string> labels, Action<string> onOutput, CancellationToken cancellationToken)
    {
        await Do("image build", tag);
        await Build(tag, onOutput);
        Images[tag] = "sha256:" + new string('b', 64);
    }

    public async Task<IReadOnlyList<string>> ListImageTagsAsync(string reference, CancellationToken cancellationToken)
    {
        await Do("image list", reference);
        return Images.Keys.Where(k => k.StartsWith(reference + ":", StringComparison.Ordinal)).ToList();
    }

    public async Task<bool> TryRemoveImageAsync(string image, CancellationToken cancellationToken)
    {
        await Do("image remove", image);
        return Images.Remove(image);
    }

    public async Task RemoveVolumeAsync(string name, CancellationToken cancellationToken)
    {
        await Do("volume remove", name);
        Volumes.RemoveAll(v => v.Id == name);
    }

    public async Task<string> CreateContainerAsync(ContainerSpec container, CancellationToken cancellationToken)
    {
        await Do("container create", container.Name);
        if (!Images.ContainsKey(container.Image))
        {
            // As the real adapter says it (the engine's 404 "No such image").
            throw new SandboxException($"The grader image '{container.Image}' is not in the Docker engine at {Endpoint}.", Docker.ImageHints.Missing(container.Image));
        }

        CreatedContainers.Add(container);
        var id = $"{++_ids:x4}" + new string('c', 60);
        Containers.Add(new LabelledResource(id, container.Labels));
        ContainerVolumes[id] = [];
        foreach (var mount in container.Volumes)
        {
            var volume = $"{_ids:x4}" + new string('e', 60);
            Volumes.Add(new LabelledResource(volume, mount.Labels));
            ContainerVolumes[id].Add(volume);
        }

        return id;
    }

    public async Task StartContainerAsync(string id, CancellationToken cancellationToken)
    {
        await Do("container start", id);
        ContainerDown = false;
        ContainerStates.Clear();
    }

    public async Task KillContainerAsync(string id, CancellationToken cancellationToken)
    {
        await Do("container kill", id);
        EndEveryStep();
    }

    public Task WaitContainerAsync(string id, CancellationToken cancellationToken) => Do("container wait", id);

    public async Task RemoveContainerAsync(string id, CancellationToken cancellationToken)
    {
        await Do("container remove", id);
        Containers.RemoveAll(c => c.Id == id);
        if (ContainerVolumes.Remove(id, out var volumes))
        {
            Volumes.RemoveAll(v => volumes.Contains(v.Id)); // removed with its container (RemoveVolumes)
        }

        EndEveryStep();
    }

    public async Task<ContainerStatus?> InspectContainerAsync(string id, CancellationToken cancellationToken)
    {
        await Do("container inspect", id);
        return !Containers.Any(c => c.Id == id) ? null
            : ContainerStates.TryDequeue(out var status) ? status
            : new ContainerStatus(true, false);
    }

    public async Task<ContainerMemory?> MemoryAsync(string id, CancellationToken cancellationToken)
    {
        await Do("container stats", id);
        return HostMemory;
    }

    public async Task<IReadOnlyList<LabelledResource>> ListContainersAsync(string label, CancellationToken cancellationToken)
    {
        await Do("container list", label);
        return Containers.Where(c => HasLabel(c, label)).ToList();
    }

    public async Task<IReadOnlyList<LabelledResource>> ListVolumesAsync(string label, CancellationToken cancellationToken)
    {
        await Do("volume list", label);
        return Volumes.Where(v => HasLabel(v, label)).ToList();
    }

    public async Task PutArchiveAsync(string containerId, string path, Stream tar, CancellationToken cancellationToken)
    {
        await Do("archive upload", path);
        using var copy = new MemoryStream();
        await tar.CopyToAsync(copy, cancellationToken);
        Uploads.Add(copy.ToArray());
    }

    public async Task<Stream?> GetArchiveAsync(string containerId, string path, CancellationToken cancellationToken)
    {
        await Do("archive download", path);
        return Archive(path);
    }

    public async Task<string> CreateExecAsync(string containerId, ExecSpec exec, CancellationToken cancellationToken)
    {
        if (IsKill(exec) && KillFails)
        {
            throw new SandboxException("The Docker engine refused exec create: 500 OCI runtime exec failed: resource temporarily unavailable");
        }

        await Do("exec create", Describe(exec));
        if (ContainerDown)
        {
            throw new SandboxException($"The Docker engine refused exec create: 409 container {containerId} is not running");
        }

        var fake = IsKill(exec) ? FakeExec.Exits(0)
            : IsOomProbe(exec) ? FakeExec.Exits(0, $"oom_kill_disable 0\nunder_oom 0\noom_kill {OomKills}\n")
            : IsMemoryProbe(exec) ? FakeExec.Exits(0, NoCgroupInside ? string.Empty : $"limit {MemoryLimit}\nused {MemoryUsed}\n")
            : Step(exec);
        fake.Spec = exec;
        fake.StillRunning = fake.Hangs || fake.Floods;
        Execs.Add(fake);
        return (Execs.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IExecStream> StartExecAsync(string execId, CancellationToken cancellationToken)
    {
        await Do("exec start", execId);
        var exec = Execs[int.Parse(execId, System.Globalization.CultureInfo.InvariantCulture)];
        if (IsKill(exec.Spec!))
        {
            EndEveryStep();
        }

        return new FakeExecStream(exec);
    }

    public async Task<ExecStatus> InspectExecAsync(string execId, CancellationToken cancellationToken)
    {
        await Do("exec inspect", execId);
        if (LostExecInspects > 0)
        {
            LostExecInspects--;
            throw new SandboxException($"The Docker engine refused exec inspect: the container is gone (No such exec instance: {execId}).");
        }

        var exec = Execs[int.Parse(execId, System.Globalization.CultureInfo.InvariantCulture)];
        exec.Inspections++;
        if (exec.StillRunning)
        {
            return new ExecStatus(true, null);
        }

        if (exec.RunningAfterEnd > 0)
        {
            exec.RunningAfterEnd--;
            return new ExecStatus(true, null);
        }

        return new ExecStatus(false, exec.ExitCode);
    }

    private static bool IsKill(ExecSpec exec) => exec.Command.Count > 2 && exec.Command[2].StartsWith("kill -9 -1 2>/dev/null; kill -9 -1", StringComparison.Ordinal);

    private static bool IsOomProbe(ExecSpec exec) => exec.Command.Count > 2 && exec.Command[2].Contains("memory.oom_control", StringComparison.Ordinal);

    private static bool IsMemoryProbe(ExecSpec exec) => exec.Command.Count > 2 && exec.Command[2].Contains("memory.limit_in_bytes", StringComparison.Ordinal);

    private static bool HasLabel(LabelledResource resource, string label)
    {
        var equals = label.IndexOf('=', StringComparison.Ordinal);
        return resource.Labels.TryGetValue(label[..equals], out var value) && value == label[(equals + 1)..];
    }

    private static string Describe(ExecSpec exec) => IsKill(exec) ? "kill" : IsOomProbe(exec) ? "oom probe" : IsMemoryProbe(exec) ? "memory probe" : "step";

    private void EndEveryStep()
    {
        foreach (var exec in Execs.Where(e => e.StillRunning))
        {
            exec.StillRunning = false;
            exec.ExitCode = 137;
        }
    }

    private async Task Do(string operation, string subject)
    {
        await Task.Yield();
        Calls.Add($"{operation} {subject}".TrimEnd());
        if (Failures.TryGetValue(operation, out var failure))
        {
            throw failure;
        }
    }
}
