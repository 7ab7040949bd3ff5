namespace GitGrader.Sandbox.Docker;

/// <summary>
/// Who runs what inside a sandbox. The container's own process (PID 1's child, an idle sleep) runs
/// as <see cref="Keeper"/>, so that the student's user can kill every process of its own
/// (<c>kill -9 -1</c>) between steps without stopping the container.
/// </summary>
internal static class SandboxUsers
{
    public const int StudentId = 1000;
    public const string Student = "1000:1000";
    public const string Keeper = "65534:65534";
}
