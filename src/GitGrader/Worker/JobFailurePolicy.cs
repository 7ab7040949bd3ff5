using System.Net;
using GitGrader.GitHub.Rest;
using GitGrader.Storage;
using Microsoft.Extensions.Options;

namespace GitGrader.Worker;

/// <summary>
/// The one rule for every failed try of every kind of job. GitGrader's own failures are tried
/// <see cref="WorkerOptions.MaxAttempts"/> times in all, <see cref="WorkerOptions.RetryDelay"/> apart and doubling. An outage
/// of GitHub, the store or the network is waited out without counting against those tries (the pause doubles up to
/// <see cref="WorkerOptions.MaxRetryDelay"/>) for up to <see cref="WorkerOptions.OutageTolerance"/> from the job's queueing, so
/// a grade saved during a GitHub outage is reported when GitHub is back. A repository or commit that is gone ends the job
/// at once.
/// </summary>
public sealed class JobFailurePolicy
{
    private static readonly string[] GoneWords = ["not our ref", "couldn't find remote ref", "repository not found", "remote: not found", "does not appear to be a git repository", "returned error: 404", "returned error: 410"];
    private static readonly string[] NetworkWords = ["could not resolve host", "connection refused", "connection timed out", "timed out", "returned error: 5", "early eof", "connection reset", "failed to connect", "did not finish within"];

    private readonly WorkerOptions _options;

    /// <summary>Creates the policy.</summary>
    public JobFailurePolicy(IOptions<WorkerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <summary>Whose fault <paramref name="error"/> is.</summary>
    public static FailureKind Classify(Exception error) => error switch
    {
        GitFetchException fetch when Mentions(fetch.Message, GoneWords) => FailureKind.Permanent,
        GitFetchException fetch when Mentions(fetch.Message, NetworkWords) => FailureKind.Outside,
        GitHubApiException { StatusCode: HttpStatusCode.NotFound or HttpStatusCode.Gone } => FailureKind.Permanent,
        GitHubApiException { StatusCode: null } => FailureKind.Outside,
        GitHubApiException { StatusCode: >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests } => FailureKind.Outside,
        GitHubApiException { StatusCode: HttpStatusCode.Forbidden } limited when limited.Message.Contains("rate limit", StringComparison.OrdinalIgnoreCase) => FailureKind.Outside,
        HttpRequestException or GradingStoreException => FailureKind.Outside,
        _ => FailureKind.Ours,
    };

    /// <summary>What to do after <paramref name="job"/>'s try failed with <paramref name="error"/> at <paramref name="now"/>.</summary>
    public FailureDecision Decide(ClaimedJob job, Exception error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var kind = Classify(error);
        var pause = _options.RetryDelay * Math.Pow(2, Math.Min(20, Math.Max(0, job.Attempt - 1)));
        return kind switch
        {
            FailureKind.Permanent => new FailureDecision(kind, null),
            FailureKind.Outside when now - job.CreatedAt >= _options.OutageTolerance => new FailureDecision(kind, null),
            FailureKind.Outside => new FailureDecision(kind, now + (pause < _options.MaxRetryDelay ? pause : _options.MaxRetryDelay)),
            _ when job.Failures + 1 >= _options.MaxAttempts => new FailureDecision(kind, null),
            _ => new FailureDecision(kind, now + (_options.RetryDelay * Math.Pow(2, job.Failures))),
        };
    }

    private static bool Mentions(string message, string[] words) => words.Any(w => message.Contains(w, StringComparison.OrdinalIgnoreCase));
}
