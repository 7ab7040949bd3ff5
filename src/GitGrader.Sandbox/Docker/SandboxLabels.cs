using GitGrader.Core.Processes;

namespace GitGrader.Sandbox.Docker;

/// <summary>Labels GitGrader puts on every container and volume it creates, so leftovers can be found and reaped.</summary>
internal static class SandboxLabels
{
    public const string Managed = "io.gitgrader.managed";
    public const string Owner = "io.gitgrader.owner";
    public const string Purpose = "io.gitgrader.purpose";
    public const string ManagedFilter = Managed + "=true";

    /// <summary>This process, as written into <see cref="Owner"/>: host name, process id and start (see <see cref="LocalProcess"/>).</summary>
    public static string CurrentOwner => LocalProcess.Current;
}
