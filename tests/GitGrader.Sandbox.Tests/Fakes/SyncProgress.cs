namespace GitGrader.Sandbox.Tests.Fakes;

/// <summary>An <see cref="IProgress{T}"/> that reports at once, on the caller's thread (<see cref="Progress{T}"/> posts later).</summary>
internal sealed class SyncProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}
