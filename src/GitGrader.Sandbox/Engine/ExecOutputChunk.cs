namespace GitGrader.Sandbox.Engine;

/// <summary>A piece of an exec's output: which stream it came from and how many bytes were read (0: the output ended).</summary>
internal readonly record struct ExecOutputChunk(ExecOutputStream Stream, int Count)
{
    /// <summary>The end of the output.</summary>
    public static ExecOutputChunk End => new(ExecOutputStream.Stdout, 0);

    /// <summary>Whether the output has ended.</summary>
    public bool IsEnd => Count == 0;
}
