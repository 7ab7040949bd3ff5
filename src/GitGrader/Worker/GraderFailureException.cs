namespace GitGrader.Worker;

/// <summary>The grade could not be completed because of GitGrader's side (sandbox, image, engine): retried, never scored.</summary>
public sealed class GraderFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GraderFailureException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public GraderFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public GraderFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
