using GitGrader.Core.Assignments;

namespace GitGrader.Core.Tests.Assignments;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1h2m3s4ms", 3_723_004)]
    [InlineData("10", 10_000)]
    [InlineData("0.5", 500)]
    [InlineData("1.5s", 1_500)]
    [InlineData(" 3S ", 3_000)]
    public void TryParse_ValidDuration_ReturnsMilliseconds(string text, double milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ten")]
    [InlineData("10 s")]
    [InlineData("30s1m")]
    [InlineData("1m1m")]
    [InlineData("-5s")]
    [InlineData("5d")]
    public void TryParse_InvalidDuration_ReturnsFalse(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _));
    }
}
