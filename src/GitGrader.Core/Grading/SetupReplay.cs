using GitGrader.Core.Assignments;
using GitGrader.Core.Reports;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Grading;

/// <summary>
/// A restarted container (student processes that could not be killed in place; under gVisor, the whole sandbox
/// killed for want of memory) has lost what setup built in <c>/tmp</c> and the working copy. Before the next test,
/// setup runs again and the working copy is kept again, so one test's crash never fails the tests after it;
/// a bounded number of times per grade, since each replay costs a build.
/// </summary>
internal sealed class SetupReplay
{
    /// <summary>Most replays of setup in one grade; after that, the remaining tests are not run.</summary>
    public const int MaxReplays = 3;

    private readonly ISandboxSession _session;
    private readonly TestRunner _runner;
    private readonly Assignment _assignment;
    private readonly bool _keepsWorkingCopy;
    private readonly List<string> _notes = [];
    private int _restartsSeen;
    private int _replays;
    private StepVerdict? _failure;

    public SetupReplay(ISandboxSession session, TestRunner runner, Assignment assignment, bool keepsWorkingCopy)
    {
        _session = session;
        _runner = runner;
        _assignment = assignment;
        _keepsWorkingCopy = keepsWorkingCopy;
        _restartsSeen = session.Restarts;
    }

    /// <summary>What the grade's report should say about replays (one line per replay, and the give-up).</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>
    /// Makes sure what setup built is there for <paramref name="next"/>, after <paramref name="previous"/> ran.
    /// Null when the test may run; otherwise why it is not run.
    /// </summary>
    public async Task<StepVerdict?> BeforeAsync(string? previous, string next, CancellationToken cancellationToken)
    {
        if (_failure is not null)
        {
            return _failure;
        }

        // A stopped step's leftovers are dealt with now, so a restart they need is seen here and not after the check.
        await _session.ResetAsync(cancellationToken).ConfigureAwait(false);
        if (_session.Restarts == _restartsSeen)
        {
            return null;
        }

        var during = previous is null ? "setup" : $"“{previous}”";
        if (string.IsNullOrWhiteSpace(_assignment.Setup))
        {
            _restartsSeen = _session.Restarts; // nothing was built: the restaged files are all there is
            return null;
        }

        if (_replays == MaxReplays)
        {
            _failure = new StepVerdict(
                TestStatus.RuntimeError,
                $"The sandbox had to be restarted {MaxReplays + 1} times (processes that could not be stopped, or memory exhausted); what setup built is gone, so the remaining tests were not run.");
            _notes.Add($"The sandbox was restarted after {during} again; the tests from “{next}” on were not run.");
            return _failure;
        }

        _replays++;
        _notes.Add($"The sandbox was restarted after {during} (processes that could not be stopped, or memory exhausted): setup ran again before “{next}”.");
        var (failure, _) = await _runner.RunSetupAsync(cancellationToken).ConfigureAwait(false);
        if (failure is null && _keepsWorkingCopy && !await _session.KeepWorkingCopyAsync(cancellationToken).ConfigureAwait(false))
        {
            failure = new StepVerdict(TestStatus.RuntimeError, "The build, run again after a restart of the sandbox, left no room in the workspace to keep the working copy.");
        }

        _restartsSeen = _session.Restarts;
        if (failure is not null)
        {
            _failure = failure with { Message = "Setup, run again after a restart of the sandbox, failed: " + failure.Message };
        }

        return _failure;
    }
}
