using GitGrader.Core.Assignments;

namespace GitGrader.Core.Grading;

/// <summary>
/// The order a grade runs its tests in, and what the workspace is given before each, decided before anything runs.
/// <list type="number">
/// <item>Phase 1: visible tests that need only the student's files (not junit: its report is its verdict), on the
/// working copy as setup left it.</item>
/// <item>Then every other visible test, then every other test, each in the assignment's order. A test whose
/// verdict the instructor's code decides (run, pytest, junit, Gradescope) starts on a restored working copy with
/// its files laid over it: nothing an earlier step wrote, removed or linked survives into it. An io test's verdict
/// is its output, compared outside the sandbox, so what an earlier step left in the working copy is the student's
/// own, as the submission's files are: its files are laid over the working copy as it is, or, where the layout
/// already holds exactly them, nothing is done at all.</item>
/// </list>
/// A test that may show its output never sees a file it does not list, nor runs on a working copy a hidden test's
/// program has written since it was last restored (where it could have copied a hidden file).
/// </summary>
public sealed class LayoutPlan
{
    private LayoutPlan(IReadOnlyList<int> onStudentFilesAlone, IReadOnlyList<LayoutStep> steps)
    {
        OnStudentFilesAlone = onStudentFilesAlone;
        Steps = steps;
    }

    /// <summary>Phase 1: the tests that run on the student's files alone, in order.</summary>
    public IReadOnlyList<int> OnStudentFilesAlone { get; }

    /// <summary>Every other test, in the order it runs, with what is done before it.</summary>
    public IReadOnlyList<LayoutStep> Steps { get; }

    /// <summary>Whether any step restores the working copy, so a copy of it must be kept after setup.</summary>
    public bool KeepsWorkingCopy => Steps.Any(s => s.Action == LayoutAction.Restore);

    /// <summary>
    /// The plan for <paramref name="tests"/>; <paramref name="filesOf"/> gives the instructor files a test is given
    /// (every hidden file for a hidden test, those it lists for any other), as the sandbox names them.
    /// </summary>
    public static LayoutPlan For(IReadOnlyList<TestDefinition> tests, Func<TestDefinition, IReadOnlyList<string>> filesOf)
    {
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(filesOf);
        var alone = Enumerable.Range(0, tests.Count).Where(i => RunsOnStudentFilesAlone(tests[i])).ToList();
        var later = Enumerable.Range(0, tests.Count).Where(i => !alone.Contains(i)).ToList();
        var order = later.Where(i => tests[i].Visibility == Visibility.Visible).Concat(later.Where(i => tests[i].Visibility != Visibility.Visible));

        var steps = new List<LayoutStep>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        var hiddenSinceRestore = false;
        foreach (var i in order)
        {
            var test = tests[i];
            var files = filesOf(test).ToHashSet(StringComparer.Ordinal);
            var action = ActionFor(test, files, present, hiddenSinceRestore);
            if (action == LayoutAction.Restore)
            {
                hiddenSinceRestore = false;
            }

            if (action != LayoutAction.None)
            {
                present = files;
            }

            hiddenSinceRestore |= test.Visibility == Visibility.Hidden;
            steps.Add(new LayoutStep(i, action));
        }

        return new LayoutPlan(alone, steps);
    }

    private static LayoutAction ActionFor(TestDefinition test, HashSet<string> files, HashSet<string> present, bool hiddenSinceRestore)
    {
        var io = test.Kind == TestKind.Io && test.ReportPath is null;
        if (!io || (test.Visibility != Visibility.Hidden && hiddenSinceRestore) || !present.IsSubsetOf(files))
        {
            return LayoutAction.Restore;
        }

        return present.SetEquals(files) ? LayoutAction.None : LayoutAction.Lay;
    }

    private static bool RunsOnStudentFilesAlone(TestDefinition test) =>
        test.Visibility == Visibility.Visible && !test.NeedsHiddenFiles && test.Kind != TestKind.JUnit;
}
