using System.Diagnostics;
using System.Formats.Tar;
using System.Text;
using GitGrader.Core.Sandboxing;
using GitGrader.Sandbox.Engine;
using GitGrader.Sandbox.Tests.Fakes;

namespace GitGrader.Sandbox.Tests;

/// <summary>The session's logic above the engine seam: what it kills, restarts, caps and reports.</summary>
public sealed class DockerSandboxSessionTests
{
    [Fact]
    public async Task ExecuteAsync_StepEnds_ReturnsItsStatusAndOutputsAsTheStudentUser()
    {
        var engine = new FakeEngine { Step = _ => FakeExec.Exits(3, "out\n", "err\n") };
        await using var session = await SandboxFixture.StartAsync(engine);

        var result = await session.ExecuteAsync(SandboxFixture.Step("exit 3") with { Environment = new Dictionary<string, string> { ["K"] = "v" } }, CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out\n", Encoding.UTF8.GetString(result.Stdout));
        Assert.Equal("err\n", Encoding.UTF8.GetString(result.Stderr));
        Assert.False(result.TimedOut, "timed out");
        Assert.False(result.OutputLimitExceeded, "output capped");
        Assert.False(result.OutOfMemory, "out of memory");
        var spec = Assert.Single(engine.Execs).Spec!;
        Assert.Equal("1000:1000", spec.User);
        Assert.Equal(SandboxPaths.Submission, spec.WorkingDirectory);
        Assert.Equal(["/bin/sh", "-c"], spec.Command.Take(2));
        Assert.StartsWith("kill -9 -1 2>/dev/null; \"$@\"", spec.Command[2], StringComparison.Ordinal);
        Assert.Equal(["gitgrader-step", "/bin/sh", "-c", "exit 3"], spec.Command.Skip(3));
        Assert.Contains("K=v", spec.Environment);
        Assert.Contains("HOME=/tmp", spec.Environment);
        Assert.False(spec.AttachStdin);
    }

    [Fact]
    public async Task ExecuteAsync_InspectStillSaysRunningAfterTheOutputEnded_AsksAgainForTheExitCode()
    {
        var engine = new FakeEngine { Step = _ => new FakeExec { ExitCode = 7, RunningAfterEnd = 3 } };
        await using var session = await SandboxFixture.StartAsync(engine);

        var result = await session.ExecuteAsync(SandboxFixture.Step("exit 7"), CancellationToken.None);

        Assert.Equal(7, result.ExitCode);
        Assert.Equal(4, engine.Execs[0].Inspections);
    }

    [Fact]
    public async Task ExecuteAsync_Stdin_IsWrittenThenClosed()
    {
        var engine = new FakeEngine();
        await using var session = await SandboxFixture.StartAsync(engine);

        await session.ExecuteAsync(SandboxFixture.Step("cat", stdin: "hello\n"u8.ToArray()), CancellationToken.None);

        var exec = Assert.Single(engine.Execs);
        Assert.True(exec.Spec!.AttachStdin);
        Assert.Equal("hello\n", Encoding.UTF8.GetString(exec.Stdin.ToArray()));
        Assert.True(exec.StdinClosed);
    }

    [Fact]
    public async Task ExecuteAsync_ProgramExitsWithoutReadingStdin_EndsWhenItsOutputEnds()
    {
        // A program that never reads: the write would block (until the engine breaks the pipe, seconds
        // later). The step must end with its output, not wait for the write.
        var engine = new FakeEngine { Step = _ => new FakeExec { NeverReadsStdin = true, ExitCode = 0 } };
        await using var session = await SandboxFixture.StartAsync(engine);
        var watch = Stopwatch.StartNew();

        var result = await session.ExecuteAsync(SandboxFixture.Step("true", stdin: new byte[1 << 20]), CancellationToken.None);

        Assert.False(result.TimedOut);
        Assert.Equal(0, result.ExitCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.False(engine.Execs[0].StdinClosed);
    }

    [Fact]
    public async Task ExecuteAsync_OutputPastTheCap_KeepsTheCapAndKillsTheStep()
    {
        var engine = new FakeEngine { Step = _ => new FakeExec { Floods = true } };
        await using var session = await SandboxFixture.StartAsync(engine);

        var result = await session.ExecuteAsync(SandboxFixture.Step("yes", outputLimit: 100_000), CancellationToken.None);

        Assert.True(result.OutputLimitExceeded);
        Assert.False(result.TimedOut);
        Assert.Equal(100_000, result.Stdout.Length + result.Stderr.Length);
        Assert.True(engine.Execs[0].StreamDisposed);
        Assert.Equal(1, engine.KillScripts);
        Assert.False(engine.Execs[0].StillRunning);
        Assert.Equal(137, result.ExitCode);
    }

    [Fact]
    public async Task ExecuteAsync_StepPastItsTimeout_IsTimedOutAndKilled()
    {
        // Giving up the stream does not stop the process (the engine's way): the kill must.
        var engine = new FakeEngine { Step = _ => new FakeExec { Hangs = true } };
        await using var session = await SandboxFixture.StartAsync(engine);
        var watch = Stopwatch.StartNew();

        var result = await session.ExecuteAsync(SandboxFixture.Step("sleep 60", timeout: TimeSpan.FromMilliseconds(200)), CancellationToken.None);

        Assert.True(result.TimedOut);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(1, engine.KillScripts);
        Assert.False(engine.Execs[0].StillRunning);
        Assert.Contains(engine.Calls, c => c.StartsWith("exec inspect 0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(240L * 1024 * 1024, true)]
    [InlineData(100L * 1024 * 1024, false)]
    public async Task ExecuteAsync_StepPastItsTimeout_IsMemoryPinnedOnlyWhenHeldAtTheCap(long used, bool pinned)
    {
        var engine = new FakeEngine { Step = _ => new FakeExec { Hangs = true }, MemoryUsed = used };
        await using var session = await SandboxFixture.StartAsync(engine);

        var result = await session.ExecuteAsync(SandboxFixture.Step("cc1plus", timeout: TimeSpan.FromMilliseconds(200)), CancellationToken.None);

        Assert.True(result.TimedOut);
        Assert.Equal(pinned, result.MemoryPinned);
        Assert.Equal(1, engine.KillScripts);
        Assert.Contains("exec create memory probe", engine.Calls);
    }

    [Theory]
    [InlineData(240L * 1024 * 1024, true)]
    [InlineData(100L * 1024 * 1024, false)]
    public async Task ExecuteAsync_StepPastItsTimeout_NoCgroupInside_AsksTheEngineForTheHostsCount(long used, bool pinned)
    {
        var engine = new FakeEngine
        {
            Step = _ => new FakeExec { Hangs = true },
            NoCgroupInside = true,
            HostMemory = new ContainerMemory(used, 256L * 1024 * 1024),
        };
        await using var session = await SandboxFixture.StartAsync(engine);

        var result = await session.ExecuteAsync(SandboxFixture.Step("node bomb.js", timeout: TimeSpan.FromMilliseconds(200)), CancellationToken.None);

        Assert.True(result.TimedOut);
        Assert.Equal(pinned, result.MemoryPinned);
        Assert.Contains(engine.Calls, c => c.StartsWith("container stats", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_StepPastItsTimeout_CgroupReadInside_DoesNotAskTheEngine()
    {
        var engine = new FakeEngine { Step = _ => new FakeExec { Hangs = true }, MemoryUsed = 10, HostMemory = new ContainerMemory(255L * 1024 * 1024, 256L * 1024 * 1024) };
        await using var session = await SandboxFixture.StartAsync(engine);

        var result = await session.ExecuteAsync(SandboxFixture.Step("sleep 60", timeout: TimeSpan.FromMilliseconds(200)), CancellationToken.None);

        Assert.False(result.MemoryPinned);
        Assert.DoesNotContain(engine.Calls, c => c.StartsWith("container stats", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_CallerCancels_KillsTheStepAndThrows()
    {
        var engine = new FakeEngine { Step = _ => new FakeExec { Hangs = true } };
        await using var session = await SandboxFixture.StartAsync(engine);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.ExecuteAsync(SandboxFixture.Step("sleep 60"), cancel.Token));

        Assert.Equal(1, engine.KillScripts);
        Assert.False(engine.Execs[0].StillRunning);
    }

    [Fact]
    public async Task ExecuteAsync_KillImpossible_RestartsTheContainerAndStagesEverythingAgain()
    {
        var engine = new FakeEngine { Step = _ => new FakeExec { Hangs = true }, KillFails = true };
        await using var session = await SandboxFixture.StartAsync(engine);
        await session.CopyInAsync(new StagedTree().AddDirectory("submission", StagedOwner.Student), CancellationToken.None);
        await session.CopyInAsync(new StagedTree().AddFile("hidden/t.py", StagedOwner.Grader, "x"u8.ToArray()), CancellationToken.None);

        var result = await session.ExecuteAsync(SandboxFixture.Step(":(){ :|:& };:", timeout: TimeSpan.FromMilliseconds(200)), CancellationToken.None);

        Assert.True(result.TimedOut);
        var restart = engine.Calls.SkipWhile(c => !c.StartsWith("container kill", StringComparison.Ordinal)).Select(c => c.Split(' ')[0] + " " + c.Split(' ')[1]).Take(5);
        Assert.Equal(["container kill", "container wait", "container start", "archive upload", "archive upload"], restart);
        Assert.Equal(["submission/", "hidden/t.py", "submission/", "hidden/t.py"], engine.Uploads.Select(EntryNames));

        // The restart took the step's exec with it (a real engine answers "no such exec instance"): not asked about after.
        Assert.DoesNotContain(engine.Calls.SkipWhile(c => !c.StartsWith("container start", StringComparison.Ordinal)), c => c == "exec inspect 0");
    }

    [Fact]
    public async Task ExecuteAsync_Exit137WithTheOomCounterUp_IsOutOfMemory_AndTheSameCountLaterIsNot()
    {
        var engine = new FakeEngine { Step = _ => FakeExec.Exits(137), OomKills = 1 };
        await using var session = await SandboxFixture.StartAsync(engine);

        var first = await session.ExecuteAsync(SandboxFixture.Step("python3 hog.py"), CancellationToken.None);
        var second = await session.ExecuteAsync(SandboxFixture.Step("kill -9 $$"), CancellationToken.None);

        Assert.True(first.OutOfMemory);
        Assert.False(second.OutOfMemory);
        Assert.Equal(137, second.ExitCode);
    }

    [Fact]
    public async Task ExecuteAsync_Exit128AndTheSandboxKilledForMemory_IsOutOfMemory_WithoutTheRuntimesLine_AndTheNextStepRunsInARestartedContainer()
    {
        const string runtimeLine = "waiting on pid 3: waiting on PID 3 in sandbox \"abc\": urpc method \"containerManager.WaitPID\" failed: EOF";
        FakeEngine engine = null!;
        var steps = 0;
        engine = new FakeEngine
        {
            Step = _ =>
            {
                if (steps++ > 0)
                {
                    return FakeExec.Exits(0, "ok\n");
                }

                // gVisor: the step's exec ends first; the engine still says "running" twice, then exited, OOMKilled.
                engine.ContainerDown = true;
                engine.ContainerStates.Enqueue(new ContainerStatus(true, false));
                engine.ContainerStates.Enqueue(new ContainerStatus(true, false));
                engine.ContainerStates.Enqueue(new ContainerStatus(false, true));
                return FakeExec.Exits(128, string.Empty, "allocating\n" + runtimeLine + "\n");
            },
        };
        await using var session = await SandboxFixture.StartAsync(engine);

        var hog = await session.ExecuteAsync(SandboxFixture.Step("python3 hog.py"), CancellationToken.None);
        await session.ResetAsync(CancellationToken.None);
        var next = await session.ExecuteAsync(SandboxFixture.Step("echo ok"), CancellationToken.None);

        Assert.True(hog.OutOfMemory, "out of memory");
        Assert.Equal(137, hog.ExitCode);
        Assert.False(hog.TimedOut, "timed out");
        Assert.Equal("allocating\n", Encoding.UTF8.GetString(hog.Stderr));
        Assert.Equal(4, engine.Calls.Count(c => c.StartsWith("container inspect", StringComparison.Ordinal))); // three polls, and the restart's own
        Assert.Contains(engine.Calls, c => c.StartsWith("container start", StringComparison.Ordinal));
        Assert.Equal(0, next.ExitCode);
        Assert.False(next.OutOfMemory, "the next step out of memory");
    }

    [Fact]
    public async Task ExecuteAsync_TheExecLostWithItsSandboxKilledForMemory_IsOutOfMemory_AndTheNextStepRunsInARestartedContainer()
    {
        FakeEngine engine = null!;
        var steps = 0;
        engine = new FakeEngine
        {
            Step = _ =>
            {
                if (steps++ > 0)
                {
                    return FakeExec.Exits(0, "ok\n");
                }

                // gVisor: the host's OOM killer takes the whole sandbox, and the engine forgets the step's exec with it.
                engine.ContainerDown = true;
                engine.LostExecInspects = 1;
                engine.ContainerStates.Enqueue(new ContainerStatus(true, false));
                engine.ContainerStates.Enqueue(new ContainerStatus(false, true));
                engine.ContainerStates.Enqueue(new ContainerStatus(false, true));
                return FakeExec.Exits(0, string.Empty, "allocating\n");
            },
        };
        await using var session = await SandboxFixture.StartAsync(engine);

        var hog = await session.ExecuteAsync(SandboxFixture.Step("node hog.js"), CancellationToken.None);
        await session.ResetAsync(CancellationToken.None);
        var next = await session.ExecuteAsync(SandboxFixture.Step("echo ok"), CancellationToken.None);

        Assert.True(hog.OutOfMemory, "out of memory");
        Assert.Equal(137, hog.ExitCode);
        Assert.Contains(engine.Calls, c => c.StartsWith("container start", StringComparison.Ordinal));
        Assert.Equal(0, next.ExitCode);
        Assert.False(next.OutOfMemory, "the next step out of memory");
    }

    [Fact]
    public async Task ExecuteAsync_TheExecLostInARunningContainer_IsTheEnginesFailure()
    {
        var engine = new FakeEngine { Step = _ => FakeExec.Exits(0, "ok\n") };
        await using var session = await SandboxFixture.StartAsync(engine);
        engine.LostExecInspects = 1;

        await Assert.ThrowsAsync<SandboxException>(() => session.ExecuteAsync(SandboxFixture.Step("echo ok"), CancellationToken.None));
    }

    [Fact]
    public async Task ExecuteAsync_Exit128InAHealthyContainer_IsNotOutOfMemory_AndTheContainerIsNotAskedAbout()
    {
        var engine = new FakeEngine { Step = _ => FakeExec.Exits(128, string.Empty, "exit 128\n") };
        await using var session = await SandboxFixture.StartAsync(engine);

        var result = await session.ExecuteAsync(SandboxFixture.Step("exit 128"), CancellationToken.None);

        Assert.False(result.OutOfMemory);
        Assert.Equal(128, result.ExitCode);
        Assert.Equal("exit 128\n", Encoding.UTF8.GetString(result.Stderr));
        Assert.DoesNotContain(engine.Calls, c => c.StartsWith("container inspect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_NoStatusAndTheContainerStoppedForAnotherReason_IsNotOutOfMemory()
    {
        FakeEngine engine = null!;
        engine = new FakeEngine
        {
            Step = _ =>
            {
                engine.ContainerDown = true;
                engine.ContainerStates.Enqueue(new ContainerStatus(false, false));
                return FakeExec.Exits(-1);
            },
        };
        await using var session = await SandboxFixture.StartAsync(engine);

        var result = await session.ExecuteAsync(SandboxFixture.Step("python3 crash.py"), CancellationToken.None);

        Assert.False(result.OutOfMemory);
        Assert.Equal(-1, result.ExitCode);
    }

    [Fact]
    public async Task PrepareAsync_ContainerWentDownSinceTheLastStep_RestartsItAndLaysTheWorkspaceOut()
    {
        var engine = new FakeEngine();
        await using var session = await SandboxFixture.StartAsync(engine);
        await session.ExecuteAsync(SandboxFixture.Step("true"), CancellationToken.None);
        engine.ContainerDown = true;
        engine.ContainerStates.Enqueue(new ContainerStatus(false, true));

        var outcome = await session.PrepareAsync(StepStage.ScratchOnly, CancellationToken.None);

        Assert.Equal(StepStageOutcome.Ready, outcome);
        Assert.Equal(1, session.Restarts);
        Assert.Contains(engine.Calls, c => c.StartsWith("container start", StringComparison.Ordinal));

        // The death the restart found was between steps: no step's verdict.
        var next = await session.ExecuteAsync(SandboxFixture.Step("true"), CancellationToken.None);
        Assert.False(next.OutOfMemory, "the next step out of memory");
    }

    [Fact]
    public async Task PrepareAsync_EngineRefusesWhileTheContainerRuns_ThrowsWithoutARestart()
    {
        var engine = new FakeEngine();
        await using var session = await SandboxFixture.StartAsync(engine);
        engine.Failures["exec create"] = new SandboxException("The Docker engine refused exec create: 500 boom");

        await Assert.ThrowsAsync<SandboxException>(() => session.PrepareAsync(StepStage.ScratchOnly, CancellationToken.None));

        Assert.Equal(0, session.Restarts);
    }

    [Fact]
    public async Task ExecuteAsync_OtherExitCodes_NeverProbeTheOomCounter()
    {
        var engine = new FakeEngine { Step = _ => FakeExec.Exits(1), OomKills = 5 };
        await using var session = await SandboxFixture.StartAsync(engine);

        var result = await session.ExecuteAsync(SandboxFixture.Step("false"), CancellationToken.None);

        Assert.False(result.OutOfMemory);
        Assert.Single(engine.Execs);
    }

    [Fact]
    public async Task ResetAsync_EveryStepCleanedUp_DoesNothing_AfterAStoppedStep_KillsAndDeletesLinks()
    {
        var hangs = false;
        var engine = new FakeEngine { Step = _ => hangs ? new FakeExec { Hangs = true } : FakeExec.Exits(0) };
        await using var session = await SandboxFixture.StartAsync(engine);

        await session.ExecuteAsync(SandboxFixture.Step("true"), CancellationToken.None);
        await session.ResetAsync(CancellationToken.None);
        Assert.Equal(0, engine.KillScripts);

        hangs = true;
        await session.ExecuteAsync(SandboxFixture.Step("sleep 60", timeout: TimeSpan.FromMilliseconds(100)), CancellationToken.None);
        await session.ResetAsync(CancellationToken.None);

        var reset = engine.Execs[^1].Spec!;
        Assert.Contains("find /work/submission -type l -delete", reset.Command[2], StringComparison.Ordinal);
        Assert.Equal(2, engine.KillScripts);
    }

    [Fact]
    public async Task KeepInstructorFilesAsync_ThenCopyIn_OneUpload_TheRootOnlyStoreFirst()
    {
        var engine = new FakeEngine();
        await using var session = await SandboxFixture.StartAsync(engine);

        await session.KeepInstructorFilesAsync(new StagedTree().AddDirectory("tests", StagedOwner.Grader).AddFile("tests/t.py", StagedOwner.Grader, "x"u8.ToArray()), CancellationToken.None);
        await session.CopyInAsync(new StagedTree().AddDirectory("submission", StagedOwner.Student).AddFile("submission/a.py", StagedOwner.Student, "y"u8.ToArray()), CancellationToken.None);
        await session.ExecuteAsync(SandboxFixture.Step("true"), CancellationToken.None);

        var entries = Entries(Assert.Single(engine.Uploads));
        Assert.Equal([".grader/", ".grader/hidden/", ".grader/hidden/tests/", ".grader/hidden/tests/t.py", "submission/", "submission/a.py"], entries.Select(e => e.Name));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, entries[0].Mode);
        Assert.All(entries.Take(4), e => Assert.Equal(0, e.Uid));
        Assert.All(entries.Skip(4), e => Assert.Equal(1000, e.Uid));
    }

    [Fact]
    public async Task KeepInstructorFilesAsync_WithoutCopyIn_UploadedOnTheirOwnBeforeTheFirstStep()
    {
        var engine = new FakeEngine();
        await using var session = await SandboxFixture.StartAsync(engine);

        await session.KeepInstructorFilesAsync(new StagedTree().AddFile("t.py", StagedOwner.Grader, "x"u8.ToArray()), CancellationToken.None);
        Assert.Empty(engine.Uploads);
        await session.ExecuteAsync(SandboxFixture.Step("true"), CancellationToken.None);
        await session.ExecuteAsync(SandboxFixture.Step("true"), CancellationToken.None);

        Assert.Equal([".grader/", ".grader/hidden/", ".grader/hidden/t.py"], Entries(Assert.Single(engine.Uploads)).Select(e => e.Name));
        Assert.Equal(2, engine.Execs.Count);
    }

    private static List<(string Name, UnixFileMode Mode, int Uid)> Entries(byte[] tar)
    {
        using var reader = new TarReader(new MemoryStream(tar));
        var entries = new List<(string Name, UnixFileMode Mode, int Uid)>();
        while (reader.GetNextEntry() is { } entry)
        {
            entries.Add((entry.Name, entry.Mode, entry.Uid));
        }

        return entries;
    }

    [Fact]
    public async Task PrepareAsync_RunsAsRoot_WithTheFilesAndReportsAsArguments()
    {
        var engine = new FakeEngine();
        await using var session = await SandboxFixture.StartAsync(engine);

        var outcome = await session.PrepareAsync(new StepStage { InstructorFiles = ["tests/", "tests/t.py"], ReportPaths = ["out/r.xml"] }, CancellationToken.None);

        Assert.Equal(StepStageOutcome.Ready, outcome);
        var spec = Assert.Single(engine.Execs).Spec!;
        Assert.Equal("0:0", spec.User);
        Assert.Equal(["gitgrader-maintenance", "restore", "tests/", "tests/t.py", "--", "out/r.xml"], spec.Command.Skip(3));
    }

    [Fact]
    public async Task PrepareAsync_WithoutRestoring_LaysTheFilesOverTheWorkingCopyAsItIs()
    {
        var engine = new FakeEngine();
        await using var session = await SandboxFixture.StartAsync(engine);

        var outcome = await session.PrepareAsync(new StepStage { InstructorFiles = ["data/", "data/in.txt"], RestoresWorkingCopy = false }, CancellationToken.None);

        Assert.Equal(StepStageOutcome.Ready, outcome);
        var spec = Assert.Single(engine.Execs).Spec!;
        Assert.Equal("0:0", spec.User);
        Assert.Equal(["gitgrader-maintenance", "lay", "data/", "data/in.txt", "--"], spec.Command.Skip(3));
    }

    [Theory]
    [InlineData(0, StepStageOutcome.Ready)]
    [InlineData(90, StepStageOutcome.NoRoom)]
    public async Task PrepareAsync_TheScriptsPrintedStatus_Decides_WithoutAnExecInspect(int status, StepStageOutcome expected)
    {
        // The engine would say otherwise (71: a grader error): the printed line is what is read.
        var engine = new FakeEngine { Step = spec => FakeExec.Exits(spec.User == "0:0" ? 71 : 0, $"laid\ngitgrader-status {status}\n") };
        await using var session = await SandboxFixture.StartAsync(engine);

        var outcome = await session.PrepareAsync(new StepStage { InstructorFiles = ["data/in.txt"] }, CancellationToken.None);

        Assert.Equal(expected, outcome);
        Assert.Equal(0, Assert.Single(engine.Execs).Inspections);
        Assert.DoesNotContain(engine.Calls, c => c.StartsWith("exec inspect", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("gitgrader-status 0\n")] // not on a line of its own
    [InlineData("\ngitgrader-status 0")] // cut off before its end
    [InlineData("\ngitgrader-status -1\n")]
    public async Task PrepareAsync_WithoutAWholeStatusLine_AsksTheEngine(string stdout)
    {
        var engine = new FakeEngine { Step = spec => FakeExec.Exits(spec.User == "0:0" ? 90 : 0, stdout) };
        await using var session = await SandboxFixture.StartAsync(engine);

        var outcome = await session.PrepareAsync(new StepStage { InstructorFiles = ["data/in.txt"] }, CancellationToken.None);

        Assert.Equal(StepStageOutcome.NoRoom, outcome);
        Assert.Equal(1, Assert.Single(engine.Execs).Inspections);
    }

    [Fact]
    public async Task ExecuteAsync_AStepThatPrintsAStatusLine_StillHasTheEnginesStatus()
    {
        // A student's step can print anything: only GitGrader's own root scripts are read that way.
        var engine = new FakeEngine { Step = _ => FakeExec.Exits(1, "\ngitgrader-status 0\n") };
        await using var session = await SandboxFixture.StartAsync(engine);

        var result = await session.ExecuteAsync(SandboxFixture.Step("python3 main.py"), CancellationToken.None);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("\ngitgrader-status 0\n", System.Text.Encoding.UTF8.GetString(result.Stdout));
        Assert.Equal(1, Assert.Single(engine.Execs).Inspections);
    }

    [Theory]
    [InlineData("exit 73", 73)]
    [InlineData("echo \"$1 $2\"; [ \"$1\" = lay ] && exit 0; exit 9", 0)]
    [InlineData("f() { exit 90; }; f; exit 0", 90)]
    [InlineData("set -e; false; exit 0", 1)]
    public async Task WithStatusLine_InARealShell_PrintsTheScriptsOwnStatusLast_AndExitsWithIt(string script, int status)
    {
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true };
        foreach (var argument in new[] { "-c", GitGrader.Sandbox.Docker.DockerSandboxSession.WithStatusLine(script), "gitgrader-maintenance", "lay", "x" })
        {
            start.ArgumentList.Add(argument);
        }

        using var shell = System.Diagnostics.Process.Start(start)!;
        var stdout = System.Text.Encoding.UTF8.GetBytes(await shell.StandardOutput.ReadToEndAsync());
        await shell.WaitForExitAsync();

        Assert.Equal(status, shell.ExitCode);
        Assert.Equal(status, GitGrader.Sandbox.Docker.DockerSandboxSession.PrintedStatus(ref stdout));
        Assert.DoesNotContain("gitgrader-status", System.Text.Encoding.UTF8.GetString(stdout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_NoRoom_IsTheOutcome_NotAnException()
    {
        var engine = new FakeEngine { Step = spec => FakeExec.Exits(spec.User == "0:0" ? 90 : 0) };
        await using var session = await SandboxFixture.StartAsync(engine);

        Assert.Equal(StepStageOutcome.NoRoom, await session.PrepareAsync(new StepStage { InstructorFiles = [] }, CancellationToken.None));
        Assert.False(await session.KeepWorkingCopyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PrepareAsync_AStudentProcessStillAlive_IsKilledAndTheLayoutRunAgain()
    {
        var maintenance = 0;
        var engine = new FakeEngine { Step = spec => FakeExec.Exits(spec.User == "0:0" && maintenance++ == 0 ? 75 : 0) };
        await using var session = await SandboxFixture.StartAsync(engine);

        var outcome = await session.PrepareAsync(StepStage.ScratchOnly, CancellationToken.None);

        Assert.Equal(StepStageOutcome.Ready, outcome);
        Assert.Equal(2, maintenance);
        Assert.Equal(1, engine.KillScripts);
        Assert.Equal(["0:0", "1000:1000", "0:0"], engine.Execs.Select(e => e.Spec!.User));
    }

    [Fact]
    public async Task PrepareAsync_TheLayoutFails_IsASandboxException_WithItsMessage()
    {
        var engine = new FakeEngine { Step = _ => FakeExec.Exits(71, string.Empty, "rm: cannot remove 'x'\n") };
        await using var session = await SandboxFixture.StartAsync(engine);

        var error = await Assert.ThrowsAsync<SandboxException>(() => session.PrepareAsync(StepStage.ScratchOnly, CancellationToken.None));

        Assert.Contains("status 71", error.Message, StringComparison.Ordinal);
        Assert.Contains("rm: cannot remove", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_RemovalFails_DoesNotThrow_AndIsDoneOnce()
    {
        var engine = new FakeEngine();
        var session = await SandboxFixture.StartAsync(engine);
        engine.Failures["container remove"] = new SandboxException("The Docker engine is not reachable at unix:///fake/docker.sock (Connection refused).");

        await session.DisposeAsync();
        await session.DisposeAsync();

        Assert.Single(engine.Calls, c => c.StartsWith("container remove", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisposeAsync_RemovesTheContainerAndItsVolume()
    {
        var engine = new FakeEngine();
        var session = await SandboxFixture.StartAsync(engine);

        await session.DisposeAsync();

        Assert.Empty(engine.Containers);
        Assert.Empty(engine.Volumes);
    }

    [Fact]
    public async Task ReadFileAsync_AnswersByWhatTheArchiveHolds()
    {
        var engine = new FakeEngine
        {
            Archive = path => path switch
            {
                "/work/results/r.json" => Tar(new PaxTarEntry(TarEntryType.RegularFile, "r.json") { DataStream = new MemoryStream("{}"u8.ToArray()) }),
                "/work/results/big" => Tar(new PaxTarEntry(TarEntryType.RegularFile, "big") { DataStream = new MemoryStream(new byte[5000]) }),
                "/work/results/link" => Tar(new PaxTarEntry(TarEntryType.SymbolicLink, "link") { LinkName = "/etc/passwd" }),
                "/work/results/broken" => Truncated(Tar(new PaxTarEntry(TarEntryType.RegularFile, "broken") { DataStream = new MemoryStream(new byte[3000]) }), 1500),
                _ => null,
            },
        };
        await using var session = await SandboxFixture.StartAsync(engine);

        var read = await session.ReadFileAsync("/work/results/r.json", 4096, CancellationToken.None);
        Assert.Equal((SandboxFileState.Read, "{}"), (read.State, Encoding.UTF8.GetString(read.Content!)));
        Assert.Equal(SandboxFileState.TooLarge, (await session.ReadFileAsync("/work/results/big", 4096, CancellationToken.None)).State);
        Assert.Equal(SandboxFileState.NotRegularFile, (await session.ReadFileAsync("/work/results/link", 4096, CancellationToken.None)).State);
        Assert.Equal(SandboxFileState.Missing, (await session.ReadFileAsync("/work/results/none", 4096, CancellationToken.None)).State);
        var broken = await Assert.ThrowsAsync<SandboxException>(() => session.ReadFileAsync("/work/results/broken", 4096, CancellationToken.None));
        Assert.Contains("/work/results/broken", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_TheOutputStreamBreaks_IsASandboxException()
    {
        var engine = new FakeEngine();
        await using var session = await SandboxFixture.StartAsync(engine);
        engine.Failures["exec start"] = new SandboxException("The Docker engine refused exec start: the container is gone (No such exec instance).", "hint");

        var failure = await Assert.ThrowsAsync<SandboxException>(() => session.ExecuteAsync(SandboxFixture.Step("true"), CancellationToken.None));

        Assert.Contains("exec start", failure.Message, StringComparison.Ordinal);
    }

    private static string EntryNames(byte[] tar)
    {
        using var reader = new TarReader(new MemoryStream(tar));
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
        }

        return string.Join(",", names);
    }

    private static MemoryStream Truncated(MemoryStream tar, int length) => new(tar.ToArray()[..length]);

    private static MemoryStream Tar(TarEntry entry)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, leaveOpen: true))
        {
            writer.WriteEntry(entry);
        }

        stream.Position = 0;
        return stream;
    }
}
