using GitGrader.Classroom;
using GitGrader.Core.Feedback;
using GitGrader.Core.Grading;
using GitGrader.Core.Reports;
using GitGrader.GitHub.Rest;
using GitGrader.Reporting;
using GitGrader.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Worker;

/// <summary>
/// A grade job (a push, or a regrade): its check run in progress, exactly that commit fetched (into a bare repository, its
/// tree read without a checkout), graded, the result saved, the check run completed with the score, the pull request
/// comment written. A job whose push a newer one superseded while it waited ends skipped. Every step is safe to repeat:
/// a result already saved for the job is reported instead of graded again, a run already completed with its score is not
/// updated twice, and the comment is found by its marker.
/// </summary>
public sealed partial class GradeJobHandler : IJobHandler
{
    private readonly IResultStore _results;
    private readonly IGitHubClient _gitHub;
    private readonly JobCheckRun _checkRun;
    private readonly PullRequestCommenter _commenter;
    private readonly CommitFetcher _fetcher;
    private readonly Grader _grader;
    private readonly Course _course;
    private readonly FeedbackGate _feedback;
    private readonly TimeProvider _time;
    private readonly WorkerOptions _options;
    private readonly ILogger<GradeJobHandler> _logger;
    private readonly MarkdownReportRenderer _renderer = new();

    /// <summary>Creates the handler.</summary>
    public GradeJobHandler(
        IResultStore results,
        IGitHubClient gitHub,
        JobCheckRun checkRun,
        PullRequestCommenter commenter,
        CommitFetcher fetcher,
        Grader grader,
        Course course,
        FeedbackGate feedback,
        TimeProvider time,
        IOptions<WorkerOptions> options,
        ILogger<GradeJobHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _results = results;
        _gitHub = gitHub;
        _checkRun = checkRun;
        _commenter = commenter;
        _fetcher = fetcher;
        _grader = grader;
        _course = course;
        _feedback = feedback;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public JobKind Kind => JobKind.Grade;

    /// <inheritdoc />
    public Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.SupersededBy is { } newer ? SkipAsync(job, newer, cancellationToken) : GradeAsync(job, cancellationToken);
    }

    /// <inheritdoc />
    public async Task ShowFailureAsync(ClaimedJob job, FailureDecision decision, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(decision);

        // Graded already, the failure came while reporting (a comment GitHub refused): the check run keeps its score, or
        // gets it from the next try; it is no grader error, and is never reopened.
        if ((await _results.GetLatestResultAsync(job.Submission.Id, cancellationToken).ConfigureAwait(false))?.JobId == job.Id)
        {
            return;
        }

        var update = decision.RetryAt is { } retryAt
            ? new CheckRunUpdate
            {
                Status = CheckRunStatus.Queued,
                Output = decision.Kind == FailureKind.Ours ? CheckRunContent.WillRetry(job.Failures + 1, _options.MaxAttempts, retryAt) : CheckRunContent.WaitingOut(retryAt),
            }
            : new CheckRunUpdate
            {
                Status = CheckRunStatus.Completed,
                Conclusion = CheckRunConclusion.Neutral,
                CompletedAt = _time.GetUtcNow(),
                Output = decision.Kind == FailureKind.Permanent ? CheckRunContent.CannotGrade(message) : CheckRunContent.GraderError(job.Attempt),
            };
        try
        {
            await _checkRun.MoveAsync(job, update, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is GitHubApiException or HttpRequestException)
        {
            LogNotShown(_logger, job.Id, ex.Message, ex);
        }
    }

    private async Task SkipAsync(ClaimedJob job, SupersededBy newer, CancellationToken cancellationToken)
    {
        await _checkRun.MoveAsync(job, new CheckRunUpdate
        {
            Status = CheckRunStatus.Completed,
            Conclusion = CheckRunConclusion.Skipped,
            CompletedAt = _time.GetUtcNow(),
            Output = CheckRunContent.Superseded(newer.Sha, job.Submission.Branch),
        }, cancellationToken).ConfigureAwait(false);
        LogSkipped(_logger, job.Id, job.Submission.Repository, job.Submission.Sha[..7], newer.Sha[..7]);
    }

    private async Task GradeAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var submission = job.Submission;
        var saved = await _results.GetLatestResultAsync(submission.Id, cancellationToken).ConfigureAwait(false);
        GradeReport report;
        FeedbackDecision decision;
        if (saved is not null && saved.JobId == job.Id)
        {
            // A retry after a crash that came after the result was saved: report it, do not grade again.
            report = saved.Report;
            decision = await _feedback.DecideSavedAsync(submission, report, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _checkRun.MoveAsync(job, new CheckRunUpdate { Status = CheckRunStatus.InProgress, StartedAt = _time.GetUtcNow(), Output = CheckRunContent.Grading }, cancellationToken).ConfigureAwait(false);
            report = await FetchAndGradeAsync(job, cancellationToken).ConfigureAwait(false);
            decision = await _feedback.SaveAsync(submission, job.Id, report, cancellationToken).ConfigureAwait(false);
        }

        // The full report is stored; the student sees it through the day's feedback limit.
        var shown = FeedbackView.ForStudent(report, decision, _feedback.Now);
        if (!await _checkRun.IsScoredAsync(job, cancellationToken).ConfigureAwait(false))
        {
            await _checkRun.MoveAsync(job, new CheckRunUpdate
            {
                Status = CheckRunStatus.Completed,
                Conclusion = CheckRunContent.Conclusion(shown, decision),
                CompletedAt = _time.GetUtcNow(),
                Output = WithLateness(CheckRunContent.WithRecovery(CheckRunContent.Graded(shown, _renderer.Render(shown), decision, _feedback.Now), submission), submission),
            }, cancellationToken).ConfigureAwait(false);
        }

        await _commenter.UpsertAsync(submission, shown, cancellationToken).ConfigureAwait(false);
        LogGraded(_logger, job.Id, submission.Repository, submission.Sha[..7], report.Score, report.MaxScore, report.DurationMs);
    }

    private async Task<GradeReport> FetchAndGradeAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var submission = job.Submission;
        var assignment = _course.Catalog.Find(submission.Assignment)
            ?? throw new GraderFailureException($"assignment '{submission.Assignment}' is no longer in the assignments folder");
        var directory = Path.Combine(_options.WorkFolder ?? Path.GetTempPath(), $"gitgrader-job-{job.Id}-{job.Attempt}-{Guid.NewGuid():N}");
        try
        {
            var token = await _gitHub.GetInstallationTokenAsync(submission.InstallationId, cancellationToken).ConfigureAwait(false);
            var commit = await _fetcher.FetchAsync(_course.CloneUrl(submission.Repository), submission.Sha, token, directory, _options.FetchTimeout, cancellationToken).ConfigureAwait(false);
            // The student's own deadline (an extension) decides when their after_due_date tests are revealed.
            var theirs = assignment with { Deadline = _course.Deadlines.DeadlineFor(assignment, submission.Student) };
            var report = await _grader.GradeAsync(theirs, commit, GradeOptions.Default, cancellationToken).ConfigureAwait(false);
            if (report.HasGraderError)
            {
                var failed = report.Tests.First(t => t.Status == TestStatus.Error);
                throw new GraderFailureException($"test '{failed.Name}' ended in a grader error: {failed.Message}");
            }

            return report;
        }
        finally
        {
            DeleteQuietly(directory);
        }
    }

    private CheckRunOutput WithLateness(CheckRunOutput output, SubmissionRecord submission) =>
        _course.Catalog.Find(submission.Assignment) is { } assignment
            ? CheckRunContent.WithLateness(output, submission, assignment, _course.Deadlines.DeadlineFor(assignment, submission.Student))
            : output;

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is not worth failing a grade for.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: graded {Repository}@{Sha}: {Score}/{MaxScore} in {DurationMs} ms")]
    private static partial void LogGraded(ILogger logger, long jobId, string repository, string sha, double score, double maxScore, long durationMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: {Repository}@{Sha} skipped, superseded by {NewerSha}")]
    private static partial void LogSkipped(ILogger logger, long jobId, string repository, string sha, string newerSha);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId}: could not show the failed try on its check run ({Error}); the store has it")]
    private static partial void LogNotShown(ILogger logger, long jobId, string error, Exception exception);
}
