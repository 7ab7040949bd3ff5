using System.Diagnostics;
using GitGrader.Core.Reports;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>Submissions that try to hurt the host, outlive their step, or escape their limits.</summary>
[Collection(DockerCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class HostileSubmissionTests : GraderTestBase
{
    private const string OneIoTest = """
        name: Hostile
        image: gitgrader/python:latest
        limits: { timeout: 2s, memory: 128m, pids: 64, output: 16k }
        tests:
          - name: run it
            kind: io
            run: python3 main.py
            input: "3\n"
            expected: "9\n"
            points: 1
        """;

    public HostileSubmissionTests(DockerFixture docker)
        : base(docker)
    {
    }

    [Fact]
    public async Task OutOfTimeWhileHeldAtTheMemoryCap_IsMemoryLimit_NotTimeout()
    {
        // Like a compiler under too small a cap: it never gets killed, it stalls at the cap until the time limit.
        using var scenario = new Scenario().Assignment(OneIoTest)
            .Submission("main.py", "held = b'x' * (112 * 1024 * 1024)\nwhile True:\n    pass\n");

        var report = await GradeAsync(scenario);

        // Under gVisor the sandbox's own memory counts within the cap, so the same program is killed outright: memory either way.
        var test = Single(report, "run it");
        Assert.Equal(TestStatus.MemoryLimit, test.Status);
        Assert.Equal(
            DockerFixture.IsGvisor ? "Killed for using more than 128 MiB of memory." : "Used all of its 128 MiB of memory and stalled there until the 2 s time limit: it needs more memory than it may have.",
            test.Message);
        Assert.Equal(0, report.Score);
    }

    [Fact]
    public async Task InfiniteLoop_IsTimeoutWithinTheLimit()
    {
        using var scenario = new Scenario().Assignment(OneIoTest).Submission("main.py", "while True:\n    pass\n");
        var watch = Stopwatch.StartNew();

        var report = await GradeAsync(scenario);

        var test = Single(report, "run it");
        Assert.Equal(TestStatus.Timeout, test.Status);
        Assert.Equal(0, report.Score);
        Assert.InRange(test.DurationMs, 1_900, 4_000);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"grading took {watch.Elapsed}");
    }

    [Fact]
    public async Task MemoryBomb_IsMemoryLimit()
    {
        using var scenario = new Scenario().Assignment(OneIoTest)
            .Submission("main.py", "chunks = []\nwhile True:\n    chunks.append(bytearray(8 * 1024 * 1024))\n");

        var report = await GradeAsync(scenario);

        Assert.Equal(TestStatus.MemoryLimit, Single(report, "run it").Status);
    }

    [Fact]
    public async Task ForkBomb_IsContained_AndTheNextGradeStillWorks()
    {
        using var bomb = new Scenario().Assignment(OneIoTest)
            .Submission("main.py", "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n");

        var bombed = await GradeAsync(bomb);
        Assert.NotEqual(TestStatus.Passed, Single(bombed, "run it").Status);
        Assert.NotEqual(TestStatus.Error, Single(bombed, "run it").Status);

        using var honest = new Scenario().Assignment(OneIoTest).Submission("main.py", "print(int(input()) ** 2)\n");
        var report = await GradeAsync(honest);
        Assert.Equal(TestStatus.Passed, Single(report, "run it").Status);
    }

    [Fact]
    public async Task GiantOutput_IsCappedAndStopped()
    {
        using var scenario = new Scenario().Assignment(OneIoTest)
            .Submission("main.py", "import sys\nwhile True:\n    sys.stdout.write('y' * 65536)\n");

        var report = await GradeAsync(scenario, new Core.Grading.GradeOptions { RevealHidden = true });

        var test = Single(report, "run it");
        Assert.Equal(TestStatus.RuntimeError, test.Status);
        Assert.Contains("output", test.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(test.DurationMs < 2_000, $"the step ran {test.DurationMs} ms: it should stop at the cap, not the timeout");
        Assert.True(test.Output.Length <= 20_000, $"output of {test.Output.Length} chars kept");
    }

    [Fact]
    public async Task Network_IsUnreachable()
    {
        // A server on the host's loopback: a container sharing the host's network would reach it.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var probe = $$"""
            import socket
            reached = []
            try:
                socket.create_connection(("127.0.0.1", {{port}}), timeout=1)
                reached.append("host-loopback")
            except OSError:
                pass
            routes = [l for l in open("/proc/net/route").read().splitlines()[1:] if l.strip()]
            print("reached:" + ",".join(reached))
            print("interfaces:" + ",".join(n for _, n in socket.if_nameindex()))
            print("routes:%d" % len(routes))
            """;
        using var scenario = new Scenario().Assignment("""
            name: Network
            image: gitgrader/python:latest
            limits: { timeout: 8s }
            tests:
              - name: probe
                kind: io
                run: python3 probe.py
                expected: "reached:\ninterfaces:lo\nroutes:0"
                points: 1
            """).Submission("probe.py", probe);

        var report = await GradeAsync(scenario, new Core.Grading.GradeOptions { RevealHidden = true });

        var test = Single(report, "probe");
        Assert.True(test.Status == TestStatus.Passed, $"{test.Status}: {test.Actual}{test.Output}");
    }

    [Fact]
    public async Task SymlinkToHostFile_IsNotFollowed()
    {
        var secret = "host-secret-" + Guid.NewGuid().ToString("N");
        using var scenario = new Scenario().Assignment(OneIoTest).Submission("main.py", "print(open('data.txt').read())\n");
        var secretFile = Path.Combine(scenario.Root, "secret.txt");
        File.WriteAllText(secretFile, secret);
        File.CreateSymbolicLink(Path.Combine(scenario.SubmissionDirectory, "data.txt"), secretFile);
        Directory.CreateSymbolicLink(Path.Combine(scenario.SubmissionDirectory, "etc"), "/etc");

        var report = await GradeAsync(scenario, new Core.Grading.GradeOptions { RevealHidden = true });

        var json = JsonReportWriter.Write(report);
        Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        Assert.Contains(report.Notes, n => n.Contains("data.txt", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Contains("etc", StringComparison.Ordinal));
        Assert.Equal(TestStatus.RuntimeError, Single(report, "run it").Status);
    }

    [Fact]
    public async Task TooManyBytes_IsRejectedWithAClearMessage()
    {
        using var scenario = new Scenario().Assignment(OneIoTest.Replace("output: 16k }", "output: 16k, submission_size: 1m }", StringComparison.Ordinal))
            .Submission("main.py", "print(9)\n");
        await File.WriteAllBytesAsync(Path.Combine(scenario.SubmissionDirectory, "big.bin"), new byte[2 * 1024 * 1024]);

        var report = await GradeAsync(scenario);

        Assert.NotNull(report.Rejection);
        Assert.Contains("big.bin", report.Rejection, StringComparison.Ordinal);
        Assert.Equal(0, report.Score);
    }

    [Fact]
    public async Task ProcessLeftRunning_DoesNotSurviveIntoTheHiddenPhase()
    {
        // The visible step leaves a daemon behind; the hidden step (instructor code) checks that
        // no other student process is alive when it starts.
        using var scenario = new Scenario().Assignment("""
            name: Survivors
            image: gitgrader/python:latest
            limits: { timeout: 5s }
            tests:
              - name: visible leaves a daemon
                kind: run
                run: "python3 daemon.py"
                points: 1
              - name: hidden sees nobody
                kind: run
                run: python3 alone.py
                points: 1
                visibility: hidden
            """)
            .Submission("daemon.py", "import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        time.sleep(600)\n")
            .Hidden("alone.py", """
                import os
                ancestors, pid = set(), os.getpid()
                while pid > 1:
                    ancestors.add(pid)
                    pid = int(open('/proc/%d/stat' % pid).read().rsplit(')', 1)[1].split()[1])
                mine = []
                for pid in os.listdir('/proc'):
                    if pid.isdigit() and int(pid) not in ancestors:
                        try:
                            if os.stat('/proc/' + pid).st_uid == os.getuid():
                                mine.append(open('/proc/%s/cmdline' % pid).read())
                        except OSError:
                            pass
                raise SystemExit(1 if mine else 0)
                """);

        var report = await GradeAsync(scenario);

        Assert.Equal(TestStatus.Passed, Single(report, "visible leaves a daemon").Status);
        Assert.Equal(TestStatus.Passed, Single(report, "hidden sees nobody").Status);
    }

    [Theory]
    [InlineData("ln -s /tmp tests")]
    [InlineData("ln -s /tmp tests; kill -9 $PPID")]
    public async Task LinkPlantedByAVisibleStep_DoesNotRedirectTheHiddenFiles(string plant)
    {
        using var scenario = new Scenario().Assignment($$"""
            name: Links
            image: gitgrader/python:latest
            limits: { timeout: 5s }
            tests:
              - name: visible plants a link
                kind: run
                run: "{{plant}}"
                points: 1
              - name: hidden finds its files in place
                kind: run
                run: python3 tests/check.py
                points: 1
                visibility: hidden
            """)
            .Hidden("tests/check.py", "import os\nraise SystemExit(1 if os.path.islink('/work/submission/tests') or os.path.exists('/tmp/check.py') else 0)\n");

        var report = await GradeAsync(scenario);

        Assert.Equal(TestStatus.Passed, Single(report, "hidden finds its files in place").Status);
    }

    [Fact]
    public async Task LargeStdin_IsDeliveredWhole()
    {
        using var scenario = new Scenario().Assignment($$"""
            name: Stdin
            image: gitgrader/python:latest
            limits: { timeout: 10s }
            tests:
              - name: count
                kind: io
                run: python3 count.py
                input: "{{new string('x', 1_000_000)}}\n"
                expected: "1000001"
                points: 1
            """).Submission("count.py", "import sys\nprint(len(sys.stdin.buffer.read()))\n");

        var report = await GradeAsync(scenario, new Core.Grading.GradeOptions { RevealHidden = true });

        var test = Single(report, "count");
        Assert.True(test.Status == TestStatus.Passed, $"{test.Status} {test.Message} {test.Actual}");
    }
}
