using GitGrader.Sandbox.Engine;

namespace GitGrader.Sandbox.Docker;

/// <summary>
/// What a container needs to keep its limits under gVisor (<c>runsc</c>), measured on Debian's runsc
/// 0.0~20221219 with the ptrace platform. The engine's pids cgroup there counts the sandbox kernel's own host
/// threads (about 55 at rest, and 5 to 12 more per process or thread of the program), so the step's pids cap
/// would starve the sandbox kernel (it dies, and the container with it) long before the program forks. The
/// cap on the program's processes moves into gVisor, as <c>RLIMIT_NPROC</c> (which gVisor counts per sandbox,
/// not per host user: a fork past it fails with EAGAIN, as under runc), and the cgroup keeps a host-side cap
/// sized for the sandbox kernel on top.
/// </summary>
internal static class GvisorAdjustments
{
    /// <summary>Host pids per process or thread of the program, with a margin (5 to 12 measured).</summary>
    public const long HostPidsPerTask = 16;

    /// <summary>Host pids of the sandbox kernel itself, with a margin (about 55 measured at rest).</summary>
    public const long SandboxKernelPids = 256;

    /// <summary>Whether <paramref name="runtime"/> names gVisor: <c>runsc</c>, or a name that starts <c>runsc-</c> (e.g. <c>runsc-kvm</c>).</summary>
    public static bool IsGvisor(string runtime) =>
        runtime == "runsc" || runtime.StartsWith("runsc-", StringComparison.Ordinal);

    /// <summary><paramref name="container"/> as it must be under <paramref name="runtime"/>: unchanged but for the runtime itself, except under gVisor.</summary>
    public static ContainerSpec For(ContainerSpec container, string runtime)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (!IsGvisor(runtime))
        {
            return container with { Runtime = runtime };
        }

        return container with
        {
            Runtime = runtime,
            PidsLimit = (container.PidsLimit * HostPidsPerTask) + SandboxKernelPids,
            Ulimits = [.. container.Ulimits.Where(u => u.Name != "nproc"), new ContainerUlimit("nproc", container.PidsLimit, container.PidsLimit)],
        };
    }
}
