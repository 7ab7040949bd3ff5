namespace GitGrader.GitHub.OAuth;

/// <summary>
/// Signing in with GitHub failed: GitHub refused the code (its <c>error</c> and <c>error_description</c>), or did not
/// answer. The message names what happened and never holds a code, token or secret.
/// </summary>
public sealed class GitHubSignInException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GitHubSignInException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public GitHubSignInException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public GitHubSignInException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with GitHub's error code.</summary>
    public GitHubSignInException(string message, string? error, Exception? innerException = null)
        : base(message, innerException) => Error = error;

    /// <summary>GitHub's <c>error</c> (e.g. <c>bad_verification_code</c>), when GitHub answered one.</summary>
    public string? Error { get; }
}
