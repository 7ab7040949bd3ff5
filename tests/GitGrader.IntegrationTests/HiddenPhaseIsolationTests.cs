using System.Diagnostics;
using System.Text.Json;
using GitGrader.Core.Grading;
using GitGrader.Core.Reports;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>
/// Submissions of a few lines that try to score hidden tests they fail, break their own grade, or read
/// hidden files back, by what they leave behind for (or do during) a later step. Each wrong submission
/// scores 0, and a right one graded next on the same engine scores full marks.
/// </summary>
[Collection(DockerCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class HiddenPhaseIsolationTests : GraderTestBase
{
    private const string RightAdd = "def add(a, b):\n    return a + b\n";

    private const string WrongAdd = "\ndef add(a, b):\n    return 0\n";

    // The instructor's check: the student's module from the working copy, the helper from the check's folder.
    private const string CheckAdd = """
        import sys
        sys.path.append("/work/submission")
        import add
        import helper
        raise SystemExit(0 if helper.verify(add.add) else 1)
        """;

    private const string Helper = "# SECRET-HELPER-4711\ndef verify(add):\n    return add(2, 3) == 5 and add(-4, 4) == 0\n";

    // setup and a visible step both run the student's module; two hidden steps check it.
    private const string ThreeSteps = """
        name: Walls
        image: gitgrader/python:latest
        limits: { timeout: 5s }
        setup: python3 -c "import add"
        tests:
          - name: visible
            kind: run
            run: python3 -c "import add; assert add.add(1, 1) == 2"
            points: 1
          - name: hidden one
            kind: run
            run: python3 tests/check_add.py
            points: 2
            visibility: hidden
          - name: hidden two
            kind: run
            run: python3 tests/check_add.py
            points: 2
            visibility: hidden
        """;

    // Fills every writable place it can reach, and leaves it full.
    private const string Fill = """
        import os
        for place in ("/work/results/planted-fill", "/tmp/fill", "/dev/shm/fill", "big"):
            try:
                with open(place, "wb") as f:
                    while True:
                        f.write(b"x" * 65536)
                        f.flush()
            except OSError:
                pass
        """;

    // Uses up the workspace's files and folders (not its bytes): empty files until none is left.
    private const string FillInodes = """
        import os
        n = 0
        try:
            while True:
                os.makedirs("many/%d" % (n // 1000), exist_ok=True)
                open("many/%d/%d" % (n // 1000, n), "w").close()
                n += 1
        except OSError:
            pass
        """;

    public HiddenPhaseIsolationTests(DockerFixture docker)
        : base(docker)
    {
    }

    [Fact]
    public async Task EarlierStep_ReplacingOrRemovingInstructorFiles_ScoresZero()
    {
        // Every step that imports add.py (setup, visible, the first hidden one) tries to put its own
        // check and helper in place of the instructor's: remove, rename the folder, chmod, overwrite.
        const string Attack = """
            import os
            FAKE = {"tests/check_add.py": "raise SystemExit(0)\n", "tests/helper.py": "def verify(add):\n    return True\n"}
            for path, text in FAKE.items():
                for step in (lambda: os.remove(path), lambda: os.rename("tests", "tests-old"), lambda: os.chmod(path, 0o666)):
                    try:
                        step()
                    except OSError:
                        pass
                try:
                    os.makedirs("tests", exist_ok=True)
                    with open(path, "w") as f:
                        f.write(text)
                except OSError:
                    pass
            """;

        var zero = await WrongThenRightAsync(add => Walls(add), Attack);

        Assert.Equal(TestStatus.Failed, Single(zero, "hidden one").Status);
        Assert.Equal(TestStatus.Failed, Single(zero, "hidden two").Status);
    }

    [Theory]
    [InlineData("os.chmod('out/report.xml', 0o444); os.chmod('out', 0o555)")]
    [InlineData("os.chmod('out', 0o555)")]
    [InlineData("os.remove('out/report.xml'); os.mkfifo('out/report.xml')")]
    [InlineData("os.remove('out/report.xml'); os.makedirs('out/report.xml/x'); os.chmod('out/report.xml', 0o555)")]
    public async Task ReportPlantedBeforeTheHiddenStep_IsNeverReadAsItsVerdict(string lockIn)
    {
        // setup runs the student's module, which plants a passing report at the report path and locks
        // it in (a read-only folder or file, a FIFO, a folder in its place).
        const string Yaml = """
            name: Report
            image: gitgrader/python:latest
            limits: { timeout: 5s }
            setup: python3 -c "import add"
            tests:
              - name: hidden cases
                kind: junit
                files: [tests/test_add.py]
                run: python3 -m pytest -q -p no:cacheprovider --junitxml=out/report.xml tests/test_add.py
                report: out/report.xml
                cases: { test_add: 2 }
                visibility: hidden
            """;
        var attack = $$"""
            import os
            if not os.path.exists("tests/test_add.py"):
                os.makedirs("out", exist_ok=True)
                with open("out/report.xml", "w") as f:
                    f.write('<testsuite name="pytest" tests="1"><testcase classname="tests.test_add" name="test_add"/></testsuite>')
                {{lockIn}}
            """;

        var zero = await WrongThenRightAsync(
            add => new Scenario().Assignment(Yaml).Hidden("tests/test_add.py", "import add\n\ndef test_add():\n    assert add.add(2, 3) == 5\n").Submission("add.py", add),
            attack);

        Assert.Equal(TestStatus.Failed, Assert.Single(zero.Tests).Status);
    }

    [Theory]
    [InlineData("usercustomize.py", "import os\nos._exit(0)\n")]
    [InlineData("zz-gitgrader.pth", "import os; os._exit(0)\n")]
    public async Task CodePlantedInTheUserSiteUnderHome_NeverRunsInAHiddenStep(string name, string content)
    {
        // setup and the visible step (HOME=/tmp) leave code that Python runs at every start-up.
        var attack = $$"""
            import os, site
            _user = site.getusersitepackages()
            os.makedirs(_user, exist_ok=True)
            with open(os.path.join(_user, {{JsonSerializer.Serialize(name)}}), "w") as f:
                f.write({{JsonSerializer.Serialize(content)}})
            """;

        var zero = await WrongThenRightAsync(add => Walls(add), attack);

        Assert.Equal(TestStatus.Failed, Single(zero, "hidden one").Status);
        Assert.Equal(TestStatus.Failed, Single(zero, "hidden two").Status);
    }

    [Fact]
    public async Task CodePlantedInTheUserSite_NeverRunsInAHiddenRunTestWithoutFiles()
    {
        // A hidden run test that lists no files still runs the instructor's own code (here an inline check), so
        // it must never run where a visible step left code that Python runs at every start-up.
        const string Yaml = """
            name: Inline
            image: gitgrader/python:latest
            limits: { timeout: 5s }
            tests:
              - name: visible
                kind: run
                run: python3 plant.py
                points: 1
              - name: hidden inline
                kind: run
                run: python3 -c "import add; assert add.add(2, 3) == 5"
                points: 2
                visibility: hidden
            """;
        const string Plant = """
            import os, site
            os.makedirs(site.getusersitepackages(), exist_ok=True)
            with open(os.path.join(site.getusersitepackages(), "usercustomize.py"), "w") as f:
                f.write("import os\nos._exit(0)\n")
            """;
        using var wrong = new Scenario().Assignment(Yaml).Submission("add.py", WrongAdd).Submission("plant.py", Plant);
        using var right = new Scenario().Assignment(Yaml).Submission("add.py", RightAdd).Submission("plant.py", "print('nothing planted')\n");

        var zero = await GradeAsync(wrong);
        var full = await GradeAsync(right);

        Assert.Equal(TestStatus.Failed, Single(zero, "hidden inline").Status);
        Assert.Equal(0, Single(zero, "hidden inline").Score);
        Assert.Equal(3, full.Score);

        // Between two visible steps too: the user site is off for every step (PYTHONNOUSERSITE).
        using var visibleOnly = new Scenario().Assignment(Yaml.Replace("    visibility: hidden\n", string.Empty, StringComparison.Ordinal))
            .Submission("add.py", WrongAdd).Submission("plant.py", Plant);
        var visible = await GradeAsync(visibleOnly);
        Assert.Equal(TestStatus.Failed, Single(visible, "hidden inline").Status);
    }

    [Fact]
    public async Task LinksAndFilesPlantedInScratchPlaces_DoNotSurviveIntoTheHiddenPhase()
    {
        // The hidden check lists what it finds planted; its output is shown (RevealHidden) since it fails.
        const string Yaml = """
            name: Scratch
            image: gitgrader/python:latest
            limits: { timeout: 5s }
            setup: python3 -c "import add"
            tests:
              - name: visible
                kind: run
                run: python3 -c "import add; assert add.add(1, 1) == 2"
                points: 1
              - name: hidden
                kind: run
                run: python3 tests/clean.py
                points: 2
                visibility: hidden
            """;
        const string Clean = """
            import os, sys
            found = []
            for top in ("/tmp", "/dev/shm", "/work/results", "/work/submission"):
                for folder, dirs, files in os.walk(top):
                    for name in dirs + files:
                        path = os.path.join(folder, name)
                        if os.path.islink(path) or name.startswith("planted"):
                            found.append(path)
            print("planted:", found)
            sys.path.append("/work/submission")
            import add
            raise SystemExit(0 if not found and add.add(2, 3) == 5 else 1)
            """;
        const string Attack = """
            import os
            def _try(f):
                try:
                    f()
                except OSError:
                    pass
            for i, target in enumerate(("/work/submission/tests", "/etc/passwd", "/work/hidden")):
                _try(lambda: os.symlink(target, "/tmp/planted-link-%d" % i))
                _try(lambda: os.symlink(target, "/dev/shm/planted-link-%d" % i))
                _try(lambda: os.symlink(target, "/work/results/planted-link-%d" % i))
            _try(lambda: open("/dev/shm/planted-file", "w").write("x"))
            _try(lambda: open("/work/results/planted-file", "w").write("x"))
            _try(lambda: os.makedirs("ro"))
            _try(lambda: os.symlink("/etc/passwd", "ro/planted-link"))
            _try(lambda: os.chmod("ro", 0o555))
            """;

        var zero = await WrongThenRightAsync(
            add => new Scenario().Assignment(Yaml).Hidden("tests/clean.py", Clean).Submission("add.py", add),
            Attack,
            new GradeOptions { RevealHidden = true });

        var hidden = Single(zero, "hidden");
        Assert.Equal(TestStatus.Failed, hidden.Status);
        Assert.Contains("planted: []", hidden.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompiledPythonWrittenBySetup_NeverRunsInsteadOfTheSource()
    {
        // setup runs the student's module, which leaves unchecked-hash .pyc files: a right add() for its
        // own (wrong) source, and a helper that passes everything for the instructor's helper.
        const string Attack = """
            import os, importlib.util, py_compile
            if not os.path.exists("tests/check_add.py"):
                os.makedirs("tests", exist_ok=True)
                mode = py_compile.PycInvalidationMode.UNCHECKED_HASH
                for source, target, text in (("right.py", "add.py", "def add(a, b):\n    return a + b\n"),
                                             ("tests/fake.py", "tests/helper.py", "def verify(add):\n    return True\n")):
                    with open(source, "w") as f:
                        f.write(text)
                    py_compile.compile(source, cfile=importlib.util.cache_from_source(target), invalidation_mode=mode, doraise=True)
                    os.remove(source)
            """;

        var zero = await WrongThenRightAsync(add => Walls(add), Attack);

        Assert.Equal(TestStatus.Failed, Single(zero, "visible").Status);
        Assert.Equal(TestStatus.Failed, Single(zero, "hidden one").Status);
    }

    [Theory]
    [InlineData("tests/helper.py")]
    [InlineData("helper.py")]
    public async Task ShadowsWrittenDuringTheHiddenStep_DoNotReplaceAnInstructorModule(string helperPath)
    {
        // The check imports add (which runs first) and then the helper: add.py tries every name Python
        // would import instead of helper.py, in the helper's own folder.
        const string Attack = """
            import os, importlib.util, py_compile
            def _try(f):
                try:
                    f()
                except OSError:
                    pass
            for folder in ("tests", "."):
                fake = "def verify(add):\n    return True\n"
                _try(lambda: os.makedirs(os.path.join(folder, "helper"), exist_ok=True))
                _try(lambda: open(os.path.join(folder, "helper", "__init__.py"), "w").write(fake))
                def _pyc():
                    with open("/tmp/fake.py", "w") as f:
                        f.write(fake)
                    py_compile.compile("/tmp/fake.py", cfile=importlib.util.cache_from_source(os.path.join(folder, "helper.py")),
                                       invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH, doraise=True)
                _try(_pyc)
            """;

        var zero = await WrongThenRightAsync(add => Walls(add, helperPath: helperPath), Attack);

        Assert.Equal(TestStatus.Failed, Single(zero, "hidden one").Status);
        Assert.Equal(TestStatus.Failed, Single(zero, "hidden two").Status);
    }

    [Theory]
    [InlineData("open('tests', 'w').write('in the way')")]
    [InlineData("os.makedirs('tests/check_add.py/x'); os.mkfifo('tests/helper.py'); os.chmod('tests/check_add.py', 0o500); os.chmod('tests', 0o500)")]
    public async Task WhatSetupLeavesInTheWayOfInstructorFiles_IsReplaced_NeverAGraderError(string inTheWay)
    {
        // A file where an instructor folder goes, a read-only folder or a FIFO where an instructor file goes.
        var attack = $$"""
            import os
            if not os.path.exists("tests/check_add.py"):
                {{inTheWay}}
            """;

        var zero = await WrongThenRightAsync(add => Walls(add), attack);

        Assert.Equal(TestStatus.Failed, Single(zero, "hidden one").Status);
    }

    [Fact]
    public async Task WorkspaceFilledByAVisibleStep_HiddenTestsAreStillGraded()
    {
        // The visible step fills the 8 MiB workspace (and /tmp, /dev/shm) and leaves it full.
        const string Yaml = """
            name: Full
            image: gitgrader/python:latest
            limits: { timeout: 10s, workspace: 8m }
            tests:
              - name: visible fills the disk
                kind: run
                run: python3 -c "import add, fill; assert add.add(1, 1) == 2"
                points: 1
              - name: hidden one
                kind: run
                run: python3 tests/check_add.py
                points: 2
                visibility: hidden
            """;

        var zero = await WrongThenRightAsync(
            add => new Scenario().Assignment(Yaml).Hidden("tests/check_add.py", CheckAdd).Hidden("tests/helper.py", Helper)
                .Submission("add.py", add).Submission("fill.py", Fill),
            string.Empty);

        Assert.Equal(TestStatus.Failed, Single(zero, "hidden one").Status);
    }

    [Theory]
    [InlineData(Fill)]
    [InlineData(FillInodes)]
    public async Task WorkspaceFilledBySetup_IsTheSubmissionsVerdict_WithAClearMessage(string fill)
    {
        const string Yaml = """
            name: Full build
            image: gitgrader/python:latest
            limits: { timeout: 10s, workspace: 8m }
            setup: python3 fill.py
            tests:
              - name: hidden one
                kind: run
                run: python3 tests/check_add.py
                points: 2
                visibility: hidden
            """;
        using var scenario = new Scenario().Assignment(Yaml).Hidden("tests/check_add.py", CheckAdd).Hidden("tests/helper.py", Helper)
            .Submission("add.py", RightAdd).Submission("fill.py", fill);
        using var right = new Scenario().Assignment(Yaml).Hidden("tests/check_add.py", CheckAdd).Hidden("tests/helper.py", Helper)
            .Submission("add.py", RightAdd).Submission("fill.py", "print('a small build')\n");

        var report = await GradeAsync(scenario);
        var full = await GradeAsync(right);

        var test = Single(report, "hidden one");
        Assert.Equal(0, report.Score);
        if (DockerFixture.IsGvisor && test.Status == TestStatus.Timeout)
        {
            // Under gVisor every file is made through its gofer: a build making files one by one reaches the setup's
            // time limit before the workspace's file cap. Still the submission's own verdict, never a grader error.
            Assert.StartsWith("Not run: Timed out", test.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(TestStatus.RuntimeError, test.Status);
            Assert.Contains("left no room in the 8 MiB workspace", test.Message, StringComparison.Ordinal);
        }

        Assert.Equal(2, full.Score);
    }

    [Fact]
    public async Task AfterDueDateTest_SeesOnlyTheFilesItLists_NeverTheHiddenOnes()
    {
        // Past the deadline its output is shown: the student's module prints every file it can read.
        const string Yaml = """
            name: Late
            image: gitgrader/python:latest
            limits: { timeout: 5s }
            deadline: 2020-01-01T00:00:00Z
            tests:
              - name: late
                kind: run
                files: [late/check.py]
                run: python3 late/check.py
                points: 1
                visibility: after_due_date
              - name: hidden one
                kind: run
                run: python3 tests/check_add.py
                points: 2
                visibility: hidden
            """;
        const string Attack = """
            import os
            for top in ("/work", "/tmp"):
                for folder, dirs, files in os.walk(top):
                    for name in files:
                        try:
                            print(os.path.join(folder, name), open(os.path.join(folder, name), errors="replace").read())
                        except OSError as e:
                            print(e)
            """;

        var zero = await WrongThenRightAsync(
            add => Walls(add, Yaml).Hidden("late/check.py", "import sys\nsys.path.append('/work/submission')\nimport add\nraise SystemExit(0 if add.add(2, 3) == 5 else 1)\n"),
            Attack);

        var late = Single(zero, "late");
        Assert.Equal(TestStatus.Failed, late.Status);
        Assert.Contains("late/check.py", late.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-HELPER-4711", late.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("helper.verify", late.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StudentSteps_HaveNoCapability_AndCannotTouchInstructorFiles()
    {
        // A hidden step of the student's own program: no capability in any set, no-new-privileges, and
        // the instructor's files (and their folder) refuse every change.
        // gVisor's /proc/self/status has no CapAmb or NoNewPrivs line (it keeps no ambient set to show).
        var ambientAndNoNewPrivs = DockerFixture.IsGvisor ? "amb=absent nnp=absent" : "amb=0000000000000000 nnp=1";
        var yaml = $$"""
            name: Caps
            image: gitgrader/python:latest
            limits: { timeout: 5s }
            tests:
              - name: probe
                kind: io
                run: python3 probe.py
                expected: "inh=0000000000000000 prm=0000000000000000 eff=0000000000000000 {{ambientAndNoNewPrivs}} remove=denied rename=denied chmod=denied chown=denied write=denied grader=denied"
                points: 1
                visibility: hidden
            """;
        const string Probe = """
            import os
            status = dict(l.split(":\t", 1) for l in open("/proc/self/status").read().splitlines() if ":\t" in l)
            def tried(f):
                try:
                    f()
                    return "done"
                except OSError:
                    return "denied"
            target = "tests/helper.py"
            print("inh=%s prm=%s eff=%s amb=%s nnp=%s remove=%s rename=%s chmod=%s chown=%s write=%s grader=%s" % (
                status["CapInh"].strip(), status["CapPrm"].strip(), status["CapEff"].strip(), status.get("CapAmb", "absent").strip(),
                status.get("NoNewPrivs", "absent").strip(),
                tried(lambda: os.remove(target)), tried(lambda: os.rename("tests", "gone")),
                tried(lambda: os.chmod(target, 0o666)), tried(lambda: os.chown(target, os.getuid(), os.getgid())),
                tried(lambda: open(target, "a").write("x")), tried(lambda: os.listdir("/work/.grader"))))
            """;
        using var scenario = new Scenario().Assignment(yaml).Hidden("tests/helper.py", Helper).Submission("probe.py", Probe);

        var report = await GradeAsync(scenario, new GradeOptions { RevealHidden = true });

        var probe = Single(report, "probe");
        Assert.True(probe.Status == TestStatus.Passed, $"{probe.Status}: {probe.Actual} {probe.Output}");
    }

    [Fact]
    public async Task PathLongerThanPathMax_IsSkippedWithANote_AndTheRestGraded()
    {
        // Folders nested past PATH_MAX (git checks such a tree out fine), with a file at the bottom.
        using var wrong = Walls(WrongAdd);
        using var right = Walls(RightAdd);
        try
        {
            foreach (var scenario in new[] { wrong, right })
            {
                Assert.Equal(0, await ShellAsync("cd \"$1\" && mkdir deep && cd deep && i=0 && while [ $i -lt 25 ]; do mkdir $2 && cd -P $2 || exit 1; i=$((i+1)); done && echo deep > bottom.txt", scenario.SubmissionDirectory, new string('d', 200)));
            }

            // Under the default caps the submission is rejected by the path cap, with a report that says so.
            var rejected = await GradeAsync(wrong);
            Assert.Equal(0, rejected.Score);
            Assert.Contains("submission_path_length", rejected.Rejection, StringComparison.Ordinal);

            // Where an assignment raised that cap past PATH_MAX, the path is skipped with a note and the rest graded.
            var raised = ThreeSteps.Replace("limits: { timeout: 5s }", "limits: { timeout: 5s, submission_path_length: 8192 }", StringComparison.Ordinal);
            wrong.Assignment(raised);
            right.Assignment(raised);
            var zero = await GradeAsync(wrong);
            var full = await GradeAsync(right);

            Assert.Null(zero.Rejection);
            Assert.Equal(0, zero.Score);
            Assert.Equal(full.MaxScore, full.Score);
            Assert.Contains(full.Notes, n => n.Contains("its path is longer than a sandbox can stage", StringComparison.Ordinal));
        }
        finally
        {
            // Directory.Delete cannot remove a path that long.
            await ShellAsync("rm -rf \"$1/deep\"", wrong.SubmissionDirectory, string.Empty);
            await ShellAsync("rm -rf \"$1/deep\"", right.SubmissionDirectory, string.Empty);
        }
    }

    private static async Task<int> ShellAsync(string script, string first, string second)
    {
        using var shell = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script, "sh", first, second]))!;
        await shell.WaitForExitAsync();
        return shell.ExitCode;
    }

    private static Scenario Walls(string add, string yaml = ThreeSteps, string helperPath = "tests/helper.py") =>
        new Scenario().Assignment(yaml).Hidden("tests/check_add.py", CheckAdd).Hidden(helperPath, Helper).Submission("add.py", add);

    private static string Describe(GradeReport report) =>
        $"{report.Score}/{report.MaxScore}: " + string.Join("; ", report.Tests.Select(t => $"{t.Name} {t.Status} {t.Message} {t.Output}"));

    /// <summary>Grades the wrong submission, then the right one on the same engine: 0, then full marks.</summary>
    private async Task<GradeReport> WrongThenRightAsync(Func<string, Scenario> scenario, string attack, GradeOptions? options = null)
    {
        using var wrong = scenario(attack + WrongAdd);
        using var right = scenario(RightAdd);

        var zero = await GradeAsync(wrong, options);
        var full = await GradeAsync(right, options);

        Assert.True(zero.Score == 0, "The wrong submission scored " + Describe(zero));
        Assert.DoesNotContain(zero.Tests, t => t.Status == TestStatus.Error);
        Assert.True(full.Score == full.MaxScore && full.MaxScore > 0, "The right submission scored " + Describe(full));
        return zero;
    }
}
