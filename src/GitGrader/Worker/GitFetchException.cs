namespace GitGrader.Worker;

/// <summary><c>git</c> could not fetch or check out a commit; the message holds git's own words (never a token).</summary>
public sealed class GitFetchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GitFetchException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public GitFetchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public GitFetchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
