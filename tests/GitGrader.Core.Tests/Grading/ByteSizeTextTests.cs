using GitGrader.Core.Grading;

namespace GitGrader.Core.Tests.Grading;

public sealed class ByteSizeTextTests
{
    [Theory]
    [InlineData(0L, "0 bytes")]
    [InlineData(512L, "512 bytes")]
    [InlineData(1023L, "1023 bytes")]
    [InlineData(1024L, "1 KiB")]
    [InlineData(1536L, "1.5 KiB")]
    [InlineData(64L * 1024, "64 KiB")]
    [InlineData(1024L * 1024 - 1, "1024 KiB")]
    [InlineData(1024L * 1024, "1 MiB")]
    [InlineData(20L * 1024 * 1024, "20 MiB")]
    [InlineData(256L * 1024 * 1024, "256 MiB")]
    [InlineData(2_621_440L, "2.5 MiB")]
    [InlineData(1L << 30, "1 GiB")]
    [InlineData(4L << 30, "4 GiB")]
    [InlineData((1L << 30) + (512L << 20), "1536 MiB")]
    public void Format_ByteCounts_HumanText(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSizeText.Format(bytes));
    }
}
