using GitGrader.Core.Reports;
using Spectre.Console;

namespace GitGrader.Cli;

/// <summary>
/// Text for Spectre markup that can only ever be printed: control characters and bidirectional
/// overrides shown as what they are (<see cref="StudentText.Visible"/>), markup brackets escaped.
/// Every string the CLI prints that did not come from the CLI itself goes through here: a file name
/// is the student's, and <c>ESC ] 0 ; … BEL</c> in it would retitle the instructor's terminal.
/// </summary>
internal static class TerminalText
{
    /// <summary>One line (a name, a message, a path): every control character made visible.</summary>
    public static string Escape(string? text) => Markup.Escape(StudentText.Visible(text ?? string.Empty));

    /// <summary>A line of a program's output: escape sequences and control characters dropped, tabs kept.</summary>
    public static string EscapeOutputLine(string line) => Markup.Escape(StudentText.Sanitize(line).Replace('\n', ' '));
}
