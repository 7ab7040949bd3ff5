using GitGrader.Classroom;
using GitGrader.Core.Feedback;
using GitGrader.Core.Reports;
using GitGrader.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GitGrader.Worker;

/// <summary>
/// Applies the course's feedback limits to a graded commit: saves the full result (every push is
/// recorded, hidden tests included, for the summary issue and <c>export</c>) and, in the same store
/// transaction, reserves one of the student's hidden results for the day. Students are counted per
/// assignment by the login the repository name gives (<c>{slug}-{login}</c>, the submission's
/// <see cref="SubmissionRecord.Student"/>), ignoring case; the day is the one holding the moment the
/// result is saved.
/// </summary>
public sealed class FeedbackGate
{
    /// <summary>
    /// The key of the clock the days are read from: the host's <see cref="TimeProvider"/> unless a
    /// test registers its own under this key (leases, tokens and retries keep the real clock).
    /// </summary>
    public const string ClockKey = "feedback";

    private readonly IResultStore _store;
    private readonly Course _course;
    private readonly TimeProvider _time;

    /// <summary>Creates the gate.</summary>
    public FeedbackGate(IResultStore store, Course course, [FromKeyedServices(ClockKey)] TimeProvider time)
    {
        _store = store;
        _course = course;
        _time = time;
    }

    /// <summary>The time on the clock the days are read from (for "they come back in 4 h 12 min").</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Saves <paramref name="report"/> for the job and decides what the student is shown of it.</summary>
    public async Task<FeedbackDecision> SaveAsync(SubmissionRecord submission, long jobId, GradeReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(report);
        if (Claim(submission, report) is not { } claim)
        {
            await _store.SaveResultAsync(submission.Id, jobId, report, cancellationToken).ConfigureAwait(false);
            return FeedbackDecision.Unlimited;
        }

        var grant = await _store.SaveResultAsync(submission.Id, jobId, report, claim.Claim, cancellationToken).ConfigureAwait(false);
        return Decide(claim, grant);
    }

    /// <summary>What the student is shown of a result saved earlier (a retry after a crash, a pull request opened later): nothing is reserved.</summary>
    public async Task<FeedbackDecision> DecideSavedAsync(SubmissionRecord submission, GradeReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(report);
        if (Claim(submission, report) is not { } claim)
        {
            return FeedbackDecision.Unlimited;
        }

        var grant = await _store.GetFeedbackGrantAsync(submission.Id, claim.Claim, cancellationToken).ConfigureAwait(false);
        return Decide(claim, grant);
    }

    private PendingClaim? Claim(SubmissionRecord submission, GradeReport report)
    {
        var policy = _course.Feedback.For(submission.Assignment);
        if (policy.Limit is not { } limit || policy.ResultsPerDayFor(submission.Student) is not { } perDay)
        {
            return null;
        }

        var window = FeedbackAllowance.WindowAt(limit, _time.GetUtcNow());
        var claim = new FeedbackClaim
        {
            Assignment = submission.Assignment.ToLowerInvariant(),
            Student = FeedbackPolicy.StudentKey(submission.Student),
            WindowKey = window.Key,
            PerDay = perDay,
            Spend = FeedbackAllowance.UsesHiddenResult(report),
        };
        return new PendingClaim(claim, limit, window);
    }

    private static FeedbackDecision Decide(PendingClaim pending, FeedbackGrant grant) => new()
    {
        HiddenShown = grant.Granted,
        Limit = pending.Limit,
        PerDay = pending.Claim.PerDay,
        Used = grant.Used,
        Window = pending.Window,
        AlreadyCounted = grant.AlreadyCounted,
        Counts = pending.Claim.Spend,
    };

    private sealed record PendingClaim(FeedbackClaim Claim, FeedbackLimit Limit, FeedbackWindow Window);
}
