using System.Globalization;
using System.Text;

namespace GitGrader.GitHub.Rest;

/// <summary>GitHub's size limits on what GitGrader sends, and truncation that says so visibly instead of a 422.</summary>
internal static class TextLimits
{
    /// <summary><c>output.summary</c> and <c>output.text</c>: 65,535 characters.</summary>
    public const int MaxOutputText = 65_535;

    /// <summary>An annotation's <c>title</c>: 255 characters.</summary>
    public const int MaxAnnotationTitle = 255;

    /// <summary>An annotation's <c>message</c>: 64 KiB (of UTF-8).</summary>
    public const int MaxAnnotationMessageBytes = 64 * 1024;

    /// <summary>An issue or comment <c>body</c>: 65,536 characters.</summary>
    public const int MaxIssueBody = 65_536;

    private const string Ellipsis = "…";

    /// <summary>
    /// <paramref name="text"/> when it has at most <paramref name="maxChars"/> UTF-16 characters; else its start and a
    /// Markdown note saying how long the whole was, <paramref name="maxChars"/> in all.
    /// </summary>
    public static string TruncateMarkdown(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxChars)
        {
            return text;
        }

        var marker = string.Create(CultureInfo.InvariantCulture, $"\n\n… **(truncated by GitGrader: the full text had {text.Length:N0} characters, GitHub takes {maxChars:N0})**");
        return marker.Length >= maxChars ? TruncatePlain(text, maxChars) : Cut(text, maxChars - marker.Length) + marker;
    }

    /// <summary><paramref name="text"/>, or its start and "…", at most <paramref name="maxChars"/> UTF-16 characters.</summary>
    public static string TruncatePlain(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= maxChars ? text : Cut(text, maxChars - Ellipsis.Length) + Ellipsis;
    }

    /// <summary><paramref name="text"/>, or its start and a note, at most <paramref name="maxBytes"/> bytes of UTF-8.</summary>
    public static string TruncateUtf8(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        const string Marker = "\n… (truncated by GitGrader)";
        var budget = maxBytes - Encoding.UTF8.GetByteCount(Marker);
        var used = 0;
        var end = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > budget)
            {
                break;
            }

            used += rune.Utf8SequenceLength;
            end += rune.Utf16SequenceLength;
        }

        return text[..end] + Marker;
    }

    /// <summary>The first <paramref name="length"/> characters, one fewer rather than half a surrogate pair.</summary>
    private static string Cut(string text, int length)
    {
        length = Math.Max(0, length);
        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length];
    }
}
