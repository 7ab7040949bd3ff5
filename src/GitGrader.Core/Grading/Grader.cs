using System.Diagnostics;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading.Dependencies;
using GitGrader.Core.Grading.Gradescope;
using GitGrader.Core.Reports;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Grading;

/// <summary>
/// Grades one submission (a folder, a fetched commit) against one assignment in one fresh sandbox session:
/// <list type="number">
/// <item>the student's files are staged (no symlink followed, caps enforced);</item>
/// <item>the instructor's files are kept where no student process can reach them, then the student's files are staged (no symlink followed, caps enforced);</item>
/// <item>the setup step runs, and a root-owned copy of the working copy it left is kept;</item>
/// <item>the visible tests that need only the student's files run;</item>
/// <item>before every other test, every student process is gone, the scratch places are emptied, the working copy is restored from that copy and the test's instructor files laid over it root-owned;</item>
/// <item>hidden outputs never enter the report.</item>
/// </list>
/// Expected outputs of I/O tests never enter the sandbox: stdout is compared here.
/// </summary>
public sealed class Grader
{
    private const int MaxAnnotations = 200;
    private readonly ISandbox _sandbox;
    private readonly TimeProvider _time;
    private readonly DependencyOptions _dependencies;

    public Grader(ISandbox sandbox, TimeProvider? timeProvider = null, DependencyOptions? dependencies = null)
    {
        _sandbox = sandbox;
        _time = timeProvider ?? TimeProvider.System;
        _dependencies = dependencies ?? DependencyOptions.Default;
    }

    /// <summary>Grades the submission folder <paramref name="submissionDirectory"/> (see <see cref="FolderSubmissionSource"/>).</summary>
    public Task<GradeReport> GradeAsync(Assignment assignment, string submissionDirectory, GradeOptions? options, CancellationToken cancellationToken) =>
        GradeAsync(assignment, new FolderSubmissionSource(submissionDirectory), options, cancellationToken);

    /// <summary>
    /// Builds, once per change of what it is built from, the image <paramref name="assignment"/> is graded in when
    /// it is not its plain image: a Gradescope autograder's (its <c>setup.sh</c> run) or the one its setup's dependency
    /// installs were run into with network. Returns that image, or null when the assignment is graded in its own
    /// image. Throws <see cref="SandboxException"/> when the build fails, naming the command and showing its output.
    /// Grading calls it first; <c>serve</c> and <c>worker</c> call it at start, so the first push waits for no build.
    /// </summary>
    public async Task<string?> PrepareImageAsync(Assignment assignment, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.Format == AssignmentFormat.Gradescope)
        {
            progress?.Report("Preparing the autograder's image");
            var recipe = await GradescopeLayout.RecipeAsync(assignment, cancellationToken).ConfigureAwait(false);
            return await _sandbox.PrepareImageAsync(recipe, progress, cancellationToken).ConfigureAwait(false);
        }

        if (await PreparedImage.RecipeAsync(assignment, _dependencies, cancellationToken).ConfigureAwait(false) is { } prepared)
        {
            // The setup's dependency installs, run once with network into a derived image: offline at grade time.
            progress?.Report("Preparing the assignment's dependencies");
            return await _sandbox.PrepareImageAsync(prepared, progress, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>
    /// Grades the submission <paramref name="submission"/> reads, under the assignment's limits. Throws
    /// <see cref="SandboxException"/> when the sandbox cannot start, and whatever the source throws when it
    /// cannot be read.
    /// </summary>
    public async Task<GradeReport> GradeAsync(Assignment assignment, ISubmissionSource submission, GradeOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(submission);
        options ??= GradeOptions.Default;
        var progress = options.Progress;
        var started = Stopwatch.GetTimestamp();
        var snapshot = await submission.ReadAsync(assignment.Limits, cancellationToken).ConfigureAwait(false);
        if (snapshot.Rejection is { } rejection)
        {
            return Rejected(assignment, snapshot, rejection, started);
        }

        var hidden = assignment.Tests.Any(t => t.NeedsHiddenFiles)
            ? await HiddenFilesReader.ReadAsync(assignment, cancellationToken).ConfigureAwait(false)
            : null;
        var reveal = RevealsAfterDueDate(assignment);
        var revealAll = options.RevealHidden;
        var results = new IReadOnlyList<TestResult>?[assignment.Tests.Count];
        var annotations = new List<Annotation>();
        var notes = new List<string>(snapshot.Notes);

        var image = await PrepareImageAsync(assignment, progress, cancellationToken).ConfigureAwait(false) ?? assignment.Image;

        progress?.Report($"Starting a sandbox from {image}");
        var session = await _sandbox.StartSessionAsync(new SandboxSettings(image, assignment.Limits, assignment.Slug), cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var runner = new TestRunner(session, assignment, reveal, revealAll);

            // The instructor's files first, where no student process can reach them: their space is taken
            // before the student's code can use any.
            if (hidden is not null)
            {
                await session.KeepInstructorFilesAsync(InstructorFiles.Store(hidden), cancellationToken).ConfigureAwait(false);
            }

            // One upload for everything the first steps need.
            snapshot.Tree.AddDirectory("results", StagedOwner.Student);
            if (assignment.Format == AssignmentFormat.Gradescope)
            {
                GradescopeLayout.AddMetadata(snapshot.Tree, assignment, _time.GetUtcNow());
                GradescopeLayout.AddAutograderFolder(snapshot.Tree);
            }

            await session.CopyInAsync(snapshot.Tree, cancellationToken).ConfigureAwait(false);

            StepVerdict? setupFailure = null;
            string setupOutput = string.Empty;
            if (!string.IsNullOrWhiteSpace(assignment.Setup))
            {
                progress?.Report("Running setup");
                (setupFailure, setupOutput) = await runner.RunSetupAsync(cancellationToken).ConfigureAwait(false);
                annotations.AddRange(Annotate(setupOutput, "Setup"));
            }

            // The working copy and /tmp as setup left them: every restoring step starts from this copy, so
            // nothing an earlier step wrote, removed, linked or chmod-ed there survives into it. Not kept where no
            // step restores (every later test an io test: see LayoutPlan).
            var allFiles = hidden is null ? [] : InstructorFiles.Paths(hidden);
            IReadOnlyList<string> FilesOf(TestDefinition test) =>
                hidden is null ? [] : test.Visibility == Visibility.Hidden ? allFiles : InstructorFiles.Paths(HiddenFilesReader.Select(hidden, test.Files));
            var plan = LayoutPlan.For(assignment.Tests, FilesOf);
            StepVerdict? noRoom = null;
            if (setupFailure is null && plan.KeepsWorkingCopy && !await session.KeepWorkingCopyAsync(cancellationToken).ConfigureAwait(false))
            {
                noRoom = NoRoom(assignment, "The build");
            }

            // Phase 1: visible tests that need only the student's files, on the working copy as setup left it
            // (and, when it was kept, /tmp as setup left it, the rest of the scratch places empty).
            // A test that got the container restarted takes what setup built with it: setup runs again first.
            var replay = new SetupReplay(session, runner, assignment, plan.KeepsWorkingCopy);
            string? previous = null;
            foreach (var i in plan.OnStudentFilesAlone)
            {
                var test = assignment.Tests[i];
                progress?.Report($"Running {test.Name}");
                var failure = setupFailure ?? await replay.BeforeAsync(previous, test.Name, cancellationToken).ConfigureAwait(false);
                results[i] = failure is null
                    ? await runner.RunAsync(test, i, cancellationToken).ConfigureAwait(false)
                    : [runner.NotRun(test, failure, failure == setupFailure ? setupOutput : string.Empty)];
                previous = test.Name;
            }

            // Every other test as the plan lays it out. A layout that found no room leaves the workspace
            // unknown, so the next test gets at least what the failed one would have done.
            var unfinished = LayoutAction.None;
            foreach (var step in plan.Steps)
            {
                var test = assignment.Tests[step.Test];
                progress?.Report($"Running {test.Name}");
                var failure = setupFailure ?? noRoom ?? await replay.BeforeAsync(previous, test.Name, cancellationToken).ConfigureAwait(false);
                var action = (LayoutAction)Math.Max((int)step.Action, (int)unfinished);
                if (failure is null && action != LayoutAction.None)
                {
                    var stage = new StepStage
                    {
                        InstructorFiles = FilesOf(test),
                        ReportPaths = test.ReportPath is { } report ? [report] : [],
                        RestoresWorkingCopy = action == LayoutAction.Restore,
                    };
                    var outcome = await session.PrepareAsync(stage, cancellationToken).ConfigureAwait(false);
                    unfinished = outcome == StepStageOutcome.NoRoom ? action : LayoutAction.None;
                    failure = outcome == StepStageOutcome.NoRoom ? NoRoom(assignment, "The submission") : null;
                }

                results[step.Test] = failure is null
                    ? await runner.RunAsync(test, step.Test, cancellationToken).ConfigureAwait(false)
                    : [runner.NotRun(test, failure, failure == setupFailure ? setupOutput : string.Empty)];
                previous = test.Name;
            }

            notes.AddRange(runner.Notes);
            notes.AddRange(replay.Notes);
        }

        var tests = results.SelectMany(r => r!).ToList();

        // Annotations only ever point at the student's own files (not at hidden files laid over them).
        var hiddenPaths = hidden?.Entries.Select(e => e.RelativePath).ToHashSet(StringComparer.Ordinal) ?? [];
        var studentFiles = snapshot.Tree.Entries
            .Where(e => e.Kind == StagedEntryKind.File && !hiddenPaths.Contains(e.RelativePath))
            .Select(e => e.RelativePath[(SubmissionSnapshot.Root.Length + 1)..])
            .ToHashSet(StringComparer.Ordinal);
        foreach (var result in tests.Where(t => revealAll || t.Visibility == Visibility.Visible || (t.Visibility == Visibility.AfterDueDate && reveal)))
        {
            if (result.Status is not TestStatus.Passed)
            {
                annotations.AddRange(Annotate(result.Output, result.Name));
            }
        }

        return new GradeReport
        {
            Assignment = assignment.Name,
            Slug = assignment.Slug,
            Score = CaseResultBuilder.Round(tests.Sum(t => t.Score)),
            MaxScore = CaseResultBuilder.Round(tests.Sum(t => t.MaxScore)),
            DurationMs = HiddenResultPolicy.TotalDurationMs(tests, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds),
            GradedAt = _time.GetUtcNow(),
            Tests = tests,
            Annotations = annotations
                .Where(a => studentFiles.Contains(a.Path))
                .DistinctBy(a => (a.Path, a.Line, a.Message))
                .Take(MaxAnnotations)
                .ToList(),
            Notes = notes,
        };
    }

    private static StepVerdict NoRoom(Assignment assignment, string who) => new(
        TestStatus.RuntimeError,
        $"{who} left no room in the {ByteSizeText.Format(assignment.Limits.WorkspaceBytes)} workspace to lay out this test's files; write less into the working copy.");

    private static IEnumerable<Annotation> Annotate(string output, string title) =>
        PythonTracebackAnnotator.Extract(output, SandboxPaths.Submission + "/", title)
            .Concat(CompilerDiagnosticAnnotator.Extract(output, SandboxPaths.Submission + "/", title));

    /// <summary>Whether outputs of <see cref="Visibility.AfterDueDate"/> tests may be shown now.</summary>
    private bool RevealsAfterDueDate(Assignment assignment) => assignment.Deadline is { } deadline && _time.GetUtcNow() > deadline;

    private GradeReport Rejected(Assignment assignment, SubmissionSnapshot snapshot, string rejection, long started) => new()
    {
        Assignment = assignment.Name,
        Slug = assignment.Slug,
        Score = 0,
        MaxScore = CaseResultBuilder.Round(assignment.MaxScore),
        DurationMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
        GradedAt = _time.GetUtcNow(),
        Tests = assignment.Tests.Select(t => new TestResult
        {
            Name = t.Name,
            Status = TestStatus.Failed,
            Score = 0,
            MaxScore = CaseResultBuilder.Round(t.Points),
            Visibility = t.Visibility,
            Message = "Not run: the submission was rejected.",
        }).ToList(),
        Notes = snapshot.Notes,
        Rejection = rejection,
    };
}
