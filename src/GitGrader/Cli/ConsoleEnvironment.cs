using GitGrader.Core.Assignments;
using GitGrader.Core.Sandboxing;
using GitGrader.Sandbox.Docker;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace GitGrader.Cli;

/// <summary>What a command needs from its surroundings: stdout for results, stderr for progress and errors, a sandbox.</summary>
internal sealed class ConsoleEnvironment : IDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    public ConsoleEnvironment(string? dockerHost, bool verbose)
    {
        _loggerFactory = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning)
            .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; })
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddFilter("GitGrader", verbose ? LogLevel.Debug : LogLevel.Warning));
        Sandbox = DockerSandbox.Create(dockerHost, _loggerFactory.CreateLogger<DockerSandbox>());
        Error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        Output = AnsiConsole.Console;
    }

    public DockerSandbox Sandbox { get; }

    public IAnsiConsole Output { get; }

    public IAnsiConsole Error { get; }

    public IProgress<string> Progress(string prefix) => new ConsoleProgress(line => Error.MarkupLine($"[grey]{Markup.Escape(prefix)}{Markup.Escape(line)}…[/]"));

    /// <summary>Prints a failure the user can act on, and returns its exit code.</summary>
    public int Fail(Exception exception)
    {
        switch (exception)
        {
            case AssignmentFormatException format:
                Error.MarkupLine($"[red]error:[/] {Markup.Escape(format.Message)}");
                return ExitCodes.BadInput;
            case SandboxException sandbox:
                Error.MarkupLine($"[red]error:[/] {Markup.Escape(sandbox.Message)}");
                if (sandbox.Hint is { } hint)
                {
                    Error.MarkupLine($"[yellow]fix:[/] {Markup.Escape(hint)}");
                }

                return ExitCodes.GraderUnavailable;
            case DirectoryNotFoundException or FileNotFoundException:
                Error.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Message)}");
                return ExitCodes.BadInput;
            case OperationCanceledException:
                Error.MarkupLine("[yellow]cancelled[/]");
                return ExitCodes.Cancelled;
            case DockerApiException docker:
                Error.MarkupLine($"[red]error:[/] {Markup.Escape(docker.Message)}");
                return ExitCodes.GraderUnavailable;
            default:
                throw exception;
        }
    }

    public void Dispose()
    {
        Sandbox.Dispose();
        _loggerFactory.Dispose();
    }
}
