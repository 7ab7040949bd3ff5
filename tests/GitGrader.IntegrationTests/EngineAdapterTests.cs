using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GitGrader.Core.Assignments;
using GitGrader.Core.Sandboxing;
using GitGrader.IntegrationTests.Support;
using GitGrader.Sandbox.Docker;
using GitGrader.Sandbox.Engine;

namespace GitGrader.IntegrationTests;

/// <summary>
/// The engine adapter (Docker.DotNet.Enhanced) against the real engine: each failure becomes a sandbox
/// exception an operator can act on, and the engine's behaviour the library does not hide is handled.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class EngineAdapterTests
{
    private static readonly SandboxSettings Settings = new(DockerFixture.PythonImage, ResourceLimits.Default, "engine-adapter-test");

    private readonly DockerFixture _docker;

    public EngineAdapterTests(DockerFixture docker)
    {
        _docker = docker;
    }

    [Theory]
    [InlineData("unix:///tmp/gitgrader-no-engine.sock")]
    [InlineData("tcp://127.0.0.1:1")]
    public async Task Ping_EndpointThatRefuses_IsNotReachable_WithHowToStartIt(string endpoint)
    {
        using var sandbox = DockerSandbox.Create(endpoint);

        var failure = await Assert.ThrowsAsync<SandboxException>(() => sandbox.PingAsync(CancellationToken.None));

        Assert.StartsWith($"The Docker engine is not reachable at {endpoint} (", failure.Message, StringComparison.Ordinal);
        Assert.Contains("bash grader-images/ensure-docker.sh", failure.Hint, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HOST", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_EngineThatNeverAnswers_GivesUpAtTheRequestTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0); // connections queue, nothing answers
        silent.Start();
        var endpoint = $"tcp://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        using var sandbox = DockerSandbox.Create(new DockerOptions { Endpoint = endpoint, RequestTimeout = TimeSpan.FromSeconds(1) });
        var watch = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<SandboxException>(() => sandbox.PingAsync(CancellationToken.None));

        Assert.Equal($"The Docker engine at {endpoint} did not answer ping within 1 s.", failure.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"gave up after {watch.Elapsed}");
    }

    [Fact]
    public async Task TcpEndpoint_RunsStepsWithStdin()
    {
        await using var forwarder = new TcpToUnixForwarder();
        using var sandbox = DockerSandbox.Create(forwarder.Endpoint);
        await using var session = await sandbox.StartSessionAsync(Settings, CancellationToken.None);

        var result = await session.ExecuteAsync(Step("wc -c", stdin: new byte[200_000]), CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("200000", Encoding.UTF8.GetString(result.Stdout).Trim());
    }

    [Fact]
    public async Task StartSession_ImageThatDoesNotExist_SaysHowToBuildIt_AndLeavesNothing()
    {
        var failure = await Assert.ThrowsAsync<SandboxException>(
            () => _docker.Sandbox.StartSessionAsync(Settings with { Image = "gitgrader/cobol:latest" }, CancellationToken.None));

        Assert.Equal("The grader image 'gitgrader/cobol:latest' is not in the Docker engine at unix:///var/run/docker.sock.", failure.Message);
        Assert.Equal("Build it with `bash grader-images/build.sh cobol` (it makes the Debian base locally when no registry is reachable).", failure.Hint);
        Assert.Empty(await _docker.OurContainersAsync());
    }

    [Fact]
    public async Task CreateContainer_ImageThatDoesNotExist_IsTheSameMissingImage()
    {
        var failure = await Assert.ThrowsAsync<SandboxException>(
            () => _docker.CreateIdleContainerAsync(spec => spec with { Image = "gitgrader/cobol:latest" }));

        Assert.StartsWith("The grader image 'gitgrader/cobol:latest' is not in the Docker engine", failure.Message, StringComparison.Ordinal);
        Assert.Contains("grader-images/build.sh cobol", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContainerRemovedUnderUs_TheNextStepSaysItIsGone_AndDisposeStillEnds()
    {
        var session = await _docker.Sandbox.StartSessionAsync(Settings, CancellationToken.None);
        await _docker.Engine.RemoveContainerAsync(((DockerSandboxSession)session).ContainerId, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<SandboxException>(() => session.ExecuteAsync(Step("true"), CancellationToken.None));
        await session.DisposeAsync();

        Assert.StartsWith("The Docker engine refused exec create: the container is gone (No such container: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("io.gitgrader.managed", failure.Hint, StringComparison.Ordinal);
        Assert.Empty(await _docker.OurContainersAsync());
    }

    [Fact]
    public async Task PutArchive_IntoATmpfsMount_IsRefused_WhichIsWhyTheWorkspaceIsATmpfsVolume()
    {
        var id = await _docker.CreateIdleContainerAsync(spec => spec with
        {
            ReadOnlyRootFilesystem = true,
            Tmpfs = new Dictionary<string, string> { ["/scratch"] = "size=1m" },
        });
        try
        {
            await _docker.Engine.StartContainerAsync(id, CancellationToken.None);
            using var tar = new MemoryStream();
            using (var writer = new System.Formats.Tar.TarWriter(tar, leaveOpen: true))
            {
                writer.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "a.txt") { DataStream = new MemoryStream("a"u8.ToArray()) });
            }

            tar.Position = 0;
            var failure = await Assert.ThrowsAsync<SandboxException>(() => _docker.Engine.PutArchiveAsync(id, "/scratch", tar, CancellationToken.None));

            Assert.Equal("The Docker engine refused archive upload: 500 container rootfs is marked read-only", failure.Message);
        }
        finally
        {
            await _docker.Engine.RemoveContainerAsync(id, CancellationToken.None);
        }
    }

    [Fact]
    public async Task ReadFile_MissingPath_IsMissing_NotAGoneContainer()
    {
        await using var session = await _docker.Sandbox.StartSessionAsync(Settings, CancellationToken.None);

        var file = await session.ReadFileAsync("/work/results/none.json", 1024, CancellationToken.None);

        Assert.Equal(SandboxFileState.Missing, file.State);
    }

    [Fact]
    public async Task Stdin_ToAProgramThatNeverReadsIt_EndsPromptly()
    {
        await using var session = await _docker.Sandbox.StartSessionAsync(Settings, CancellationToken.None);
        var watch = Stopwatch.StartNew();

        var result = await session.ExecuteAsync(Step("true", stdin: new byte[8 << 20]), CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.False(result.TimedOut);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task EngineStream_GivenUp_LeavesTheProcessRunning_TheSandboxKillsIt()
    {
        // The engine's own behaviour, measured through the seam: giving up an exec's stream does not stop it.
        await using var session = await _docker.Sandbox.StartSessionAsync(Settings, CancellationToken.None);
        var containerId = ((DockerSandboxSession)session).ContainerId;
        var execId = await _docker.Engine.CreateExecAsync(containerId, new ExecSpec(["sleep", "300"], "1000:1000", "/", [], AttachStdin: false), CancellationToken.None);
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        using (var stream = await _docker.Engine.StartExecAsync(execId, CancellationToken.None))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.ReadOutputAsync(new byte[1024], cancel.Token));
        }

        await Task.Delay(500);
        Assert.True((await _docker.Engine.InspectExecAsync(execId, CancellationToken.None)).Running);
        Assert.Equal("sleep", await StudentProcessesAsync(containerId));

        // A step that ignores its signals is still gone when it times out.
        var result = await session.ExecuteAsync(Step("trap '' TERM INT HUP; while :; do sleep 1; done", timeout: TimeSpan.FromSeconds(1)), CancellationToken.None);

        Assert.True(result.TimedOut);
        Assert.Equal(string.Empty, await StudentProcessesAsync(containerId));
        Assert.False((await _docker.Engine.InspectExecAsync(execId, CancellationToken.None)).Running);
    }

    [Fact]
    public async Task FloodOfOutput_IsCappedAndStopped()
    {
        await using var session = await _docker.Sandbox.StartSessionAsync(Settings, CancellationToken.None);
        var watch = Stopwatch.StartNew();

        var result = await session.ExecuteAsync(Step("yes gitgrader", outputLimit: 100_000), CancellationToken.None);

        Assert.True(result.OutputLimitExceeded);
        Assert.Equal(100_000, result.Stdout.Length + result.Stderr.Length);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(string.Empty, await StudentProcessesAsync(((DockerSandboxSession)session).ContainerId));
    }

    [Fact]
    public async Task Step_LongerThanTheEnginesRequestTimeout_RunsToItsOwnDeadline()
    {
        using var sandbox = DockerSandbox.Create(new DockerOptions { RequestTimeout = TimeSpan.FromSeconds(1) });
        await using var session = await sandbox.StartSessionAsync(Settings, CancellationToken.None);

        var result = await session.ExecuteAsync(Step("sleep 2.5; echo done", timeout: TimeSpan.FromSeconds(20)), CancellationToken.None);

        Assert.False(result.TimedOut);
        Assert.Equal("done", Encoding.UTF8.GetString(result.Stdout).Trim());
    }

    private static ExecutionRequest Step(string script, TimeSpan? timeout = null, long outputLimit = 64 * 1024, byte[]? stdin = null) => new()
    {
        Command = ["/bin/sh", "-c", script],
        WorkingDirectory = "/tmp", // nothing is staged in these sessions
        Timeout = timeout ?? TimeSpan.FromSeconds(20),
        OutputLimitBytes = outputLimit,
        Stdin = stdin is null ? default(ReadOnlyMemory<byte>?) : stdin,
    };

    /// <summary>The names of the student user's processes in the container, listed by root (not through a step, which would kill them first).</summary>
    private async Task<string> StudentProcessesAsync(string containerId)
    {
        var execId = await _docker.Engine.CreateExecAsync(containerId, new ExecSpec(["/bin/sh", "-c", "cd /proc && for p in [0-9]*; do [ \"$(stat -c %u $p 2>/dev/null)\" = 1000 ] && cat $p/comm; done; exit 0"], "0:0", "/", [], AttachStdin: false), CancellationToken.None);
        using var stream = await _docker.Engine.StartExecAsync(execId, CancellationToken.None);
        var output = new StringBuilder();
        var buffer = new byte[4096];
        while ((await stream.ReadOutputAsync(buffer, CancellationToken.None)) is { IsEnd: false } chunk)
        {
            if (chunk.Stream == ExecOutputStream.Stdout)
            {
                output.Append(Encoding.UTF8.GetString(buffer, 0, chunk.Count));
            }
        }

        return output.ToString().Trim();
    }
}
