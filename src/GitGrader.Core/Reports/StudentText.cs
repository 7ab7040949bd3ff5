using System.Globalization;
using System.Text;

namespace GitGrader.Core.Reports;

/// <summary>
/// Turns whatever a student's program printed into plain text that is safe to store and show:
/// valid Unicode, no terminal escape sequences, LF line ends, no control characters but
/// <c>\n</c> and <c>\t</c>.
/// </summary>
public static class StudentText
{
    private const char Escape = '\u001B';
    private const char Bell = '\u0007';

    /// <summary>Decodes UTF-8 (invalid sequences become U+FFFD) and sanitises the result as <see cref="Sanitize"/> does.</summary>
    public static string FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        // Encoding.UTF8 replaces every invalid sequence with U+FFFD instead of throwing.
        return Sanitize(Encoding.UTF8.GetString(bytes));
    }

    /// <summary>
    /// Strips ANSI escape sequences (CSI, OSC/DCS/SOS/PM/APC strings, two- and three-character
    /// ESC sequences), turns CRLF and lone CR into LF, removes every other control character
    /// except <c>\n</c> and <c>\t</c>, and replaces unpaired surrogates with U+FFFD.
    /// </summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsClean(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case Escape:
                    i = SkipEscapeSequence(text, i);
                    continue;
                case '\r':
                    sb.Append('\n');
                    i += i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    continue;
                case '\n' or '\t':
                    sb.Append(c);
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[i + 1]);
                        i += 2;
                        continue;
                    }

                    if (char.IsSurrogate(c))
                    {
                        sb.Append('\uFFFD');
                    }
                    else if (!char.IsControl(c))
                    {
                        sb.Append(c);
                    }

                    break;
            }

            i++;
        }

        return sb.ToString();
    }

    /// <summary>
    /// Returns <paramref name="text"/> if it fits in <paramref name="maxChars"/>; otherwise its head
    /// followed by a visible line such as <c>… [truncated: 12,345 more characters]</c>, the whole
    /// never longer than <paramref name="maxChars"/>.
    /// </summary>
    public static string Truncate(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxChars);
        if (text.Length <= maxChars)
        {
            return text;
        }

        // The marker for the whole length is at least as long as the final one.
        var headLength = maxChars - Marker(text.Length).Length;
        if (headLength < 0)
        {
            // Not even the marker fits: keep what we can and end with an ellipsis.
            return maxChars == 0 ? string.Empty : string.Concat(Head(text, maxChars - 1), "…");
        }

        var head = Head(text, headLength);
        return string.Concat(head, Marker(text.Length - head.Length));
    }

    private static string Marker(int omitted) =>
        string.Create(CultureInfo.InvariantCulture, $"\n… [truncated: {omitted:N0} more characters]");

    private static ReadOnlySpan<char> Head(string text, int length)
    {
        // Never split a surrogate pair.
        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text.AsSpan(0, length);
    }

    private static bool IsClean(string text)
    {
        foreach (var c in text)
        {
            if ((char.IsControl(c) && c is not '\n' and not '\t') || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the index just past the escape sequence that starts at <paramref name="start"/>.</summary>
    private static int SkipEscapeSequence(string text, int start)
    {
        var i = start + 1;
        if (i >= text.Length)
        {
            return i;
        }

        var kind = text[i];
        i++;
        switch (kind)
        {
            case '[':
                // CSI: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E.
                while (i < text.Length && text[i] is >= '\u0020' and <= '\u003F')
                {
                    i++;
                }

                return i < text.Length && text[i] is >= '\u0040' and <= '\u007E' ? i + 1 : i;

            case ']' or 'P' or 'X' or '^' or '_':
                // OSC, DCS, SOS, PM, APC: a string ended by BEL or ST (ESC \). A line end also ends it
                // here, so an unterminated sequence cannot swallow the rest of the output.
                while (i < text.Length)
                {
                    var c = text[i];
                    if (c == Bell || c == '\u009C')
                    {
                        return i + 1;
                    }

                    if (c == Escape)
                    {
                        return i + 1 < text.Length && text[i + 1] == '\\' ? i + 2 : i;
                    }

                    if (c is '\n' or '\r')
                    {
                        return i;
                    }

                    i++;
                }

                return i;

            case >= '\u0020' and <= '\u002F':
                // nF sequences such as ESC ( B: intermediates, then one final byte.
                while (i < text.Length && text[i] is >= '\u0020' and <= '\u002F')
                {
                    i++;
                }

                return i < text.Length && text[i] is >= '\u0030' and <= '\u007E' ? i + 1 : i;

            case >= '\u0030' and <= '\u007E':
                // Two-character sequences: ESC 7, ESC M, ESC c, …
                return i;

            default:
                // ESC followed by something that is not part of a sequence: drop the ESC only.
                return i - 1;
        }
    }
}
