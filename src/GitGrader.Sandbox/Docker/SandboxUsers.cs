namespace GitGrader.Sandbox.Docker;

/// <summary>
/// Who runs what inside a sandbox. The container's own process (PID 1's child, an idle sleep) runs
/// as root, so that the student's user can kill every process of its own (<c>kill -9 -1</c>) between
/// steps without stopping the container, and so that root execs get the container's few
/// capabilities (CHOWN, DAC_OVERRIDE, FOWNER): the engine gives an exec the capabilities computed for
/// the container's user, and a non-root exec user none at all.
/// </summary>
internal static class SandboxUsers
{
    public const int StudentId = 1000;
    public const string Student = "1000:1000";
    public const string Grader = "0:0";
}
