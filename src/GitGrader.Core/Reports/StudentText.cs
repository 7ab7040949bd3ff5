using System.Globalization;
using System.Text;

namespace GitGrader.Core.Reports;

/// <summary>
/// Turns whatever a student's program printed into plain text that is safe to store and show:
/// valid Unicode, no terminal escape sequences, LF line ends, no control characters but
/// <c>\n</c> and <c>\t</c>, and no bidirectional overrides or isolates (shown as <c>&lt;U+202E&gt;</c>).
/// <see cref="Visible"/> is the one-line form for names, messages and notes: it shows every control
/// character instead of dropping it.
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
    /// except <c>\n</c> and <c>\t</c>, replaces unpaired surrogates with U+FFFD, and writes each
    /// bidirectional control (U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C) and line or
    /// paragraph separator (U+2028, U+2029) as the visible text <c>&lt;U+XXXX&gt;</c>, so text can
    /// neither reorder what a reader sees around it nor break a line where a renderer does not expect it.
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
                    if (IsBidiOrSeparator(c))
                    {
                        AppendCodePoint(sb, c);
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[i + 1]);
                        i += 2;
                        continue;
                    }
                    else if (char.IsSurrogate(c))
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

    /// <summary>
    /// One line that shows what was there: each C0 control (tab, line feed and ESC included) as its
    /// Unicode control picture (<c>␛</c>, <c>␊</c>, …), DEL as <c>␡</c>, each C1 control and each
    /// bidirectional control or separator as <c>&lt;U+XXXX&gt;</c>, an unpaired surrogate as U+FFFD.
    /// For names, paths, messages and notes, where the reader should see that a file is named
    /// <c>␛]0;x␇.py</c> rather than have the terminal act on it, or lose the evidence.
    /// </summary>
    public static string Visible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsVisiblyClean(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u0020')
            {
                sb.Append((char)('\u2400' + c));
            }
            else if (c == '\u007F')
            {
                sb.Append('\u2421');
            }
            else if (c is >= '\u0080' and <= '\u009F' || IsBidiOrSeparator(c))
            {
                AppendCodePoint(sb, c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return sb.ToString();
    }

    /// <summary>True for the characters that reorder or split text without being control characters.</summary>
    internal static bool IsBidiOrSeparator(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C' or '\u2028' or '\u2029';

    private static void AppendCodePoint(StringBuilder sb, char c) =>
        sb.Append(CultureInfo.InvariantCulture, $"<U+{(int)c:X4}>");

    private static bool IsClean(string text)
    {
        foreach (var c in text)
        {
            if ((char.IsControl(c) && c is not '\n' and not '\t') || char.IsSurrogate(c) || IsBidiOrSeparator(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVisiblyClean(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || IsBidiOrSeparator(c))
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
