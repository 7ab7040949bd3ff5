using System.Net;

namespace GitGrader.GitHub.Rest;

/// <summary>GitHub answered a request with an error that retrying did not cure.</summary>
public sealed class GitHubApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GitHubApiException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException) => StatusCode = statusCode;

    /// <summary>Creates the exception.</summary>
    public GitHubApiException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public GitHubApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public GitHubApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The final HTTP status, if any answer came.</summary>
    public HttpStatusCode? StatusCode { get; }
}
