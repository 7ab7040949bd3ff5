using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace GitGrader.AppTests.Units;

/// <summary>
/// The one table of a Markdown body, parsed back with Markdig (GitHub's table extension): each row's
/// cells by column header, as the source text of the cell without code-span backticks and the
/// zero-width spaces that defuse autolinks.
/// </summary>
internal static class MarkdownTable
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The rows of the single table, each a map of header to cell text.</summary>
    public static List<Dictionary<string, string>> Rows(string markdown)
    {
        var table = Assert.Single(Markdown.Parse(markdown, Pipeline).Descendants<Table>());
        var rows = table.Cast<TableRow>().Select(row => row.Cast<TableCell>().Select(cell => Text(markdown, cell)).ToList()).ToList();
        var header = rows[0];
        Assert.All(rows, row => Assert.Equal(header.Count, row.Count));
        return [.. rows.Skip(1).Select(row => header.Zip(row).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal))];
    }

    /// <summary>The row whose <c>Student</c> cell is <paramref name="login"/>.</summary>
    public static Dictionary<string, string> Row(string markdown, string login) =>
        Assert.Single(Rows(markdown), row => row["Student"] == login);

    private static string Text(string markdown, TableCell cell) =>
        markdown.Substring(cell.Span.Start, cell.Span.Length).Trim().Trim('|').Trim()
            .Replace("`", string.Empty, StringComparison.Ordinal)
            .Replace("\u200B", string.Empty, StringComparison.Ordinal);
}
