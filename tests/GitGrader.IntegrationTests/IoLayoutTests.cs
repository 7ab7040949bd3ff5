using GitGrader.Core.Grading;
using GitGrader.Core.Reports;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>
/// io tests with instructor files get them laid over the working copy as it is (no restore: their verdict is
/// their output, compared outside the sandbox). What a student leaves in the way, or does to the laid files,
/// must not change what the next test reads, must never be a grader error, and must never carry a hidden file
/// into the output of a test that is shown.
/// </summary>
[Collection(DockerCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class IoLayoutTests : GraderTestBase
{
    // Six lines: the hidden tests expect the count of the instructor's file, whatever the student left at its path.
    private const string Data = "one\ntwo\nthree\nfour\nfive\nSECRET-DATA-8191\n";

    private const string Yaml = """
        name: Lines
        image: gitgrader/python:latest
        limits: { timeout: 20s, workspace: 8m }
        tests:
          - name: visible
            kind: io
            run: python3 count.py
            input: "a\nb\n"
            expected: "2\n"
            points: 1
          - name: hidden one
            kind: io
            run: python3 count.py < data/in.txt
            expected: "6\n"
            points: 2
            visibility: hidden
          - name: hidden two
            kind: io
            run: python3 count.py < data/in.txt
            expected: "6\n"
            points: 2
            visibility: hidden
        """;

    /// <summary>A right line counter that first runs <paramref name="before"/> (with <c>os</c> imported), failures ignored.</summary>
    private static string Counter(string before) => $$"""
        import os, sys
        try:
        {{string.Join('\n', before.Split('\n').Select(l => "    " + l))}}
        except OSError:
            pass
        print(sum(1 for _ in sys.stdin))
        """;

    public IoLayoutTests(DockerFixture docker)
        : base(docker)
    {
    }

    [Theory]
    [InlineData("os.makedirs('data', exist_ok=True)\nopen('data/in.txt', 'w').write('x\\n')\nos.chmod('data', 0o555)")]
    [InlineData("os.makedirs('data', exist_ok=True)\nos.mkfifo('data/in.txt')")]
    [InlineData("os.mkfifo('data')")]
    [InlineData("open('data', 'w').write('not a folder')")]
    [InlineData("os.makedirs('data/in.txt/deeper', exist_ok=True)")]
    public async Task WhatAVisibleStepLeavesOnTheDataPath_IsReplacedByTheInstructorsFile(string plant)
    {
        // The visible step (on the student's files alone) leaves it; the hidden steps must read the instructor's file.
        using var scenario = new Scenario().Assignment(Yaml).Hidden("data/in.txt", Data)
            .Submission("count.py", Counter("if not os.path.exists('/work/hidden'):\n" + string.Join('\n', plant.Split('\n').Select(l => "    " + l))));

        var report = await GradeAsync(scenario);

        Assert.True(report.Score == 5, string.Join("\n", report.Tests.Select(t => $"{t.Name}: {t.Status} {t.Message}")));
        await AssertNextGradeUnaffectedAsync();
    }

    [Fact]
    public async Task AHiddenStepCannotRemoveReplaceOrWriteTheLaidFile_ForTheNextHiddenStep()
    {
        // Before counting, each hidden step tries to take the file away from the next one.
        using var scenario = new Scenario().Assignment(Yaml).Hidden("data/in.txt", Data).Submission("count.py", Counter("""
            for attempt in (lambda: os.remove("data/in.txt"), lambda: os.rename("data/in.txt", "gone.txt"),
                            lambda: open("data/in.txt", "a").write("7\n"), lambda: os.chmod("data/in.txt", 0),
                            lambda: os.rename("data", "data-moved"), lambda: os.symlink("/dev/null", "data/other")):
                try:
                    attempt()
                except OSError:
                    pass
            """));

        var report = await GradeAsync(scenario);

        Assert.Equal(TestStatus.Passed, Single(report, "hidden one").Status);
        Assert.Equal(TestStatus.Passed, Single(report, "hidden two").Status);
        Assert.Equal(5, report.Score);
    }

    [Fact]
    public async Task AVisibleStepThatFillsTheWorkspacesBytes_DoesNotKeepTheFilesFromBeingLaid()
    {
        // Laying files takes hard links and folders, no bytes: a full workspace still gets them.
        using var scenario = new Scenario().Assignment(Yaml).Hidden("data/in.txt", Data).Submission("count.py", Counter("""
            if not os.path.exists("/work/hidden"):
                with open("big", "wb") as f:
                    while True:
                        f.write(b"x" * 65536)
                        f.flush()
            """));

        var report = await GradeAsync(scenario);

        Assert.Equal(5, report.Score);
    }

    [Fact]
    public async Task AVisibleStepThatUsesUpTheWorkspacesFiles_IsTheSubmissionsVerdict_NeverAGraderError()
    {
        using var scenario = new Scenario().Assignment(Yaml).Hidden("data/in.txt", Data).Submission("count.py", Counter("""
            if not os.path.exists("/work/hidden"):
                n = 0
                while True:
                    os.makedirs("many/%d" % (n // 1000), exist_ok=True)
                    open("many/%d/%d" % (n // 1000, n), "w").close()
                    n += 1
            """));

        var report = await GradeAsync(scenario);

        var visible = Single(report, "visible");
        if (DockerFixture.IsGvisor && visible.Status == TestStatus.Timeout)
        {
            // Under gVisor every file is made through its gofer: the step reaches its time limit before the file cap.
            return;
        }

        Assert.Equal(1, report.Score);
        foreach (var name in new[] { "hidden one", "hidden two" })
        {
            var test = Single(report, name);
            Assert.Equal(TestStatus.RuntimeError, test.Status);
            Assert.Contains("left no room in the 8 MiB workspace", test.Message, StringComparison.Ordinal);
        }

        await AssertNextGradeUnaffectedAsync();
    }

    [Fact]
    public async Task AnAfterDueDateIoTest_AfterAHiddenOne_NeverShowsWhatTheHiddenStepCopied()
    {
        // The late test lists every instructor file, so its layout is the hidden one's; but the hidden step's input
        // is hidden too. Its program copies that input into the working copy and /tmp; the late step, whose output
        // is shown past the deadline, prints whatever it finds.
        const string Late = """
            name: Late
            image: gitgrader/python:latest
            limits: { timeout: 10s }
            deadline: 2020-01-01T00:00:00Z
            tests:
              - name: hidden
                kind: io
                run: python3 count.py
                input: "SECRET-INPUT-8191\n"
                expected: "1\n"
                points: 2
                visibility: hidden
              - name: late
                kind: io
                run: python3 count.py < data/in.txt
                files: [data/in.txt]
                expected: "6\n"
                points: 1
                visibility: after_due_date
            """;
        using var scenario = new Scenario().Assignment(Late).Hidden("data/in.txt", Data).Submission("count.py", """
            import os, sys
            lines = sys.stdin.readlines()
            if any("SECRET-INPUT" in line for line in lines):
                open("copied.txt", "w").writelines(lines)
                os.makedirs("/tmp/keep", exist_ok=True)
                open("/tmp/keep/copied.txt", "w").writelines(lines)
            else:
                for path in ("copied.txt", "/tmp/keep/copied.txt"):
                    if os.path.exists(path):
                        print(open(path).read())
            print(len(lines))
            """);

        var report = await GradeAsync(scenario);

        Assert.Equal(TestStatus.Passed, Single(report, "hidden").Status);
        var late = Single(report, "late");
        Assert.False(late.Concealed);
        Assert.True(late.Status == TestStatus.Passed, $"{late.Status}: {late.Message}\n{late.Actual}");
        Assert.DoesNotContain("SECRET-INPUT-8191", late.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-INPUT-8191", late.Actual ?? string.Empty, StringComparison.Ordinal);
    }

    private async Task AssertNextGradeUnaffectedAsync()
    {
        using var honest = new Scenario().Assignment(Yaml).Hidden("data/in.txt", Data).Submission("count.py", Counter("pass"));
        var report = await GradeAsync(honest);
        Assert.Equal(5, report.Score);
    }
}
