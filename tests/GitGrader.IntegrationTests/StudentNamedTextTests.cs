using System.Text.Json;
using System.Text.RegularExpressions;
using GitGrader.Cli;
using GitGrader.Core.Reports;
using GitGrader.IntegrationTests.Support;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Spectre.Console;

namespace GitGrader.IntegrationTests;

/// <summary>
/// File names and outputs that carry terminal escape sequences, control characters, bidirectional
/// overrides and GitHub autolink forms: the terminal table, the JSON and the Markdown stay clean,
/// and the <c>gitgrader</c> command prints no ESC byte.
/// </summary>
[Collection(DockerCollection.Name)]
[Trait("Category", "Hostile")]
public sealed partial class StudentNamedTextTests : GraderTestBase
{
    private const string TitleName = "\u001B]0;pwned\u0007.py";

    private const string Assignment = """
        name: Names
        image: gitgrader/python:latest
        limits: { timeout: 5s }
        tests:
          - name: runs
            kind: run
            run: python3 main.py
            points: 1
        """;

    private const string Main = """
        import os
        print("\x1b]0;pwned\x07\x1b[31mred\x1b[0m @octocat #2 GH-2 owner/repo#3 a5c3785ed8d6a35868bc169f07e40e889087fd2e https://evil.example www.evil.example evil\u202etxt.py \r over\b\x9b2J")
        name = [n for n in os.listdir('.') if n.startswith('\x1b')][0]
        exec(compile(open(name).read(), os.path.abspath(name), 'exec'))
        """;

    private static readonly string[] Links = ["\u001B]0;pwned\u0007link", "\u001B[2J@octocat.py", "gh-3.py", "a5c3785ed8d6a35868bc169f07e40e889087fd2e.py", "www.evil.example", "evil\u202Eyp.exe", "back\bspace\rcr.py", "new\nline.py", "\u001B]8;;evil.example\u001B\\click\u001B]8;;\u001B\\"];

    public StudentNamedTextTests(DockerFixture docker)
        : base(docker)
    {
    }

    private static Scenario Hostile()
    {
        var scenario = new Scenario().Assignment(Assignment).Submission("main.py", Main).Submission(TitleName, "import os\nexec(compile(open('GH-2.py').read(), os.path.abspath('GH-2.py'), 'exec'))\n")
            .Submission("GH-2.py", "x = 1\nraise ValueError('GH-2 @octocat \\x1b]0;pwned\\x07 \\u202e')\n");
        foreach (var link in Links)
        {
            File.CreateSymbolicLink(Path.Combine(scenario.SubmissionDirectory, link), "main.py");
        }

        return scenario;
    }

    [Fact]
    public async Task HostileNames_TerminalJsonAndMarkdown_Clean()
    {
        using var scenario = Hostile();

        var report = await GradeAsync(scenario, new Core.Grading.GradeOptions { RevealHidden = true });

        Assert.Equal(0, report.Score);
        Assert.Equal(TestStatus.Failed, Single(report, "runs").Status);
        Assert.True(report.Annotations.Any(a => a.Path == "GH-2.py" && a.Message.Contains("@octocat", StringComparison.Ordinal)), JsonReportWriter.Write(report));
        Assert.Contains(report.Notes, n => n.Contains("gh-3.py", StringComparison.Ordinal));

        // Terminal: nothing a terminal acts on, and the names shown for what they are.
        var terminal = RenderTerminal(report);
        AssertPrintable(terminal, allowTab: true);
        Assert.Contains("␛]0;pwned␇link", terminal, StringComparison.Ordinal);
        Assert.Contains("␛[2J@octocat.py", terminal, StringComparison.Ordinal);
        Assert.Contains("evil<U+202E>yp.exe", terminal, StringComparison.Ordinal);
        Assert.Contains("back␈space␍cr.py", terminal, StringComparison.Ordinal);
        Assert.Contains("new␊line.py", terminal, StringComparison.Ordinal);
        Assert.Contains("␛]8;;evil.example␛\\click", terminal, StringComparison.Ordinal);

        // JSON: printable once decoded, not just escaped.
        using var document = JsonDocument.Parse(JsonReportWriter.Write(report));
        Assert.All(Strings(document.RootElement), s => AssertPrintable(s, allowTab: true));
        Assert.Contains(document.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("␛[2J@octocat.py", StringComparison.Ordinal));

        // Markdown: no raw control, no link, no reference outside code blocks.
        var markdown = new MarkdownReportRenderer().Render(report);
        AssertPrintable(markdown, allowTab: false);
        AssertNoAutolinks(markdown);
        Assert.Contains("␛\\[2J@\u200Boctocat", markdown, StringComparison.Ordinal);

        using var honest = new Scenario().Assignment(Assignment).Submission("main.py", "print('ok')\n");
        Assert.Equal(1, (await GradeAsync(honest)).Score);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--json")]
    [InlineData("--markdown")]
    [InlineData("--reveal-hidden")]
    public async Task Cli_HostileNames_PrintsNoEscapeByte(string format)
    {
        using var scenario = Hostile();

        var result = await CliRunner.RunAsync(["grade", scenario.AssignmentDirectory, scenario.SubmissionDirectory, .. format.Length == 0 ? Array.Empty<string>() : [format]]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain('\u001B', result.Stdout);
        Assert.DoesNotContain('\u001B', result.Stderr);
        AssertPrintable(result.Stdout, allowTab: true);
        AssertPrintable(result.Stderr, allowTab: true);
        Assert.Contains("GH-2", result.Stdout, StringComparison.Ordinal);
    }

    private static string RenderTerminal(GradeReport report)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        TerminalReportRenderer.Render(console, report);
        return writer.ToString();
    }

    private static void AssertPrintable(string text, bool allowTab)
    {
        var bad = text.Where(c => (char.IsControl(c) && c != '\n' && !(allowTab && c == '\t'))
            || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F').ToList();
        Assert.True(bad.Count == 0, "unprintable: " + string.Join(' ', bad.Select(c => $"U+{(int)c:X4}")) + "\n" + text);
    }

    private static void AssertNoAutolinks(string markdown)
    {
        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.Empty(document.Descendants<LinkInline>());
        Assert.Empty(document.Descendants<AutolinkInline>());
        Assert.Empty(document.Descendants<HtmlInline>());
        var text = string.Concat(document.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        foreach (var form in new[] { "@octocat", "GH-2", "#2", "#3", "://", "www." })
        {
            Assert.DoesNotContain(form, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotMatch(LongHex(), text);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [GeneratedRegex("[0-9A-Fa-f]{7,}")]
    private static partial Regex LongHex();
}
