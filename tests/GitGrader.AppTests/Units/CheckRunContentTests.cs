using GitGrader.Core.Assignments;
using GitGrader.Core.Reports;
using GitGrader.Reporting;

namespace GitGrader.AppTests.Units;

public sealed class CheckRunContentTests
{
    private static GradeReport Report(Annotation annotation) => new()
    {
        Assignment = "Lab",
        Slug = "lab",
        Score = 0,
        MaxScore = 1,
        DurationMs = 1_000,
        GradedAt = DateTimeOffset.UnixEpoch,
        Tests = [new TestResult { Name = "t", Status = TestStatus.Failed, Score = 0, MaxScore = 1, Visibility = Visibility.Visible }],
        Annotations = [annotation],
    };

    [Fact]
    public void Graded_AnnotationWithControlCharacters_SentPrintable()
    {
        var report = Report(new Annotation { Path = "a\u001B[2J.py", Line = 2, Title = "t\u0007", Message = "ValueError: \u001B]0;pwned\u0007 \u202Eevil" });

        var annotation = Assert.Single(CheckRunContent.Graded(report, "summary").Annotations);

        Assert.Equal("a␛[2J.py", annotation.Path);
        Assert.Equal("t␇", annotation.Title);
        Assert.Equal("ValueError: ␛]0;pwned␇ <U+202E>evil", annotation.Message);
    }

    [Theory]
    [InlineData("feature-`x`")]
    [InlineData("fix/GH-2")]
    public void Superseded_Branch_NotInACodeSpanAndDefused(string branch)
    {
        var output = CheckRunContent.Superseded(new string('a', 40), branch);

        Assert.DoesNotContain("`" + MarkdownText.Inline(branch), output.Summary, StringComparison.Ordinal);
        Assert.Contains(" to " + MarkdownText.Inline(branch) + " before", output.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("GH-2", output.Summary, StringComparison.Ordinal);
    }
}
