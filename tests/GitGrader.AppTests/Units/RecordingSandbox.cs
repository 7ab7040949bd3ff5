using GitGrader.Core.Sandboxing;

namespace GitGrader.AppTests.Units;

/// <summary>
/// An <see cref="ISandbox"/> that records the images asked for and builds nothing: a repository named in
/// <see cref="Failing"/> fails as a failed build does, one named in <see cref="Blocking"/> waits until cancelled.
/// </summary>
internal sealed class RecordingSandbox : ISandbox
{
    public List<string> Prepared { get; } = [];

    public HashSet<string> Failing { get; } = [];

    public HashSet<string> Blocking { get; } = [];

    /// <summary>Set when a build that blocks has started.</summary>
    public TaskCompletionSource BlockingStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<ISandboxSession> StartSessionAsync(SandboxSettings settings, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("preparing images starts no session");

    public async Task<string> PrepareImageAsync(ImageRecipe recipe, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Prepared.Add(recipe.Repository);
        if (Failing.Contains(recipe.Repository))
        {
            throw new SandboxException(
                $"Building image {recipe.Repository}:x failed: The command '/bin/sh -c bash run-setup.sh' returned a non-zero code: 100\nIts output (last 30 lines):\nE: Unable to locate package nope",
                "Fix setup.sh.");
        }

        if (Blocking.Contains(recipe.Repository))
        {
            BlockingStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return recipe.Repository + ":prepared";
    }
}
