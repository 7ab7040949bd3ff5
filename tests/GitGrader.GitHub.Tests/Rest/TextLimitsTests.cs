using System.Text;
using GitGrader.GitHub.Rest;

namespace GitGrader.GitHub.Tests.Rest;

public sealed class TextLimitsTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    [Fact]
    public void TruncateMarkdown_ShortText_IsUnchanged()
    {
        Assert.Equal("## ok", TextLimits.TruncateMarkdown("## ok", TextLimits.MaxOutputText));
    }

    [Fact]
    public void TruncateMarkdown_ExactlyAtLimit_IsUnchanged()
    {
        var text = new string('x', TextLimits.MaxOutputText);

        Assert.Same(text, TextLimits.TruncateMarkdown(text, TextLimits.MaxOutputText));
    }

    [Fact]
    public void TruncateMarkdown_OneOver_IsCutToTheLimitWithAVisibleMarker()
    {
        var cut = TextLimits.TruncateMarkdown(new string('x', TextLimits.MaxOutputText + 1), TextLimits.MaxOutputText);

        Assert.Equal(TextLimits.MaxOutputText, cut.Length);
        Assert.Contains("truncated by GitGrader", cut, StringComparison.Ordinal);
        Assert.Contains("65,536", cut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(200)]
    [InlineData(201)]
    public void TruncateMarkdown_NeverSplitsASurrogatePair(int limit)
    {
        var text = string.Concat(Enumerable.Repeat("😀", 500));

        var cut = TextLimits.TruncateMarkdown(text, limit);

        Assert.True(cut.Length <= limit);
        StrictUtf8.GetByteCount(cut);
    }

    [Fact]
    public void TruncatePlain_Title_IsAtMost255WithEllipsis()
    {
        var cut = TextLimits.TruncatePlain(new string('T', 300), TextLimits.MaxAnnotationTitle);

        Assert.Equal(255, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncateUtf8_MultiByteMessage_FitsInBytesAndKeepsWholeCharacters()
    {
        var cut = TextLimits.TruncateUtf8(string.Concat(Enumerable.Repeat("é😀", 20_000)), TextLimits.MaxAnnotationMessageBytes);

        Assert.True(Encoding.UTF8.GetByteCount(cut) <= TextLimits.MaxAnnotationMessageBytes);
        Assert.True(Encoding.UTF8.GetByteCount(cut) > TextLimits.MaxAnnotationMessageBytes - 64);
        Assert.EndsWith("(truncated by GitGrader)", cut, StringComparison.Ordinal);
        StrictUtf8.GetByteCount(cut);
    }

    [Fact]
    public void TruncateUtf8_FitsAlready_IsUnchanged()
    {
        var text = new string('é', 32 * 1024);

        Assert.Same(text, TextLimits.TruncateUtf8(text, TextLimits.MaxAnnotationMessageBytes));
    }
}
