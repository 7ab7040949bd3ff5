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
    private readonly string? _dockerHost;
    private DockerSandbox? _sandbox;

    public ConsoleEnvironment(string? dockerHost, bool verbose)
    {
        _loggerFactory = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning)
            .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; })
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddFilter("GitGrader", verbose ? LogLevel.Debug : LogLevel.Warning));
        _dockerHost = dockerHost;
        Error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        Output = AnsiConsole.Console;
    }

    /// <summary>The sandbox, made at first use (inside the command's error handling: a bad --docker-host is reported, not thrown).</summary>
    public DockerSandbox Sandbox => _sandbox ??= DockerSandbox.Create(_dockerHost, _loggerFactory.CreateLogger<DockerSandbox>());

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
            default:
                throw exception;
        }
    }

    public void Dispose()
    {
        _sandbox?.Dispose();
        _loggerFactory.Dispose();
    }
}
