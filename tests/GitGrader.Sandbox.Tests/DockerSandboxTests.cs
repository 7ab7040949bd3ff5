using System.Diagnostics;
using GitGrader.Core.Processes;
using GitGrader.Core.Sandboxing;
using GitGrader.Sandbox.Docker;
using GitGrader.Sandbox.Docker.Seccomp;
using GitGrader.Sandbox.Engine;
using GitGrader.Sandbox.Tests.Fakes;

namespace GitGrader.Sandbox.Tests;

/// <summary>The sandbox's logic above the engine seam: the container it asks for, cleanup, reaping, image builds.</summary>
public sealed class DockerSandboxTests
{
    [Fact]
    public async Task StartSessionAsync_AsksForALockedDownContainerOnATmpfsVolume()
    {
        var engine = new FakeEngine();
        await using var session = await SandboxFixture.StartAsync(engine);

        var container = Assert.Single(engine.CreatedContainers);
        var limits = SandboxFixture.Settings.Limits;
        Assert.True(container.NetworkDisabled);
        Assert.True(container.ReadOnlyRootFilesystem);
        Assert.True(container.Init);
        Assert.Equal(["ALL"], container.CapDrop);
        Assert.Equal(["CHOWN", "DAC_OVERRIDE", "FOWNER"], container.CapAdd);
        Assert.Equal(["no-new-privileges", SandboxSeccompProfile.SecurityOption], container.SecurityOptions);
        Assert.Equal(string.Empty, container.Runtime);
        Assert.DoesNotContain("info", engine.Calls);
        Assert.Equal("private", container.IpcMode);
        Assert.Equal("0:0", container.User); // GitGrader's own execs get the added capabilities; steps run as 1000

        Assert.Equal(limits.MemoryBytes, container.MemoryBytes);
        Assert.Equal((long)(limits.Cpus * 1_000_000_000), container.NanoCpus);
        Assert.Equal(limits.Pids, container.PidsLimit);
        Assert.Contains(new ContainerUlimit("fsize", limits.WorkspaceBytes, limits.WorkspaceBytes), container.Ulimits);
        Assert.Contains(new ContainerUlimit("nofile", 1024, 1024), container.Ulimits);
        Assert.Contains(new ContainerUlimit("core", 0, 0), container.Ulimits);
        Assert.Equal(["/tmp"], container.Tmpfs.Keys);
        Assert.Equal("unit", container.Labels["io.gitgrader.purpose"]);
        Assert.Equal(LocalProcess.Current, container.Labels["io.gitgrader.owner"]);
        Assert.StartsWith($"{Environment.MachineName}/{Environment.ProcessId}@", LocalProcess.Current, StringComparison.Ordinal);

        // The workspace: an anonymous tmpfs volume made with the container (no volume create of its own), with its labels.
        var volume = Assert.Single(container.Volumes);
        Assert.Equal(SandboxPaths.Workspace, volume.Target);
        Assert.Equal("tmpfs", volume.DriverOptions["type"]);
        Assert.Equal("tmpfs", volume.DriverOptions["device"]);
        Assert.StartsWith($"size={limits.WorkspaceBytes},nr_inodes=262144,", volume.DriverOptions["o"], StringComparison.Ordinal);
        Assert.Equal(container.Labels, volume.Labels);
        Assert.DoesNotContain(engine.Calls, c => c.StartsWith("volume create", StringComparison.Ordinal) || c.StartsWith("image inspect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartSessionAsync_ConfiguredRuntime_IsCheckedOnce_AndAskedForOnEveryContainer()
    {
        var engine = new FakeEngine();
        engine.Runtimes.Add("runsc");
        using var sandbox = new DockerSandbox(engine, runtime: "runsc");

        await using (await sandbox.StartSessionAsync(SandboxFixture.Settings, CancellationToken.None))
        {
        }

        await using (await sandbox.StartSessionAsync(SandboxFixture.Settings, CancellationToken.None))
        {
        }

        Assert.Equal(["runsc", "runsc"], engine.CreatedContainers.Select(c => c.Runtime));
        Assert.Single(engine.Calls, c => c == "info");
    }

    [Fact]
    public async Task StartSessionAsync_UnderGvisor_CapsTheProgramsProcessesInsideIt_AndLeavesTheSandboxKernelRoom()
    {
        var engine = new FakeEngine();
        engine.Runtimes.Add("runsc");
        using var sandbox = new DockerSandbox(engine, runtime: "runsc");

        await using (await sandbox.StartSessionAsync(SandboxFixture.Settings, CancellationToken.None))
        {
        }

        var container = Assert.Single(engine.CreatedContainers);
        var pids = SandboxFixture.Settings.Limits.Pids;
        Assert.Contains(new ContainerUlimit("nproc", pids, pids), container.Ulimits);
        Assert.Equal((pids * 16) + 256, container.PidsLimit);
        Assert.Equal(["no-new-privileges", SandboxSeccompProfile.SecurityOption], container.SecurityOptions);
    }

    [Fact]
    public async Task StartSessionAsync_UnderAnotherRuntime_KeepsTheLimitsAsTheyAre()
    {
        var engine = new FakeEngine();
        engine.Runtimes.Add("runc-alias");
        using var sandbox = new DockerSandbox(engine, runtime: "runc-alias");

        await using (await sandbox.StartSessionAsync(SandboxFixture.Settings, CancellationToken.None))
        {
        }

        var container = Assert.Single(engine.CreatedContainers);
        Assert.Equal("runc-alias", container.Runtime);
        Assert.Equal(SandboxFixture.Settings.Limits.Pids, container.PidsLimit);
        Assert.DoesNotContain(container.Ulimits, u => u.Name == "nproc");
    }

    [Theory]
    [InlineData("runsc", "grader-images/ensure-docker.sh")]
    [InlineData("kata", "\"kata\": {\"path\": \"/path/to/binary\"}")]
    public async Task StartSessionAsync_RuntimeTheEngineLacks_SaysHowToRegisterIt_AndCreatesNothing(string runtime, string hint)
    {
        var engine = new FakeEngine();
        using var sandbox = new DockerSandbox(engine, runtime: runtime);

        var failure = await Assert.ThrowsAsync<SandboxException>(() => sandbox.StartSessionAsync(SandboxFixture.Settings, CancellationToken.None));

        Assert.Equal($"Docker:Runtime is '{runtime}', but the Docker engine at unix:///fake/docker.sock has no runtime of that name (it has: runc).", failure.Message);
        Assert.Contains(hint, failure.Hint, StringComparison.Ordinal);
        Assert.Contains("/etc/docker/daemon.json", failure.Hint, StringComparison.Ordinal);
        Assert.Empty(engine.Volumes);
        Assert.Empty(engine.CreatedContainers);
    }

    [Fact]
    public async Task StartSessionAsync_ImageMissing_SaysHowToBuildIt_AndCreatesNothing()
    {
        var engine = new FakeEngine();
        engine.Images.Clear();
        var sandbox = new DockerSandbox(engine);

        var failure = await Assert.ThrowsAsync<SandboxException>(() => sandbox.StartSessionAsync(SandboxFixture.Settings, CancellationToken.None));

        Assert.Contains("'gitgrader/python:latest' is not in the Docker engine at unix:///fake/docker.sock", failure.Message, StringComparison.Ordinal);
        Assert.Equal("Build it with `bash grader-images/build.sh python` (it makes the Debian base locally when no registry is reachable).", failure.Hint);
        Assert.Empty(engine.CreatedContainers);
        Assert.Empty(engine.Containers);
        Assert.Empty(engine.Volumes);
    }

    [Fact]
    public async Task StartSessionAsync_StartFails_RemovesContainerAndVolume_AndThrowsTheFailure()
    {
        var engine = new FakeEngine();
        var refused = new SandboxException("The Docker engine refused container start: 500 cgroups: out of memory", "hint");
        engine.Failures["container start"] = refused;
        var sandbox = new DockerSandbox(engine);

        var failure = await Assert.ThrowsAsync<SandboxException>(() => sandbox.StartSessionAsync(SandboxFixture.Settings, CancellationToken.None));

        Assert.Same(refused, failure);
        Assert.Empty(engine.Containers);
        Assert.Empty(engine.Volumes);
    }

    [Fact]
    public async Task StartSessionAsync_StartAndCleanupBothFail_ThrowsTheFirstFailure()
    {
        var engine = new FakeEngine();
        var refused = new SandboxException("The Docker engine refused container start: 500 no space left on device", "hint");
        engine.Failures["container start"] = refused;
        engine.Failures["container remove"] = new SandboxException("The Docker engine is not reachable at unix:///fake/docker.sock (Connection refused).");
        var sandbox = new DockerSandbox(engine);

        var failure = await Assert.ThrowsAsync<SandboxException>(() => sandbox.StartSessionAsync(SandboxFixture.Settings, CancellationToken.None));

        Assert.Same(refused, failure);
    }

    [Fact]
    public async Task A_session_whose_container_could_not_be_removed_while_the_engine_was_down_is_removed_at_the_next_start()
    {
        var engine = new FakeEngine();
        var sandbox = new DockerSandbox(engine);
        var cut = await sandbox.StartSessionAsync(SandboxFixture.Settings, CancellationToken.None);
        var down = new SandboxException("The Docker engine is not reachable at unix:///fake/docker.sock (Connection refused).");
        engine.Failures["container remove"] = down;

        await cut.DisposeAsync(); // logged, not thrown: the grade's own failure is what matters
        var cutId = Assert.Single(engine.Containers).Id;
        Assert.Single(engine.Volumes);

        // Still down at the next start: nothing is lost, and the start itself goes on.
        var second = await sandbox.StartSessionAsync(SandboxFixture.Settings, CancellationToken.None);
        Assert.Equal(2, engine.Containers.Count);
        engine.Failures.Remove("container remove");
        await second.DisposeAsync();

        // Back: the next start removes the cut session's container and volume before it creates its own.
        var third = await sandbox.StartSessionAsync(SandboxFixture.Settings, CancellationToken.None);
        Assert.NotEqual(cutId, Assert.Single(engine.Containers).Id);
        Assert.Single(engine.Volumes);
        await third.DisposeAsync();
        Assert.Empty(engine.Containers);
        Assert.Empty(engine.Volumes);
    }

    [Fact]
    public async Task A_start_that_failed_and_could_not_clean_up_is_cleaned_up_at_the_next_start()
    {
        var engine = new FakeEngine();
        engine.Failures["container start"] = new SandboxException("The Docker engine refused container start: 500 engine shutting down", "hint");
        engine.Failures["container remove"] = new SandboxException("The Docker engine is not reachable at unix:///fake/docker.sock (Connection refused).");
        var sandbox = new DockerSandbox(engine);
        await Assert.ThrowsAsync<SandboxException>(() => sandbox.StartSessionAsync(SandboxFixture.Settings, CancellationToken.None));
        Assert.Single(engine.Containers);

        engine.Failures.Clear();
        await (await sandbox.StartSessionAsync(SandboxFixture.Settings, CancellationToken.None)).DisposeAsync();

        Assert.Empty(engine.Containers);
        Assert.Empty(engine.Volumes);
    }

    [Fact]
    public async Task ReapLeftoversAsync_RemovesWhatADeadProcessOnThisHostLeft_AndNothingElse()
    {
        using var finished = Process.Start("true")!;
        await finished.WaitForExitAsync();
        var engine = new FakeEngine();
        var dead = Labels($"{Environment.MachineName}/{finished.Id}");
        engine.Containers.Add(new LabelledResource("dead-container", dead));
        engine.Volumes.Add(new LabelledResource("dead-volume", dead));
        engine.Containers.Add(new LabelledResource("other-host", Labels("another-host/1")));
        engine.Containers.Add(new LabelledResource("ours", Labels(LocalProcess.Current)));
        engine.Containers.Add(new LabelledResource("ours-by-an-older-gitgrader", Labels($"{Environment.MachineName}/{Environment.ProcessId}")));

        // Our process id, another start: the process this one replaced (a container's process 1, restarted).
        engine.Containers.Add(new LabelledResource("previous-instance", Labels(LocalProcess.Describe(Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow.AddDays(-1)))));
        engine.Containers.Add(new LabelledResource("unlabelled-owner", new Dictionary<string, string> { ["io.gitgrader.managed"] = "true" }));
        var sandbox = new DockerSandbox(engine);

        var (containers, volumes) = await sandbox.ReapLeftoversAsync(CancellationToken.None);

        Assert.Equal((2, 1), (containers, volumes));
        Assert.Equal(["other-host", "ours", "ours-by-an-older-gitgrader", "unlabelled-owner"], engine.Containers.Select(c => c.Id));
        Assert.Empty(engine.Volumes);
    }

    [Fact]
    public async Task StartSessionAsync_ReapsAtTheFirstStart_AndNotAgainWithinAMinute()
    {
        var engine = new FakeEngine();
        var sandbox = new DockerSandbox(engine);

        await (await sandbox.StartSessionAsync(SandboxFixture.Settings, CancellationToken.None)).DisposeAsync();
        await (await sandbox.StartSessionAsync(SandboxFixture.Settings, CancellationToken.None)).DisposeAsync();

        Assert.Single(engine.Calls, c => c.StartsWith("volume list", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReapLeftoversAsync_AVolumeStillInUse_IsLeftForTheNextReap()
    {
        using var finished = Process.Start("true")!;
        await finished.WaitForExitAsync();
        var engine = new FakeEngine();
        engine.Volumes.Add(new LabelledResource("busy", Labels($"{Environment.MachineName}/{finished.Id}")));
        engine.Failures["volume remove"] = new SandboxException("The Docker engine refused volume remove: 409 volume is in use");
        var sandbox = new DockerSandbox(engine);

        var (_, volumes) = await sandbox.ReapLeftoversAsync(CancellationToken.None);

        Assert.Equal(0, volumes);
    }

    [Fact]
    public async Task PrepareImageAsync_BuildsOnce_NamedByContentAndBase_AndRemovesSupersededTags()
    {
        var engine = new FakeEngine();
        engine.Images["gitgrader-autograder/hw:0000000000000000-aaaaaaaaaaaa"] = "sha256:old";
        var sandbox = new DockerSandbox(engine);
        var recipe = Recipe("1234567890abcdef1234");

        var tag = await sandbox.PrepareImageAsync(recipe, null, CancellationToken.None);
        var again = await sandbox.PrepareImageAsync(recipe, null, CancellationToken.None);

        Assert.Equal("gitgrader-autograder/hw:1234567890abcdef-aaaaaaaaaaaa", tag);
        Assert.Equal(tag, again);
        Assert.Single(engine.Calls, c => c.StartsWith("image build", StringComparison.Ordinal));
        Assert.Equal([tag, FakeEngine.PythonImage], engine.Images.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PrepareImageAsync_AskedAgainWhileItsBuildIsUnderWay_WaitsForThatBuild_AndBuildsOnce()
    {
        var (engine, building, release) = EngineWithAHeldBuild();
        using var sandbox = new DockerSandbox(engine);
        var recipe = Recipe("1234567890abcdef1234");
        var waits = new List<string>();

        var first = sandbox.PrepareImageAsync(recipe, null, CancellationToken.None);
        await building.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = sandbox.PrepareImageAsync(recipe, new SyncProgress(waits.Add), CancellationToken.None);
        await Task.Delay(200);
        Assert.False(second.IsCompleted, "the second caller did not wait for the build under way");
        release.SetResult();
        var tags = await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(tags[0], tags[1]);
        Assert.Single(engine.Calls, c => c.StartsWith("image build", StringComparison.Ordinal));
        Assert.Contains(waits, w => w.StartsWith("Waiting for the build of gitgrader-autograder/hw", StringComparison.Ordinal));
        Assert.Contains(tags[0], engine.Images.Keys);
    }

    [Fact]
    public async Task PrepareImageAsync_TwoProcessesOnOneEngine_TheSecondWaitsForTheFirstsBuild_AndBuildsNothing()
    {
        // Two sandboxes (as a serve and a worker each have their own) on one engine: their in-process gates are
        // separate, so only the host's lock file can keep the second from building beside the first.
        var (engine, building, release) = EngineWithAHeldBuild("unix:///fake/" + Guid.NewGuid().ToString("N") + ".sock");
        var locks = Path.Combine(Path.GetTempPath(), "gg-locks-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var serve = new DockerSandbox(engine, buildLockFolder: locks);
            using var worker = new DockerSandbox(engine, buildLockFolder: locks);
            var recipe = Recipe("1234567890abcdef1234");
            var waits = new List<string>();

            var first = serve.PrepareImageAsync(recipe, null, CancellationToken.None);
            await building.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var second = worker.PrepareImageAsync(recipe, new SyncProgress(waits.Add), CancellationToken.None);
            await Task.Delay(500);
            Assert.False(second.IsCompleted, "the other process's sandbox did not wait for the build under way");
            Assert.Contains(waits, w => w.StartsWith("Waiting for the build of gitgrader-autograder/hw under way in another GitGrader process", StringComparison.Ordinal));
            release.SetResult();
            var tags = await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(tags[0], tags[1]);
            Assert.Single(engine.Calls, c => c.StartsWith("image build", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(locks, recursive: true);
        }
    }

    [Fact]
    public async Task PrepareImageAsync_TheLockFolderCannotBeMade_BuildsAnyway()
    {
        var blocker = Path.GetTempFileName();
        try
        {
            var engine = new FakeEngine { Build = (_, output) => { output("Step 1/1 : FROM base"); return Task.CompletedTask; } };
            using var sandbox = new DockerSandbox(engine, buildLockFolder: Path.Combine(blocker, "locks"));

            var tag = await sandbox.PrepareImageAsync(Recipe("1234567890abcdef1234"), null, CancellationToken.None);

            Assert.Contains(tag, engine.Images.Keys);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task PrepareImageAsync_BuildFails_SaysWhyWithTheOutputsTail_AndHowToFixIt()
    {
        var engine = new FakeEngine
        {
            Build = (_, output) =>
            {
                for (var i = 1; i <= 40; i++)
                {
                    output($"line {i}");
                }

                throw new ImageBuildException("The command '/bin/sh -c bash setup.sh' returned a non-zero code: 1");
            },
        };
        var sandbox = new DockerSandbox(engine);

        var failure = await Assert.ThrowsAsync<SandboxException>(() => sandbox.PrepareImageAsync(Recipe("ffff000011112222"), null, CancellationToken.None));

        Assert.StartsWith("Building image gitgrader-autograder/hw:ffff000011112222-aaaaaaaaaaaa failed: The command '/bin/sh -c bash setup.sh' returned a non-zero code: 1\nIts output (last 30 lines):\nline 11\n", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("\nline 40", failure.Message, StringComparison.Ordinal);
        Assert.Contains("setup.sh", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareImageAsync_BuildFails_LeadsWithTheRecipesOwnSummary_ShowsOnlyTheFailedStepsOutput_AndRemovesTheLayersItMade()
    {
        var engine = new FakeEngine
        {
            Build = (_, output) =>
            {
                foreach (var line in new[]
                {
                    "Step 1/4 : FROM gitgrader/classroom:latest", " ---> af1cd573a795",
                    "Step 2/4 : USER root", " ---> Using cache", " ---> 8d00d72c6bba",
                    "Step 3/4 : COPY source/ /autograder/source/", " ---> 00e5a3c07810",
                    "Step 4/4 : RUN bash run-setup.sh", " ---> Running in 57b75efe59da",
                    "installing", "\u001b[91mE: Unable to locate package nope", "\u001b[0m",
                    "gitgrader: setup.sh failed with exit status 100; the last command that failed was at line 3: apt-get install -y nope",
                    "Removing intermediate container 57b75efe59da",
                })
                {
                    output(line);
                }

                throw new ImageBuildException("The command '/bin/sh -c bash run-setup.sh' returned a non-zero code: 100");
            },
        };
        var sandbox = new DockerSandbox(engine);

        var failure = await Assert.ThrowsAsync<SandboxException>(() => sandbox.PrepareImageAsync(Recipe("ffff000011112222"), null, CancellationToken.None));

        Assert.Equal(
            "Building image gitgrader-autograder/hw:ffff000011112222-aaaaaaaaaaaa failed: setup.sh failed with exit status 100; the last command that failed was at line 3: apt-get install -y nope\n"
            + "Its output (last 2 lines):\ninstalling\nE: Unable to locate package nope",
            failure.Message);
        Assert.Contains("image remove 00e5a3c07810", engine.Calls);
        Assert.DoesNotContain("image remove 8d00d72c6bba", engine.Calls);
        Assert.DoesNotContain("image remove af1cd573a795", engine.Calls);
    }

    [Fact]
    public async Task PrepareImageAsync_EngineUnreachable_KeepsTheEnginesHint()
    {
        var engine = new FakeEngine();
        var unreachable = new SandboxException("The Docker engine is not reachable at unix:///fake/docker.sock (Connection refused).", "Start it");
        engine.Failures["image build"] = unreachable;
        var sandbox = new DockerSandbox(engine);

        var failure = await Assert.ThrowsAsync<SandboxException>(() => sandbox.PrepareImageAsync(Recipe("ffff000011112222"), null, CancellationToken.None));

        Assert.Same(unreachable, failure);
    }

    private static Dictionary<string, string> Labels(string owner) => new()
    {
        ["io.gitgrader.managed"] = "true",
        ["io.gitgrader.owner"] = owner,
    };

    /// <summary>
    /// An engine whose image build signals <c>building</c> when it starts and finishes only once <c>release</c> is set;
    /// <paramref name="endpoint"/>, if given, keeps its host build-lock files apart from every other test's.
    /// </summary>
    private static (FakeEngine Engine, TaskCompletionSource Building, TaskCompletionSource Release) EngineWithAHeldBuild(string? endpoint = null)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var building = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new FakeEngine
        {
            Endpoint = endpoint ?? FakeEngine.DefaultEndpoint,
            Build = async (_, output) =>
            {
                building.TrySetResult();
                await release.Task;
                output("Step 1/1 : FROM base");
            },
        };
        return (engine, building, release);
    }

    private static ImageRecipe Recipe(string hash) => new(
        "gitgrader-autograder/hw",
        FakeEngine.PythonImage,
        hash,
        "FROM gitgrader/python:latest\n",
        new StagedTree().AddFile("Dockerfile", StagedOwner.Grader, "FROM gitgrader/python:latest\n"u8.ToArray()));
}
