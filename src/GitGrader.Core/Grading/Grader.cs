using System.Diagnostics;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading.Gradescope;
using GitGrader.Core.Reports;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Grading;

/// <summary>
/// Grades one submission (a folder, a fetched commit) against one assignment in one fresh sandbox session:
/// <list type="number">
/// <item>the student's files are staged (no symlink followed, caps enforced);</item>
/// <item>the setup step and every visible test run on the student's files alone;</item>
/// <item>every student process is killed, planted links removed, and the hidden files staged;</item>
/// <item>the remaining tests run; hidden outputs never enter the report.</item>
/// </list>
/// Expected outputs of I/O tests never enter the sandbox: stdout is compared here.
/// </summary>
public sealed class Grader
{
    private const int MaxAnnotations = 200;
    private readonly ISandbox _sandbox;
    private readonly TimeProvider _time;

    public Grader(ISandbox sandbox, TimeProvider? timeProvider = null)
    {
        _sandbox = sandbox;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Grades the submission folder <paramref name="submissionDirectory"/> (see <see cref="FolderSubmissionSource"/>).</summary>
    public Task<GradeReport> GradeAsync(Assignment assignment, string submissionDirectory, GradeOptions? options, CancellationToken cancellationToken) =>
        GradeAsync(assignment, new FolderSubmissionSource(submissionDirectory), options, cancellationToken);

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

        var image = assignment.Image;
        if (assignment.Format == AssignmentFormat.Gradescope)
        {
            progress?.Report("Preparing the autograder's image");
            var recipe = await GradescopeLayout.RecipeAsync(assignment, cancellationToken).ConfigureAwait(false);
            image = await _sandbox.PrepareImageAsync(recipe, progress, cancellationToken).ConfigureAwait(false);
        }

        progress?.Report($"Starting a sandbox from {image}");
        var session = await _sandbox.StartSessionAsync(new SandboxSettings(image, assignment.Limits, assignment.Slug), cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var runner = new TestRunner(session, assignment, reveal, revealAll);

            // One upload for everything the first steps need.
            snapshot.Tree.AddDirectory("results", StagedOwner.Student);
            if (assignment.Format == AssignmentFormat.Gradescope)
            {
                GradescopeLayout.AddMetadata(snapshot.Tree, assignment, _time.GetUtcNow());
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

            async Task RunAsync(Func<TestDefinition, bool> belongs)
            {
                for (var i = 0; i < assignment.Tests.Count; i++)
                {
                    var test = assignment.Tests[i];
                    if (results[i] is null && belongs(test))
                    {
                        progress?.Report($"Running {test.Name}");
                        results[i] = setupFailure is null
                            ? await runner.RunAsync(test, i, cancellationToken).ConfigureAwait(false)
                            : [runner.NotRun(test, setupFailure, setupOutput)];
                    }
                }
            }

            async Task StageAsync(StagedTree? files)
            {
                // Nothing of the student's keeps running, and no planted link redirects what comes next.
                await session.ResetAsync(cancellationToken).ConfigureAwait(false);
                if (files is not null)
                {
                    await session.CopyInAsync(files, cancellationToken).ConfigureAwait(false);
                }
            }

            // Phase 1: visible tests that need only the student's files.
            await RunAsync(test => !test.NeedsHiddenFiles).ConfigureAwait(false);

            // Phase 2: visible tests that need instructor files get exactly the files they list, so what
            // they print (which the student sees) can never include a hidden test's source.
            var visibleWithFiles = assignment.Tests.Where(t => t.NeedsHiddenFiles && t.Visibility == Visibility.Visible).ToList();
            if (visibleWithFiles.Count > 0 && setupFailure is null)
            {
                var listed = visibleWithFiles.SelectMany(t => t.Files).Distinct(StringComparer.Ordinal).ToList();
                await StageAsync(hidden is null ? null : HiddenFilesReader.Select(hidden, listed)).ConfigureAwait(false);
            }

            await RunAsync(test => test.Visibility == Visibility.Visible).ConfigureAwait(false);

            // Phase 3: every hidden file, then the tests whose output the student does not see.
            if (results.Any(r => r is null) && setupFailure is null)
            {
                await StageAsync(hidden).ConfigureAwait(false);
            }

            await RunAsync(_ => true).ConfigureAwait(false);

            notes.AddRange(runner.Notes);
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
