using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Tests.Grading.Fakes;

/// <summary>
/// An <see cref="ISandboxSession"/> that records what is asked of it. A reset restarts the container when
/// <see cref="RestartOnNextReset"/> says so, as the real session does after a step it could not clean up.
/// </summary>
internal sealed class RecordingSession : ISandboxSession
{
    public List<string> Calls { get; } = [];

    public bool RestartOnNextReset { get; set; }

    /// <summary>Exit status of each step, by its shell command; 0 otherwise.</summary>
    public Dictionary<string, int> ExitCodes { get; } = [];

    public bool KeepSucceeds { get; set; } = true;

    public int Restarts { get; private set; }

    public Task CopyInAsync(StagedTree tree, CancellationToken cancellationToken) => Record("copy");

    public Task KeepInstructorFilesAsync(StagedTree files, CancellationToken cancellationToken) => Record("instructor files");

    public async Task<bool> KeepWorkingCopyAsync(CancellationToken cancellationToken)
    {
        await Record("keep");
        return KeepSucceeds;
    }

    public async Task<StepStageOutcome> PrepareAsync(StepStage stage, CancellationToken cancellationToken)
    {
        await ResetAsync(cancellationToken);
        await Record("prepare");
        return StepStageOutcome.Ready;
    }

    public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        var command = request.Command[^1];
        await Record("exec " + command);
        return new ExecutionResult
        {
            ExitCode = ExitCodes.GetValueOrDefault(command),
            Stdout = [],
            Stderr = [],
            Duration = TimeSpan.FromMilliseconds(1),
        };
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await Record("reset");
        if (RestartOnNextReset)
        {
            RestartOnNextReset = false;
            Restarts++;
        }
    }

    public Task<SandboxFile> ReadFileAsync(string path, long maxBytes, CancellationToken cancellationToken) => Task.FromResult(SandboxFile.Missing);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task Record(string call)
    {
        await Task.Yield();
        Calls.Add(call);
    }
}
