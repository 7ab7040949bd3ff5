namespace GitGrader.Storage;

/// <summary>
/// The store cannot be reached or used as configured (PostgreSQL unreachable, SQLite folder not
/// writable, a schema newer than this build). The message names the database but never a password.
/// </summary>
public sealed class GradingStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GradingStoreException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GradingStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public GradingStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
