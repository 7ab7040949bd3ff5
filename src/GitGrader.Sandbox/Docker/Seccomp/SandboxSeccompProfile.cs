using System.Text.Json;

namespace GitGrader.Sandbox.Docker.Seccomp;

/// <summary>
/// GitGrader's own seccomp profile for every grading container, passed inline (<c>seccomp=&lt;json&gt;</c>) in
/// place of the engine's default. It allows every system call but a named deny list, each refused with
/// EPERM (as if the capability were missing), so a process sees an ordinary "operation not permitted":
/// <list type="bullet">
/// <item>reaching into another process: <c>ptrace</c>, <c>process_vm_readv/writev</c>, <c>pidfd_getfd</c>,
/// <c>process_madvise</c>, <c>kcmp</c> (a student's program is a child of the instructor's harness, of the
/// same uid: without this it could attach to the harness and make it exit 0);</item>
/// <item>namespaces: <c>unshare</c>, <c>setns</c>, and <c>clone</c> with any <c>CLONE_NEW*</c> flag (a user
/// namespace needs no capability and gives its creator every capability inside it); <c>clone3</c>, whose
/// flags sit in memory a filter cannot read, gets ENOSYS so the C library falls back to <c>clone</c>;</item>
/// <item>mounts, old API and new: <c>mount</c>, <c>umount2</c>, <c>pivot_root</c>, <c>chroot</c>,
/// <c>fsopen</c>, <c>fsconfig</c>, <c>fsmount</c>, <c>fspick</c>, <c>move_mount</c>, <c>open_tree</c>,
/// <c>mount_setattr</c>;</item>
/// <item>kernel attack surface a grader never needs: <c>bpf</c>, <c>perf_event_open</c>, <c>userfaultfd</c>,
/// the keyring (<c>add_key</c>, <c>request_key</c>, <c>keyctl</c>), <c>io_uring_*</c> (ENOSYS: runtimes fall
/// back to ordinary calls), file handles (<c>name_to_handle_at</c>, <c>open_by_handle_at</c>),
/// <c>fanotify_init</c>;</item>
/// <item>the machine's own state: modules, <c>kexec_*</c>, <c>reboot</c>, <c>swapon/off</c>, clocks
/// (<c>settimeofday</c>, <c>clock_settime</c>, <c>clock_adjtime</c>, <c>stime</c>), host and domain names,
/// <c>acct</c>, <c>quotactl</c>, <c>syslog</c>, <c>vhangup</c>, <c>iopl</c>, <c>ioperm</c>, NUMA placement
/// (<c>mbind</c>, <c>set_mempolicy</c>, <c>migrate_pages</c>, <c>move_pages</c>), and obsolete calls
/// (<c>uselib</c>, <c>ustat</c>, <c>sysfs</c>, <c>_sysctl</c>, <c>vm86</c>, <c>nfsservctl</c>, …).</item>
/// </list>
/// Most of these fail anyway for want of a capability (every one is dropped); the profile refuses them
/// before the kernel code behind them runs. A default-allow list keeps every grader image's runtime
/// working (Python, Node, Java, g++), at the price that a system call added to the kernel later is
/// allowed until it is named here. Names the host's libseccomp does not know are skipped by the runtime.
/// </summary>
internal static class SandboxSeccompProfile
{
    private const uint Eperm = 1;
    private const uint Enosys = 38;

    private static readonly (ulong Flag, string Name)[] NamespaceFlags =
    [
        (0x00020000, "CLONE_NEWNS"),
        (0x02000000, "CLONE_NEWCGROUP"),
        (0x04000000, "CLONE_NEWUTS"),
        (0x08000000, "CLONE_NEWIPC"),
        (0x10000000, "CLONE_NEWUSER"),
        (0x20000000, "CLONE_NEWPID"),
        (0x40000000, "CLONE_NEWNET"),
        (0x00000080, "CLONE_NEWTIME"),
    ];

    /// <summary>The profile as the engine takes it.</summary>
    public static string Json { get; } = JsonSerializer.Serialize(Build(), SeccompJsonContext.Default.SeccompDocument);

    /// <summary>The security option that applies it.</summary>
    public static string SecurityOption { get; } = "seccomp=" + Json;

    /// <summary>The profile's document.</summary>
    public static SeccompDocument Build() => new()
    {
        DefaultAction = "SCMP_ACT_ALLOW",
        ArchitectureMap =
        [
            new SeccompArchitecture("SCMP_ARCH_X86_64", ["SCMP_ARCH_X86", "SCMP_ARCH_X32"]),
            new SeccompArchitecture("SCMP_ARCH_AARCH64", ["SCMP_ARCH_ARM"]),
        ],
        Syscalls =
        [
            Refuse("another process's memory and files: a child of the harness must not attach to it, read or write it", "ptrace", "process_vm_readv", "process_vm_writev", "pidfd_getfd", "process_madvise", "kcmp"),
            Refuse("new namespaces: a user namespace needs no capability and grants all of them inside it", "unshare", "setns"),
            .. NamespaceFlags.Select(f => new SeccompRule
            {
                Names = ["clone"],
                Action = "SCMP_ACT_ERRNO",
                ErrnoRet = Eperm,
                Args = [new SeccompArgument(0, f.Flag, f.Flag, "SCMP_CMP_MASKED_EQ")],
                Comment = $"clone with {f.Name}",
            }),
            new SeccompRule
            {
                Names = ["clone3"],
                Action = "SCMP_ACT_ERRNO",
                ErrnoRet = Enosys,
                Comment = "clone3 keeps its flags in memory no filter can read: ENOSYS makes the C library fall back to clone, filtered above",
            },
            Refuse("mounts, old API and new", "mount", "umount", "umount2", "pivot_root", "chroot", "fsopen", "fsconfig", "fsmount", "fspick", "move_mount", "open_tree", "mount_setattr"),
            Refuse("kernel attack surface no grader needs", "bpf", "perf_event_open", "userfaultfd", "add_key", "request_key", "keyctl", "name_to_handle_at", "open_by_handle_at", "fanotify_init", "lookup_dcookie"),
            new SeccompRule
            {
                Names = ["io_uring_setup", "io_uring_enter", "io_uring_register"],
                Action = "SCMP_ACT_ERRNO",
                ErrnoRet = Enosys,
                Comment = "io_uring runs its operations outside any filter: ENOSYS, so runtimes fall back to ordinary calls",
            },
            Refuse("kernel modules and kexec", "init_module", "finit_module", "delete_module", "create_module", "query_module", "get_kernel_syms", "kexec_load", "kexec_file_load"),
            Refuse("the machine's own state", "reboot", "swapon", "swapoff", "settimeofday", "stime", "clock_settime", "clock_settime64", "clock_adjtime", "clock_adjtime64", "sethostname", "setdomainname", "acct", "quotactl", "quotactl_fd", "syslog", "vhangup", "iopl", "ioperm"),
            Refuse("NUMA placement", "mbind", "set_mempolicy", "migrate_pages", "move_pages"),
            Refuse("obsolete calls", "uselib", "ustat", "sysfs", "_sysctl", "vm86", "vm86old", "nfsservctl"),
        ],
    };

    private static SeccompRule Refuse(string why, params string[] names) => new()
    {
        Names = names,
        Action = "SCMP_ACT_ERRNO",
        ErrnoRet = Eperm,
        Comment = why,
    };
}
