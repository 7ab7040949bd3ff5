using GitGrader.Core.Assignments;
using GitGrader.Core.Sandboxing;
using GitGrader.Sandbox.Docker;
using GitGrader.Sandbox.Tests.Fakes;

namespace GitGrader.Sandbox.Tests;

/// <summary>A <see cref="DockerSandbox"/> on a <see cref="FakeEngine"/>.</summary>
internal static class SandboxFixture
{
    public static SandboxSettings Settings { get; } = new(FakeEngine.PythonImage, ResourceLimits.Default, "unit");

    public static async Task<ISandboxSession> StartAsync(FakeEngine engine)
    {
        var sandbox = new DockerSandbox(engine);
        return await sandbox.StartSessionAsync(Settings, CancellationToken.None);
    }

    public static ExecutionRequest Step(string command, TimeSpan? timeout = null, long outputLimit = 64 * 1024, byte[]? stdin = null) => new()
    {
        Command = ["/bin/sh", "-c", command],
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
        OutputLimitBytes = outputLimit,
        Stdin = stdin is null ? default(ReadOnlyMemory<byte>?) : stdin,
    };
}
