using System.Net;
using GitGrader.GitHub.Rest;
using GitGrader.Storage;
using GitGrader.Worker;
using Microsoft.Extensions.Options;

namespace GitGrader.AppTests.Units;

/// <summary>The one rule for a failed try: whose fault, and what then.</summary>
public sealed class JobFailurePolicyTests
{
    private static readonly DateTimeOffset Queued = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly JobFailurePolicy _policy = new(Options.Create(new WorkerOptions
    {
        MaxAttempts = 3,
        RetryDelay = TimeSpan.FromSeconds(15),
        MaxRetryDelay = TimeSpan.FromMinutes(2),
        OutageTolerance = TimeSpan.FromHours(24),
    }));

    public static TheoryData<Exception, FailureKind> Failures() => new()
    {
        { new GitFetchException("git fetch failed (exit 128): fatal: remote error: upload-pack: not our ref 0123456789abcdef"), FailureKind.Permanent },
        { new GitFetchException("git fetch failed (exit 128): remote: Repository not found."), FailureKind.Permanent },
        { new GitFetchException("git fetch failed (exit 128): fatal: unable to access 'https://x/': Could not resolve host: x"), FailureKind.Outside },
        { new GitFetchException("git fetch failed (exit 128): The requested URL returned error: 502"), FailureKind.Outside },
        { new GitFetchException("git fetch of 0123456789ab from https://x/ did not finish within 2 s (Worker:FetchTimeout)."), FailureKind.Outside },
        { new GitFetchException("could not start git; is it installed and on PATH?"), FailureKind.Ours },
        { new GitHubApiException("GitHub answered 503 to PATCH /repos/o/r/check-runs/1", HttpStatusCode.ServiceUnavailable), FailureKind.Outside },
        { new GitHubApiException("GitHub answered 429 to POST /x", HttpStatusCode.TooManyRequests), FailureKind.Outside },
        { new GitHubApiException("GitHub answered 403 to POST /x: API rate limit exceeded", HttpStatusCode.Forbidden), FailureKind.Outside },
        { new GitHubApiException("POST /x failed: Connection refused"), FailureKind.Outside },
        { new GitHubApiException("GitHub answered 404 to GET /repos/o/r/commits/s/pulls", HttpStatusCode.NotFound), FailureKind.Permanent },
        { new GitHubApiException("GitHub answered 401 to POST /app/installations/1/access_tokens: Bad credentials", HttpStatusCode.Unauthorized), FailureKind.Ours },
        { new GitHubApiException("GitHub answered 403 to PATCH /x: Resource not accessible by integration", HttpStatusCode.Forbidden), FailureKind.Ours },
        { new HttpRequestException("Connection reset by peer"), FailureKind.Outside },
        { new GradingStoreException("The database is not reachable"), FailureKind.Outside },
        { new GraderFailureException("test 'a' ended in a grader error: the Docker engine is not reachable"), FailureKind.Ours },
        { new InvalidOperationException("a bug"), FailureKind.Ours },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Classify_SaysWhoseFaultItIs(Exception error, FailureKind expected)
    {
        Assert.Equal(expected, JobFailurePolicy.Classify(error));
    }

    [Fact]
    public void Ours_RetriedRetryDelayApartDoubling_ThenGivesUpAtMaxAttempts()
    {
        var now = Queued.AddMinutes(1);
        var error = new GraderFailureException("grader error");

        Assert.Equal(now.AddSeconds(15), _policy.Decide(Job(attempt: 1, failures: 0), error, now).RetryAt);
        Assert.Equal(now.AddSeconds(30), _policy.Decide(Job(attempt: 5, failures: 1), error, now).RetryAt);
        Assert.True(_policy.Decide(Job(attempt: 6, failures: 2), error, now).GivesUp);
    }

    [Fact]
    public void Outside_WaitedOutWithoutCountingAndWithACappedPause_UntilTheTolerance()
    {
        var error = new GitHubApiException("GitHub answered 502", HttpStatusCode.BadGateway);
        var now = Queued.AddHours(3);

        // Many tries of outages on top of two failures of ours: still waited out.
        Assert.Equal(now.AddSeconds(15), _policy.Decide(Job(attempt: 1, failures: 2), error, now).RetryAt);
        Assert.Equal(now.AddSeconds(60), _policy.Decide(Job(attempt: 3, failures: 2), error, now).RetryAt);
        Assert.Equal(now.AddMinutes(2), _policy.Decide(Job(attempt: 40, failures: 2), error, now).RetryAt);
        Assert.True(_policy.Decide(Job(attempt: 40, failures: 0), error, Queued.AddHours(24)).GivesUp);
    }

    [Fact]
    public void Permanent_EndsAtOnce()
    {
        var decision = _policy.Decide(Job(attempt: 1, failures: 0), new GitFetchException("fatal: couldn't find remote ref abc"), Queued);

        Assert.Equal((FailureKind.Permanent, true), (decision.Kind, decision.GivesUp));
    }

    private static ClaimedJob Job(int attempt, int failures) => new()
    {
        Id = 7,
        Kind = JobKind.Grade,
        Attempt = attempt,
        Failures = failures,
        CreatedAt = Queued,
        LeaseOwner = "host/1@1:1",
        LeaseExpiresAt = Queued.AddMinutes(1),
        Submission = new SubmissionRecord
        {
            Id = 1,
            Assignment = "a",
            Student = "s",
            Repository = "o/r",
            InstallationId = 1,
            Sha = new string('a', 40),
            ReceivedAt = Queued,
        },
    };
}
