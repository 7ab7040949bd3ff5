using GitGrader.Classroom;
using GitGrader.Core.Feedback;
using GitGrader.Core.Grading;
using GitGrader.Core.Reports;
using GitGrader.GitHub;
using GitGrader.GitHub.Rest;
using GitGrader.Reporting;
using GitGrader.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Worker;

/// <summary>
/// Works one claimed job to the end: check run in progress, fetch exactly that commit (into a bare
/// repository, its tree read without a checkout), grade, persist, report (check run, pull request
/// comment), complete. Every step is safe to repeat, so a job claimed again after a crash finishes
/// once: the check run is found by its external id, a result already saved for the job is reported
/// instead of graded again, a completed check run is not updated twice, and the comment is found by
/// its marker.
/// </summary>
public sealed partial class JobProcessor
{
    private readonly IGradingStore _store;
    private readonly IGitHubClient _gitHub;
    private readonly CheckRunKeeper _checkRuns;
    private readonly PullRequestCommenter _commenter;
    private readonly CommitFetcher _fetcher;
    private readonly Grader _grader;
    private readonly Course _course;
    private readonly FeedbackGate _feedback;
    private readonly JobFailurePolicy _failures;
    private readonly TimeProvider _time;
    private readonly WorkerOptions _options;
    private readonly ILogger<JobProcessor> _logger;
    private readonly MarkdownReportRenderer _renderer = new();

    /// <summary>Creates the processor.</summary>
    public JobProcessor(
        IGradingStore store,
        IGitHubClient gitHub,
        CheckRunKeeper checkRuns,
        PullRequestCommenter commenter,
        CommitFetcher fetcher,
        Grader grader,
        Course course,
        FeedbackGate feedback,
        JobFailurePolicy failures,
        TimeProvider time,
        IOptions<WorkerOptions> options,
        ILogger<JobProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _gitHub = gitHub;
        _checkRuns = checkRuns;
        _commenter = commenter;
        _fetcher = fetcher;
        _grader = grader;
        _course = course;
        _feedback = feedback;
        _failures = failures;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Works <paramref name="job"/>; never throws for the job's own failures (they are retried or recorded), only for shutdown.</summary>
    public async Task ProcessAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var lease = LeaseKeeper.Start(_store, job, _options.Lease, _time, cancellationToken);
        try
        {
            await (job switch
            {
                { SupersededBy: { } newer } => SkipAsync(job, newer, lease.Token),
                { Kind: JobKind.Report } => ReportAgainAsync(job, lease.Token),
                _ => GradeAsync(job, lease.Token),
            }).ConfigureAwait(false);
            await _store.CompleteJobAsync(job.Id, job.LeaseOwner, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lease.Lost)
        {
            LogLeaseLost(_logger, job.Id);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand the job straight back rather than wait out the lease.
            await _store.RetryJobAsync(job.Id, job.LeaseOwner, "worker stopped", _time.GetUtcNow(), countsAsFailure: false, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            await FailAsync(job, ex).ConfigureAwait(false);
        }
    }

    private string CheckName(SubmissionRecord submission) => _course.Catalog.Find(submission.Assignment)?.Name ?? submission.Assignment;

    private async Task SkipAsync(ClaimedJob job, SupersededBy newer, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await MoveAsync(job, new CheckRunUpdate
        {
            Status = CheckRunStatus.Completed,
            Conclusion = CheckRunConclusion.Skipped,
            CompletedAt = now,
            Output = CheckRunContent.Superseded(newer.Sha, job.Submission.Branch),
        }, cancellationToken).ConfigureAwait(false);
        LogSkipped(_logger, job.Id, job.Submission.Repository, job.Submission.Sha[..7], newer.Sha[..7]);
    }

    private async Task ReportAgainAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        // Null while the commit's grade job is still running: that job reports to the pull request itself.
        if (await _store.GetLatestResultAsync(job.Submission.Id, cancellationToken).ConfigureAwait(false) is { } result)
        {
            var decision = await _feedback.DecideSavedAsync(job.Submission, result.Report, cancellationToken).ConfigureAwait(false);
            await _commenter.UpsertAsync(job.Submission, FeedbackView.ForStudent(result.Report, decision, _feedback.Now), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task GradeAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var submission = job.Submission;
        var saved = await _store.GetLatestResultAsync(submission.Id, cancellationToken).ConfigureAwait(false);
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
            await MoveAsync(job, new CheckRunUpdate { Status = CheckRunStatus.InProgress, StartedAt = _time.GetUtcNow(), Output = CheckRunContent.Grading }, cancellationToken).ConfigureAwait(false);
            report = await FetchAndGradeAsync(job, cancellationToken).ConfigureAwait(false);
            decision = await _feedback.SaveAsync(submission, job.Id, report, cancellationToken).ConfigureAwait(false);
        }

        // The full report is stored; the student sees it through the day's feedback limit.
        var shown = FeedbackView.ForStudent(report, decision, _feedback.Now);
        var graded = new CheckRunUpdate
        {
            Status = CheckRunStatus.Completed,
            Conclusion = CheckRunContent.Conclusion(shown, decision),
            CompletedAt = _time.GetUtcNow(),
            Output = CheckRunContent.WithRecovery(CheckRunContent.Graded(shown, _renderer.Render(shown), decision, _feedback.Now), submission),
        };
        // A retry after a crash that came after the run was completed with its score: not updated twice.
        var runs = await JobRunsAsync(job, cancellationToken).ConfigureAwait(false);
        if (!runs.Any(r => r.Status == "completed" && r.Conclusion is "success" or "failure"))
        {
            await MoveAsync(job, graded, cancellationToken).ConfigureAwait(false);
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
            var report = await _grader.GradeAsync(assignment, commit, GradeOptions.Default, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The job's check runs on GitHub (normally one; a retry finds whether an earlier attempt completed it).</summary>
    private async Task<IReadOnlyList<CheckRun>> JobRunsAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var runs = await _gitHub.ListCheckRunsForRefAsync(job.Submission.InstallationId, RepositoryRef.Parse(job.Submission.Repository), job.Submission.Sha, CheckName(job.Submission), cancellationToken).ConfigureAwait(false);
        var externalId = CheckRunContent.ExternalId(job.Id);
        return [.. runs.Where(r => r.ExternalId == externalId)];
    }

    /// <summary>Brings the job's check run to <paramref name="update"/>; a run not created yet is created queued first, so students always see queued → in progress → completed. Returns the run's id.</summary>
    private async Task<long> MoveAsync(ClaimedJob job, CheckRunUpdate update, CancellationToken cancellationToken)
    {
        var id = await _checkRuns.EnsureAsync(job.Id, job.CheckRunId, job.Submission, CheckName(job.Submission), cancellationToken).ConfigureAwait(false);
        await _gitHub.UpdateCheckRunAsync(job.Submission.InstallationId, RepositoryRef.Parse(job.Submission.Repository), id, update, cancellationToken).ConfigureAwait(false);
        return id;
    }

    private async Task FailAsync(ClaimedJob job, Exception error)
    {
        var message = error is GraderFailureException or GitFetchException or GitHubApiException ? error.Message : $"{error.GetType().Name}: {error.Message}";
        var decision = _failures.Decide(job, error, _time.GetUtcNow());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            // Graded already, the failure came while reporting (a comment GitHub refused): the check run keeps
            // its score, or gets it from the next attempt; it is no grader error, and is never reopened.
            var graded = job.Kind == JobKind.Grade
                && (await _store.GetLatestResultAsync(job.Submission.Id, timeout.Token).ConfigureAwait(false))?.JobId == job.Id;
            if (decision.RetryAt is { } retryAt)
            {
                var counted = decision.Kind == FailureKind.Ours;
                LogRetrying(_logger, job.Id, decision.Kind, job.Failures + (counted ? 1 : 0), _options.MaxAttempts, retryAt, message, error);
                await _store.RetryJobAsync(job.Id, job.LeaseOwner, message, retryAt, counted, timeout.Token).ConfigureAwait(false);
                if (!graded)
                {
                    var waiting = counted ? CheckRunContent.WillRetry(job.Failures + 1, _options.MaxAttempts, retryAt) : CheckRunContent.WaitingOut(retryAt);
                    await TryMoveAsync(job, new CheckRunUpdate { Status = CheckRunStatus.Queued, Output = waiting }, timeout.Token).ConfigureAwait(false);
                }
            }
            else
            {
                LogGaveUp(_logger, job.Id, decision.Kind, job.Attempt, message, error);
                await _store.FailJobAsync(job.Id, job.LeaseOwner, message, timeout.Token).ConfigureAwait(false);
                if (!graded)
                {
                    await TryMoveAsync(job, new CheckRunUpdate
                    {
                        Status = CheckRunStatus.Completed,
                        Conclusion = CheckRunConclusion.Neutral,
                        CompletedAt = _time.GetUtcNow(),
                        Output = decision.Kind == FailureKind.Permanent ? CheckRunContent.CannotGrade(message) : CheckRunContent.GraderError(job.Attempt),
                    }, timeout.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The store or GitHub is down too: the lease runs out and the job is claimed again.
            LogFailFailed(_logger, job.Id, ex.Message, ex);
        }
    }

    private async Task TryMoveAsync(ClaimedJob job, CheckRunUpdate update, CancellationToken cancellationToken)
    {
        if (job.Kind == JobKind.Report)
        {
            // A report job has no check run of its own: the commit's run belongs to the job that graded it.
            return;
        }

        try
        {
            await MoveAsync(job, update, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is GitHubApiException or HttpRequestException)
        {
            LogFailFailed(_logger, job.Id, ex.Message, ex);
        }
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: lease lost to another worker; stopped without reporting")]
    private static partial void LogLeaseLost(ILogger logger, long jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: try failed ({Kind}; {Failures} of {MaxAttempts} failures of ours), retry at {RetryAt:u}: {Error}")]
    private static partial void LogRetrying(ILogger logger, long jobId, FailureKind kind, int failures, int maxAttempts, DateTimeOffset retryAt, string error, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId}: gave up ({Kind}) after {Attempts} tries: {Error}")]
    private static partial void LogGaveUp(ILogger logger, long jobId, FailureKind kind, int attempts, string error, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId}: could not record the failure ({Error}); the job will be claimed again when its lease runs out")]
    private static partial void LogFailFailed(ILogger logger, long jobId, string error, Exception exception);
}
