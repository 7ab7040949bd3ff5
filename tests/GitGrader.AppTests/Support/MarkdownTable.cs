using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GitGrader.AppTests.Support;

/// <summary>The one table of a Markdown body, parsed back with Markdig (GitHub's table extension): each row's cells by column header, as plain text.</summary>
internal static class MarkdownTable
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The rows of the single table, each a map of header to cell text.</summary>
    public static List<Dictionary<string, string>> Rows(string markdown)
    {
        var table = Assert.Single(Markdown.Parse(markdown, Pipeline).Descendants<Table>());
        var rows = table.Cast<TableRow>().Select(CellTexts).ToList();
        var header = rows[0];
        Assert.All(rows, row => Assert.Equal(header.Count, row.Count));
        return [.. rows.Skip(1).Select(row => header.Zip(row).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal))];
    }

    /// <summary>The row whose <c>Student</c> cell is <paramref name="login"/>.</summary>
    public static Dictionary<string, string> Row(string markdown, string login) =>
        Assert.Single(Rows(markdown), row => row["Student"] == login);

    private static List<string> CellTexts(TableRow row) =>
        [.. row.Cast<TableCell>().Select(cell => string.Concat(cell.Descendants<ParagraphBlock>().Select(p => InlineText(p.Inline))))];

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
            }
        }

        return sb.ToString().Replace("\u200B", string.Empty, StringComparison.Ordinal).Trim();
    }
}
