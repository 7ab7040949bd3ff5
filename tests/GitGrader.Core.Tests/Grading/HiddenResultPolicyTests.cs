using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Reports;

namespace GitGrader.Core.Tests.Grading;

public sealed class HiddenResultPolicyTests
{
    private static TestResult Result(Visibility visibility, TestStatus status = TestStatus.Failed, string message = "Exited with status 55.", long durationMs = 1234) => new()
    {
        Name = "adds",
        Status = status,
        Score = status == TestStatus.Passed ? 2 : 0,
        MaxScore = 2,
        Visibility = visibility,
        Message = message,
        Output = "secret byte 55",
        Expected = "4\n",
        Actual = "55\n",
        DurationMs = durationMs,
    };

    [Theory]
    [InlineData(TestStatus.Passed, "Passed.")]
    [InlineData(TestStatus.Failed, "Failed.")]
    [InlineData(TestStatus.Timeout, "Timed out.")]
    [InlineData(TestStatus.MemoryLimit, "Ran out of memory.")]
    [InlineData(TestStatus.RuntimeError, "Runtime error.")]
    [InlineData(TestStatus.CompileError, "Does not compile.")]
    [InlineData(TestStatus.Error, "Grader error: this test could not be run; it will be retried.")]
    public void Apply_HiddenResult_KeepsNameVerdictPointsAndAFixedMessageOnly(TestStatus status, string message)
    {
        var policy = new HiddenResultPolicy(revealAll: false, revealAfterDueDate: false);

        var concealed = Assert.Single(policy.Apply([Result(Visibility.Hidden, status, "Crashed: killed by signal 55 after 55 ms.")]));

        Assert.Equal("adds", concealed.Name);
        Assert.Equal(status, concealed.Status);
        Assert.Equal(status == TestStatus.Passed ? 2 : 0, concealed.Score);
        Assert.Equal(2, concealed.MaxScore);
        Assert.Equal(message, concealed.Message);
        Assert.Equal(string.Empty, concealed.Output);
        Assert.Null(concealed.Expected);
        Assert.Null(concealed.Actual);
        Assert.Equal(0, concealed.DurationMs);
        Assert.True(concealed.Concealed);
    }

    [Fact]
    public void Apply_MessagesOfOneVerdict_AllTheSame()
    {
        var policy = new HiddenResultPolicy(false, false);

        var messages = new[] { "Exited with status 1.", "Exited with status 55.", "The output differs from what was expected." }
            .Select(m => Assert.Single(policy.Apply([Result(Visibility.Hidden, TestStatus.Failed, m, durationMs: m.Length * 100)])))
            .ToList();

        Assert.Single(messages.Select(m => (m.Message, m.DurationMs)).Distinct());
    }

    [Fact]
    public void Apply_AfterDueDateBeforeTheDeadline_Concealed()
    {
        var concealed = Assert.Single(new HiddenResultPolicy(false, false).Apply([Result(Visibility.AfterDueDate)]));

        Assert.True(concealed.Concealed);
        Assert.Equal("Failed.", concealed.Message);
    }

    [Fact]
    public void Apply_AfterDueDatePastTheDeadline_KeptWhole()
    {
        var original = Result(Visibility.AfterDueDate);

        Assert.Equal(original, Assert.Single(new HiddenResultPolicy(false, revealAfterDueDate: true).Apply([original])));
    }

    [Fact]
    public void Apply_RevealHidden_KeepsEverything()
    {
        var original = Result(Visibility.Hidden);

        Assert.Equal(original, Assert.Single(new HiddenResultPolicy(revealAll: true, false).Apply([original])));
    }

    [Fact]
    public void Apply_VisibleResult_KeptWhole()
    {
        var original = Result(Visibility.Visible);

        Assert.Equal(original, Assert.Single(new HiddenResultPolicy(false, false).Apply([original])));
    }

    [Fact]
    public void Apply_SharedRunWithAHiddenEntry_NoEntryKeepsTheRunsTime()
    {
        var results = new HiddenResultPolicy(false, false).Apply([Result(Visibility.Visible), Result(Visibility.Hidden)], sharedRun: true);

        Assert.All(results, r => Assert.Equal(0, r.DurationMs));
        Assert.False(results[0].Concealed);
        Assert.Equal("Exited with status 55.", results[0].Message);
    }

    [Fact]
    public void Apply_SharedRunAllVisible_KeepsTheTime()
    {
        var results = new HiddenResultPolicy(false, false).Apply([Result(Visibility.Visible), Result(Visibility.Visible)], sharedRun: true);

        Assert.All(results, r => Assert.Equal(1234, r.DurationMs));
    }

    [Theory]
    [InlineData(1, 1_000)]
    [InlineData(1_000, 1_000)]
    [InlineData(1_001, 2_000)]
    [InlineData(12_345, 13_000)]
    public void TotalDurationMs_WithAConcealedResult_WholeSeconds(long elapsed, long shown)
    {
        var concealed = HiddenResultPolicy.Conceal(Result(Visibility.Hidden));

        Assert.Equal(shown, HiddenResultPolicy.TotalDurationMs([concealed], elapsed));
    }

    [Fact]
    public void TotalDurationMs_NothingConcealed_Exact()
    {
        Assert.Equal(12_345, HiddenResultPolicy.TotalDurationMs([Result(Visibility.Visible)], 12_345));
    }
}
