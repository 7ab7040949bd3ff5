using GitGrader.Core.Reports;

namespace GitGrader.Core.Tests.Reports;

public sealed class StudentTextTests
{
    [Theory]
    [InlineData("plain text\n\tindented", "plain text\n\tindented")]
    [InlineData("\u001B[31mred\u001B[0m", "red")]
    [InlineData("\u001B[1;38;5;196mbold\u001B[m", "bold")]
    [InlineData("\u001B[?25lcursor\u001B[?25h", "cursor")]
    [InlineData("\u001B]0;window title\u0007after", "after")]
    [InlineData("\u001B]8;;https://evil.example\u001B\\link\u001B]8;;\u001B\\", "link")]
    [InlineData("\u001B(Bcharset", "charset")]
    [InlineData("\u001B7saved\u001B8", "saved")]
    [InlineData("a\r\nb\rc\n", "a\nb\nc\n")]
    [InlineData("bell\u0007 null\0 del\u007F c1\u009B", "bell null del c1")]
    [InlineData("\u001B]unterminated osc\nnext line", "\nnext line")]
    [InlineData("trailing escape\u001B", "trailing escape")]
    [InlineData("pair 😀 kept", "pair 😀 kept")]
    public void Sanitize_Input_ReturnsCleanText(string input, string expected)
    {
        Assert.Equal(expected, StudentText.Sanitize(input));
    }

    [Theory]
    [InlineData("evil\u202Etxt.py", "evil<U+202E>txt.py")]
    [InlineData("\u202A\u202B\u202C\u202D", "<U+202A><U+202B><U+202C><U+202D>")]
    [InlineData("\u2066isolate\u2067\u2068\u2069", "<U+2066>isolate<U+2067><U+2068><U+2069>")]
    [InlineData("marks \u200E\u200F\u061C", "marks <U+200E><U+200F><U+061C>")]
    [InlineData("line\u2028para\u2029", "line<U+2028>para<U+2029>")]
    public void Sanitize_BidiControlsAndSeparators_ShownAsCodePoints(string input, string expected)
    {
        Assert.Equal(expected, StudentText.Sanitize(input));
    }

    [Theory]
    [InlineData("plain name.py", "plain name.py")]
    [InlineData("\u001B]0;pwned\u0007.py", "\u241B]0;pwned\u2407.py")]
    [InlineData("\u001B[2J\u001B[31mred", "\u241B[2J\u241B[31mred")]
    [InlineData("tab\tnl\ncr\rbs\b", "tab\u2409nl\u240Acr\u240Dbs\u2408")]
    [InlineData("nul\0 del\u007F", "nul\u2400 del\u2421")]
    [InlineData("c1 \u009B31m \u009D0;t\u009C", "c1 <U+009B>31m <U+009D>0;t<U+009C>")]
    [InlineData("evil\u202Eyp.exe", "evil<U+202E>yp.exe")]
    [InlineData("pair 😀 kept", "pair 😀 kept")]
    public void Visible_ControlCharacters_ShownNotActedOn(string input, string expected)
    {
        var visible = StudentText.Visible(input);

        Assert.Equal(expected, visible);
        Assert.DoesNotContain(visible, char.IsControl);
        Assert.Equal(visible, StudentText.Visible(visible));
        Assert.Equal(visible, StudentText.Sanitize(visible));
    }

    [Fact]
    public void Visible_LoneSurrogate_ReplacementCharacter()
    {
        Assert.Equal("a\uFFFDb", StudentText.Visible(new string(['a', '\uD800', 'b'])));
    }

    [Fact]
    public void Sanitize_LoneSurrogates_ReplacedWithReplacementCharacter()
    {
        var input = new string(['a', '\uD800', 'b', '\uDC00', 'c', '\uD83D']);

        Assert.Equal("a\uFFFDb\uFFFDc\uFFFD", StudentText.Sanitize(input));
    }

    [Fact]
    public void FromBytes_InvalidUtf8_ReplacedWithReplacementCharacter()
    {
        byte[] bytes = [(byte)'o', (byte)'k', 0xC3, 0x28, (byte)' ', 0xFF, 0xFE, (byte)'!'];

        var text = StudentText.FromBytes(bytes);

        Assert.StartsWith("ok\uFFFD(", text, StringComparison.Ordinal);
        Assert.EndsWith("!", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text, c => char.IsSurrogate(c));
    }

    [Fact]
    public void FromBytes_AnsiAndCrlf_Sanitized()
    {
        var text = StudentText.FromBytes("\uFEFF\u001B[32mPASS\u001B[0m\r\nnext"u8);

        Assert.Equal("PASS\nnext", text);
    }

    [Fact]
    public void Truncate_ShortText_Unchanged()
    {
        Assert.Equal("hello", StudentText.Truncate("hello", 5));
    }

    [Fact]
    public void Truncate_LongText_KeepsHeadAndCountsTheRest()
    {
        var text = new string('x', 20_000);

        var result = StudentText.Truncate(text, 1_000);

        Assert.True(result.Length <= 1_000, $"length {result.Length}");
        var headLength = result.IndexOf('\n', StringComparison.Ordinal);
        Assert.Equal(new string('x', headLength), result[..headLength]);
        Assert.EndsWith($"… [truncated: {20_000 - headLength:N0} more characters]", result, StringComparison.Ordinal);
        Assert.Contains("19,", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(45)]
    [InlineData(100)]
    public void Truncate_AnyLimit_NeverLonger(int maxChars)
    {
        var result = StudentText.Truncate(new string('y', 10_000), maxChars);

        Assert.True(result.Length <= maxChars, $"length {result.Length} > {maxChars}");
        if (maxChars > 0)
        {
            Assert.Contains('…', result);
        }
    }

    [Fact]
    public void Truncate_CutInsideSurrogatePair_DoesNotSplitIt()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 1_000));

        var result = StudentText.Truncate(text, 101);

        Assert.DoesNotContain(result, c => char.IsHighSurrogate(c) && result.IndexOf(c) == result.Length - 1);
        Assert.Equal(result, StudentText.Sanitize(result));
    }
}
