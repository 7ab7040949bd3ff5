using GitGrader.Core.Feedback;
using GitGrader.Reporting;
using GitGrader.Storage;

namespace GitGrader.Worker;

/// <summary>
/// A report job: a pull request opened or updated on a commit already graded gets the feedback comment, from the saved
/// result. It has no check run of its own (the commit's run belongs to the job that graded it), so a failure shows nowhere.
/// </summary>
public sealed class ReportJobHandler : IJobHandler
{
    private readonly IResultStore _results;
    private readonly FeedbackGate _feedback;
    private readonly PullRequestCommenter _commenter;

    /// <summary>Creates the handler.</summary>
    public ReportJobHandler(IResultStore results, FeedbackGate feedback, PullRequestCommenter commenter)
    {
        _results = results;
        _feedback = feedback;
        _commenter = commenter;
    }

    /// <inheritdoc />
    public JobKind Kind => JobKind.Report;

    /// <inheritdoc />
    public async Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);

        // Null while the commit's grade job is still running: that job reports to the pull request itself.
        if (await _results.GetLatestResultAsync(job.Submission.Id, cancellationToken).ConfigureAwait(false) is { } result)
        {
            var decision = await _feedback.DecideSavedAsync(job.Submission, result.Report, cancellationToken).ConfigureAwait(false);
            await _commenter.UpsertAsync(job.Submission, FeedbackView.ForStudent(result.Report, decision, _feedback.Now), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task ShowFailureAsync(ClaimedJob job, FailureDecision decision, string message, CancellationToken cancellationToken) => Task.CompletedTask;
}
