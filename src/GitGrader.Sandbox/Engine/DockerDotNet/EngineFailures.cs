using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Sandbox.Engine.DockerDotNet;

/// <summary>
/// Turns what Docker.DotNet throws into a <see cref="SandboxException"/> that names the operation and
/// says what to do: the library's <see cref="DockerApiException"/> (the engine answered with an error
/// status), connection failures (<see cref="HttpRequestException"/> over a unix socket,
/// <see cref="AggregateException"/> of <see cref="SocketException"/>s over TCP), the client's own
/// timeout (a cancellation nobody asked for) and answers that cannot be read.
/// </summary>
internal sealed class EngineFailures
{
    private readonly string _endpoint;
    private readonly TimeSpan _requestTimeout;

    public EngineFailures(string endpoint, TimeSpan requestTimeout)
    {
        _endpoint = endpoint;
        _requestTimeout = requestTimeout;
    }

    public static string UnreachableHint =>
        "Start it (as root: `bash grader-images/ensure-docker.sh`, or `dockerd &`), or point GitGrader at a running engine with DOCKER_HOST or --docker-host (Docker:Endpoint in the configuration).";

    /// <summary>
    /// The exception to throw instead of <paramref name="exception"/>, or null when it must propagate as it
    /// is (a cancellation the caller asked for, or one of ours already).
    /// </summary>
    public SandboxException? Map(string operation, Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        SandboxException => null,
        OperationCanceledException => new SandboxException(
            $"The Docker engine at {_endpoint} did not answer {operation} within {_requestTimeout.TotalSeconds:0.#} s.",
            "Check that the engine is healthy (`docker info`, the engine's log); on a loaded machine raise Docker:RequestTimeout.",
            exception),
        DockerContainerNotFoundException notFound => new SandboxException(
            $"The Docker engine refused {operation}: the container is gone ({EngineMessage(notFound)}).",
            "Something removed GitGrader's container while it was in use (`docker rm`, `docker container prune`, an engine restart): leave containers labelled io.gitgrader.managed alone. The job is retried.",
            exception),
        DockerApiException api => new SandboxException(
            $"The Docker engine refused {operation}: {(int)api.StatusCode} {EngineMessage(api)}",
            (int)api.StatusCode >= 500
                ? "The engine failed on its side: see its log (`journalctl -u docker`, or /var/log/dockerd.log). The job is retried."
                : $"GitGrader's request does not suit the engine at {_endpoint}; check that it is a Docker Engine of API 1.41 or later (`docker version`). The job is retried.",
            exception),
        _ when SocketErrorOf(exception) is { } socket => Unreachable(socket),
        HttpRequestException or IOException or JsonException or InvalidOperationException or NotSupportedException or FormatException => new SandboxException(
            $"The Docker engine's answer to {operation} could not be read ({exception.Message}).",
            $"Check that {_endpoint} is a Docker Engine of API 1.41 or later (`docker version`). The job is retried.",
            exception),
        _ => null,
    };

    /// <summary>The engine's own message from an error answer (<c>{"message": "…"}</c>), or the answer as it came.</summary>
    public static string EngineMessage(DockerApiException exception)
    {
        var body = exception.ResponseBody?.Trim();
        if (string.IsNullOrEmpty(body))
        {
            return exception.StatusCode == HttpStatusCode.NotFound ? "not found" : exception.StatusCode.ToString();
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString()!.Trim();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the body as it came says more than nothing.
        }

        return body;
    }

    private SandboxException Unreachable(SocketException socket) => new(
        $"The Docker engine is not reachable at {_endpoint} ({socket.Message}).",
        UnreachableHint,
        socket);

    private static SocketException? SocketErrorOf(Exception exception) => exception switch
    {
        SocketException socket => socket,
        AggregateException aggregate => aggregate.InnerExceptions.Select(SocketErrorOf).FirstOrDefault(s => s is not null),
        { InnerException: { } inner } => SocketErrorOf(inner),
        _ => null,
    };
}
