using GitGrader.Core.Assignments;
using GitGrader.Core.Reports;

namespace GitGrader.Storage.Tests.Infrastructure;

/// <summary>Requests and reports for the store tests.</summary>
public static class TestData
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static string NewDeliveryId() => Guid.NewGuid().ToString();

    public static NewSubmission Submission(
        string sha,
        DateTimeOffset receivedAt,
        string student = "octocat",
        string assignment = "wordcount",
        string? branch = "main",
        string? repository = null) => new()
        {
            Assignment = assignment,
            Student = student,
            Repository = repository ?? $"course/{assignment}-{student}",
            InstallationId = 4242,
            Branch = branch,
            Sha = sha,
            ReceivedAt = receivedAt,
        };

    public static IngestRequest Push(NewSubmission submission, string? deliveryId = null, bool supersedesOlder = true) => new()
    {
        Delivery = new IncomingDelivery(deliveryId ?? NewDeliveryId(), "push", submission.ReceivedAt),
        Submission = submission,
        SupersedesOlder = supersedesOlder,
    };

    public static IngestRequest Rerun(string repository, string sha, string assignment, JobKind kind, DateTimeOffset at, string? deliveryId = null) => new()
    {
        Delivery = new IncomingDelivery(deliveryId ?? NewDeliveryId(), "check_run", at),
        ExistingSubmissionJob = new ExistingSubmissionJob(repository, sha, assignment, kind),
    };

    public static GradeReport Report(double score, double maxScore = 10, DateTimeOffset? gradedAt = null) => new()
    {
        Assignment = "Word count",
        Slug = "wordcount",
        Score = score,
        MaxScore = maxScore,
        DurationMs = 1234,
        GradedAt = gradedAt ?? Start,
        Tests =
        [
            new TestResult
            {
                Name = "counts words",
                Status = TestStatus.Passed,
                Score = score,
                MaxScore = maxScore / 2,
                Visibility = Visibility.Visible,
                Message = "ok",
                Output = "3 words\n",
                DurationMs = 10,
            },
            new TestResult
            {
                Name = "hidden › empty file",
                Status = TestStatus.MemoryLimit,
                Score = 0,
                MaxScore = maxScore / 2,
                Visibility = Visibility.Hidden,
                Message = "ran out of memory",
            },
        ],
        Annotations = [new Annotation { Path = "wc.py", Line = 3, Title = "counts words", Message = "NameError: x" }],
        Notes = ["Skipped symlink 'link'."],
    };
}
