using System.Net;

namespace GitGrader.Sandbox.Docker;

/// <summary>The engine answered an API call with an error status.</summary>
public sealed class DockerApiException : Exception
{
    public DockerApiException()
    {
    }

    public DockerApiException(string message)
        : base(message)
    {
    }

    public DockerApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DockerApiException(string operation, HttpStatusCode statusCode, string engineMessage)
        : base($"Docker engine refused {operation}: {(int)statusCode} {engineMessage}")
    {
        StatusCode = statusCode;
        EngineMessage = engineMessage;
    }

    /// <summary>HTTP status the engine answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The engine's own message.</summary>
    public string EngineMessage { get; } = string.Empty;
}
