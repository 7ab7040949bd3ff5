using System.Text;

namespace GitGrader.Core.Reports;

/// <summary>
/// Puts text the student controls into GitHub-flavoured Markdown so that it can only ever be read
/// as text: no HTML, no links or emphasis, no mentions or issue references, no escaping a code block.
/// Both methods sanitise with <see cref="StudentText.Sanitize"/> first.
/// </summary>
public static class MarkdownText
{
    private const char ZeroWidthSpace = '\u200B';

    /// <summary>
    /// Text for a paragraph, heading, list item or table cell: one line, every Markdown-significant
    /// ASCII punctuation character backslash-escaped (so no HTML, entity, link, emphasis, code span or
    /// cell break), and a zero-width space after each <c>@</c> and <c>#</c> so GitHub neither
    /// notifies users nor links issues.
    /// </summary>
    public static string Inline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = StudentText.Sanitize(text);
        var sb = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            switch (c)
            {
                case '\n' or '\t':
                    sb.Append(' ');
                    break;
                case '@':
                    sb.Append('@').Append(ZeroWidthSpace);
                    break;
                case '#':
                    sb.Append("\\#").Append(ZeroWidthSpace);
                    break;
                case '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '+' or '-' or '.'
                    or '!' or '|' or '<' or '>' or '~' or '&' or '$' or '^' or '=' or ':' or '"':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// A fenced code block holding <paramref name="text"/> verbatim (after sanitising). The fence is
    /// one backtick longer than the longest run of backticks in the text (at least three), so the
    /// text cannot close it. Mentions are left alone: GitHub does not act on them inside code.
    /// The result ends with a line feed.
    /// </summary>
    /// <param name="text">The content.</param>
    /// <param name="info">Language hint; anything but letters, digits and <c>+-_.#</c> is dropped.</param>
    public static string CodeBlock(string text, string info = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(info);
        var clean = StudentText.Sanitize(text);
        var fence = new string('`', Math.Max(3, LongestBacktickRun(clean) + 1));

        var sb = new StringBuilder(clean.Length + (2 * fence.Length) + 8);
        sb.Append(fence);
        foreach (var c in info)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '_' or '.' or '#')
            {
                sb.Append(c);
            }
        }

        sb.Append('\n').Append(clean);
        if (clean.Length > 0 && clean[^1] != '\n')
        {
            sb.Append('\n');
        }

        return sb.Append(fence).Append('\n').ToString();
    }

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
