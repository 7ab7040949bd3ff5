using GitGrader.Core.Assignments;

namespace GitGrader.Core.Tests.Assignments;

public sealed class ByteSizeParserTests
{
    [Theory]
    [InlineData("100", 100L)]
    [InlineData("64k", 64L * 1024)]
    [InlineData("64KB", 64L * 1024)]
    [InlineData("64KiB", 64L * 1024)]
    [InlineData("256m", 256L * 1024 * 1024)]
    [InlineData("256Mb", 256L * 1024 * 1024)]
    [InlineData("1g", 1024L * 1024 * 1024)]
    [InlineData("2GiB", 2L * 1024 * 1024 * 1024)]
    [InlineData("1.5k", 1536L)]
    [InlineData("512 m", 512L * 1024 * 1024)]
    public void TryParse_ValidSize_ReturnsBytes(string text, long bytes)
    {
        Assert.True(ByteSizeParser.TryParse(text, out var value));
        Assert.Equal(bytes, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("10q")]
    [InlineData("-1k")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999g")]
    public void TryParse_InvalidSize_ReturnsFalse(string text)
    {
        Assert.False(ByteSizeParser.TryParse(text, out _));
    }

    [Theory]
    [InlineData(6L * 1024 * 1024, "6m")]
    [InlineData(1024L, "1k")]
    [InlineData(1L << 30, "1g")]
    [InlineData(1500L, "1500")]
    public void Format_Size_ReturnsShortForm(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSizeParser.Format(bytes));
    }
}
