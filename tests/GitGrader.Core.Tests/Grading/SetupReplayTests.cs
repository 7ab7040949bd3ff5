using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Reports;
using GitGrader.Core.Tests.Grading.Fakes;

namespace GitGrader.Core.Tests.Grading;

/// <summary>What a grade does when a test got its container restarted: what setup built is gone.</summary>
public sealed class SetupReplayTests
{
    private const string Build = "g++ -O2 -o /tmp/main main.cpp";

    [Fact]
    public async Task BeforeAsync_NoRestart_OnlyResets_AndRunsNothing()
    {
        var session = new RecordingSession();
        var replay = Replay(session, Build);

        var verdict = await replay.BeforeAsync("first", "second", CancellationToken.None);

        Assert.Null(verdict);
        Assert.Equal(["reset"], session.Calls);
        Assert.Empty(replay.Notes);
    }

    [Fact]
    public async Task BeforeAsync_AfterARestart_RunsSetupAgainAndKeepsTheWorkingCopy_OnceForThatRestart()
    {
        var session = new RecordingSession { RestartOnNextReset = true };
        var replay = Replay(session, Build);

        var first = await replay.BeforeAsync("memory bomb", "square of 0", CancellationToken.None);
        var second = await replay.BeforeAsync("square of 0", "square of 1", CancellationToken.None);

        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal(["reset", "exec " + Build, "keep", "reset"], session.Calls);
        var note = Assert.Single(replay.Notes);
        Assert.Contains("after “memory bomb”", note, StringComparison.Ordinal);
        Assert.Contains("before “square of 0”", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeAsync_WithoutSetup_AfterARestart_RunsNothing()
    {
        var session = new RecordingSession { RestartOnNextReset = true };
        var replay = Replay(session, setup: null);

        Assert.Null(await replay.BeforeAsync("a", "b", CancellationToken.None));

        Assert.Equal(["reset"], session.Calls);
        Assert.Empty(replay.Notes);
    }

    [Fact]
    public async Task BeforeAsync_SetupFailsWhenRunAgain_TheRestAreNotRun_WithoutRunningItAgain()
    {
        var session = new RecordingSession { RestartOnNextReset = true };
        session.ExitCodes[Build] = 1;
        var replay = Replay(session, Build);

        var first = await replay.BeforeAsync("a", "b", CancellationToken.None);
        var second = await replay.BeforeAsync("b", "c", CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal(TestStatus.CompileError, first.Status);
        Assert.StartsWith("Setup, run again after a restart of the sandbox, failed:", first.Message, StringComparison.Ordinal);
        Assert.Same(first, second);
        Assert.Single(session.Calls, c => c == "exec " + Build);
    }

    [Fact]
    public async Task BeforeAsync_NoRoomToKeepTheRebuiltCopy_TheRestAreNotRun()
    {
        var session = new RecordingSession { RestartOnNextReset = true, KeepSucceeds = false };
        var replay = Replay(session, Build);

        var verdict = await replay.BeforeAsync("a", "b", CancellationToken.None);

        Assert.NotNull(verdict);
        Assert.Contains("no room", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeAsync_RestartedAfterEveryTest_ReplaysAtMostMaxReplaysTimes_ThenStops()
    {
        var session = new RecordingSession();
        var replay = Replay(session, Build);
        var verdicts = new List<StepVerdict?>();

        for (var i = 0; i < SetupReplay.MaxReplays + 2; i++)
        {
            session.RestartOnNextReset = true;
            verdicts.Add(await replay.BeforeAsync($"t{i}", $"t{i + 1}", CancellationToken.None));
        }

        Assert.All(verdicts.Take(SetupReplay.MaxReplays), Assert.Null);
        Assert.All(verdicts.Skip(SetupReplay.MaxReplays), v => Assert.Equal(TestStatus.RuntimeError, v!.Status));
        Assert.Equal(SetupReplay.MaxReplays, session.Calls.Count(c => c == "exec " + Build));
        Assert.Contains("were not run", replay.Notes[^1], StringComparison.Ordinal);
    }

    private static SetupReplay Replay(RecordingSession session, string? setup)
    {
        var assignment = new Assignment
        {
            Slug = "squares",
            Name = "Squares",
            Image = "gitgrader/cpp:latest",
            Directory = "/nowhere",
            Setup = setup,
            Tests = [new TestDefinition { Name = "square of 0", Kind = TestKind.Run, Run = "/tmp/main" }],
        };
        var runner = new TestRunner(session, assignment, revealAfterDueDate: false, revealAll: false);
        return new SetupReplay(session, runner, assignment, keepsWorkingCopy: true);
    }
}
