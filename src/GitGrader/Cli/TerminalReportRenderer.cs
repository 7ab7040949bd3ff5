using System.Globalization;
using GitGrader.Core.Assignments;
using GitGrader.Core.Reports;
using Spectre.Console;

namespace GitGrader.Cli;

/// <summary>Renders a report for a terminal: a table of tests, then details of what failed.</summary>
internal static class TerminalReportRenderer
{
    public static void Render(IAnsiConsole console, GradeReport report)
    {
        report = PrintableReport.Of(report);
        var full = report.Score >= report.MaxScore;
        console.Write(new Rule($"[bold]{TerminalText.Escape(report.Assignment)}[/]").LeftJustified());
        if (report.Rejection is { } rejection)
        {
            console.MarkupLine($"[red]Submission rejected:[/] {TerminalText.Escape(rejection)}");
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Test")
            .AddColumn("Verdict")
            .AddColumn(new TableColumn("Points").RightAligned())
            .AddColumn(new TableColumn("Time").RightAligned());
        foreach (var test in report.Tests)
        {
            var name = TerminalText.Escape(test.Name) + (test.Visibility == Visibility.Visible ? string.Empty : " [grey](hidden)[/]");
            table.AddRow(
                new Markup(name),
                new Markup(Verdict(test.Status)),
                new Markup($"{Points(test.Score)}/{Points(test.MaxScore)}"),
                new Markup(test.Concealed ? "[grey]—[/]" : string.Create(CultureInfo.InvariantCulture, $"{test.DurationMs:N0} ms")));
        }

        console.Write(table);
        console.MarkupLine($"[bold]{(full ? "[green]" : "[yellow]")}Score: {Points(report.Score)}/{Points(report.MaxScore)}[/][/]  [grey]graded in {report.DurationMs:N0} ms[/]");

        foreach (var test in report.Tests.Where(t => t.Status != TestStatus.Passed))
        {
            if (test.Message is null && test.Output.Length == 0 && test.Expected is null)
            {
                continue;
            }

            console.WriteLine();
            console.MarkupLine($"[bold]{TerminalText.Escape(test.Name)}[/]: {TerminalText.Escape(test.Message ?? string.Empty)}");
            WriteBlock(console, "expected", test.Expected);
            WriteBlock(console, "actual", test.Actual);
            WriteBlock(console, "output", test.Output);
        }

        foreach (var note in report.Notes)
        {
            console.MarkupLine($"[grey]note:[/] {TerminalText.Escape(note)}");
        }

        foreach (var annotation in report.Annotations)
        {
            console.MarkupLine($"[grey]{TerminalText.Escape(annotation.Path)}:{annotation.Line}:[/] {TerminalText.Escape(annotation.Message)}");
        }
    }

    private static void WriteBlock(IAnsiConsole console, string label, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        console.MarkupLine($"  [grey]{label}:[/]");
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            console.MarkupLine("    " + TerminalText.EscapeOutputLine(line));
        }
    }

    private static string Verdict(TestStatus status) => status switch
    {
        TestStatus.Passed => "[green]passed[/]",
        TestStatus.Failed => "[red]failed[/]",
        TestStatus.Timeout => "[red]timeout[/]",
        TestStatus.MemoryLimit => "[red]memory limit[/]",
        TestStatus.RuntimeError => "[red]runtime error[/]",
        TestStatus.CompileError => "[red]compile error[/]",
        _ => "[yellow]grader error[/]",
    };

    internal static string Points(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
