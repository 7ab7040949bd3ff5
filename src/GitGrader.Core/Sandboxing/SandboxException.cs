namespace GitGrader.Core.Sandboxing;

/// <summary>
/// The sandbox backend failed (engine unreachable, image missing, an API call refused): our side,
/// never the student's. <see cref="Hint"/> says how to fix it.
/// </summary>
public class SandboxException : Exception
{
    public SandboxException()
    {
    }

    public SandboxException(string message)
        : base(message)
    {
    }

    public SandboxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SandboxException(string message, string hint, Exception? innerException = null)
        : base(message, innerException)
    {
        Hint = hint;
    }

    /// <summary>What an operator can do about it.</summary>
    public string? Hint { get; }
}
