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
    /// cell break), and a zero-width space wherever GitHub would otherwise autolink: after each
    /// <c>@</c> (mentions, <c>user@sha</c>, e-mail addresses) and <c>#</c> (<c>#2</c>,
    /// <c>owner/repo#2</c>), after a <c>-</c> followed by a letter or digit (<c>GH-2</c>, custom
    /// <c>KEY-123</c> autolinks), after every sixth character of a run of 7 or more hex digits (commit
    /// SHAs), after the <c>:</c> of <c>://</c> (bare URLs) and between <c>www</c> and its dot.
    /// Backslash escapes alone are not enough: GitHub finds references in the text after parsing.
    /// </summary>
    public static string Inline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = StudentText.Sanitize(text);
        var sb = new StringBuilder(clean.Length + 16);
        int runLength = 0, runPosition = 0;
        for (var i = 0; i < clean.Length; i++)
        {
            var c = clean[i];
            if (!char.IsAsciiHexDigit(c))
            {
                runLength = 0;
            }
            else
            {
                if (runLength == 0)
                {
                    runLength = HexRunLength(clean, i);
                    runPosition = 0;
                }

                // A long hex run goes out in pieces of six, too short for a commit SHA (7 to 40).
                if (runLength >= 7 && runPosition > 0 && runPosition % 6 == 0)
                {
                    sb.Append(ZeroWidthSpace);
                }

                runPosition++;
            }

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
                case '-':
                    sb.Append("\\-");
                    if (i + 1 < clean.Length && char.IsAsciiLetterOrDigit(clean[i + 1]))
                    {
                        sb.Append(ZeroWidthSpace);
                    }

                    break;
                case ':':
                    sb.Append("\\:");
                    if (clean.AsSpan(i + 1).StartsWith("//", StringComparison.Ordinal))
                    {
                        sb.Append(ZeroWidthSpace);
                    }

                    break;
                case '.':
                    if (i >= 3 && clean.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase))
                    {
                        sb.Append(ZeroWidthSpace);
                    }

                    sb.Append("\\.");
                    break;
                case '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '+'
                    or '!' or '|' or '<' or '>' or '~' or '&' or '$' or '^' or '=' or '"':
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

    private static int HexRunLength(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiHexDigit(text[end]))
        {
            end++;
        }

        return end - start;
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
