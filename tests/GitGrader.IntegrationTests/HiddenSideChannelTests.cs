using System.Text.Json;
using GitGrader.Core.Grading;
using GitGrader.Core.Reports;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>
/// A wrong submission that reads a hidden file and tries to spell a byte of it through what the
/// report shows of the hidden test: its exit status, a signal, its time, its output. The student's
/// report keeps the name, the verdict and the points; the instructor's (<c>--reveal-hidden</c>) keeps
/// everything, which is what proves each channel is real.
/// </summary>
[Collection(DockerCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class HiddenSideChannelTests : GraderTestBase
{
    // The hidden checker holds a secret; its first byte ('q', 113) is what the submissions try to spell.
    private const string Checker = "q = 'the secret'\nimport solution\nraise SystemExit(0 if solution.add(2, 3) == 5 else 1)\n";

    private const string HiddenRun = """
        name: Side channels
        image: gitgrader/python:latest
        limits: { timeout: 5s }
        tests:
          - name: visible smoke
            kind: run
            run: "true"
            points: 1
          - name: hidden add
            kind: run
            run: python3 check.py
            points: 2
            visibility: hidden
        """;

    private const string Honest = "def add(a, b):\n    return a + b\n";

    public HiddenSideChannelTests(DockerFixture docker)
        : base(docker)
    {
    }

    private static string Reading(string act) =>
        "import os, sys, time\nbyte = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'check.py'), 'rb').read()[0]\n" + act + "\n";

    [Fact]
    public async Task ExitStatus_SpellingAHiddenByte_ShowsOnlyFailed()
    {
        await AssertConcealedAsync(Reading("os._exit(byte)"), TestStatus.Failed, "Failed.", revealed => Assert.Contains("113", revealed.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signal_SpellingAHiddenByte_ShowsOnlyRuntimeError()
    {
        // 113 % 32 = 17 (SIGCHLD is ignored); 113 % 16 + 1 = 2 (SIGINT): the signal number would spell 4 bits.
        await AssertConcealedAsync(Reading("import signal\nsignal.signal(signal.SIGINT, signal.SIG_DFL)\nos.kill(os.getpid(), byte % 16 + 1)\ntime.sleep(5)"), TestStatus.RuntimeError, "Runtime error.", revealed => Assert.Contains("signal", revealed.Message, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Sleep_SpellingAHiddenByte_ShowsNoTime()
    {
        await AssertConcealedAsync(Reading("time.sleep(byte / 100)\nos._exit(1)"), TestStatus.Failed, "Failed.", revealed => Assert.True(revealed.DurationMs >= 1_130, $"revealed {revealed.DurationMs} ms"));
    }

    [Fact]
    public async Task Stderr_PrintingTheHiddenFile_ShowsNothingOfIt()
    {
        await AssertConcealedAsync(Reading("sys.stderr.write(open('check.py').read())\nprint('SECRET-LEAK', chr(byte))\nos._exit(1)"), TestStatus.Failed, "Failed.", revealed => Assert.Contains("the secret", revealed.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TracebackLine_SpellingAHiddenByte_NoAnnotation()
    {
        // The traceback would point at solution.py line 114: an annotation there would spell the byte.
        await AssertConcealedAsync(Reading("exec(compile('\\n' * byte + 'raise ValueError(1)', os.path.abspath(__file__), 'exec'))"), TestStatus.Failed, "Failed.", revealed => Assert.Contains("line 114", revealed.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HiddenPytestCases_SleepAndMessage_ShowNoTimeNoText()
    {
        const string assignment = """
            name: Side channels (pytest)
            image: gitgrader/python:latest
            limits: { timeout: 10s }
            tests:
              - name: unit
                kind: pytest
                files: [test_calc.py]
                cases: { test_add: 2, test_more: 1 }
                visibility: hidden
            """;
        const string tests = "SECRET = 'q'\nimport calc\n\ndef test_add():\n    assert calc.add(2, 3) == 5\n\ndef test_more():\n    assert calc.add(1, 1) == 2\n";
        var wrong = "import os, time\nbyte = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test_calc.py'), 'rb').read()[10]\n"
            + "def add(a, b):\n    time.sleep(byte / 100)\n    raise ValueError('SECRET-LEAK %d' % byte)\n";
        using var scenario = new Scenario().Assignment(assignment).Hidden("test_calc.py", tests).Submission("calc.py", wrong);

        var report = await GradeAsync(scenario);
        var revealed = await GradeAsync(scenario, new GradeOptions { RevealHidden = true });

        Assert.Equal(0, report.Score);
        Assert.Equal(2, report.Tests.Count);
        Assert.All(report.Tests, t =>
        {
            Assert.Equal(TestStatus.Failed, t.Status);
            Assert.Equal("Failed.", t.Message);
            Assert.Equal(0, t.DurationMs);
            Assert.True(t.Concealed);
            Assert.Empty(t.Output);
        });
        AssertNothingSpelled(report, "SECRET-LEAK", "113");
        Assert.Contains(revealed.Tests, t => t.DurationMs >= 1_130);
        Assert.Contains(revealed.Tests, t => t.Message?.Contains("SECRET-LEAK 113", StringComparison.Ordinal) == true);

        using var honest = new Scenario().Assignment(assignment).Hidden("test_calc.py", tests).Submission("calc.py", Honest);
        Assert.Equal(3, (await GradeAsync(honest)).Score);
    }

    [Fact]
    public async Task AfterDueDateBeforeTheDeadline_IsConcealedToo()
    {
        var assignment = HiddenRun.Replace("visibility: hidden", "visibility: after_due_date", StringComparison.Ordinal) + "\ndeadline: 2999-01-01T00:00:00Z\n";
        using var scenario = new Scenario().Assignment(assignment).Hidden("check.py", Checker).Submission("solution.py", Reading("os._exit(byte)"));

        var report = await GradeAsync(scenario);

        var test = Single(report, "hidden add");
        Assert.Equal("Failed.", test.Message);
        Assert.True(test.Concealed);
        Assert.Equal(0, test.DurationMs);
        AssertNothingSpelled(report, "113");
    }

    [Fact]
    public async Task Gradescope_HiddenEntry_ConcealedAndNoEntryKeepsTheRunsTime()
    {
        const string grade = """
            import json, sys, time
            sys.path.insert(0, "/autograder/submission")
            import hello
            started = time.time()
            got = hello.greet("Ada")
            tests = [
                {"name": "greets", "score": 1 if got == "Hello, Ada!" else 0, "max_score": 1, "visibility": "visible"},
                {"name": "greets loudly", "score": 0, "max_score": 2, "visibility": "hidden", "output": "SECRET-LEAK " + got},
            ]
            json.dump({"tests": tests}, open("/autograder/results/results.json", "w"))
            """;
        using var scenario = new Scenario()
            .Autograder("setup.sh", "#!/bin/bash\ntrue\n")
            .Autograder("run_autograder", "#!/bin/bash\ncd /autograder/source && python3 grade.py\n")
            .Autograder("grade.py", grade)
            .Submission("hello.py", "import time\ndef greet(name):\n    time.sleep(1.13)\n    return 'SECRET-LEAK 113'\n");
        File.SetUnixFileMode(Path.Combine(scenario.AssignmentDirectory, "autograder", "run_autograder"), (UnixFileMode)0b111_101_101);

        var report = await GradeAsync(scenario);

        Assert.Equal(0, report.Score);
        Assert.All(report.Tests, t => Assert.Equal(0, t.DurationMs));
        var hidden = Single(report, "greets loudly");
        Assert.True(hidden.Concealed);
        Assert.Equal("Failed.", hidden.Message);
        AssertNothingSpelled(report, "SECRET-LEAK");
        Assert.Equal(0, report.DurationMs % 1_000);
    }

    private async Task AssertConcealedAsync(string wrong, TestStatus status, string message, Action<TestResult> revealedShows)
    {
        using var scenario = new Scenario().Assignment(HiddenRun).Hidden("check.py", Checker).Submission("solution.py", wrong);

        var report = await GradeAsync(scenario);
        var revealed = Single(await GradeAsync(scenario, new GradeOptions { RevealHidden = true }), "hidden add");

        Assert.Equal(1, report.Score);
        var test = Single(report, "hidden add");
        Assert.Equal(status, test.Status);
        Assert.Equal(0, test.Score);
        Assert.Equal(2, test.MaxScore);
        Assert.Equal(message, test.Message);
        Assert.Empty(test.Output);
        Assert.Null(test.Expected);
        Assert.Null(test.Actual);
        Assert.Equal(0, test.DurationMs);
        Assert.True(test.Concealed);
        Assert.Equal(0, report.DurationMs % 1_000);
        Assert.Empty(report.Annotations);
        AssertNothingSpelled(report, "113", "SECRET-LEAK", "the secret", "Exited", "signal");

        // The channel is real: the instructor's view shows it, and the student's does not.
        Assert.Equal(status, revealed.Status);
        Assert.False(revealed.Concealed);
        revealedShows(revealed);

        using var honest = new Scenario().Assignment(HiddenRun).Hidden("check.py", Checker).Submission("solution.py", Honest);
        Assert.Equal(3, (await GradeAsync(honest)).Score);
    }

    /// <summary>Neither the JSON nor the Markdown of the student's report holds any of <paramref name="spelled"/>, nor the hidden test's time.</summary>
    private static void AssertNothingSpelled(GradeReport report, params string[] spelled)
    {
        var json = JsonReportWriter.Write(report);
        using var document = JsonDocument.Parse(json);
        foreach (var test in document.RootElement.GetProperty("tests").EnumerateArray().Where(t => t.GetProperty("visibility").GetString() != "visible"))
        {
            Assert.Equal(0, test.GetProperty("duration_ms").GetInt64());
            Assert.True(test.GetProperty("concealed").GetBoolean());
            var text = test.GetRawText();
            Assert.All(spelled, s => Assert.DoesNotContain(s, text, StringComparison.OrdinalIgnoreCase));
        }

        var markdown = new MarkdownReportRenderer().Render(report);

        // A visible test's own row keeps its time (it may be 113 ms by chance): only the rest is searched.
        var visibleRows = report.Tests.Where(t => !t.Concealed).Select(t => "| " + MarkdownText.Inline(t.Name) + " ").ToList();
        var searched = string.Join('\n', markdown.Split('\n').Where(l => !visibleRows.Any(r => l.StartsWith(r, StringComparison.Ordinal))))
            .Replace(report.GradedAt.UtcDateTime.ToString("yyyy'-'MM'-'dd HH':'mm':'ss", System.Globalization.CultureInfo.InvariantCulture), string.Empty, StringComparison.Ordinal);
        Assert.All(spelled, s => Assert.DoesNotContain(s, searched, StringComparison.OrdinalIgnoreCase));
        foreach (var test in report.Tests.Where(t => t.Concealed))
        {
            Assert.Contains("| " + MarkdownText.Inline(test.Name), markdown, StringComparison.Ordinal);
            var row = markdown.Split('\n').Single(l => l.StartsWith("| " + MarkdownText.Inline(test.Name) + " ", StringComparison.Ordinal));
            Assert.EndsWith("| — |", row, StringComparison.Ordinal);
        }
    }
}
