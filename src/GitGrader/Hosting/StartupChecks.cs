using GitGrader.Ingest;
using GitGrader.Sandbox.Docker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GitGrader.Hosting;

/// <summary>Says at start what will not work: a Docker engine that does not answer, an App that GitHub does not know. Neither stops the server: webhooks are still recorded, and graded once the fault is fixed.</summary>
public sealed partial class StartupChecks : IHostedService
{
    private readonly DockerSandbox _sandbox;
    private readonly AppIdentity _app;
    private readonly ILogger<StartupChecks> _logger;

    /// <summary>Creates the checks.</summary>
    public StartupChecks(DockerSandbox sandbox, AppIdentity app, ILogger<StartupChecks> logger)
    {
        _sandbox = sandbox;
        _app = app;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() => CheckAsync(cancellationToken), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _sandbox.PingAsync(cancellationToken).ConfigureAwait(false);
            LogDocker(_logger, _sandbox.Endpoint);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDockerDown(_logger, _sandbox.Endpoint, ex.Message);
        }

        await _app.ResolveAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Docker engine at {Endpoint} answers")]
    private static partial void LogDocker(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Error, Message = "Docker engine at {Endpoint} does not answer ({Error}). Deliveries are still recorded; they are graded once the engine is up (start dockerd, or set Docker:Endpoint / DOCKER_HOST).")]
    private static partial void LogDockerDown(ILogger logger, string endpoint, string error);
}
