using System.Diagnostics;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;

namespace GitGrader.Core.Tests.Grading;

public sealed class OutputComparerTests
{
    [Theory]
    [InlineData("4", "4", true)]
    [InlineData("4", "4\n", true)]
    [InlineData("4\n", "4\r\n", true)]
    [InlineData("a\nb", "a\r\nb\r\n", true)]
    [InlineData("Hello", "  Hello  \n\n", true)]
    [InlineData("4", "5", false)]
    [InlineData("hello", "Hello", false)]
    [InlineData("a b", "a  b", false)]
    [InlineData("a\nb", "a\n\nb", false)]
    [InlineData("a\nb", "a \nb", false)]
    [InlineData("4", "result: 4", false)]
    [InlineData("", "", true)]
    [InlineData("", "\n", true)]
    public void Matches_Exact_ClassroomSemantics(string expected, string actual, bool matches)
    {
        Assert.Equal(matches, OutputComparer.Matches(OutputComparison.Exact, expected, actual));
    }

    [Theory]
    [InlineData("4", "result: 4\n", true)]
    [InlineData("line 2\nline 3", "line 1\r\nline 2\r\nline 3\r\n", true)]
    [InlineData("  Total: 10  \n", "Items: 3\nTotal: 10\n", true)]
    [InlineData("Total: 10", "total: 10", false)]
    [InlineData("a\nb", "a b", false)]
    [InlineData("", "anything", true)]
    public void Matches_Included_ClassroomSemantics(string expected, string actual, bool matches)
    {
        Assert.Equal(matches, OutputComparer.Matches(OutputComparison.Included, expected, actual));
    }

    [Theory]
    [InlineData(@"^\d+$", "42\n", true)]
    [InlineData(@"^Total: \d+$", "Items: 3\r\nTotal: 10\r\nBye\r\n", true)]
    [InlineData(@"^\d+$", "42 apples", false)]
    [InlineData(@"hello", "HELLO", false)]
    [InlineData(@"(?i)hello", "HELLO", true)]
    [InlineData(@"3\.14", "pi is 3.14159", true)]
    [InlineData(@"3\.14", "pi is 3x14", false)]
    public void Matches_Regex_MultilinePattern(string pattern, string actual, bool matches)
    {
        Assert.Equal(matches, OutputComparer.Matches(OutputComparison.Regex, pattern, actual));
    }

    [Fact]
    public void Matches_CatastrophicRegex_TimesOutAsNoMatch()
    {
        var actual = new string('a', 5_000) + "!";
        var stopwatch = Stopwatch.StartNew();

        var matches = OutputComparer.Matches(OutputComparison.Regex, @"^(\w+\s?)*$", actual);

        Assert.False(matches);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(0.9), $"the pattern should have hit the timeout, took {stopwatch.Elapsed}");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Matches_InvalidRegex_ThrowsArgumentException()
    {
        Assert.ThrowsAny<ArgumentException>(() => OutputComparer.Matches(OutputComparison.Regex, "(unclosed", "x"));
    }

    [Theory]
    [InlineData("1 2 3", "1  2\t3\n", true)]
    [InlineData("1 2 3", "1\r\n2\r\n3\r\n", true)]
    [InlineData("  a   b  ", "a b", true)]
    [InlineData("a b", "ab", false)]
    [InlineData("a b", "a b c", false)]
    [InlineData("", " \n\t ", true)]
    public void Matches_Whitespace_CollapsesRuns(string expected, string actual, bool matches)
    {
        Assert.Equal(matches, OutputComparer.Matches(OutputComparison.Whitespace, expected, actual));
    }

    [Fact]
    public void Matches_UnknownComparison_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OutputComparer.Matches((OutputComparison)99, "a", "a"));
    }

    [Theory]
    [InlineData(@"^Total: \d+$", "Total: 10\r\n", true)]
    [InlineData(@"^Total: \d+$", "Items: 3\r\nTotal: 10\r\n", false)]
    [InlineData(@"Total: \d+", "Items: 3\nTotal: 10\nBye", true)]
    [InlineData(@"a.b", "a\nb", false)]
    [InlineData(@"\d", "\u0663", false)]
    [InlineData(@"(?<=x)y", "xy", true)]
    public void Matches_ClassroomRegex_IsAJavaScriptPatternWithNoFlags_OnTheNormalisedOutput(string pattern, string actual, bool matches)
    {
        Assert.Equal(matches, OutputComparer.Matches(OutputComparison.ClassroomRegex, pattern, actual));
    }

    [Theory]
    [InlineData(OutputComparison.IoGraderExact, "4", "  4 \n", true)]
    [InlineData(OutputComparison.IoGraderExact, "a\nb", "a\r\nb\r\n", false)]
    [InlineData(OutputComparison.IoGraderExact, "a\nb", "a\nb\n", true)]
    [InlineData(OutputComparison.IoGraderExact, "\uFEFFx", "x", true)]
    [InlineData(OutputComparison.IoGraderContains, "line 2\nline 3", "line 1\nline 2\nline 3\n", true)]
    [InlineData(OutputComparison.IoGraderContains, "line 2\nline 3", "line 1\r\nline 2\r\nline 3\r\n", false)]
    [InlineData(OutputComparison.IoGraderContains, "Sum: 12", "Enter two numbers: Sum: 12", true)]
    [InlineData(OutputComparison.IoGraderRegex, "^Sum: \\d+$", "Sum: 12\n", true)]
    [InlineData(OutputComparison.IoGraderRegex, "^Sum: \\d+$", "Enter: \nSum: 12", false)]
    [InlineData(OutputComparison.IoGraderRegex, "  Sum  ", "Sum", true)]
    public void Matches_IoGrader_TrimsBothAndLeavesLineEndings(OutputComparison comparison, string expected, string actual, bool matches)
    {
        Assert.Equal(matches, OutputComparer.Matches(comparison, expected, actual));
    }
}
