using System.Globalization;
using System.Text;
using System.Xml;
using GitGrader.Core.Reports;

namespace GitGrader.Core.Grading;

/// <summary>
/// Reads JUnit XML as written by pytest (<c>--junitxml</c>), the JUnit Platform console launcher,
/// Maven Surefire, Google Test (<c>--gtest_output=xml</c>) and Node (<c>--test-reporter=junit</c>).
/// The file comes from the student's sandbox, so it is read as hostile: no DTD, no entities, no
/// external resources, bounded size.
/// </summary>
public static class JUnitReportParser
{
    /// <summary>Largest report read, in characters.</summary>
    public const int MaxCharacters = 4_000_000;

    /// <summary>Most test cases read from one report.</summary>
    public const int MaxCases = 10_000;

    /// <summary>Cap on <see cref="JUnitCase.Details"/> and <see cref="JUnitCase.Message"/>, in characters.</summary>
    public const int MaxTextChars = 8_192;

    /// <summary>Parses a report whose root is <c>&lt;testsuites&gt;</c> or <c>&lt;testsuite&gt;</c>, suites nested or not.</summary>
    /// <returns>Every <c>&lt;testcase&gt;</c>, in document order.</returns>
    /// <exception cref="JUnitFormatException">The bytes are not such a report.</exception>
    public static IReadOnlyList<JUnitCase> Parse(ReadOnlySpan<byte> xml)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            MaxCharactersFromEntities = 1_024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,

            // Control characters (ANSI colours in assertion messages) are sanitised below rather than rejected.
            CheckCharacters = false,
        };

        try
        {
            using var stream = new MemoryStream(xml.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            return ReadCases(reader);
        }
        catch (XmlException ex)
        {
            throw new JUnitFormatException($"The JUnit report is not valid XML: {ex.Message}", ex);
        }
    }

    private static List<JUnitCase> ReadCases(XmlReader reader)
    {
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            throw new JUnitFormatException("The JUnit report has no root element.");
        }

        if (reader.LocalName is not ("testsuites" or "testsuite"))
        {
            throw new JUnitFormatException(
                $"The JUnit report's root element is <{Shorten(reader.LocalName)}>, not <testsuites> or <testsuite>.");
        }

        var cases = new List<JUnitCase>();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "testcase")
            {
                if (cases.Count == MaxCases)
                {
                    throw new JUnitFormatException(string.Create(CultureInfo.InvariantCulture, $"The JUnit report has more than {MaxCases:N0} test cases."));
                }

                cases.Add(ReadCase(reader));
            }
        }

        return cases;
    }

    /// <summary>Reads one <c>&lt;testcase&gt;</c>; leaves the reader on its last node.</summary>
    private static JUnitCase ReadCase(XmlReader reader)
    {
        var name = reader.GetAttribute("name")
            ?? throw new JUnitFormatException($"A <testcase> has no name attribute{Where(reader)}.");
        var className = reader.GetAttribute("classname") ?? string.Empty;
        var time = ParseTime(reader.GetAttribute("time"));

        // Google Test marks disabled cases with status="notrun" and no child element.
        var outcome = reader.GetAttribute("status") == "notrun" ? JUnitOutcome.Skipped : JUnitOutcome.Passed;
        string? message = null;
        string? details = null;

        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (reader.Read() && reader.Depth > depth)
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1)
                {
                    continue;
                }

                var kind = reader.LocalName switch
                {
                    "failure" => JUnitOutcome.Failed,
                    "error" => JUnitOutcome.Error,
                    "skipped" => JUnitOutcome.Skipped,
                    _ => (JUnitOutcome?)null,
                };

                if (kind is not { } found)
                {
                    continue;
                }

                // The first failure or error decides; a skip only counts when there is neither.
                var takes = found == JUnitOutcome.Skipped
                    ? outcome == JUnitOutcome.Passed
                    : outcome is JUnitOutcome.Passed or JUnitOutcome.Skipped;

                var elementMessage = reader.GetAttribute("message");
                var text = ReadText(reader);
                if (takes)
                {
                    outcome = found;
                    message = Clean(elementMessage);
                    details = Clean(text);
                }
            }
        }

        return new JUnitCase(StudentText.Sanitize(className), StudentText.Sanitize(name), outcome, message, details, time);
    }

    /// <summary>The text content of the current element; leaves the reader on its end (or on it, if empty).</summary>
    private static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            // The whole document is capped at MaxCharacters, so the text is too.
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                sb.Append(reader.Value);
            }
        }

        return sb.ToString();
    }

    private static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var clean = StudentText.Sanitize(text).Trim();
        return clean.Length == 0 ? null : StudentText.Truncate(clean, MaxTextChars);
    }

    private static double ParseTime(string? value)
    {
        // Some Surefire versions write "1,234.5" in some locales.
        if (value is null
            || !double.TryParse(value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || !double.IsFinite(seconds)
            || seconds < 0)
        {
            return 0;
        }

        return seconds;
    }

    private static string Where(XmlReader reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo()
            ? string.Create(CultureInfo.InvariantCulture, $" (line {info.LineNumber})")
            : string.Empty;

    private static string Shorten(string name) => name.Length <= 64 ? name : string.Concat(name.AsSpan(0, 64), "…");
}
