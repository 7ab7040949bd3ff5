using GitGrader.Core.Reports;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>
/// A student's program runs as a child of the instructor's harness, under the same uid: the seccomp
/// profile must keep it from reaching into the harness (ptrace, process_vm_*), the read-only <c>/proc</c> from
/// writing the harness's memory, and both from reaching out of its namespaces.
/// </summary>
[Collection(DockerCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class ProcessIsolationTests : GraderTestBase
{
    private const string HarnessAssignment = """
        name: Adder
        image: gitgrader/python:latest
        limits: { timeout: 10s }
        tests:
          - name: adds
            kind: run
            run: python3 harness.py
            files: [harness.py]
            points: 2
            visibility: hidden
        """;

    /// <summary>The instructor's harness: runs the student's program and exits 0 only for the right sum.</summary>
    private const string Harness = """
        import subprocess, sys
        out = subprocess.run([sys.executable, "adder.py", "2", "3"], capture_output=True, text=True, timeout=8)
        sys.exit(0 if out.stdout.strip() == "5" else 1)
        """;

    /// <summary>
    /// A wrong adder that leaves a helper behind: it attaches to the harness (its grandparent by then, same
    /// uid), stops it at the entry of exit/exit_group and rewrites the status argument to 0. Under Docker's
    /// default profile on runc this turns the harness's exit 1 into exit 0 (checked by hand with `docker run`).
    /// </summary>
    private const string PtraceAdder = """
        import ctypes, os, sys
        libc = ctypes.CDLL(None, use_errno=True)
        libc.ptrace.restype = ctypes.c_long
        libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p]
        PEEKUSER, POKEUSER, ATTACH, DETACH, SYSCALL = 3, 6, 16, 17, 24
        RDI, RAX, ORIG_RAX = 112, 80, 120
        harness = os.getppid()
        ready_r, ready_w = os.pipe()
        if os.fork() == 0:
            os.setsid()
            null = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(null, fd)
            if libc.ptrace(ATTACH, harness, None, None) != 0:
                os.write(ready_w, b"refused")
                os._exit(0)
            os.waitpid(harness, 0x40000000)
            os.write(ready_w, b"attached")
            while True:
                libc.ptrace(SYSCALL, harness, None, None)
                _, status = os.waitpid(harness, 0x40000000)
                if os.WIFEXITED(status) or os.WIFSIGNALED(status):
                    os._exit(0)
                entering = libc.ptrace(PEEKUSER, harness, ctypes.c_void_p(RAX), None) == -38
                if entering and libc.ptrace(PEEKUSER, harness, ctypes.c_void_p(ORIG_RAX), None) in (60, 231):
                    libc.ptrace(POKEUSER, harness, ctypes.c_void_p(RDI), ctypes.c_void_p(0))
                    libc.ptrace(DETACH, harness, None, None)
                    os._exit(0)
        os.read(ready_r, 16)
        print(0)
        """;

    /// <summary>
    /// A wrong adder that, before it answers, overwrites the code its harness is blocked in (the program
    /// counter from <c>/proc/&lt;ppid&gt;/syscall</c>) with <c>exit_group(0)</c> through <c>/proc/&lt;ppid&gt;/mem</c>:
    /// no ptrace at all. Same uid and no Yama, so under Docker's defaults on runc the harness exits 0 as soon
    /// as its poll returns (checked by hand with <c>docker run</c>).
    /// </summary>
    private const string MemAdder = """
        import os
        harness = os.getppid()
        try:
            with open(f"/proc/{harness}/syscall") as f:
                pc = int(f.read().split()[-1], 16)
            fd = os.open(f"/proc/{harness}/mem", os.O_RDWR)
            os.pwrite(fd, bytes([0x31, 0xFF, 0xB8, 0xE7, 0, 0, 0, 0x0F, 0x05]), pc)
            os.close(fd)
        except OSError:
            pass
        print(0)
        """;

    private const string RightAdder = "import sys\nprint(int(sys.argv[1]) + int(sys.argv[2]))\n";

    /// <summary>Prints what each way into another process or namespace answered.</summary>
    private const string Probe = """
        import ctypes, os, subprocess
        libc = ctypes.CDLL(None, use_errno=True)
        libc.ptrace.restype = ctypes.c_long
        libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p]

        def answer(rc):
            # EPERM from the profile; gVisor answers ENOSYS for process_vm_* (it has none).
            return "allowed" if rc >= 0 else "refused" if ctypes.get_errno() in (1, 38) else os.strerror(ctypes.get_errno())

        parent = os.getppid()
        rc = libc.ptrace(16, parent, None, None)
        if rc == 0:
            os.waitpid(parent, 0x40000000)
            libc.ptrace(17, parent, None, None)
        print("ptrace:", answer(rc))

        try:
            os.close(os.open(f"/proc/{parent}/mem", os.O_RDWR))
            print("/proc/<ppid>/mem for writing: allowed")
        except OSError as e:
            # EROFS: /proc is read-only under runc; gVisor refuses the open itself (EACCES).
            print("/proc/<ppid>/mem for writing:", "refused" if e.errno in (13, 30) else e.strerror)
        try:
            open("/proc/self/oom_score_adj", "w").write("1000")
            print("/proc/self for writing: allowed")
        except OSError as e:
            print("/proc/self for writing:", "refused" if e.errno == 30 else e.strerror)

        class Iovec(ctypes.Structure):
            _fields_ = [("base", ctypes.c_void_p), ("len", ctypes.c_size_t)]
        buf = ctypes.create_string_buffer(8)
        mine, theirs = Iovec(ctypes.cast(buf, ctypes.c_void_p), 8), Iovec(0x10000, 8)
        for name in ("process_vm_readv", "process_vm_writev"):
            call = getattr(libc, name)
            call.restype = ctypes.c_ssize_t
            print(name + ":", answer(call(parent, ctypes.byref(mine), 1, ctypes.byref(theirs), 1, 0)))

        print("unshare(CLONE_NEWUSER):", answer(libc.unshare(0x10000000)))
        print("unshare -U:", subprocess.run(["unshare", "-U", "true"], capture_output=True).returncode)
        print("unshare -m:", subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode)
        libc.syscall.restype = ctypes.c_long
        print("clone(CLONE_NEWUSER):", answer(libc.syscall(56, 0x10000000 | 17, None, None, None, None)))
        """;

    public ProcessIsolationTests(DockerFixture docker)
        : base(docker)
    {
    }

    private static Scenario Adder(string adder) =>
        new Scenario().Assignment(HarnessAssignment).Hidden("harness.py", Harness).Submission("adder.py", adder);

    /// <summary>The same harness and adder on the native format, or as a Classroom <c>autograding.json</c> run command.</summary>
    private static Scenario InFormat(string format, string adder)
    {
        if (format == "native")
        {
            return Adder(adder);
        }

        var scenario = new Scenario().Hidden("harness.py", Harness).Submission("adder.py", adder);
        File.WriteAllText(Path.Combine(scenario.AssignmentDirectory, "autograding.json"), """
            {"tests":[{"name":"adds","run":"python3 harness.py","timeout":1,"points":2}]}
            """);
        return scenario;
    }

    [Fact]
    public async Task ProgramThatPtracesTheHarness_ScoresZero_AndTheNextGradeIsUnaffected()
    {
        using var attack = Adder(PtraceAdder);

        var attacked = await GradeAsync(attack);

        var test = Single(attacked, "adds");
        Assert.Equal(TestStatus.Failed, test.Status);
        Assert.Equal(0, test.Score);
        Assert.Equal(0, attacked.Score);
        Assert.Equal(2, attacked.MaxScore);

        using var honest = Adder(RightAdder);
        var report = await GradeAsync(honest);
        Assert.Equal(TestStatus.Passed, Single(report, "adds").Status);
        Assert.Equal(2, report.Score);
    }

    /// <summary>
    /// Under runc the profile refuses every one. Under gVisor the profile covers the container's own process
    /// only, not the steps the engine execs: gVisor itself refuses ptrace of a non-descendant and has no
    /// process_vm_*, but lets a step make a user namespace inside its own kernel (no host capability).
    /// </summary>
    [Theory]
    [InlineData("native")]
    [InlineData("classroom")]
    public async Task ProgramThatWritesTheHarnessMemoryThroughProc_ScoresZero_AndTheNextGradeIsUnaffected(string format)
    {
        using var attack = InFormat(format, MemAdder);

        var attacked = await GradeAsync(attack);

        var test = Single(attacked, "adds");
        Assert.True(test.Status == TestStatus.Failed, $"{test.Status}: {test.Message}");
        Assert.Equal(0, attacked.Score);

        using var honest = InFormat(format, RightAdder);
        var report = await GradeAsync(honest);
        Assert.Equal(TestStatus.Passed, Single(report, "adds").Status);
        Assert.Equal(2, report.Score);
    }

    [Fact]
    public async Task PtraceProcessVmAndNamespaces_AreRefused()
    {
        var userNamespace = DockerFixture.IsGvisor ? "allowed" : "refused";

        // gVisor ignores the engine's read-only paths; its own /proc refuses another process's memory.
        var procSelf = DockerFixture.IsGvisor ? "allowed" : "refused";
        using var scenario = new Scenario().Assignment($$"""
            name: Probe
            image: gitgrader/python:latest
            limits: { timeout: 10s }
            tests:
              - name: probe
                kind: io
                run: python3 probe.py
                expected: |
                  ptrace: refused
                  /proc/<ppid>/mem for writing: refused
                  /proc/self for writing: {{procSelf}}
                  process_vm_readv: refused
                  process_vm_writev: refused
                  unshare(CLONE_NEWUSER): {{userNamespace}}
                  unshare -U: 1
                  unshare -m: 1
                  clone(CLONE_NEWUSER): refused
                points: 1
            """).Submission("probe.py", Probe);

        var report = await GradeAsync(scenario, new Core.Grading.GradeOptions { RevealHidden = true });

        var test = Single(report, "probe");
        Assert.True(test.Status == TestStatus.Passed, $"{test.Status}: {test.Message}\n{test.Actual}\n{test.Output}");
    }
}
