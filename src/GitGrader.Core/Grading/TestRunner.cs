using System.Security.Cryptography;
using System.Text;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading.Gradescope;
using GitGrader.Core.Reports;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Grading;

/// <summary>Runs one test of an assignment in a session and turns what happened into results.</summary>
internal sealed class TestRunner
{
    /// <summary>Most characters of one test's output kept in the report (the renderers budget further).</summary>
    private const int OutputCharsPerTest = 16_000;

    /// <summary>Largest JUnit report read back from the sandbox.</summary>
    private const long MaxReportBytes = 1024 * 1024;

    private readonly ISandboxSession _session;
    private readonly Assignment _assignment;
    private readonly bool _revealAfterDueDate;
    private readonly bool _revealAll;
    private readonly HiddenResultPolicy _policy;
    private readonly List<string> _notes = [];

    public TestRunner(ISandboxSession session, Assignment assignment, bool revealAfterDueDate, bool revealAll)
    {
        _session = session;
        _assignment = assignment;
        _revealAfterDueDate = revealAfterDueDate;
        _revealAll = revealAll;
        _policy = new HiddenResultPolicy(revealAll, revealAfterDueDate);
    }

    private ResourceLimits Limits => _assignment.Limits;

    /// <summary>What the tests had to say about the submission as a whole (a Gradescope autograder's top-level output).</summary>
    public IReadOnlyList<string> Notes => _notes;

    public async Task<(StepVerdict? Failure, string Output)> RunSetupAsync(CancellationToken cancellationToken)
    {
        var request = StepRequests.ForSetup(_assignment);
        var result = await _session.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        var output = Combine(result.Stdout, result.Stderr);
        var verdict = VerdictRules.Abnormal(result, request.Timeout, Limits);
        if (verdict is null && result.ExitCode != 0)
        {
            verdict = new StepVerdict(TestStatus.CompileError, "The setup step (build) failed.");
        }
        else if (verdict is { Status: TestStatus.RuntimeError })
        {
            verdict = verdict with { Status = TestStatus.CompileError };
        }

        return (verdict, output);
    }

    public TestResult NotRun(TestDefinition test, StepVerdict setupFailure, string setupOutput) => new()
    {
        Name = test.Name,
        Status = setupFailure.Status,
        Score = 0,
        MaxScore = CaseResultBuilder.Round(test.Points),
        Visibility = test.Visibility,
        Message = "Not run: " + setupFailure.Message,
        Output = Reveals(test) ? setupOutput : string.Empty,
    };

    /// <summary>Runs <paramref name="test"/>; what the student may not see of it is concealed here, in one place.</summary>
    public async Task<IReadOnlyList<TestResult>> RunAsync(TestDefinition test, int index, CancellationToken cancellationToken) =>
        _policy.Apply(await RunUnconcealedAsync(test, index, cancellationToken).ConfigureAwait(false), sharedRun: test.Kind == TestKind.Gradescope);

    private async Task<IReadOnlyList<TestResult>> RunUnconcealedAsync(TestDefinition test, int index, CancellationToken cancellationToken)
    {
        try
        {
            return test.Kind switch
            {
                TestKind.Run => [await RunCommandAsync(test, cancellationToken).ConfigureAwait(false)],
                TestKind.Io => [await RunCommandAsync(test, cancellationToken).ConfigureAwait(false)],
                TestKind.JUnit => await RunJUnitAsync(test, cancellationToken).ConfigureAwait(false),
                TestKind.Pytest => await RunPytestAsync(test, cancellationToken).ConfigureAwait(false),
                TestKind.Gradescope => await RunGradescopeAsync(test, cancellationToken).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"Unknown test kind {test.Kind} of test {index}."),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Our side failed (the engine, an API call): a grader error, never the student's zero.
            return
            [
                new TestResult
                {
                    Name = test.Name,
                    Status = TestStatus.Error,
                    Score = 0,
                    MaxScore = CaseResultBuilder.Round(test.Points),
                    Visibility = test.Visibility,
                    Message = "Grader error: this test could not be run (" + ex.GetType().Name + "); it will be retried.",
                },
            ];
        }
    }

    private bool Reveals(TestDefinition test) => _policy.Reveals(test.Visibility);

    private async Task<TestResult> RunCommandAsync(TestDefinition test, CancellationToken cancellationToken)
    {
        if (test.HardenedPytest is not null)
        {
            return await RunClassroomPytestAsync(test, cancellationToken).ConfigureAwait(false);
        }

        var request = StepRequests.ForCommand(test, Limits);
        var result = await _session.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        var reveal = Reveals(test);
        var stdout = StudentText.FromBytes(result.Stdout);
        var verdict = test.Kind == TestKind.Io
            ? VerdictRules.ForIo(test, result, request.Timeout, Limits, stdout)
            : VerdictRules.ForRun(result, request.Timeout, Limits);
        var failedIo = test.Kind == TestKind.Io && verdict.Status == TestStatus.Failed;
        var output = failedIo ? StudentText.FromBytes(result.Stderr) : Combine(result.Stdout, result.Stderr);
        return Whole(test, verdict, output, result) with
        {
            Expected = reveal && failedIo ? Truncate(StudentText.Sanitize(test.Expected ?? string.Empty)) : null,
            Actual = reveal && failedIo ? Truncate(stdout) : null,
        };
    }

    /// <summary>The one result of a test that scores as a whole: its points when passed, output only where the student may see it.</summary>
    private TestResult Whole(TestDefinition test, StepVerdict verdict, string output, ExecutionResult result) => new()
    {
        Name = test.Name,
        Status = verdict.Status,
        Score = verdict.Status == TestStatus.Passed ? CaseResultBuilder.Round(test.Points) : 0,
        MaxScore = CaseResultBuilder.Round(test.Points),
        Visibility = test.Visibility,
        Message = verdict.Message,
        Output = Reveals(test) && verdict.Status != TestStatus.Passed ? Truncate(output) : string.Empty,
        DurationMs = (long)result.Duration.TotalMilliseconds,
    };

    /// <summary>A Classroom pytest run, hardened: passes, as the original would, when pytest exits 0, and only if its own report shows no failure.</summary>
    private async Task<TestResult> RunClassroomPytestAsync(TestDefinition test, CancellationToken cancellationToken)
    {
        var reportPath = UnguessableReportPath();
        var request = StepRequests.ForClassroomPytest(test, Limits, reportPath);
        var result = await _session.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        var verdict = VerdictRules.Abnormal(result, request.Timeout, Limits);
        if (verdict is null)
        {
            var (cases, _) = await ReadCasesAsync(reportPath, cancellationToken).ConfigureAwait(false);

            // os._exit(0) from the student's code ends pytest with status 0 before it writes its report.
            verdict = cases is null
                ? new StepVerdict(TestStatus.RuntimeError, "The test run ended without reporting results.")
                : result.ExitCode == 0 && cases.Count > 0 && cases.All(c => c.Outcome is JUnitOutcome.Passed or JUnitOutcome.Skipped)
                    ? new StepVerdict(TestStatus.Passed, "Passed.")
                    : new StepVerdict(TestStatus.Failed, "Failed: pytest reported a failing test, or ran none.");
        }

        return Whole(test, verdict, Combine(result.Stdout, result.Stderr), result);
    }

    private async Task<IReadOnlyList<TestResult>> RunJUnitAsync(TestDefinition test, CancellationToken cancellationToken)
    {
        var request = StepRequests.ForCommand(test, Limits);
        var result = await _session.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        var reportPath = $"{SandboxPaths.Submission}/{test.ReportPath}";
        return await CollectCasesAsync(test, request, result, reportPath, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<TestResult>> RunPytestAsync(TestDefinition test, CancellationToken cancellationToken)
    {
        var reportPath = UnguessableReportPath();
        var request = StepRequests.ForPytest(test, Limits, reportPath);
        var result = await _session.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        return await CollectCasesAsync(test, request, result, reportPath, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<TestResult>> RunGradescopeAsync(TestDefinition test, CancellationToken cancellationToken)
    {
        var request = new ExecutionRequest
        {
            Command = GradescopeLayout.RunCommand(test.Run ?? "/autograder/run_autograder"),
            WorkingDirectory = SandboxPaths.Workspace,
            Timeout = StepRequests.TimeoutOf(test, Limits),
            OutputLimitBytes = Limits.OutputBytes,
        };
        var result = await _session.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        var duration = (long)result.Duration.TotalMilliseconds;
        var file = await _session.ReadFileAsync(GradescopeLayout.ResultsPath, GradescopeLayout.MaxResultsBytes, cancellationToken).ConfigureAwait(false);
        string? problem = file.State switch
        {
            SandboxFileState.Missing => "The autograder wrote no results.json.",
            SandboxFileState.NotRegularFile => "The autograder's results.json is not a regular file.",
            SandboxFileState.TooLarge => $"The autograder's results.json is {ByteSizeText.Format(file.Length)}, over the {ByteSizeText.Format(GradescopeLayout.MaxResultsBytes)} limit.",
            _ => null,
        };

        IReadOnlyList<TestResult>? mapped = null;
        if (file.Content is { Length: 0 })
        {
            problem = "The autograder's results.json is empty (run_autograder created it but wrote nothing into it).";
        }
        else if (file.Content is { } json)
        {
            mapped = GradescopeResultsMapper.TryMap(json, _revealAll, _revealAfterDueDate, duration, out problem);
        }

        if (mapped is not null)
        {
            if (GradescopeResultsMapper.SummaryOutput(file.Content!, _revealAll) is { } summary)
            {
                _notes.Add("Autograder: " + summary);
            }

            return mapped;
        }

        // No usable results: a stop the student caused is theirs; anything else is ours, retried, never a zero.
        var abnormal = VerdictRules.Abnormal(result, request.Timeout, Limits);
        var status = abnormal?.Status is TestStatus.Timeout or TestStatus.MemoryLimit ? abnormal.Status : TestStatus.Error;
        return
        [
            new TestResult
            {
                Name = test.Name,
                Status = status,
                Score = 0,
                MaxScore = 0,
                Visibility = test.Visibility,
                Message = status == TestStatus.Error ? "Grader error: " + problem + " It will be retried." : abnormal!.Message,
                Output = _revealAll ? Truncate(Combine(result.Stdout, result.Stderr)) : string.Empty,
                DurationMs = duration,
            },
        ];
    }

    private async Task<IReadOnlyList<TestResult>> CollectCasesAsync(TestDefinition test, ExecutionRequest request, ExecutionResult result, string reportPath, CancellationToken cancellationToken)
    {
        var (cases, unreadable) = await ReadCasesAsync(reportPath, cancellationToken).ConfigureAwait(false);
        var verdict = VerdictRules.Abnormal(result, request.Timeout, Limits)
            ?? (cases is not null
                ? new StepVerdict(TestStatus.Passed, "Passed.")
                : new StepVerdict(TestStatus.RuntimeError, unreadable ? "The test report could not be read." : "The test run ended without reporting results."));
        var output = Truncate(Combine(result.Stdout, result.Stderr));
        return CaseResultBuilder.Build(test, cases, verdict, Reveals(test), output, (long)result.Duration.TotalMilliseconds);
    }

    /// <summary>The cases of the JUnit report at <paramref name="reportPath"/>; none when there is no report, or when it cannot be read (<c>Unreadable</c>).</summary>
    private async Task<(IReadOnlyList<JUnitCase>? Cases, bool Unreadable)> ReadCasesAsync(string reportPath, CancellationToken cancellationToken)
    {
        var file = await _session.ReadFileAsync(reportPath, MaxReportBytes, cancellationToken).ConfigureAwait(false);
        if (file.Content is not { } xml)
        {
            return (null, false);
        }

        try
        {
            return (JUnitReportParser.Parse(xml), false);
        }
        catch (JUnitFormatException)
        {
            return (null, true);
        }
    }

    /// <summary>A report path in the results folder that the student's code cannot guess before the run, so a report planted earlier is never read.</summary>
    private static string UnguessableReportPath() => $"{SandboxPaths.Results}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}.xml";

    private static string Combine(byte[] stdout, byte[] stderr)
    {
        if (stderr.Length == 0)
        {
            return StudentText.FromBytes(stdout);
        }

        if (stdout.Length == 0)
        {
            return StudentText.FromBytes(stderr);
        }

        var text = new StringBuilder(StudentText.FromBytes(stdout));
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }

        return text.Append(StudentText.FromBytes(stderr)).ToString();
    }

    private static string Truncate(string text) => StudentText.Truncate(text, OutputCharsPerTest);
}
