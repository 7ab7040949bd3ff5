using System.Text;
using GitGrader.Core.Assignments;
using GitGrader.Core.Reports;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using static GitGrader.Core.Tests.Reports.ReportSamples;

namespace GitGrader.Core.Tests.Reports;

public sealed class MarkdownReportRendererTests
{
    private const string Hostile =
        "```\n</details>\n<script>alert(1)</script>\n@octocat #1 | pipe || \u001B[31mred\u001B[0m <!-- x --> ~~~\n````";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private readonly MarkdownReportRenderer _renderer = new();

    [Fact]
    public void Render_TypicalReport_HasOneTableWithHeaderPlusRowPerTest()
    {
        var report = Typical();

        var document = Parse(_renderer.Render(report));

        var table = Assert.Single(document.Descendants<Table>());
        Assert.Equal(report.Tests.Count + 1, table.Count);
        Assert.All(table.Cast<TableRow>(), row => Assert.Equal(4, row.Count));
        Assert.Equal(["Test", "Result", "Points", "Time"], CellTexts((TableRow)table[0]));
        Assert.Equal(["adds two numbers", "✅ passed", "2/2", "120 ms"], CellTexts((TableRow)table[1]));
    }

    [Fact]
    public void Render_FractionalScores_FormattedWithoutTrailingZeros()
    {
        var report = Report([Test("a", TestStatus.Passed, 7.5, 10), Test("b", TestStatus.Failed, 0, 2.25)], score: 7.5, maxScore: 12.25);

        var markdown = _renderer.Render(report);

        var heading = Parse(markdown).Descendants<HeadingBlock>().First();
        Assert.Equal(2, heading.Level);
        Assert.Equal("Calculator: 7.5/12.25 points", InlineText(heading.Inline));
        Assert.Contains("| 7.5/10 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 0/2.25 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WholeScores_NoDecimalPoint()
    {
        var markdown = _renderer.Render(Report([Test("a", TestStatus.Passed, 7, 10)]));

        Assert.Contains(": 7/10 points", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("7.0", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithMarker_FirstLineIsTheOnlyHtml()
    {
        var markdown = _renderer.Render(Typical(), "check:calculator");

        Assert.StartsWith("<!-- gitgrader:check:calculator -->\n", markdown, StringComparison.Ordinal);
        var html = Assert.Single(Parse(markdown).Descendants<HtmlBlock>());
        Assert.Equal(0, html.Line);
        Assert.Empty(Parse(markdown).Descendants<HtmlInline>());
    }

    [Fact]
    public void Render_WithoutMarker_NoHtmlAtAll()
    {
        var markdown = _renderer.Render(Typical());

        Assert.DoesNotContain("<!--", markdown, StringComparison.Ordinal);
        AssertNoHtml(Parse(markdown), allowMarker: false);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x -->")]
    [InlineData("a--b")]
    [InlineData("line\nbreak")]
    public void Render_InvalidMarker_Throws(string marker)
    {
        Assert.Throws<ArgumentException>(() => _renderer.Render(Typical(), marker));
    }

    [Fact]
    public void Render_HostileStringsEverywhere_ProduceNoHtml()
    {
        var report = Report(
            [
                Test(Hostile, TestStatus.Failed, 0, 1, message: Hostile, output: Hostile, expected: Hostile, actual: Hostile),
                Test(Hostile, TestStatus.RuntimeError, 0, 1, Visibility.Hidden, message: Hostile),
            ],
            notes: [Hostile, "<img src=x onerror=alert(1)>"],
            rejection: Hostile,
            assignment: Hostile);

        var markdown = _renderer.Render(report, "pr");
        var document = Parse(markdown);

        AssertNoHtml(document, allowMarker: true);
        var html = Markdown.ToHtml(markdown, Pipeline);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</details>", html, StringComparison.OrdinalIgnoreCase);
        var table = Assert.Single(document.Descendants<Table>());
        Assert.Equal(3, table.Count);
        Assert.All(table.Cast<TableRow>(), row => Assert.Equal(4, row.Count));
    }

    [Fact]
    public void Render_HostileOutput_CodeBlocksHoldTheSanitizedTextExactly()
    {
        var report = Report([Test("t", TestStatus.Failed, 0, 1, output: Hostile, expected: "```\nexpected ``", actual: Hostile)]);

        var blocks = Parse(_renderer.Render(report)).Descendants<FencedCodeBlock>().ToList();

        Assert.Equal(3, blocks.Count);
        Assert.Equal("```\nexpected ``", blocks[0].Lines.ToString());
        Assert.Equal(StudentText.Sanitize(Hostile), blocks[1].Lines.ToString());
        Assert.Equal(StudentText.Sanitize(Hostile), blocks[2].Lines.ToString());
        Assert.DoesNotContain('\u001B', blocks[2].Lines.ToString());
    }

    [Fact]
    public void Render_InvalidUtf8Output_ReplacedAndStillOneBlock()
    {
        byte[] bytes = [.. "before "u8, 0xC3, 0x28, 0xFF, .. "\n```\nafter"u8];
        var output = StudentText.FromBytes(bytes);
        var report = Report([Test("t", TestStatus.Failed, 0, 1, output: output)]);

        var block = Assert.Single(Parse(_renderer.Render(report)).Descendants<FencedCodeBlock>());

        Assert.Equal(output, block.Lines.ToString());
        Assert.Contains('\uFFFD', output);
    }

    [Fact]
    public void Render_LoneSurrogateInName_Replaced()
    {
        var name = new string(['b', 'a', 'd', '\uD800']);

        var markdown = _renderer.Render(Report([Test(name)]));

        Assert.Contains("bad\uFFFD", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain('\uD800', markdown);
    }

    [Fact]
    public void Render_MentionsAndReferences_AreDefused()
    {
        var report = Report(
            [Test("@octocat #1", TestStatus.Failed, 0, 1, message: "ping @admin about #42")],
            notes: ["@team see org/repo#7"],
            assignment: "HW #3 @course");

        var html = Markdown.ToHtml(_renderer.Render(report), Pipeline);

        foreach (var raw in new[] { "@octocat", "@admin", "@team", "@course", "#1", "#42", "#7", "#3" })
        {
            Assert.DoesNotContain(raw, html, StringComparison.Ordinal);
        }

        Assert.Contains("@\u200Boctocat", html, StringComparison.Ordinal);
        Assert.Contains("#\u200B42", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MegabyteOutput_StaysUnderLimitWithVisibleTruncation()
    {
        var output = string.Concat(Enumerable.Repeat("line of output ``` @x\n", 1_000_000 / 22));
        var report = Report([Test("big", TestStatus.Failed, 0, 1, message: "wrong", output: output, expected: "small\n", actual: output)]);

        var markdown = _renderer.Render(report, "check");

        Assert.True(markdown.Length <= MarkdownReportRenderer.MaxLength, $"length {markdown.Length}");
        Assert.Contains("… [truncated: ", markdown, StringComparison.Ordinal);
        var blocks = Parse(markdown).Descendants<FencedCodeBlock>().ToList();
        Assert.Equal(3, blocks.Count);
        Assert.Equal("small", blocks[0].Lines.ToString());
        Assert.Contains("more characters]", blocks[2].Lines.ToString(), StringComparison.Ordinal);
        Assert.True(blocks[2].Lines.ToString().Length > 10_000, "the output keeps a useful share of the budget");
        Assert.EndsWith(" UTC._\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BacktickFloodOutput_StaysUnderLimit()
    {
        var output = new string('`', 1_000_000);
        var report = Report([Test("ticks", TestStatus.Failed, 0, 1, output: output)]);

        var markdown = _renderer.Render(report);

        Assert.True(markdown.Length <= MarkdownReportRenderer.MaxLength, $"length {markdown.Length}");
        var block = Assert.Single(Parse(markdown).Descendants<FencedCodeBlock>());
        Assert.Contains("[truncated:", block.Lines.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyFailingTestsWithHugeOutputs_UnderLimitAndSaysDetailsWereOmitted()
    {
        var output = new string('o', 100_000);
        var tests = Enumerable.Range(0, 400)
            .Select(i => Test($"case {i}", TestStatus.Failed, 0, 1, message: "wrong answer", output: output))
            .ToList();

        var markdown = _renderer.Render(Report(tests));

        Assert.True(markdown.Length <= MarkdownReportRenderer.MaxLength, $"length {markdown.Length}");
        Assert.Contains("tests were omitted to keep this report within GitHub's size limit", markdown, StringComparison.Ordinal);
        Assert.Equal(401, Assert.Single(Parse(markdown).Descendants<Table>()).Count);
        Assert.Contains("#### case 0\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("#### case 399\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TensOfThousandsOfTests_TableCutVisibly()
    {
        var tests = Enumerable.Range(0, 20_000)
            .Select(i => Test($"{new string('n', 150)} {i}", TestStatus.Failed, 0, 1, message: "no"))
            .ToList();

        var markdown = _renderer.Render(Report(tests, notes: ["a note"]));

        Assert.True(markdown.Length <= MarkdownReportRenderer.MaxLength, $"length {markdown.Length}");
        Assert.Matches(@"_… [0-9,]+ more tests not shown\._", markdown);
        Assert.Contains("- a note", markdown, StringComparison.Ordinal);
        Assert.EndsWith(" UTC._\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HiddenTest_RowShowsVerdictAndPointsButNeverOutput()
    {
        var hidden = Test("secret case", TestStatus.Failed, 0.5, 2, Visibility.Hidden, message: "wrong answer",
            output: "SECRET-OUTPUT", expected: "SECRET-EXPECTED", actual: "SECRET-ACTUAL");

        var markdown = _renderer.Render(Report([Test("visible"), hidden]));

        var table = Assert.Single(Parse(markdown).Descendants<Table>());
        Assert.Equal(["secret case 🔒", "❌ failed", "0.5/2", "120 ms"], CellTexts((TableRow)table[2]));
        Assert.DoesNotContain("SECRET", markdown, StringComparison.Ordinal);
        Assert.Contains("wrong answer", markdown, StringComparison.Ordinal);
        Assert.Contains("🔒 hidden test", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestStatus.Passed, "✅ passed")]
    [InlineData(TestStatus.Failed, "❌ failed")]
    [InlineData(TestStatus.Timeout, "⏱️ timeout")]
    [InlineData(TestStatus.RuntimeError, "💥 runtime error")]
    [InlineData(TestStatus.MemoryLimit, "🧠 memory limit")]
    [InlineData(TestStatus.CompileError, "🛠️ compile error")]
    [InlineData(TestStatus.Error, "⚠️ grader error")]
    public void Render_Status_ShownAsEmojiAndWord(TestStatus status, string verdict)
    {
        var table = Assert.Single(Parse(_renderer.Render(Report([Test("t", status, 0, 1)]))).Descendants<Table>());

        Assert.Equal(verdict, CellTexts((TableRow)table[1])[1]);
    }

    [Fact]
    public void Render_OnlyPassedTests_NoDetailsSection()
    {
        var markdown = _renderer.Render(Report([Test("a", message: "fine", output: "ok")]));

        Assert.DoesNotContain("### Details", markdown, StringComparison.Ordinal);
        Assert.Empty(Parse(markdown).Descendants<FencedCodeBlock>());
    }

    [Fact]
    public void Render_FailedTest_DetailsHeadingMessageAndLabelledBlocks()
    {
        var document = Parse(_renderer.Render(Typical()));

        var headings = document.Descendants<HeadingBlock>().Where(h => h.Level == 4).Select(h => InlineText(h.Inline)).ToList();
        Assert.Equal(["divides", "hidden edge cases", "memory"], headings);
        var paragraphs = document.Descendants<ParagraphBlock>().Select(p => InlineText(p.Inline)).ToList();
        Assert.Contains("output differs", paragraphs);
        Assert.Contains("Expected", paragraphs);
        Assert.Contains("Actual", paragraphs);
        Assert.Equal(["2", "3", "3"], document.Descendants<FencedCodeBlock>().Select(b => b.Lines.ToString()));
    }

    [Fact]
    public void Render_Rejection_ShownAsWarningQuote()
    {
        var markdown = _renderer.Render(Report([], rejection: "The submission has 20,000 files; the limit is 5,000."));

        var quote = Assert.Single(Parse(markdown).Descendants<QuoteBlock>());
        var text = InlineText(Assert.IsType<ParagraphBlock>(quote[0]).Inline);
        Assert.Equal("⚠️ Not graded: The submission has 20,000 files; the limit is 5,000.", text);
        Assert.Contains("_No tests were run._", markdown, StringComparison.Ordinal);
        Assert.Empty(Parse(markdown).Descendants<Table>());
    }

    [Fact]
    public void Render_GraderError_SaysGradeIsNotFinal()
    {
        var markdown = _renderer.Render(Report([Test("t", TestStatus.Error, 0, 1)]));

        Assert.Contains("This grade is not final", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Notes_OneBulletEach()
    {
        var markdown = _renderer.Render(Report([Test("t")], notes: ["Skipped symlink `evil` -> /etc/passwd", "second"]));

        var list = Assert.Single(Parse(markdown).Descendants<ListBlock>());
        Assert.Equal(2, list.Count);
        Assert.Contains("Skipped symlink `evil` -> /etc/passwd", Markdown.ToPlainText(markdown, Pipeline), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Footer_HasDurationAndTime()
    {
        var markdown = _renderer.Render(Typical());

        Assert.EndsWith("_Graded by GitGrader in 12.3 s at 2025-03-04 05:06:07 UTC._\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ConcealedTest_ShowsADashForTimeAndOnlyItsFixedMessage()
    {
        var concealed = Test("hidden add", TestStatus.Failed, 0, 2, Visibility.Hidden, message: "Failed.", durationMs: 0) with { Concealed = true };
        var report = Report([Test("visible", TestStatus.Passed, 1, 1), concealed]);

        var markdown = _renderer.Render(report);

        var table = Assert.Single(Parse(markdown).Descendants<Table>());
        Assert.Equal(["hidden add 🔒", "❌ failed", "0/2", "—"], CellTexts((TableRow)table[2]));
        Assert.Contains("Failed\\.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ControlCharactersInNamesAndNotes_ShownVisiblyNotRaw()
    {
        var report = Report([Test("\u001B]0;pwned\u0007 GH-2", TestStatus.Failed, 0, 1, message: "\u001B[2J boom\r")], notes: ["Skipped symbolic link '\u001B[31m@octocat\u202E.py'"], rejection: "too big: a5c3785ed8d6a35868bc169f07e40e889087fd2e");

        var markdown = _renderer.Render(report);

        Assert.DoesNotContain(markdown, c => char.IsControl(c) && c != '\n');
        Assert.DoesNotContain('\u202E', markdown);
        Assert.Contains("␛\\]0;pwned␇ GH\\-\u200B2", markdown, StringComparison.Ordinal);
        Assert.Contains("␛\\[31m@\u200Boctocat\\<U\\+202E\\>", markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9a-f]{7}", markdown);
        AssertNoHtml(Parse(markdown), allowMarker: false);
    }

    private static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    private static void AssertNoHtml(MarkdownDocument document, bool allowMarker)
    {
        var blocks = document.Descendants<HtmlBlock>().ToList();
        if (allowMarker)
        {
            var marker = Assert.Single(blocks);
            Assert.Equal(0, marker.Line);
            Assert.StartsWith("<!-- gitgrader:", marker.Lines.ToString(), StringComparison.Ordinal);
            Assert.Equal(1, marker.Lines.Count);
        }
        else
        {
            Assert.Empty(blocks);
        }

        Assert.Empty(document.Descendants<HtmlInline>());
        Assert.Empty(document.Descendants<HtmlEntityInline>());
        Assert.Empty(document.Descendants<AutolinkInline>());
        Assert.Empty(document.Descendants<LinkInline>());
    }

    private static List<string> CellTexts(TableRow row) =>
        row.Cast<TableCell>().Select(cell => string.Concat(cell.Descendants<ParagraphBlock>().Select(p => InlineText(p.Inline)))).ToList();

    private static string InlineText(ContainerInline? inline)
    {
        var sb = new StringBuilder();
        foreach (var node in inline?.Descendants<Inline>() ?? [])
        {
            switch (node)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content);
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
            }
        }

        return sb.ToString().Replace("\u200B", string.Empty, StringComparison.Ordinal).Trim();
    }
}
