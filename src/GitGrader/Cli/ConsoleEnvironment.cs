using GitGrader.Classroom;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Sandboxing;
using GitGrader.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace GitGrader.Cli;

/// <summary>What a command needs from its surroundings: stdout for results, stderr for progress and errors, the grader.</summary>
internal sealed class ConsoleEnvironment : IDisposable
{
    private readonly IHost _services;

    public ConsoleEnvironment(string? dockerHost, bool verbose)
    {
        _services = GitGraderHost.BuildTool(dockerHost, verbose);
        Error = Create(Console.Error, Console.IsErrorRedirected);
        Output = Create(Console.Out, Console.IsOutputRedirected);
    }

    /// <summary>No escape sequence of ours when the text goes to a file or a pipe: every ESC byte there would be noise.</summary>
    private static IAnsiConsole Create(TextWriter writer, bool redirected) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        Out = new AnsiConsoleOutput(writer),
    });

    /// <summary>
    /// The grader over the Docker sandbox, from the same registrations as <c>serve</c> (<see cref="GitGraderServices.AddGrading"/>);
    /// resolved at first use, inside the command's error handling, so a bad --docker-host is reported, not thrown.
    /// </summary>
    public Grader Grader => _services.Services.GetRequiredService<Grader>();

    public IAnsiConsole Output { get; }

    public IAnsiConsole Error { get; }

    public IProgress<string> Progress(string prefix) => new ConsoleProgress(line => Error.MarkupLine($"[grey]{TerminalText.Escape(prefix)}{TerminalText.Escape(line)}…[/]"));

    /// <summary>Prints a failure the user can act on, and returns its exit code.</summary>
    public int Fail(Exception exception)
    {
        switch (exception)
        {
            case AssignmentFormatException format:
                Error.MarkupLine($"[red]error:[/] {TerminalText.Escape(format.Message)}");
                return ExitCodes.BadInput;
            case SandboxException sandbox:
                // A build's output comes line by line after the first: each line escaped on its own, indented.
                var lines = sandbox.Message.Split('\n');
                Error.MarkupLine($"[red]error:[/] {TerminalText.Escape(lines[0])}");
                foreach (var line in lines.Skip(1))
                {
                    Error.MarkupLine($"  [grey]|[/] {TerminalText.Escape(line.TrimEnd('\r'))}");
                }

                if (sandbox.Hint is { } hint)
                {
                    Error.MarkupLine($"[yellow]fix:[/] {TerminalText.Escape(hint)}");
                }

                return ExitCodes.GraderUnavailable;
            case OptionsValidationException options:
                foreach (var failure in options.Failures)
                {
                    Error.MarkupLine($"[red]error:[/] {TerminalText.Escape(failure)}");
                }

                if (options.OptionsType == typeof(Core.Grading.Dependencies.DependencyOptions))
                {
                    Error.MarkupLine("[yellow]fix:[/] give the mirror as GITGRADER_Dependencies__MavenMirror or GITGRADER_Dependencies__PipIndexUrl, an http or https URL, or leave it unset.");
                }
                else
                {
                    Error.MarkupLine("[yellow]fix:[/] give --docker-host (or DOCKER_HOST, GITGRADER_Docker__Endpoint) as unix:///var/run/docker.sock or tcp://host:2375.");
                }

                return ExitCodes.BadInput;
            case ConfigurationException configuration:
                foreach (var line in configuration.Message.Split('\n'))
                {
                    Error.MarkupLine($"[red]error:[/] {TerminalText.Escape(line.TrimEnd('\r'))}");
                }

                return ExitCodes.BadInput;
            case DirectoryNotFoundException or FileNotFoundException:
                Error.MarkupLine($"[red]error:[/] {TerminalText.Escape(exception.Message)}");
                return ExitCodes.BadInput;
            case OperationCanceledException:
                Error.MarkupLine("[yellow]cancelled[/]");
                return ExitCodes.Cancelled;
            default:
                throw exception;
        }
    }

    public void Dispose() => _services.Dispose();
}
