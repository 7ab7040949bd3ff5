namespace GitGrader.Sandbox.Engine;

/// <summary>A process to run in a running container.</summary>
/// <param name="Command">Program and arguments.</param>
/// <param name="User">User (<c>uid:gid</c>) to run as.</param>
/// <param name="WorkingDirectory">Working directory inside the container.</param>
/// <param name="Environment">Variables (<c>NAME=value</c>) added to the image's own.</param>
/// <param name="AttachStdin">Whether the process gets a stdin to be written to (otherwise it reads end of file).</param>
internal sealed record ExecSpec(
    IReadOnlyList<string> Command,
    string User,
    string WorkingDirectory,
    IReadOnlyList<string> Environment,
    bool AttachStdin);
