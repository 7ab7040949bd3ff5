namespace GitGrader.Sandbox.Engine;

/// <summary>
/// The attached streams of a running exec: stdin out, stdout and stderr back. Reads and writes may
/// run at the same time (and must, for a program that writes before it has read all of its input).
/// Reading honours its token; nothing bounds it otherwise.
/// </summary>
internal interface IExecStream : IDisposable
{
    /// <summary>
    /// Writes <paramref name="data"/> to the process's stdin. A process that exits or closes its stdin
    /// before reading all of it is not an error: the rest is dropped.
    /// </summary>
    Task WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Signals end of file on stdin; the output stays open.</summary>
    void CloseStdin();

    /// <summary>Reads the next piece of output into <paramref name="buffer"/>; a count of 0 is the end of the output.</summary>
    Task<ExecOutputChunk> ReadOutputAsync(byte[] buffer, CancellationToken cancellationToken);
}
