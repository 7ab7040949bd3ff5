using Microsoft.Extensions.Logging;

namespace GitGrader.Sandbox.Docker;

/// <summary>Log messages of the Docker sandbox. Container ids are shortened to 12 characters.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Sandbox {Container} started for {Purpose} from {Image} in {ElapsedMs} ms")]
    public static partial void Started(ILogger logger, string container, string purpose, string image, long elapsedMs);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Sandbox {Container} removed")]
    public static partial void Removed(ILogger logger, string container);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Sandbox {Container} could not be removed; it will be reaped at the next start")]
    public static partial void RemoveFailed(ILogger logger, Exception exception, string container);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Sandbox {Container} step ended: exit {ExitCode}, timed out {TimedOut}, output capped {OutputCapped}, out of memory {OutOfMemory}, {ElapsedMs} ms")]
    public static partial void StepEnded(ILogger logger, string container, int exitCode, bool timedOut, bool outputCapped, bool outOfMemory, long elapsedMs);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Sandbox {Container}: student processes could not be killed in place; restarting the container")]
    public static partial void Restarting(ILogger logger, Exception? exception, string container);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Reaped {Containers} leftover sandbox containers and {Volumes} volumes of processes that are gone")]
    public static partial void Reaped(ILogger logger, int containers, int volumes);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Debug, Message = "build: {Line}")]
    public static partial void BuildOutput(ILogger logger, string line);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Information, Message = "Built image {Tag} in {ElapsedMs} ms")]
    public static partial void Built(ILogger logger, string tag, long elapsedMs);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Warning, Message = "Sandbox {Container}: a step was killed and the engine could not say whether the container is still up; the next step first makes sure it is")]
    public static partial void StateUnknown(ILogger logger, Exception exception, string container);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Warning, Message = "Building {Repository} without the lock shared with this host's other GitGrader processes ({Path}: {Reason}); another process may build it beside this one")]
    public static partial void BuildLockUnavailable(ILogger logger, string repository, string path, string reason);
}
