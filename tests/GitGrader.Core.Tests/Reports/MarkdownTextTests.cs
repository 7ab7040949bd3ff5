using System.Net;
using GitGrader.Core.Reports;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GitGrader.Core.Tests.Reports;

public sealed class MarkdownTextTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("</details><img src=x onerror=alert(1)>")]
    [InlineData("**bold** _it_ `code` [link](https://evil.example) ![img](x.png)")]
    [InlineData("<https://evil.example> https://evil.example www.evil.example")]
    [InlineData("&lt;b&gt; &#64;octocat &amp;")]
    [InlineData("# heading\n- list\n> quote\n```\nfence")]
    [InlineData("{.class #id} ~~strike~~ $x^2$ ==mark== ++ins++ [^1]")]
    [InlineData("\\*escaped\\* \\\\ trailing backslash\\")]
    public void Inline_MarkdownSyntax_RendersAsLiteralTextOnly(string text)
    {
        var document = Markdown.Parse("Before " + MarkdownText.Inline(text) + " after", Pipeline);

        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(document));
        Assert.All(paragraph.Inline!.Descendants<Inline>(), inline => Assert.True(
            inline is LiteralInline or LineBreakInline,
            $"unexpected {inline.GetType().Name}"));
        var literal = string.Concat(paragraph.Inline!.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        Assert.Equal("Before " + text.Replace('\n', ' ') + " after", literal.Replace("\u200B", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Inline_Mention_DefusedWithZeroWidthSpace()
    {
        var html = Markdown.ToHtml(MarkdownText.Inline("thanks @octocat, see #12 and org/repo#3"), Pipeline);

        Assert.DoesNotContain("@octocat", html, StringComparison.Ordinal);
        Assert.DoesNotContain("#12", html, StringComparison.Ordinal);
        Assert.DoesNotContain("#3", html, StringComparison.Ordinal);
        Assert.Contains("@\u200Boctocat", html, StringComparison.Ordinal);
        Assert.Contains("#\u200B12", html, StringComparison.Ordinal);
    }

    // Every autolink form of GitHub's "Autolinked references and URLs": Markdig knows only URLs, so
    // the reference forms are checked on the rendered text, where GitHub looks for them.
    [Theory]
    [InlineData("see #2", "#2")]
    [InlineData("see GH-2", "GH-2")]
    [InlineData("see gh-26", "gh-26")]
    [InlineData("see TICKET-42", "TICKET-42")]
    [InlineData("see jlord/sheetsee.js#26", "#26")]
    [InlineData("thanks @octocat", "@octocat")]
    [InlineData("team @org/team", "@org")]
    [InlineData("sha a5c3785ed8d6a35868bc169f07e40e889087fd2e", "a5c3785")]
    [InlineData("short 1234567", "1234567")]
    [InlineData("jlord@a5c3785ed8d6a35868bc169f07e40e889087fd2e", "@a5c")]
    [InlineData("jlord/sheetsee.js@a5c3785", "@a5c")]
    [InlineData("https://github.com/o/r/issues/26", "://")]
    [InlineData("http://evil.example/x", "://")]
    [InlineData("ftp://evil.example", "://")]
    [InlineData("www.evil.example", "www.")]
    [InlineData("WWW.EVIL.EXAMPLE", "WWW.")]
    [InlineData("mail me@evil.example", "me@evil")]
    public void Inline_GitHubAutolinkForms_NeitherLinkNorReference(string text, string form)
    {
        var html = Markdown.ToHtml(MarkdownText.Inline(text), Pipeline);

        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
        Assert.DoesNotContain(form, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(?<![0-9A-Fa-f])[0-9A-Fa-f]{7,}", html.Replace("&#x200B;", "\u200B", StringComparison.Ordinal));
        Assert.Equal(text, WebUtility.HtmlDecode(StripTags(html)).Replace("\u200B", string.Empty, StringComparison.Ordinal).Trim());
    }

    [Fact]
    public void Inline_LongHexRun_SplitIntoPiecesOfAtMostSix()
    {
        var inline = MarkdownText.Inline(new string('f', 40));

        Assert.All(inline.Split('\u200B'), piece => Assert.InRange(piece.Length, 1, 6));
    }

    [Fact]
    public void Inline_ShortHexAndWords_Untouched()
    {
        Assert.Equal("cafe 123456 add", MarkdownText.Inline("cafe 123456 add"));
    }

    [Fact]
    public void Inline_Newlines_BecomeSpaces()
    {
        Assert.Equal("one two three", MarkdownText.Inline("one\ntwo\r\nthree"));
    }

    [Fact]
    public void Inline_PipeInTableCell_StaysInTheCell()
    {
        var markdown = "| A | B |\n| - | - |\n| " + MarkdownText.Inline("x | y || z") + " | second |\n";

        var table = Assert.Single(Markdown.Parse(markdown, Pipeline).Descendants<Markdig.Extensions.Tables.Table>());

        var row = Assert.IsType<Markdig.Extensions.Tables.TableRow>(table[1]);
        Assert.Equal(2, row.Count);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("```\nclosing attempt\n```")]
    [InlineData("````````` nine backticks\n```")]
    [InlineData("~~~\ntilde fence\n~~~")]
    [InlineData("</details>\n<script>alert(1)</script>\n@octocat #1")]
    [InlineData("    indented\n\ttabbed\n\ntrailing blank\n\n")]
    public void CodeBlock_AnyText_IsOneFencedBlockWithTheTextVerbatim(string text)
    {
        var markdown = MarkdownText.CodeBlock(text, "text") + "\nafter\n";

        var document = Markdown.Parse(markdown, Pipeline);

        var block = Assert.IsType<FencedCodeBlock>(document[0]);
        Assert.Equal(text.TrimEnd('\n'), block.Lines.ToString().TrimEnd('\n'));
        Assert.IsType<ParagraphBlock>(document[1]);
        Assert.Equal(2, document.Count);
    }

    [Fact]
    public void CodeBlock_LongestRunOfFive_FenceOfSix()
    {
        var block = MarkdownText.CodeBlock("a ````` b");

        Assert.StartsWith("``````\n", block, StringComparison.Ordinal);
        Assert.EndsWith("\n``````\n", block, StringComparison.Ordinal);
    }

    [Fact]
    public void CodeBlock_HostileInfoString_Filtered()
    {
        var block = MarkdownText.CodeBlock("x", "py` onload=x\n```");

        Assert.StartsWith("```pyonloadx\n", block, StringComparison.Ordinal);
    }

    private static string StripTags(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", string.Empty);

    [Fact]
    public void CodeBlock_AnsiAndControlCharacters_Removed()
    {
        Assert.Equal("```\nred\n```\n", MarkdownText.CodeBlock("\u001B[31mred\u001B[0m\u0007"));
    }
}
