namespace GitGrader.Sandbox.Engine;

/// <summary>Which of an exec's output streams a piece came from.</summary>
internal enum ExecOutputStream
{
    /// <summary>Standard output.</summary>
    Stdout,

    /// <summary>Standard error.</summary>
    Stderr,
}
